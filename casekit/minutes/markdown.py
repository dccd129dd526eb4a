"""Minutes as Markdown (CommonMark with GFM tables), safe for any text a user typed."""
from __future__ import annotations

import re

from .layout import Bullets, Fields, Heading, Para, Table, blocks
from .model import Minutes

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.M)
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape_inline(text: str) -> str:
    """User text as literal inline Markdown: emphasis, code, links, HTML tags, entities and pipes escaped."""
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", str(text)))


def escape(text: str) -> str:
    """User text as a literal Markdown paragraph: inline escapes plus block markers at line starts."""
    return _LINE_START.sub(lambda m: m.group(1) + "".join("\\" + c if not c.isdigit() else c for c in m.group(2)),
                           escape_inline(text))


def cell(text: str) -> str:
    """A table cell: escaped, on one line (a line break would end the table row)."""
    return escape_inline(" ".join(str(text).split()))


def _paragraph(text: str) -> str:
    # hard line breaks inside a paragraph: two trailing spaces
    return "  \n".join(escape(line) for line in str(text).strip().splitlines() if line.strip())


def _table(table: Table) -> str:
    lines = ["| " + " | ".join(cell(h) for h in table.headers) + " |",
             "|" + "|".join(" --- " for _ in table.headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join(lines)


def to_markdown(minutes: Minutes) -> str:
    """The minutes as one Markdown document."""
    parts = []
    for block in blocks(minutes):
        if isinstance(block, Heading):
            parts.append("#" * (block.level + 1) + " " + cell(block.text).replace("#", "\\#"))
        elif isinstance(block, Fields):
            parts.append("\n".join(f"- **{cell(label)}:** {cell(value)}" for label, value in block.items))
        elif isinstance(block, Para):
            text = _paragraph(block.text)
            parts.append(f"*{text}*" if block.style == "footer" and text else text)
        elif isinstance(block, Bullets):
            items = "\n".join(f"- {escape(' '.join(item.split()))}" for item in block.items)
            parts.append(f"**{cell(block.title)}**\n\n{items}")
        elif isinstance(block, Table):
            parts.append(_table(block))
    return "\n\n".join(p for p in parts if p) + "\n"
