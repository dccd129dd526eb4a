"""Write plain data (mappings, lists, texts, numbers, booleans, null) as block-style YAML, fast.

PyYAML's dumper builds a node per value in Python; for an instrument imported from a 50,000-row data
dictionary that alone took about a minute. The instruments casekit writes hold only plain data, so this
writer emits the text directly, in the style PyYAML uses (``key: value``, ``- item``, ``|`` blocks for
multi-line texts). Whether a text can stand unquoted is decided by PyYAML's own resolver (a text that a
YAML reader would take for a number, a boolean, null or a date is quoted), and everything else is written
double-quoted with JSON's escapes, which YAML reads the same way. ``tests/test_importers.py`` checks with
property tests that PyYAML reads back exactly what was written.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any

# characters YAML does not allow raw (C0/C1 controls, DEL, surrogates, BOM-like non-characters) or reads
# as line breaks inside a quoted text (NEL, LINE and PARAGRAPH SEPARATOR): escaped inside double quotes
_ESCAPE = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)}
_NEEDS_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")  # the keys of _ESCAPE
_UNSAFE_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff\t\r]")
_PLAIN_FIRST = re.compile(r"[A-Za-z0-9_(./$\u00c0-\U0010ffff]")
_PLAIN_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_STR_TAG = "tag:yaml.org,2002:str"
_encode_basestring = json.encoder.encode_basestring


@lru_cache(maxsize=1)
def _resolver():
    import yaml

    return yaml.resolver.Resolver()


_MARKS = re.compile("[\\[\\]{},&*!|>'\"%@`]")  # flow indicators and other marks: quoted, to be safe
_PLAIN_BAD_OR_MARK = re.compile(f"{_PLAIN_BAD.pattern}|{_MARKS.pattern}")  # one search instead of two


@lru_cache(maxsize=1)
def _implicit() -> tuple[dict, tuple]:
    """PyYAML's implicit resolvers by first character, and those for any first character: what
    ``Resolver.resolve`` tries on a plain scalar (a number, true, null, a date …), looked up without its
    per-call list building (every item id of a large import goes through here)."""
    resolver = _resolver()
    table = resolver.yaml_implicit_resolvers
    wildcard = tuple(table.get(None, ()))
    return {k: tuple(v) + wildcard for k, v in table.items() if k}, wildcard


@lru_cache(maxsize=65536)
def _plain_ok(text: str) -> bool:
    """Can ``text`` be written without quotes and still be read as this same text?"""
    if not text or len(text) > 200 or not _PLAIN_FIRST.match(text) or text[-1].isspace() or text[-1] == ":":
        return False
    if ": " in text or " #" in text or _PLAIN_BAD_OR_MARK.search(text):
        return False
    by_first, wildcard = _implicit()
    # Resolver.resolve(ScalarNode, text, (True, False)): the tag of the first resolver that matches, else str
    for tag, regexp in by_first.get(text[0], wildcard):
        if regexp.match(text):
            return tag == _STR_TAG
    return True


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON's escapes, plus the characters YAML treats specially)."""
    if not text:
        return '""'
    out = _encode_basestring(text)  # what json.dumps(text, ensure_ascii=False) returns, without a new encoder
    # str.translate looks every character up in the table (a tenth of the time of writing a large import):
    # only a text that has one of those characters needs it
    return out.translate(_ESCAPE) if _NEEDS_ESCAPE.search(out) else out


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "." not in text and "e" in text:  # 1e-05 must read back as a number: 1.0e-05
            mantissa, exponent = text.split("e")
            text = f"{mantissa}.0e{exponent}"
        return text
    text = str(value)
    return text if _plain_ok(text) else quoted(text)


def _block(text: str, indent: str) -> str | None:
    """A multi-line text as a ``|`` literal block, or None when it cannot be one exactly."""
    if _UNSAFE_BLOCK.search(text) or any(line != line.rstrip(" ") for line in text.split("\n")):
        return None
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    if trailing == 0:
        chomp = "-"
    elif trailing == 1:
        chomp = ""
    else:
        return None
    lines = body.split("\n")
    if not lines[0] or lines[0][0] == " ":
        return None  # a first line that starts with a space (or is empty) needs an indentation indicator
    inner = indent + "  "
    return f"|{chomp}\n" + "\n".join(inner + line if line else "" for line in lines)


def _value(value: Any, indent: str, memo: dict | None = None) -> str:
    """What follows ``key:`` or ``-``: a scalar on the same line, or a newline and a nested block.

    ``memo`` (id of a list, indentation → its text) writes a list that appears many times (the same levels
    shared by many items) once."""
    if isinstance(value, dict):
        if not value:
            return " {}"
        inner = indent + "  "
        lines = []
        for key, text in value.items():  # a text ({en: …, cs: …}): one line per language, no recursion
            if type(key) is not str or type(text) is not str or "\n" in text:
                return "\n" + _mapping(value, inner, memo)
            lines.append(f"{inner}{_key(key)} {text if _plain_ok(text) else quoted(text)}")
        return "\n" + "\n".join(lines)
    if isinstance(value, (list, tuple)):
        if not value:
            return " []"
        if memo is None:
            return "\n" + _sequence(value, indent)
        key = (id(value), indent)
        found = memo.get(key)
        if found is None or found[0] is not value:
            found = memo[key] = (value, "\n" + _sequence(value, indent, memo))
        return found[1]
    if isinstance(value, str) and "\n" in value:
        block = _block(value, indent)
        if block is not None:
            return " " + block
    return " " + scalar(value)


@lru_cache(maxsize=4096)
def _key(key: Any) -> str:
    return scalar(key) + ":"


def _mapping(data: dict, indent: str, memo: dict | None = None) -> str:
    lines = []
    for key, value in data.items():
        head = indent + (_key(key) if isinstance(key, str) else scalar(key) + ":")
        kind = type(value)
        if kind is str and "\n" not in value and _plain_ok(value):  # the common cases, short-cut
            lines.append(f"{head} {value}")
        elif kind is bool:
            lines.append(f"{head} {'true' if value else 'false'}")
        elif kind is int:
            lines.append(f"{head} {value}")
        else:
            lines.append(head + _value(value, indent, memo))
    return "\n".join(lines)


def _sequence(items, indent: str, memo: dict | None = None) -> str:
    lines = []
    for value in items:
        if isinstance(value, dict) and value:
            inner = _mapping(value, indent + "  ", memo)
            lines.append(f"{indent}- {inner[len(indent) + 2:]}")
        elif isinstance(value, (list, tuple)) and value:
            inner = _sequence(value, indent + "  ", memo)
            lines.append(f"{indent}- {inner[len(indent) + 2:]}")
        else:
            lines.append(f"{indent}-{_value(value, indent, memo)}")
    return "\n".join(lines)


def dump(data: dict) -> str:
    """``data`` (a mapping of plain values) as block-style YAML text ending with a newline."""
    if not isinstance(data, dict):
        raise TypeError("dump() takes a mapping")
    return (_mapping(data, "", {}) if data else "{}") + "\n"
