"""Minutes as one self-contained, print-ready HTML page (A4; no scripts, external styles, fonts or images)."""
from __future__ import annotations

from html import escape

from .layout import Bullets, Fields, Heading, Para, Table, blocks
from .model import Minutes

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; }
body { max-width: 178mm; margin: 1.5em auto; line-height: 1.4; }
h1 { font-size: 17pt; margin: 0 0 .6em; }
h2 { font-size: 13pt; margin: 1.3em 0 .4em; border-bottom: 1px solid #888; padding-bottom: .1em; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .4em 0; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 9.5pt; }
th, td { border: 1px solid #777; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
tr { page-break-inside: avoid; break-inside: avoid; }
p.note { color: #333; font-style: italic; }
p.footer { border-top: 1px solid #888; padding-top: .4em; font-size: 9.5pt; }
.list-title { font-weight: bold; margin: .5em 0 .1em; }
ul { margin-top: .1em; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { page-break-after: avoid; break-after: avoid; }
  thead { display: table-header-group; }
  th { background: #e8e8e8 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _text(value: str) -> str:
    return "<br>".join(escape(line) for line in str(value).splitlines()) if value else ""


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    body = "".join("<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>" for row in table.rows)
    return (f'<table class="{escape(table.name)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _block(block) -> str:
    if isinstance(block, Heading):
        level = min(block.level + 1, 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Fields):
        items = "".join(f"<dt>{escape(k)}</dt><dd>{_text(v)}</dd>" for k, v in block.items)
        return f'<dl class="fields">{items}</dl>'
    if isinstance(block, Para):
        css = f' class="{block.style}"' if block.style else ""
        return f"<p{css}>{_text(block.text)}</p>"
    if isinstance(block, Bullets):
        items = "".join(f"<li>{_text(item)}</li>" for item in block.items)
        return f'<p class="list-title">{escape(block.title)}</p><ul>{items}</ul>'
    if isinstance(block, Table):
        return _table(block)
    return ""


def to_html(minutes: Minutes) -> str:
    """The minutes as a complete HTML document; every user text is escaped."""
    body = "\n".join(_block(b) for b in blocks(minutes))
    title = escape(f"{minutes.title} – {minutes.client} – {minutes.date_text}")
    return (f'<!DOCTYPE html>\n<html lang="{escape(minutes.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
