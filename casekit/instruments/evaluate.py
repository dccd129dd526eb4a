"""Evaluation of a checked expression (see :mod:`casekit.instruments.expr`): null-safe, never raises.

The syntax tree has already passed ``expr``'s whitelist; this module walks it and computes the value.
Null (``None``) propagates through arithmetic, makes comparisons false (except comparisons with the literal
``null``) and is skipped by aggregates; type mismatches and division by zero give null instead of an error.
"""
from __future__ import annotations

import ast
import math
from decimal import ROUND_HALF_UP, Decimal
from fnmatch import fnmatchcase
from typing import Any, Mapping

#: Name that stands for the answer being checked inside a ``constraint``.
VALUE = "value"
#: Names with a fixed meaning; an item cannot be called like this.
CONSTANTS = {"true": True, "false": False, "null": None, "True": True, "False": False, "None": None}


def evaluate(tree: ast.Expression, answers: Mapping[str, Any], value: Any, item_ids: list[str]) -> Any:
    return _Evaluator(answers, value, item_ids).eval(tree.body)




def is_missing(value: Any) -> bool:
    """Null for the language: None, NaN, an empty text or an empty list of choices."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, (str, list, tuple)) and len(value) == 0


def truthy(value: Any) -> bool:
    return False if is_missing(value) else bool(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not (isinstance(value, float) and math.isnan(value))


def _normalise(value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat") and not isinstance(value, str):  # dates compare as ISO text
        return value.isoformat()
    return value


def _flatten(args: list) -> list:
    out = []
    for a in args:
        if isinstance(a, list):
            out.extend(a)
        else:
            out.append(a)
    return out


def _numbers(args: list) -> list:
    return [v for v in _flatten(args) if _is_number(v)]


def _round(x, digits=0):
    if not _is_number(x) or not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 10:
        return None
    if isinstance(x, float) and not math.isfinite(x):
        return None
    result = Decimal(str(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return int(result) if digits == 0 else float(result)


def _is_null_literal(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and node.value is None) or (
        isinstance(node, ast.Name) and node.id in ("null", "None"))


def _same(a, b) -> bool:
    """Equality that keeps yes/no apart from 1/0."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def _compare(op: ast.cmpop, left, right, null_literal: str = "") -> bool:
    if isinstance(op, (ast.Eq, ast.NotEq)) and null_literal:
        # `x == null` / `x != null` test whether x is missing
        missing = (right if null_literal == "left" else left) is None
        return missing if isinstance(op, ast.Eq) else not missing
    if left is None or right is None:
        return False  # any other comparison with null is false
    if isinstance(op, ast.Eq):
        return _same(left, right)
    if isinstance(op, ast.NotEq):
        return not _same(left, right)
    if isinstance(op, (ast.In, ast.NotIn)):
        if not isinstance(right, list):
            return False
        inside = any(_same(left, r) for r in right)
        return inside if isinstance(op, ast.In) else not inside
    if isinstance(left, bool) or isinstance(right, bool):
        return False
    if not ((_is_number(left) and _is_number(right)) or (isinstance(left, str) and isinstance(right, str))):
        return False
    if isinstance(op, ast.Lt):
        return left < right
    if isinstance(op, ast.LtE):
        return left <= right
    if isinstance(op, ast.Gt):
        return left > right
    return left >= right


class _Evaluator:
    def __init__(self, answers: Mapping[str, Any], value: Any, item_ids: list[str]):
        self.answers, self.value, self.item_ids = answers, _normalise(value), item_ids

    def eval(self, node: ast.AST) -> Any:
        try:
            return getattr(self, f"eval_{type(node).__name__}")(node)
        except (ArithmeticError, TypeError, ValueError):
            return None

    def eval_Constant(self, node):
        return node.value

    def eval_Name(self, node):
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        if node.id == VALUE:
            return self.value
        return _normalise(self.answers.get(node.id))

    def eval_List(self, node):
        return [self.eval(e) for e in node.elts]

    def eval_BoolOp(self, node):
        if isinstance(node.op, ast.And):
            return all(truthy(self.eval(v)) for v in node.values)
        return any(truthy(self.eval(v)) for v in node.values)

    def eval_UnaryOp(self, node):
        operand = self.eval(node.operand)
        if isinstance(node.op, ast.Not):
            return not truthy(operand)
        if not _is_number(operand):
            return None
        return -operand if isinstance(node.op, ast.USub) else +operand

    def eval_BinOp(self, node):
        left, right = self.eval(node.left), self.eval(node.right)
        if not (_is_number(left) and _is_number(right)):
            return None  # null (or text) in arithmetic gives null
        if isinstance(node.op, ast.Add):
            result = left + right
        elif isinstance(node.op, ast.Sub):
            result = left - right
        elif isinstance(node.op, ast.Mult):
            result = left * right
        else:
            if right == 0:
                return None
            result = left / right
        if isinstance(result, float) and not math.isfinite(result):
            return None
        return result

    def eval_Compare(self, node):
        operands = [node.left, *node.comparators]
        left = self.eval(node.left)
        for op, left_node, right_node in zip(node.ops, operands, operands[1:]):
            right = self.eval(right_node)
            null_literal = "left" if _is_null_literal(left_node) else "right" if _is_null_literal(right_node) else ""
            if not _compare(op, left, right, null_literal):
                return False
            left = right
        return True

    def eval_Call(self, node):
        name = node.func.id
        if name == "iif":
            cond = self.eval(node.args[0])
            return self.eval(node.args[1] if truthy(cond) else node.args[2])
        if name == "items":
            pattern = node.args[0].value
            return [_normalise(self.answers.get(i)) for i in self.item_ids if fnmatchcase(i, pattern)]
        args = [self.eval(a) for a in node.args]
        if name == "answered":
            return not is_missing(args[0])
        if name == "sum":
            values = _numbers(args)
            return sum(values) if values else None
        if name == "mean":
            values = _numbers(args)
            return sum(values) / len(values) if values else None
        if name == "min":
            values = _numbers(args)
            return min(values) if values else None
        if name == "max":
            values = _numbers(args)
            return max(values) if values else None
        if name == "count":
            pool, target = args
            pool = pool if isinstance(pool, list) else [pool]
            if target is None:
                return sum(1 for v in pool if v is None)
            return sum(1 for v in pool if _same(v, target))
        if name == "count_answered":
            return sum(1 for v in _flatten(args) if not is_missing(v))
        if name == "round":
            return _round(*args)
        if name == "abs":
            return abs(args[0]) if _is_number(args[0]) else None
        if name == "len":
            return len(args[0]) if isinstance(args[0], (list, str)) else 0 if args[0] is None else None
        raise ValueError(name)  # pragma: no cover - the checker lets only FUNCTIONS through
