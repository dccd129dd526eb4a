"""The anonymisation report: what was replaced, how often, and what the trainer should still check.

It never holds the key: no real name, no pseudonym mapping, no seed and no date offset (an offset would let
anyone move the dates back). Warnings quote only words that were *left* in the text, which the anonymised
case shows anyway.
"""
from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field

from ..i18n import gettext

REPORT_FORMAT = "casekit.anonymisation_report"
REPORT_SCHEMA_VERSION = 1
#: The order in which the kinds of replacement are listed.
KINDS = (
    "first_name", "surname", "initial", "organisation", "place", "municipality", "email", "phone", "contact_field",
    "birth_number", "id_card", "file_number", "bank_account", "address", "date_field", "date", "month", "year",
    "birth_date", "birth_year", "age", "rare_condition", "many_children", "multiple_birth", "identifier",
)


class ReportWarning(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    word: str
    where: str
    count: int = 1


class AnonymisationReport(BaseModel):
    """Counts per kind of replacement and residual-risk warnings (see :mod:`casekit.anonymise`)."""

    model_config = ConfigDict(extra="forbid")

    language: str
    counts: dict[str, int] = Field(default_factory=dict)
    persons: int = 0
    places: int = 0
    age_band: str | None = None
    lowercase_name_hits: int = 0
    warnings: list[ReportWarning] = Field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def document(self) -> dict:
        return {"format": REPORT_FORMAT, "schema_version": REPORT_SCHEMA_VERSION, "report": self.model_dump()}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.document(), ensure_ascii=False, indent=indent)

    def message(self, lang: str | None = None) -> str:
        """The report as plain text for the trainer, in Czech or English."""
        lang = lang or self.language
        lines = [gettext("anonymise.report.title", lang),
                 gettext("anonymise.report.people", lang, persons=self.persons, places=self.places)]
        if self.age_band:
            lines.append(gettext("anonymise.report.age_band", lang, band=self.age_band))
        lines.append(gettext("anonymise.report.replaced", lang, total=self.total))
        for kind in sorted(self.counts, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
            lines.append(f"  {gettext(f'anonymise.kind.{kind}', lang)}: {self.counts[kind]}")
        if self.lowercase_name_hits:
            lines.append(gettext("anonymise.report.lowercase", lang, count=self.lowercase_name_hits))
        if self.warnings:
            lines.append(gettext("anonymise.report.warnings", lang, count=len(self.warnings)))
            for w in self.warnings:
                lines.append(f"  {gettext(f'anonymise.warning.{w.kind}', lang)}: {w.word} ({w.where}, {w.count}×)")
        else:
            lines.append(gettext("anonymise.report.no_warnings", lang))
        lines.append(gettext("anonymise.report.check", lang))
        return "\n".join(lines)
