"""How an answered ``casekit-needs`` assessment is reflected into the case's needs (pure functions: the console's
Assessment grid and the notebooks use them).

The assessment (one rater, one perspective) is stored as an ``Assessment`` record (``store.save_assessment``);
the case keeps one :class:`~casekit.model.Need` per life domain with one :class:`~casekit.model.Rating` per
perspective, which the network, the plan and the minutes read. The mapping, per life domain ``d``:

============================  =================================================================
answer ``d_status``           ``Rating.status``
============================  =================================================================
0 (no need)                   ``NeedStatus.NO_NEED``
1 (met need)                  ``NeedStatus.MET``
2 (unmet need)                ``NeedStatus.UNMET``
9 (not known)                 ``NeedStatus.UNKNOWN``
============================  =================================================================

``d_severity`` (1–5, asked only for a met or unmet need) → ``Rating.severity``; no answer → ``None``.
The rating is the assessment's perspective (client, worker, or actor with its ``actor_id``). Only domains
whose status is answered are written; a status answered before and now cleared removes that perspective's
rating; other perspectives' ratings and notes are never touched (perspectives are never merged). A domain
without a need yet gets a new ``Need`` (id ``need-<domain>`` when free).
"""
from __future__ import annotations

from typing import Any, Mapping

from ..model import new_id
from ..vocab import LifeDomain, NeedStatus, Perspective

INSTRUMENT_ID = "casekit-needs"
STATUS = {0: NeedStatus.NO_NEED, 1: NeedStatus.MET, 2: NeedStatus.UNMET, 9: NeedStatus.UNKNOWN}


def _rater_matches(rating: Mapping[str, Any], perspective: Perspective, actor_id: str | None) -> bool:
    return Perspective(rating["perspective"]) == perspective and (rating.get("actor_id") or None) == actor_id


def reflect(data: dict, answers: Mapping[str, Any], perspective: Perspective | str, actor_id: str | None,
            previous: Mapping[str, Any] | None = None) -> None:
    """Write the ratings of one assessment's ``answers`` into the case dict ``data`` (see the module docs)."""
    perspective = Perspective(perspective)
    actor_id = actor_id if perspective == Perspective.ACTOR else None
    previous = previous or {}
    for domain in LifeDomain:
        status_item, severity_item = f"{domain.value}_status", f"{domain.value}_severity"
        needs = [n for n in data["needs"] if LifeDomain(n["domain"]) == domain]
        if status_item not in answers:
            if status_item in previous:  # cleared: remove this perspective's rating
                for need in needs:
                    need["ratings"] = [r for r in need["ratings"] if not _rater_matches(r, perspective, actor_id)]
            continue
        status = STATUS[int(answers[status_item])]
        severity = answers.get(severity_item)
        if status in (NeedStatus.NO_NEED, NeedStatus.UNKNOWN):
            severity = None
        if not needs:
            taken = {n["id"] for n in data["needs"]}
            need_id = f"need-{domain.value}" if f"need-{domain.value}" not in taken else new_id("need")
            need = {"id": need_id, "domain": domain, "ratings": []}
            data["needs"].append(need)
        else:
            need = needs[0]
        existing = next((r for r in need["ratings"] if _rater_matches(r, perspective, actor_id)), None)
        if existing is None:
            need["ratings"].append({"perspective": perspective, "actor_id": actor_id, "status": status,
                                    "severity": severity, "note": ""})
        else:
            existing["status"], existing["severity"] = status, severity


def assessment_id(conference_id: str, perspective: Perspective | str, actor_id: str | None) -> str:
    """The id of the assessment of one perspective at one conference (stable, so it is found again)."""
    import hashlib

    perspective = Perspective(perspective)
    suffix = perspective.value if perspective != Perspective.ACTOR else f"actor-{actor_id}"
    candidate = f"asm-{conference_id}-{suffix}"
    if len(candidate) <= 64:
        return candidate
    digest = hashlib.sha1(candidate.encode()).hexdigest()[:16]
    return f"asm-{digest}"


def answers_from_case(case, perspective: Perspective | str, actor_id: str | None) -> dict[str, int]:
    """The answers one perspective's ratings in the case amount to (the inverse of :func:`reflect`): what the
    grid shows for a rater who has no assessment at this conference yet."""
    perspective = Perspective(perspective)
    actor_id = actor_id if perspective == Perspective.ACTOR else None
    codes = {status: code for code, status in STATUS.items()}
    answers: dict[str, int] = {}
    for need in case.needs:
        rating = need.rating(perspective, actor_id)
        if rating is None:
            continue
        answers[f"{need.domain.value}_status"] = codes[rating.status]
        if rating.severity is not None and rating.status in (NeedStatus.MET, NeedStatus.UNMET):
            answers[f"{need.domain.value}_severity"] = rating.severity
    return answers
