"""Translate REDCap branching logic / calculations and XLSForm (ODK XPath) expressions into casekit's
expression language (``casekit.instruments.expr``).

Both dialects are tokenised into the same small syntax tree and rendered by one renderer that knows the
items (their type and choice codes), so that ``[q1] = '1'`` becomes ``q1 == 1`` when the codes of ``q1``
are numbers, ``[q2(3)] = '1'`` becomes ``3 in q2`` and ``selected(${q2}, 'a')`` becomes ``'a' in q2``.
Whatever has no counterpart raises :class:`Unsupported` with a translatable reason; the importer then
leaves the expression out and reports it with its original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..definition import ItemType
from ._notes import Msg

REDCAP = "redcap"
XLSFORM = "xlsform"


class Unsupported(Exception):
    """The expression cannot be carried over; ``reason`` says why (a message with a key)."""

    def __init__(self, key: str, **params):
        self.reason = Msg(f"import.why.{key}", params)
        super().__init__(key, params)


@dataclass
class FieldInfo:
    """What the renderer needs to know about an item (or a calculated score) of the source form."""

    id: str                                  # casekit id
    type: ItemType | str                     # ItemType, or "score"
    codes: list = field(default_factory=list)  # choice codes (as they end up in casekit)
    expr: str | None = None                  # score: its formula in casekit's language (inlined)

    @property
    def codes_int(self) -> bool:
        return bool(self.codes) and all(isinstance(c, int) for c in self.codes)


@dataclass
class Context:
    """How names resolve. ``lookup(name)`` returns a :class:`FieldInfo` or raises :class:`Unsupported`."""

    lookup: Callable[[str], FieldInfo]
    current: FieldInfo | None = None   # the item a constraint checks (``.`` / ``value``)


# -- tokens ------------------------------------------------------------------------------------------

@dataclass
class Tok:
    kind: str      # field, current, str, num, name, op, lp, rp, comma, end
    value: object
    pos: int       # 1-based character


_NUM = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_WORD = {REDCAP: re.compile(r"[A-Za-z_][A-Za-z0-9_]*"), XLSFORM: re.compile(r"[A-Za-z_][A-Za-z0-9_\-.:]*")}
_REDCAP_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9_]*)(?:\(([^()]*)\))?")
_REDCAP_OPS = ("<>", "<=", ">=", "!=", "==", "&&", "||", "=", "<", ">", "+", "-", "*", "/", "^", "!")
_XPATH_OPS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "|", "/")


def tokenize(text: str, dialect: str) -> list[Tok]:
    out: list[Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        pos = i + 1
        if ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise Unsupported("syntax", position=pos)
            out.append(Tok("str", text[i + 1:end], pos))
            i = end + 1
            continue
        if dialect == REDCAP and ch == "[":
            end = text.find("]", i)
            if end < 0:
                raise Unsupported("syntax", position=pos)
            inner = text[i + 1:end].strip()
            i = end + 1
            if i < n and text[i] == "[":
                raise Unsupported("event")  # [event][field] or [field][instance]
            m = _REDCAP_FIELD.fullmatch(inner)
            if not m:
                if re.fullmatch(r"[A-Za-z0-9_:\-]+(?:\([^()]*\))?", inner or "-"):
                    raise Unsupported("smart_variable", name=inner)
                raise Unsupported("syntax", position=pos)
            code = m.group(2).strip() if m.group(2) is not None else None
            out.append(Tok("field", (m.group(1), code), pos))
            continue
        if dialect == XLSFORM and text.startswith("${", i):
            end = text.find("}", i)
            if end < 0:
                raise Unsupported("syntax", position=pos)
            out.append(Tok("field", (text[i + 2:end].strip(), None), pos))
            i = end + 1
            continue
        m = _NUM.match(text, i)
        if m and not (dialect == XLSFORM and text.startswith("..", i)):
            raw = m.group(0)
            out.append(Tok("num", float(raw) if "." in raw else int(raw), pos))
            i = m.end()
            continue
        if dialect == XLSFORM and ch == ".":
            if text.startswith("..", i):
                raise Unsupported("path", path="..")
            out.append(Tok("current", ".", pos))
            i += 1
            continue
        if ch.isalpha() or ch == "_":
            m = (_WORD[REDCAP] if dialect == REDCAP else _WORD[XLSFORM]).match(text, i)
            word = m.group(0)
            out.append(Tok("name", word, pos))
            i = m.end()
            continue
        if ch == "(":
            out.append(Tok("lp", ch, pos))
            i += 1
            continue
        if ch == ")":
            out.append(Tok("rp", ch, pos))
            i += 1
            continue
        if ch == ",":
            out.append(Tok("comma", ch, pos))
            i += 1
            continue
        for op in (_REDCAP_OPS if dialect == REDCAP else _XPATH_OPS):
            if text.startswith(op, i):
                out.append(Tok("op", op, pos))
                i += len(op)
                break
        else:
            raise Unsupported("operator", op=ch)
    out.append(Tok("end", None, n + 1))
    return out


# -- parser --------------------------------------------------------------------------------------------
# Nodes are tuples: ("field", name, code) ("value",) ("str", s) ("num", n) ("bool", b)
# ("call", name, [args]) ("cmp", op, l, r) ("arith", op, l, r) ("neg", x) ("and", l, r) ("or", l, r)
# ("not", x) ("in", needle, haystack)

_CMP = {"=": "==", "==": "==", "<>": "!=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


#: Deepest nesting followed (parentheses, function calls, ``not``/``-`` chains, and the depth of the tree a
#: chain of operators builds): casekit's own expressions allow 64 levels, so nothing deeper could be kept.
MAX_DEPTH = 64


class _Parser:
    def __init__(self, text: str, dialect: str):
        self.dialect = dialect
        self.toks = tokenize(text, dialect)
        self.i = 0
        self.depth = 0

    def enter(self) -> None:
        """One level deeper (a parenthesis, a call, a ``not`` or a sign): refused past :data:`MAX_DEPTH`, so
        that a condition nested 150 deep is reported instead of exhausting Python's stack."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Unsupported("too_deep", limit=MAX_DEPTH)

    def leave(self) -> None:
        self.depth -= 1

    def peek(self) -> Tok:
        return self.toks[self.i]

    def take(self) -> Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def word(self, tok: Tok, *words: str) -> bool:
        return tok.kind == "name" and str(tok.value).lower() in words

    def parse(self):
        node = self.or_()
        if self.peek().kind != "end":
            raise Unsupported("syntax", position=self.peek().pos)
        # a long chain of `and`s or `+`s builds a deep tree without nesting; each node of the tree has a token of
        # its own, so a tree of at most MAX_DEPTH tokens cannot be deeper than that (most conditions: not walked)
        if len(self.toks) - 1 > MAX_DEPTH and tree_depth(node) > MAX_DEPTH:
            raise Unsupported("too_deep", limit=MAX_DEPTH)
        return node

    def or_(self):
        node = self.and_()
        while self.word(self.peek(), "or") or (self.peek().kind == "op" and self.peek().value == "||"):
            self.take()
            node = ("or", node, self.and_())
        return node

    def and_(self):
        node = self.not_()
        while self.word(self.peek(), "and") or (self.peek().kind == "op" and self.peek().value == "&&"):
            self.take()
            node = ("and", node, self.not_())
        return node

    def not_(self):
        tok = self.peek()
        if self.dialect == REDCAP and tok.kind == "op" and tok.value == "!":
            self.take()
            self.enter()
            node = ("not", self.not_())
            self.leave()
            return node
        return self.cmp()

    def cmp(self):
        node = self.add()
        tok = self.peek()
        if tok.kind == "op" and tok.value in _CMP:
            self.take()
            node = ("cmp", _CMP[tok.value], node, self.add())
            nxt = self.peek()
            if nxt.kind == "op" and nxt.value in _CMP:
                raise Unsupported("syntax", position=nxt.pos)
        return node

    def add(self):
        node = self.mul()
        while self.peek().kind == "op" and self.peek().value in ("+", "-"):
            op = self.take().value
            node = ("arith", op, node, self.mul())
        return node

    def mul(self):
        node = self.unary()
        while True:
            tok = self.peek()
            if tok.kind == "op" and tok.value == "*":
                self.take()
                node = ("arith", "*", node, self.unary())
            elif tok.kind == "op" and tok.value == "/" and self.dialect == REDCAP:
                self.take()
                node = ("arith", "/", node, self.unary())
            elif self.dialect == XLSFORM and self.word(tok, "div"):
                self.take()
                node = ("arith", "/", node, self.unary())
            elif self.dialect == XLSFORM and self.word(tok, "mod"):
                raise Unsupported("operator", op="mod")
            elif tok.kind == "op" and tok.value == "/":
                raise Unsupported("path", path="/")
            elif tok.kind == "op" and tok.value == "|":
                raise Unsupported("operator", op="|")
            else:
                return node

    def unary(self):
        tok = self.peek()
        if tok.kind == "op" and tok.value in ("-", "+"):
            self.take()
            self.enter()
            inner = self.unary()
            self.leave()
            return ("neg", inner) if tok.value == "-" else inner
        node = self.primary()
        if self.peek().kind == "op" and self.peek().value == "^":
            raise Unsupported("operator", op="^")
        return node

    def primary(self):
        tok = self.take()
        if tok.kind == "num":
            return ("num", tok.value)
        if tok.kind == "str":
            return ("str", tok.value)
        if tok.kind == "field":
            name, code = tok.value
            return ("field", name, code)
        if tok.kind == "current":
            return ("value",)
        if tok.kind == "lp":
            self.enter()
            node = self.or_()
            self.leave()
            if self.take().kind != "rp":
                raise Unsupported("syntax", position=tok.pos)
            return node
        if tok.kind == "name":
            word = str(tok.value)
            if self.peek().kind == "lp":
                self.take()
                self.enter()
                args = []
                if self.peek().kind != "rp":
                    args.append(self.or_())
                    while self.peek().kind == "comma":
                        self.take()
                        args.append(self.or_())
                closing = self.take()
                self.leave()
                if closing.kind != "rp":
                    raise Unsupported("syntax", position=closing.pos)
                if self.dialect == XLSFORM and word == "selected" and len(args) == 2:
                    return ("in", args[1], args[0])
                if self.dialect == XLSFORM and word == "not" and len(args) == 1:
                    return ("not", args[0])
                return ("call", word.lower(), args, word)
            if word.lower() in ("true", "false"):
                return ("bool", word.lower() == "true")
            if self.dialect == XLSFORM:
                raise Unsupported("path", path=word)
            raise Unsupported("syntax", position=tok.pos)
        if self.dialect == XLSFORM and tok.kind == "op" and tok.value == "/":
            raise Unsupported("path", path="/")
        raise Unsupported("syntax", position=tok.pos)


def tree_depth(node) -> int:
    """Depth of a syntax tree, counted without recursion."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        for child in current[1:]:
            if isinstance(child, tuple):
                stack.append((child, depth + 1))
            elif isinstance(child, list):
                stack.extend((c, depth + 1) for c in child if isinstance(c, tuple))
    return deepest


def parse_source(text: str, dialect: str):
    return _Parser(text, dialect).parse()


# -- renderer -------------------------------------------------------------------------------------------
# precedence of the rendered Python: or 1, and 2, not 3, comparisons 4, + - 5, * / 6, unary 7, atoms 8

_MIRROR = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_INT = re.compile(r"^-?\d+$")
_FLOAT = re.compile(r"^-?(\d+\.\d*|\.\d+|\d+)$")
_REDCAP_SAME = {"sum", "mean", "min", "max", "abs", "round"}
_XPATH_SAME = {"min", "max", "abs", "round"}


def is_atom(expr: str) -> bool:
    """Is ``expr`` a name or one call (``sum(a, b)``), safe to use without parentheses?"""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", expr):
        return True
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*\(", expr)
    if not m or not expr.endswith(")"):
        return False
    depth, quote = 0, None
    for i in range(m.end() - 1, len(expr)):
        ch = expr[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth == 0 and i != len(expr) - 1:
                return False
    return depth == 0


def number_literal(value) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return repr(value)


def _num_from(value):
    """A number from a literal (int, float or numeric-looking text), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip()
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return None


def code_value(raw, info: FieldInfo):
    """A choice code written in the source as it is stored in casekit."""
    if info.codes_int:
        number = _num_from(raw)
        if isinstance(number, int):
            return number
        if isinstance(number, float) and number.is_integer():
            return int(number)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw)


class Renderer:
    def __init__(self, ctx: Context, dialect: str):
        self.ctx, self.dialect = ctx, dialect

    # a rendered piece is (text, precedence)
    def render(self, node) -> str:
        return self.r(node)[0]

    def wrap(self, piece, least: int) -> str:
        text, prec = piece
        return text if prec >= least else f"({text})"

    def literal(self, node) -> tuple[str, int]:
        kind = node[0]
        if kind == "num":
            text = number_literal(node[1])
            return text, (7 if text.startswith("-") else 8)
        if kind == "bool":
            return ("true" if node[1] else "false"), 8
        value = node[1]
        number = _num_from(value)
        if number is not None:  # '5' compared or added: both dialects read it as a number
            text = number_literal(number)
            return text, (7 if text.startswith("-") else 8)
        return repr(value), 8

    def field(self, node) -> FieldInfo:
        if node[0] == "value":
            if self.ctx.current is None:
                raise Unsupported("current_value")
            return self.ctx.current
        return self.ctx.lookup(node[1])

    def ref(self, node) -> tuple[str, int]:
        if node[0] == "value":
            self.field(node)
            return "value", 8
        info = self.field(node)
        if node[2] is not None:  # checkbox option used as a number: 1 when ticked
            return f"iif({self.option(node, info)} in {info.id}, 1, 0)", 8
        if info.type == "score":
            return (info.expr if is_atom(info.expr) else f"({info.expr})"), 8
        return info.id, 8

    def name_of(self, node, info: FieldInfo) -> str:
        if node[0] == "value":
            return "value"
        if info.type == "score":
            return info.expr if is_atom(info.expr) else f"({info.expr})"
        return info.id

    def option(self, node, info: FieldInfo) -> str:
        if info.type != ItemType.MULTIPLE:
            raise Unsupported("checkbox_compare")
        value = code_value(node[2], info)
        if info.codes and value not in info.codes:
            raise Unsupported("unknown_choice", value=str(node[2]), name=info.id)
        return repr(value) if isinstance(value, str) else number_literal(value)

    def typed_literal(self, lit, info: FieldInfo) -> tuple[str, int]:
        raw = lit[1]
        t = info.type
        if t == ItemType.YESNO:
            key = str(raw).strip().lower() if not isinstance(raw, bool) else ("true" if raw else "false")
            if key in ("1", "yes", "true", "y"):
                return "true", 8
            if key in ("0", "no", "false", "n"):
                return "false", 8
            raise Unsupported("unknown_choice", value=str(raw), name=info.id)
        if t in (ItemType.SINGLE, ItemType.SCALE):
            value = code_value(raw, info)
            if info.codes and value not in info.codes:
                raise Unsupported("unknown_choice", value=str(raw), name=info.id)
            if isinstance(value, str):
                return repr(value), 8
            text = number_literal(value)
            return text, (7 if text.startswith("-") else 8)
        if t in (ItemType.TEXT, ItemType.DATE):
            if lit[0] == "bool":
                raise Unsupported("syntax", position=1)
            return repr(number_literal(raw) if isinstance(raw, (int, float)) else str(raw)), 8
        return self.literal(lit)

    def r(self, node) -> tuple[str, int]:
        kind = node[0]
        if kind in ("num", "str", "bool"):
            return self.literal(node)
        if kind in ("field", "value"):
            return self.ref(node)
        if kind == "neg":
            return "-" + self.wrap(self.r(node[1]), 7), 7
        if kind == "arith":
            _, op, left, right = node
            prec = 5 if op in "+-" else 6
            return f"{self.wrap(self.r(left), prec)} {op} {self.wrap(self.r(right), prec + 1)}", prec
        if kind in ("and", "or"):
            prec = 2 if kind == "and" else 1
            parts = []
            for position, child in enumerate(node[1:]):
                least = prec + position  # the right operand of the same operator gets parentheses
                if kind == "or" and child[0] == "and":
                    least = 3  # `a or (b and c)`: not needed, but easier to read
                parts.append(self.wrap(self.r(child), least))
            return f"{parts[0]} {kind} {parts[1]}", prec
        if kind == "not":
            inner = node[1]
            if inner[0] == "in":
                return self.member(inner, negate=True)
            text, prec = self.r(inner)
            if prec == 3 and text.startswith("not "):  # not (not answered(x)) → answered(x)
                return text[4:], 8
            return "not " + self.wrap((text, prec), 8), 3
        if kind == "in":
            return self.member(node, negate=False)
        if kind == "cmp":
            return self.compare(node)
        if kind == "call":
            return self.call(node)
        raise Unsupported("syntax", position=1)  # pragma: no cover

    def member(self, node, negate: bool) -> tuple[str, int]:
        _, needle, hay = node
        if hay[0] not in ("field", "value") or hay[0] == "field" and hay[2] is not None:
            raise Unsupported("syntax", position=1)
        info = self.field(hay)
        if info.type != ItemType.MULTIPLE:
            # selected() on a single-choice item means equality
            if info.type in (ItemType.SINGLE, ItemType.SCALE) and needle[0] in ("str", "num"):
                lit = self.typed_literal(needle, info)
                return f"{self.name_of(hay, info)} {'!=' if negate else '=='} {lit[0]}", 4
            raise Unsupported("checkbox_compare")
        if needle[0] not in ("str", "num"):
            raise Unsupported("syntax", position=1)
        value = code_value(needle[1], info)
        if info.codes and value not in info.codes:
            raise Unsupported("unknown_choice", value=str(needle[1]), name=info.id)
        lit = repr(value) if isinstance(value, str) else number_literal(value)
        return f"{lit} {'not in' if negate else 'in'} {self.name_of(hay, info)}", 4

    def compare(self, node) -> tuple[str, int]:
        _, op, left, right = node
        is_ref = lambda n: n[0] in ("field", "value")  # noqa: E731
        is_lit = lambda n: n[0] in ("str", "num", "bool")  # noqa: E731
        if is_lit(left) and is_ref(right):
            op, left, right = _MIRROR[op], right, left
        if is_ref(left) and left[0] == "field" and left[2] is not None:
            # [q2(3)] = '1'  →  3 in q2 ;  = '0'  →  3 not in q2
            info = self.field(left)
            flag = _num_from(right[1]) if is_lit(right) and right[0] != "bool" else (
                int(right[1]) if right[0] == "bool" else None)
            if op not in ("==", "!=") or flag not in (0, 1):
                raise Unsupported("checkbox_compare")
            checked = (flag == 1) != (op == "!=")
            return f"{self.option(left, info)} {'in' if checked else 'not in'} {info.id}", 4
        if is_ref(left) and is_lit(right):
            info = self.field(left)
            name = self.name_of(left, info)
            if right[0] == "str" and right[1].strip() == "":
                if op == "==":
                    return f"not answered({name})", 3
                if op == "!=":
                    return f"answered({name})", 8
                raise Unsupported("syntax", position=1)
            if info.type == ItemType.MULTIPLE:
                raise Unsupported("multiple_compare", name=info.id)
            if info.type == ItemType.YESNO and op not in ("==", "!="):
                raise Unsupported("syntax", position=1)
            lit = self.typed_literal(right, info)
            return f"{name} {op} {self.wrap(lit, 5)}", 4
        for side in (left, right):
            if is_ref(side) and self.field(side).type == ItemType.MULTIPLE and side[0] == "field" and side[2] is None:
                raise Unsupported("multiple_compare", name=self.field(side).id)
        return f"{self.wrap(self.r(left), 5)} {op} {self.wrap(self.r(right), 5)}", 4

    def call(self, node) -> tuple[str, int]:
        _, name, args, original = node
        same = _REDCAP_SAME if self.dialect == REDCAP else _XPATH_SAME
        if name in same:
            if name == "round" and len(args) not in (1, 2) or name == "abs" and len(args) != 1 or not args:
                raise Unsupported("function", name=original)
            return f"{name}({', '.join(self.r(a)[0] for a in args)})", 8
        if name == "if" and len(args) == 3:
            return f"iif({', '.join(self.r(a)[0] for a in args)})", 8
        if self.dialect == XLSFORM:
            if name == "selected" and len(args) == 2:
                return self.member(("in", args[1], args[0]), negate=False)
            if name == "not" and len(args) == 1:
                return self.r(("not", args[0]))
            if name in ("count-selected", "string-length") and len(args) == 1:
                return f"len({self.r(args[0])[0]})", 8
            if name in ("true", "false") and not args:
                return name, 8
            if name == "coalesce" and len(args) == 2 and args[0][0] in ("field", "value"):
                first = self.r(args[0])[0]
                return f"iif(answered({first}), {first}, {self.r(args[1])[0]})", 8
        raise Unsupported("function", name=original)


def translate(text: str, dialect: str, ctx: Context) -> str:
    """The expression in casekit's language; raises :class:`Unsupported`."""
    tree = parse_source(text, dialect)
    return Renderer(ctx, dialect).render(tree)


def sum_or_mean_of_fields(text: str, ctx: Context) -> tuple[str, list[str]] | None:
    """``sum([a], [b], …)`` / ``mean(…)`` of plain items → ("sum"|"mean", [ids]), else None."""
    try:
        tree = parse_source(text, REDCAP)
    except Unsupported:
        return None
    if tree[0] != "call" or tree[1] not in ("sum", "mean") or len(tree[2]) < 1:
        return None
    ids = []
    for arg in tree[2]:
        if arg[0] != "field" or arg[2] is not None:
            return None
        try:
            info = ctx.lookup(arg[1])
        except Unsupported:
            return None
        numeric = info.type in (ItemType.SCALE, ItemType.NUMBER, ItemType.YESNO) or (
            info.type == ItemType.SINGLE and info.codes_int)
        if not numeric:
            return None
        ids.append(info.id)
    return tree[1], ids


def check_parses(text: str) -> None:
    """Make sure casekit's parser accepts what was produced. The importers leave this to the final checks
    (``build_instrument`` parses every expression once and reports any refused one with its reason)."""
    try:
        from ..expr import ExpressionError, parse
    except ImportError:  # pragma: no cover - the expression module ships with casekit
        return
    try:
        parse(text)
    except ExpressionError as exc:
        raise Unsupported("parse_check", detail=exc.message("en")) from None
