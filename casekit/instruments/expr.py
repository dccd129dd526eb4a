"""casekit's small expression language for branching (``show_if``), checks (``constraint``) and scores.

An expression is a subset of Python's expression syntax. It is parsed with ``ast.parse(mode="eval")``
and then *interpreted* by walking a whitelist of node types; it is never passed to ``eval``, ``exec`` or
``compile``. Anything outside the whitelist (attribute access, subscripts, lambdas, comprehensions,
keyword arguments, ``**`` …) is refused when the expression is parsed, with a message naming the
character where it starts. The language is documented for researchers in ``docs/instruments.md``.

>>> parse("housing_status in [1, 2]").evaluate({"housing_status": 2})
True
>>> parse("mean(a, b, c)").evaluate({"a": 1, "b": None, "c": 4})
2.5

Null (an unanswered or hidden item) propagates through arithmetic, makes comparisons false and is
skipped by ``sum``/``mean``/``min``/``max``; division by zero gives null. Evaluation never raises.
"""
from __future__ import annotations

import ast
import math
import re
import warnings
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any, Iterable, Mapping

from ..errors import CaseKitError
from .evaluate import CONSTANTS, VALUE, evaluate, is_missing, truthy

__all__ = ["Comparison", "Expression", "ExpressionError", "FUNCTIONS", "RESERVED", "is_missing", "parse", "truthy"]

#: Longest expression accepted, in characters.
MAX_LENGTH = 500
#: Deepest nesting of the syntax tree, and most nodes in it.
MAX_DEPTH = 64
MAX_NODES = 400
#: Longest string literal, and largest number literal (absolute value).
MAX_STRING = 200
MAX_NUMBER = 10**15
#: Names with a fixed meaning (``value`` is the answer a constraint checks); no item can be called so.
RESERVED = frozenset(CONSTANTS) | {VALUE}

#: Whitelisted functions: name → (least, most) number of arguments (None: any number).
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "answered": (1, 1), "sum": (1, None), "mean": (1, None), "min": (1, None), "max": (1, None),
    "count": (2, 2), "count_answered": (1, None), "iif": (3, 3), "round": (1, 2), "abs": (1, 1),
    "len": (1, 1), "items": (1, 1),
}
_GLOB = re.compile(r"^[A-Za-z0-9_*?\[\]!]{1,64}$")

# Node types refused with a message of their own (the key names what is not allowed).
_REFUSED = {
    ast.Attribute: "errors.expr_attribute",
    ast.Subscript: "errors.expr_subscript",
    ast.Lambda: "errors.expr_lambda",
    ast.ListComp: "errors.expr_comprehension",
    ast.SetComp: "errors.expr_comprehension",
    ast.DictComp: "errors.expr_comprehension",
    ast.GeneratorExp: "errors.expr_comprehension",
    ast.IfExp: "errors.expr_ifexp",
    ast.NamedExpr: "errors.expr_assignment",
    ast.JoinedStr: "errors.expr_fstring",
    ast.Starred: "errors.expr_starred",
    ast.Dict: "errors.expr_collection",
    ast.Set: "errors.expr_collection",
    ast.Tuple: "errors.expr_collection",
    ast.Await: "errors.expr_not_allowed",
    ast.Yield: "errors.expr_not_allowed",
    ast.YieldFrom: "errors.expr_not_allowed",
}
#: Node type → (the message refusing it or None, the name of its visit method).
_VISITS: dict[type, tuple[str | None, str]] = {}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_ARITHMETIC = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)


class ExpressionError(CaseKitError):
    """An expression casekit cannot accept. ``position`` is the 1-based character where the problem starts."""

    code = "errors.expr_syntax"

    def __init__(self, code: str, expr: str = "", position: int = 1, **params):
        self.expr = expr
        self.position = position
        shown = expr if len(expr) <= 80 else expr[:77] + "…"
        super().__init__(code, expr=shown, position=position, **params)


@dataclass(frozen=True)
class Comparison:
    """``item == literal`` / ``item in [literals]`` / ``literal in item`` found in an expression."""

    name: str
    values: tuple
    position: int


@dataclass(frozen=True)
class Expression:
    """A parsed, checked expression. Build it with :func:`parse`."""

    text: str
    tree: ast.Expression = field(repr=False, compare=False)
    #: Item ids the expression names directly (not ``value`` nor ``true``/``false``/``null``).
    names: frozenset[str] = frozenset()
    #: Glob patterns given to ``items("…")``.
    globs: tuple[str, ...] = ()
    #: Does it use ``value`` (the answer checked by a constraint)?
    uses_value: bool = False
    #: Comparisons of an item (or ``value``) with literal values, to check them against the item's levels.
    comparisons: tuple[Comparison, ...] = ()

    def references(self, item_ids: Iterable[str]) -> set[str]:
        """Every item id the expression depends on: its names plus the ids its globs match."""
        refs = set(self.names)
        if self.globs:  # only then the ids are looked at: no pass over every item for a plain condition
            ids = list(item_ids)
            for pattern in self.globs:
                refs |= {i for i in ids if fnmatchcase(i, pattern)}
        return refs

    def evaluate(self, answers: Mapping[str, Any], value: Any = None, *,
                 item_ids: Iterable[str] | None = None) -> Any:
        """The value of the expression for these answers (``value``: the answer a constraint checks).

        ``item_ids`` (in instrument order) is what ``items("glob")`` matches; default: the answers' keys.
        """
        ids = list(item_ids) if item_ids is not None else list(answers)
        return evaluate(self.tree, answers, value, ids)

    def is_true(self, answers: Mapping[str, Any], value: Any = None, *,
                item_ids: Iterable[str] | None = None) -> bool:
        """``evaluate`` read as a condition: null, false, 0, "" and [] are false."""
        return truthy(self.evaluate(answers, value, item_ids=item_ids))

    def __str__(self) -> str:
        return self.text


def parse(text: str) -> Expression:
    """Parse and check an expression; raises :class:`ExpressionError` (bilingual, with a position)."""
    if not isinstance(text, str):
        raise ExpressionError("errors.expr_not_text", str(text)[:80])
    if len(text) > MAX_LENGTH:
        raise ExpressionError("errors.expr_too_long", text, MAX_LENGTH + 1, limit=MAX_LENGTH)
    return _parse(text)


@lru_cache(maxsize=2048)
def _parse(text: str) -> Expression:
    # newlines and tabs (YAML block scalars) become spaces, so positions stay the same
    source = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    stripped = source.lstrip()
    shift = len(source) - len(stripped)
    if not stripped.strip():
        raise ExpressionError("errors.expr_empty", text, 1)
    try:
        with warnings.catch_warnings():  # "invalid escape sequence" and the like: not the user's concern here
            warnings.simplefilter("ignore")
            tree = ast.parse(stripped, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError("errors.expr_syntax", text, (exc.offset or 1) + shift) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("errors.expr_too_complex", text, 1) from None
    checker = _Checker(text, shift)
    checker.visit(tree.body, 1)
    return Expression(
        text=text, tree=tree, names=frozenset(checker.names), globs=tuple(checker.globs),
        uses_value=checker.uses_value, comparisons=tuple(checker.comparisons),
    )


class _Checker:
    """Walks the syntax tree once: refuses what is not allowed and records names, globs, comparisons."""

    def __init__(self, text: str, shift: int):
        self.text, self.shift = text, shift
        self.nodes = 0
        self.names: set[str] = set()
        self.globs: list[str] = []
        self.uses_value = False
        self.comparisons: list[Comparison] = []

    def fail(self, code: str, node: ast.AST | None = None, **params):
        position = getattr(node, "col_offset", 0) + 1 + self.shift
        raise ExpressionError(code, self.text, position, **params)

    def visit(self, node: ast.AST, depth: int) -> None:
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            self.fail("errors.expr_too_complex", node)
        kind = type(node)
        found = _VISITS.get(kind)
        if found is None:  # what to do with a node type, worked out once per type
            refused = next((code for k, code in _REFUSED.items() if issubclass(kind, k)), None)
            found = _VISITS[kind] = (refused, f"visit_{kind.__name__}")
        refused, name = found
        if refused is not None:
            self.fail(refused, node)
        method = getattr(self, name, None)
        if method is None:
            self.fail("errors.expr_not_allowed", node)
        method(node, depth)

    def visit_Constant(self, node: ast.Constant, depth: int) -> None:
        v = node.value
        if isinstance(v, bool) or v is None:
            return
        if isinstance(v, str):
            if len(v) > MAX_STRING:
                self.fail("errors.expr_string_too_long", node, limit=MAX_STRING)
            return
        if isinstance(v, (int, float)):
            if not math.isfinite(v) or abs(v) > MAX_NUMBER:
                self.fail("errors.expr_number_too_large", node)
            return
        self.fail("errors.expr_not_allowed", node)  # bytes, complex, Ellipsis

    def visit_Name(self, node: ast.Name, depth: int) -> None:
        if node.id in CONSTANTS:
            return
        if node.id == VALUE:
            self.uses_value = True
            return
        if not _NAME.fullmatch(node.id):
            self.fail("errors.expr_bad_name", node, name=node.id)
        self.names.add(node.id)

    def visit_List(self, node: ast.List, depth: int) -> None:
        for element in node.elts:
            self.visit(element, depth + 1)

    def visit_BoolOp(self, node: ast.BoolOp, depth: int) -> None:
        for operand in node.values:
            self.visit(operand, depth + 1)

    def visit_UnaryOp(self, node: ast.UnaryOp, depth: int) -> None:
        if not isinstance(node.op, (ast.Not, ast.USub, ast.UAdd)):
            self.fail("errors.expr_operator", node, operator="~")
        self.visit(node.operand, depth + 1)

    def visit_BinOp(self, node: ast.BinOp, depth: int) -> None:
        if isinstance(node.op, ast.Pow):
            self.fail("errors.expr_power", node)
        if type(node.op) not in _ARITHMETIC:
            symbol = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>",
                      ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^"}.get(type(node.op), "?")
            self.fail("errors.expr_operator", node, operator=symbol)
        self.visit(node.left, depth + 1)
        self.visit(node.right, depth + 1)

    def visit_Compare(self, node: ast.Compare, depth: int) -> None:
        for op in node.ops:
            if not isinstance(op, _COMPARISONS):
                self.fail("errors.expr_operator", node, operator="is" if isinstance(op, (ast.Is, ast.IsNot)) else "?")
        self.visit(node.left, depth + 1)
        for comparator in node.comparators:
            self.visit(comparator, depth + 1)
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:]):
            self._record_comparison(op, left, right)

    def _record_comparison(self, op, left, right) -> None:
        def literal(n):
            return isinstance(n, ast.Constant) and n.value is not None and not isinstance(n.value, bool)

        def item(n):  # an item, or `value` (the item a constraint belongs to)
            return isinstance(n, ast.Name) and n.id not in CONSTANTS

        if isinstance(op, (ast.Eq, ast.NotEq)):
            for a, b in ((left, right), (right, left)):
                if item(a) and literal(b):
                    self.comparisons.append(Comparison(a.id, (b.value,), b.col_offset + 1 + self.shift))
        elif isinstance(op, (ast.In, ast.NotIn)):
            if item(left) and isinstance(right, ast.List):
                values = tuple(e.value for e in right.elts if literal(e))
                if values:
                    self.comparisons.append(Comparison(left.id, values, right.col_offset + 1 + self.shift))
            elif literal(left) and item(right):
                self.comparisons.append(Comparison(right.id, (left.value,), left.col_offset + 1 + self.shift))

    def visit_Call(self, node: ast.Call, depth: int) -> None:
        if not isinstance(node.func, ast.Name):
            self.fail("errors.expr_attribute" if isinstance(node.func, ast.Attribute) else "errors.expr_not_allowed",
                      node.func)
        name = node.func.id
        if name not in FUNCTIONS:
            self.fail("errors.expr_unknown_function", node, name=name, known=", ".join(sorted(FUNCTIONS)))
        if node.keywords:
            self.fail("errors.expr_keyword", node.keywords[0].value)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                self.fail("errors.expr_starred", arg)
        least, most = FUNCTIONS[name]
        if len(node.args) < least or (most is not None and len(node.args) > most):
            arity = str(least) if least == most else (f"{least}–{most}" if most else f"{least}+")
            self.fail("errors.expr_arity", node, name=name, count=arity)
        if name == "items":
            arg = node.args[0]
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _GLOB.match(arg.value)):
                self.fail("errors.expr_items_glob", arg)
            self.globs.append(arg.value)
            return
        for arg in node.args:
            self.visit(arg, depth + 1)
