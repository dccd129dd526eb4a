"""An assessment instrument as data: the definition a researcher writes in YAML.

Reference: ``docs/instruments.md``; JSON Schema: ``casekit/schemas/instrument.schema.json``.
An instrument has bilingual texts, items grouped in domains, perspectives (who rates), branching
(``show_if``) and scores. Conditions and computed scores are written in casekit's small expression
language (``casekit.instruments.expr``), which is parsed and interpreted, never ``eval``-ed.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_serializer, model_validator
from pydantic.json_schema import JsonSchemaValue

from ..model.base import LongText, Model, ShortText, rule_error
from ..vocab import Perspective

ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
#: Id of an instrument: ``casekit-needs``, ``phq9`` (letters, digits, ``-``, ``_``, ``.``).
InstrumentId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]
#: An expression of casekit's expression language (``casekit.instruments.expr``), at most 500 characters.
Expr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


#: A language code of a text beyond ``en`` and ``cs``: ``de``, ``fr``, ``ar``, ``pt_BR``, ``sr_Latn`` …
LANGUAGE_CODE = r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,2}$"
_LANGUAGE = re.compile(LANGUAGE_CODE)


def is_language_code(code: Any) -> bool:
    """Is ``code`` a language Babel (CLDR) knows, e.g. ``de``, ``fr``, ``pt-BR``? (``cz`` is not: Czech is ``cs``.)"""
    if not isinstance(code, str) or not _LANGUAGE.match(code):
        return False
    from babel import localedata

    return localedata.exists(code.replace("-", "_"))


class Text(Model):
    """A text in Czech, English and any other languages of the source it came from.

    In YAML a plain string is shorthand for a text that is the same in every language; a mapping names the
    languages: ``{en: Age, cs: Věk, de: Alter}``. ``get(lang)`` gives the text in ``lang``, else English,
    else Czech, else the first other language (an instrument imported from a French form shows French
    until someone translates it). At least one language must have text.
    """

    en: LongText = ""
    cs: LongText = ""
    #: Texts in other languages by code (``de``, ``fr`` …); written beside ``en`` and ``cs`` in YAML.
    other: dict[str, LongText] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"en": data}
        if isinstance(data, dict) and "other" not in data:
            if len(data) <= 2 and all(k in ("en", "cs") for k in data):
                return data  # the common case, {en: …, cs: …}: no other language to sort out
            languages = {k: v for k, v in data.items() if k not in ("en", "cs") and is_language_code(k)}
            if languages:  # {en: …, de: …} → en, and other: {de: …}; anything else stays and is refused
                data = {k: v for k, v in data.items() if k not in languages}
                data["other"] = languages
        return data

    @model_validator(mode="after")
    def _some_text(self):
        for code in self.other:
            if not is_language_code(code) or code in ("en", "cs"):
                raise rule_error("text_language_unknown", code=code)
        if not (self.en or self.cs or any(self.other.values())):
            raise rule_error("text_empty")
        return self

    @model_serializer(mode="wrap")
    def _flat(self, handler):
        data = handler(self)
        if isinstance(data, dict):
            extra = data.pop("other", None) or {}
            data.update(extra)
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler) -> JsonSchemaValue:
        text = {"type": "string", "maxLength": 20_000}
        mapping = {
            "type": "object",
            "properties": {"en": {**text, "title": "English"}, "cs": {**text, "title": "Czech"}},
            "patternProperties": {LANGUAGE_CODE: {**text, "description": "another language (de, fr, ar …)"}},
            "additionalProperties": False,
            "minProperties": 1,
        }
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 20_000}, mapping],
                "description": "A text: a plain string, or {en: …, cs: …} and any other languages (de: …)"}

    def languages(self) -> list[str]:
        """The languages that have text, English and Czech first."""
        return [code for code, text in (("en", self.en), ("cs", self.cs), *self.other.items()) if text]

    def get(self, lang: str | None = None) -> str:
        from ..i18n import current_language

        lang = lang or current_language()
        own = self.en if lang == "en" else self.cs if lang == "cs" else self.other.get(lang, "")
        return own or self.en or self.cs or next((t for t in self.other.values() if t), "")


class ItemType(str, Enum):
    SCALE = "scale"          # ordinal levels with labels and descriptors
    SINGLE = "single"        # one of several choices
    MULTIPLE = "multiple"    # any number of choices
    NUMBER = "number"        # a number within bounds
    DATE = "date"
    TEXT = "text"
    YESNO = "yesno"


class Level(Model):
    """One level of an ordinal scale, or one choice: a stored value and its label."""

    value: int | str
    label: Text
    descriptor: Text | None = None
    missing: bool = False  # e.g. "not known": an answer, but not a score


class Item(Model):
    id: ItemId
    type: ItemType
    label: Text
    help: Text | None = None
    required: bool = False
    levels: list[Level] = Field(default_factory=list)   # scale / single / multiple
    scale: ItemId | None = None                          # name of a shared level set
    min: float | None = None                             # number
    max: float | None = None
    integer: bool = False
    max_length: int = Field(default=5000, ge=1, le=20_000)  # text
    show_if: Expr | None = None                          # expression; shown only when true
    constraint: Expr | None = None                       # expression over `value`; must be true
    constraint_message: Text | None = None
    perspectives: list[Perspective] | None = None        # default: the instrument's perspectives


class Domain(Model):
    id: ItemId
    title: Text
    items: list[Item] = Field(min_length=1)


class ScoreKind(str, Enum):
    SUM = "sum"
    MEAN = "mean"
    COUNT = "count"   # how many items equal `equals`
    EXPR = "expr"
    GAS = "gas"       # Kiresuk–Sherman T-score over goal items (−2..+2), weights from `weights` items


class Score(Model):
    id: ItemId
    label: Text
    kind: ScoreKind
    domain: ItemId | None = None          # sum/mean/count over a domain's items
    items: list[ItemId] = Field(default_factory=list)  # … or over these items
    equals: bool | int | str | None = None  # count: the answer counted
    expr: Expr | None = None              # expr: the formula
    weights: list[ItemId] = Field(default_factory=list)  # gas: items holding each goal's weight
    min_answered: int = Field(default=1, ge=0)


class Instrument(Model):
    """A whole instrument. ``Instrument.load(path)`` reads and checks a YAML file.

    Validating the model checks the shape only; ``casekit.instruments.validate_instrument`` (called by
    ``load_instrument``) checks the rules across fields: unique ids, known items in conditions, no cycles …
    """

    id: InstrumentId
    version: Version
    title: Text
    description: Text | None = None
    licence: ShortText = ""
    perspectives: list[Perspective] = Field(default_factory=lambda: [Perspective.WORKER], min_length=1)
    scales: dict[ItemId, list[Level]] = Field(default_factory=dict)
    domains: list[Domain] = Field(min_length=1)
    scores: list[Score] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _resolve_shared_scales(self):
        # an item that names a shared scale gets its levels; the structural rules are checked in
        # casekit.instruments.check so that errors can name the line of the file
        for domain in self.domains:
            for item in domain.items:
                if item.scale and not item.levels and item.scale in self.scales:
                    object.__setattr__(item, "levels", list(self.scales[item.scale]))
        return self

    # -- navigation ------------------------------------------------------------------------
    def items(self) -> list[Item]:
        return [item for domain in self.domains for item in domain.items]

    def item(self, item_id: str) -> Item:
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def domain_of(self, item_id: str) -> Domain:
        for domain in self.domains:
            if any(item.id == item_id for item in domain.items):
                return domain
        raise KeyError(item_id)

    def item_ids(self) -> list[str]:
        return [item.id for item in self.items()]

    def score(self, score_id: str) -> Score:
        for score in self.scores:
            if score.id == score_id:
                return score
        raise KeyError(score_id)

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    @classmethod
    def load(cls, source) -> "Instrument":
        """Read and check an instrument from a YAML file or text (see ``load_instrument``)."""
        from .loader import load_instrument

        return load_instrument(source)
