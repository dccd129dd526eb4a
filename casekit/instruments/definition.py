"""An assessment instrument as data: the definition a researcher writes in YAML.

Reference: ``docs/instruments.md``; JSON Schema: ``casekit/schemas/instrument.schema.json``.
An instrument has bilingual texts, items grouped in domains, perspectives (who rates), branching
(``show_if``) and scores. Conditions and computed scores are written in casekit's small expression
language (``casekit.instruments.expr``), which is parsed and interpreted, never ``eval``-ed.
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator
from pydantic.json_schema import JsonSchemaValue

from ..model.base import LongText, Model, ShortText
from ..vocab import Perspective

ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
#: Id of an instrument: ``casekit-needs``, ``phq9`` (letters, digits, ``-``, ``_``, ``.``).
InstrumentId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]
#: An expression of casekit's expression language (``casekit.instruments.expr``), at most 500 characters.
Expr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class Text(Model):
    """A text in both languages; English is the fallback when Czech is missing.

    In YAML a plain string is shorthand for a text that is the same in both languages.
    """

    en: LongText = Field(min_length=1)
    cs: LongText = ""

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, data: Any) -> Any:
        return {"en": data} if isinstance(data, str) else data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 20_000}, dict(schema)],
                "description": "A text: a plain string, or {en: …, cs: …}"}

    def get(self, lang: str | None = None) -> str:
        from ..i18n import current_language

        lang = lang or current_language()
        return (self.cs if lang == "cs" else self.en) or self.en


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
