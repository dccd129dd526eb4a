"""Errors a social worker can read, in Czech and English.

Every error casekit raises on bad input is a :class:`CaseKitError` whose ``messages(lang)`` gives one
plain sentence per problem. ``explain()`` turns a pydantic ``ValidationError`` into such sentences,
with field names translated (``Client → Birth year: …``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import FALLBACK, catalog, current_language, gettext

#: pydantic error types with a translated sentence of their own (``errors.<type>``).
_PYDANTIC_CTX = ("max_length", "min_length", "ge", "le", "gt", "lt", "expected", "pattern")


def _field_label(part, lang: str) -> str:
    if isinstance(part, int):
        return gettext("errors.item_number", lang, number=part + 1)
    key = f"field.{part}"
    if key in catalog(lang) or key in catalog(FALLBACK):
        return gettext(key, lang)
    return str(part)


def _location(loc: tuple, lang: str) -> str:
    parts = [p for p in loc if p not in ("function-after", "function-before")]
    # pydantic puts enum/union branch names into the location; keep only field names and indexes
    return " → ".join(_field_label(p, lang) for p in parts if not (isinstance(p, str) and "[" in p))


def _sentence(error: dict, lang: str) -> str:
    kind = error.get("type", "")
    ctx = dict(error.get("ctx") or {})
    if kind.startswith("casekit."):
        return gettext(f"errors.{kind.removeprefix('casekit.')}", lang, **ctx)
    if f"errors.{kind}" in catalog(FALLBACK):
        params = {k: ctx.get(k, "") for k in _PYDANTIC_CTX}
        params["input"] = _short(error.get("input"))
        if lang == "cs":
            params["expected"] = str(params["expected"]).replace(" or ", " nebo ")
        return gettext(f"errors.{kind}", lang, **params)
    return gettext("errors.invalid_value", lang, detail=error.get("msg", kind))


def _short(value, limit: int = 40) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[:limit] + "…"


def explain(exc, lang: str | None = None) -> list[str]:
    """One readable sentence per problem in a pydantic ``ValidationError``."""
    lang = lang or current_language()
    out = []
    for error in exc.errors():
        where = _location(tuple(error.get("loc", ())), lang)
        sentence = _sentence(error, lang)
        out.append(f"{where}: {sentence}" if where else sentence)
    return out


class CaseKitError(Exception):
    """Base of casekit's errors. ``messages(lang)`` is what the user sees."""

    code = "errors.generic"

    def __init__(self, code: str | None = None, **params):
        self.code = code or self.code
        self.params = params
        super().__init__(self.message("en"))

    def messages(self, lang: str | None = None) -> list[str]:
        return [gettext(self.code, lang, **self.params)]

    def message(self, lang: str | None = None) -> str:
        return "\n".join(self.messages(lang))

    def __str__(self) -> str:
        return self.message(current_language())


class InvalidData(CaseKitError):
    """Input that does not make a valid case (wrong types, broken rules, unreadable JSON …)."""

    code = "errors.invalid_data"

    def __init__(self, code: str | None = None, validation_error=None, **params):
        self.validation_error = validation_error
        super().__init__(code, **params)

    @classmethod
    def from_validation(cls, exc) -> "InvalidData":
        return cls("errors.invalid_data", validation_error=exc)

    def messages(self, lang: str | None = None) -> list[str]:
        head = [gettext(self.code, lang, **self.params)]
        if self.validation_error is not None:
            return head + explain(self.validation_error, lang)
        return head


class NotFound(CaseKitError):
    code = "errors.not_found"


class ConflictError(CaseKitError):
    """Somebody saved the record after this copy was loaded; nothing was overwritten."""

    code = "errors.conflict"

    def __init__(self, record_id: str, your_version: int, current_version: int, changed: list[str],
                 changed_by: list[str] | None = None):
        self.record_id = record_id
        self.your_version = your_version
        self.current_version = current_version
        self.changed = changed
        self.changed_by = changed_by or []
        super().__init__(
            "errors.conflict", id=record_id, your_version=your_version, current_version=current_version,
            changed=", ".join(changed) or "-", who=", ".join(self.changed_by) or "-",
        )

    def messages(self, lang: str | None = None) -> list[str]:
        labels = ", ".join(_field_label(name, lang or current_language()) for name in self.changed) or "-"
        return [gettext(self.code, lang, **{**self.params, "changed": labels})]


def describe(exc: BaseException) -> str:
    """What a log may say about an error: its class and casekit's code or the fields concerned — never its text,
    which can quote a case (a pydantic error repeats the input; a driver error the SQL and its values)."""
    if isinstance(exc, CaseKitError):
        return f"{type(exc).__name__}({exc.code})"
    errors = getattr(exc, "errors", None)
    if callable(errors) and type(exc).__name__ == "ValidationError":
        try:
            where = sorted({".".join(str(p) for p in e.get("loc", ())) for e in errors()})
            return f"ValidationError at {', '.join(where)}"
        except Exception:  # noqa: BLE001 - a log line must never fail
            pass
    return type(exc).__name__
