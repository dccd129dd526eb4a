"""Building a case-study pack from a real case: anonymise, cut into stages, add prompts and the reference.

:func:`build_study` runs the case through one :class:`~casekit.anonymise.Anonymiser` and uses the same key for
the trainer's own prompts, so a name in a prompt gets the same pseudonym as in the case.
:func:`build_example_studies` writes the bundled packs (``data/examples/studies/<name>.<lang>.json``) from the
example cases with fixed seeds; a test checks that the committed files are what it produces.
"""
from __future__ import annotations

from pathlib import Path

from ..anonymise import Anonymiser
from ..i18n import LANGUAGES, gettext, normalise_language
from ..model import Case
from ..vocab import Phase
from .model import CaseStudy, EventKind, Reference
from .timeline import REVEALS, stages, timeline

#: The bundled packs: example case → seed. The seeds are public, which is fine for fictional cases only; they are
#: chosen so that the shifted dates stay within the examples' period (2023 to the examples' cut-off date).
EXAMPLE_STUDIES = {"senior-dementia": 1944, "family-children-at-risk": 14, "psychosis-homelessness": 27}
#: Places of the fictional region that the examples name outside the client's municipality (what a trainer
#: adds after reading the report's warnings).
EXAMPLE_PLACES = ["Brodce nad Jalovkou", "Ostružná Lhota", "Vřesová", "Horní Podlesí", "Podlesí"]
PROMPTS_PER_PHASE = 3


def default_prompts(lang: str) -> dict[Phase, list[str]]:
    """casekit's discussion prompts for each phase, in ``lang``."""
    return {phase: [gettext(f"study.prompt.{phase.value}.{n}", lang) for n in range(1, PROMPTS_PER_PHASE + 1)]
            for phase in REVEALS}


def build_study(case: Case, *, seed: int | str, prompts: dict | None = None, name: str | None = None,
                lang: str | None = None, known_names=None, known_places=None) -> CaseStudy:
    """A case-study pack from ``case``: anonymised with ``seed``, split into stages, with prompts and reference.

    ``prompts`` maps a phase (``Phase`` or its code) to the trainer's own prompts for that phase; phases left
    out keep casekit's prompts. ``name`` names the pack (default: the anonymised case id).
    """
    anonymiser = Anonymiser(seed=seed, lang=lang, known_names=known_names, known_places=known_places).fit(case)
    result = anonymiser.case(case)
    lang = anonymiser.language
    chosen = default_prompts(lang)
    for phase, texts in (prompts or {}).items():
        chosen[Phase(phase)] = [anonymiser.text(p, f"prompts.{Phase(phase).value}") for p in texts]
    anonymised = result.case
    events = timeline(anonymised, lang)
    cut = stages(anonymised, events, lang, chosen)
    planning = next((s for s in cut if s.phase == Phase.PLANNING), None)
    plan_end = planning.end if planning and planning.end else None
    reference = Reference(
        needs=anonymised.needs,
        goals=[g for g in anonymised.goals if plan_end is None or g.created is None or g.created <= plan_end],
        actions=[a for a in anonymised.actions if plan_end is None or a.created is None or a.created <= plan_end],
        crisis_plan=anonymised.crisis_plan,
    )
    outcome = [e for e in events if e.kind == EventKind.CLOSED] or [e for e in events if e.kind == EventKind.REVIEW][-1:]
    summary = gettext("study.summary", lang, target=anonymised.target_group or "–", request=anonymised.request or "–")
    return CaseStudy(
        name=name or anonymised.id, title=gettext("study.title", lang, name=anonymised.client.display_name),
        language=lang, summary=summary, case=anonymised, stages=cut, reference=reference, outcome=outcome,
        anonymisation=result.report,
    )


def build_example_studies(folder: Path | None = None, *, check: bool = False) -> list[Path]:
    """Write (or with ``check``, compare) the bundled packs; returns the files that differ or were written."""
    from ..example_data import examples_dir, load_example
    from .io import export_study

    folder = folder or examples_dir() / "studies"
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for example, seed in EXAMPLE_STUDIES.items():
        for lang in LANGUAGES:
            study = build_study(load_example(example, lang), seed=seed, name=example, lang=normalise_language(lang),
                                known_places=EXAMPLE_PLACES)
            path = folder / f"{example}.{lang}.json"
            text = export_study(study) + "\n"
            current = path.read_text(encoding="utf-8") if path.is_file() else None
            if current != text:
                changed.append(path)
                if not check:
                    path.write_text(text, encoding="utf-8")
    return changed
