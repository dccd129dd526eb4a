"""Trainees' needs ratings against the pack's reference: codes, weighted kappa, disagreements (no widgets).

The class rates the *status* of each need with ``casekit-needs`` (``<domain>_status``: 0 no need, 1 met,
2 unmet, 9 not known), from one perspective (the client's or the worker's), for the life domains the
pack's reference covers. The reference code of a domain is the status of the reference rating of that
perspective (:data:`STATUS_CODES`).

Agreement of one trainee with the reference is Cohen's kappa with linear weights
(:func:`casekit.analysis.cohen_kappa`) over the status codes 0, 1, 2 (``labels`` fixed to the scale, so
"met" lies between "no need" and "unmet" even when nobody used "no need"). "Not known" (9) and unanswered
domains are left out pairwise; the result says how many domains were used (``n_used``).

Nothing here imports pandas or altair at import time (``cohen_kappa`` imports them when it is called).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ...vocab import LifeDomain, NeedStatus, Perspective

#: ``Rating.status`` → the ``casekit-needs`` status code
STATUS_CODES = {NeedStatus.NO_NEED: 0, NeedStatus.MET: 1, NeedStatus.UNMET: 2, NeedStatus.UNKNOWN: 9}
CODE_STATUS = {code: status for status, code in STATUS_CODES.items()}
NOT_KNOWN = 9
#: the ordered status codes the weighted kappa is computed over ("not known" is not a step of the scale)
KAPPA_LABELS = (0, 1, 2)
KAPPA_WEIGHTS = "linear"
#: the perspectives a trainee can rate from (the reference has one rating per perspective)
PERSPECTIVES = (Perspective.CLIENT, Perspective.WORKER)
INSTRUMENT_ID = "casekit-needs"


def status_item(domain: LifeDomain | str) -> str:
    return f"{LifeDomain(domain).value}_status"


def rated_domains(study) -> list[LifeDomain]:
    """The life domains the pack's reference rates (in the instrument's order); all domains when it rates none."""
    covered = {need.domain for need in study.reference.needs if need.ratings}
    return [d for d in LifeDomain if d in covered] or list(LifeDomain)


def status_instrument(instrument, domains: Sequence[LifeDomain]):
    """``instrument`` (``casekit-needs``) with only the status items of ``domains``, and no scores.

    It keeps the instrument's id and version, so the assessments made with it are ``casekit-needs``
    assessments (a subset of its items)."""
    wanted = {status_item(d) for d in domains}
    kept = []
    for domain in instrument.domains:
        items = [item for item in domain.items if item.id in wanted]
        if items:
            kept.append(domain.model_copy(update={"items": items}))
    return instrument.model_copy(update={"domains": kept, "scores": []})


def reference_rating(study, perspective: Perspective | str, domain: LifeDomain | str):
    """The reference rating of ``perspective`` for ``domain`` (the first need of the domain that has one)."""
    perspective, domain = Perspective(perspective), LifeDomain(domain)
    for need in study.reference.needs:
        if need.domain == domain:
            rating = need.rating(perspective)
            if rating is not None:
                return rating
    return None


def reference_codes(study, perspective: Perspective | str, domains: Iterable[LifeDomain]) -> dict[str, int | None]:
    """``{domain: status code}`` of the reference from ``perspective`` (``None`` where it did not rate)."""
    out: dict[str, int | None] = {}
    for domain in domains:
        rating = reference_rating(study, perspective, domain)
        out[LifeDomain(domain).value] = STATUS_CODES[rating.status] if rating is not None else None
    return out


def trainee_codes(answers: Mapping[str, object], domains: Iterable[LifeDomain]) -> dict[str, int | None]:
    """``{domain: status code}`` of one trainee's answers (``None`` where unanswered)."""
    out: dict[str, int | None] = {}
    for domain in domains:
        value = answers.get(status_item(domain))
        out[LifeDomain(domain).value] = value if isinstance(value, int) and not isinstance(value, bool) else None
    return out


def known(code: int | None) -> int | None:
    """The code for the statistic: ``None`` for no answer and for "not known"."""
    return None if code is None or code == NOT_KNOWN else code


def paired(trainee: Mapping[str, int | None], reference: Mapping[str, int | None]) -> tuple[list, list]:
    """The two sequences given to ``cohen_kappa``: one entry per domain, ``None`` where not known/unanswered."""
    domains = list(reference)
    return [known(trainee.get(d)) for d in domains], [known(reference[d]) for d in domains]


def agreement(trainee: Mapping[str, int | None], reference: Mapping[str, int | None]):
    """Linear weighted kappa of one trainee with the reference (an ``AgreementResult``: value, n_used …)."""
    from ...analysis import cohen_kappa

    a, b = paired(trainee, reference)
    return cohen_kappa(a, b, weights=KAPPA_WEIGHTS, labels=list(KAPPA_LABELS))


@dataclass(frozen=True)
class Disagreement:
    """How far the trainees are from the reference on one domain: the mean distance |trainee − reference|
    between status codes (0–2) over the trainees who rated it (``n``), and how many differ."""

    domain: str
    mean_distance: float
    n: int
    differing: int


def disagreements(trainees: Mapping[str, Mapping[str, int | None]], reference: Mapping[str, int | None],
                  limit: int = 3) -> list[Disagreement]:
    """The domains where the trainees differ most from the reference (largest mean distance first; ties by
    more differing trainees, then the domain order); only domains where someone differs."""
    found = []
    for position, (domain, ref) in enumerate(reference.items()):
        ref = known(ref)
        if ref is None:
            continue
        codes = [known(codes.get(domain)) for codes in trainees.values()]
        codes = [c for c in codes if c is not None]
        differing = sum(1 for c in codes if c != ref)
        if not codes or not differing:
            continue
        mean = sum(abs(c - ref) for c in codes) / len(codes)
        found.append((-mean, -differing, position, Disagreement(domain, mean, len(codes), differing)))
    found.sort(key=lambda row: row[:3])
    return [row[3] for row in found[:limit]]


def mean_codes(trainees: Mapping[str, Mapping[str, int | None]], domains: Iterable[str]) -> dict[str, float | None]:
    """The trainees' mean status code per domain ("not known" and unanswered left out)."""
    out: dict[str, float | None] = {}
    for domain in domains:
        codes = [known(codes.get(domain)) for codes in trainees.values()]
        codes = [c for c in codes if c is not None]
        out[domain] = sum(codes) / len(codes) if codes else None
    return out


__all__ = [
    "CODE_STATUS", "Disagreement", "INSTRUMENT_ID", "KAPPA_LABELS", "KAPPA_WEIGHTS", "NOT_KNOWN", "PERSPECTIVES",
    "STATUS_CODES", "agreement", "disagreements", "known", "mean_codes", "paired", "rated_domains",
    "reference_codes", "reference_rating", "status_instrument", "status_item", "trainee_codes",
]
