"""The minutes of a case conference as plain, immutable data: every text already in the meeting's language.

Built by :func:`casekit.minutes.minutes`; rendered by ``to_markdown``, ``to_html`` and ``to_docx``. Dates are
kept both as ``date`` objects and as formatted text (``*_text``), so a caller can sort or reformat.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: Whether a participant was there, and the catalogue key of its label.
PRESENT, ABSENT, EXCUSED = "present", "absent", "excused"
ATTENDANCE_KEYS = {PRESENT: "ui.attendance_present", ABSENT: "ui.attendance_absent", EXCUSED: "ui.attendance_excused"}


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    role: str
    attendance: str  # PRESENT, ABSENT or EXCUSED
    attendance_label: str
    consent: bool
    confidentiality: bool


@dataclass(frozen=True)
class AgendaRow:
    number: int
    title: str
    minutes: int
    start: int  # minutes from the start of the meeting
    end: int


@dataclass(frozen=True)
class NeedRow:
    domain: str
    priority: str
    description: str  # names and identifiers masked in privacy mode
    client: str  # "Unmet need (4)" – this perspective's rating, "" if none
    worker: str
    others: tuple[str, ...]  # "Actor name: Unmet need (5)" per other actor
    disagreement: bool
    unmet: bool


@dataclass(frozen=True)
class NetworkRow:
    name: str
    sector: str
    formal: bool
    tie: str
    flow: str
    contact: str  # empty in privacy mode


@dataclass(frozen=True)
class Network:
    total: int
    formal: int
    informal: int
    strong: int
    tenuous: int
    stressful: int
    actors: tuple[NetworkRow, ...]


@dataclass(frozen=True)
class DecisionRow:
    number: int
    text: str
    dissent: str
    dissent_by: tuple[str, ...]


@dataclass(frozen=True)
class ActionRow:
    number: int
    task: str
    owner: str
    due: date | None
    due_text: str
    need: str
    goal: str


@dataclass(frozen=True)
class GoalRow:
    text: str
    weight: float
    baseline: int
    score: int | None
    scored_on: date | None
    scored_on_text: str
    level: str  # the description of the level reached, if the goal has one


@dataclass(frozen=True)
class CrisisContactRow:
    name: str
    role: str
    phone: str  # empty in privacy mode


@dataclass(frozen=True)
class CrisisSummary:
    written_on_text: str
    when_well: str
    triggers: tuple[str, ...]
    early_signs: tuple[str, ...]
    what_helps: str
    what_harms: str
    contacts: tuple[CrisisContactRow, ...]
    preferred_treatment: str
    refused_treatment: str
    medication: str  # empty in privacy mode
    allergies: str  # empty in privacy mode
    dependants_care: str
    copies_to: tuple[str, ...]


@dataclass(frozen=True)
class Minutes:
    lang: str
    privacy: bool
    title: str
    client: str
    case_manager: str
    date: date
    date_text: str
    place: str
    facilitator: str
    minute_taker: str
    attendance: tuple[AttendanceRow, ...]
    agenda: tuple[AgendaRow, ...]
    request: str
    strengths: tuple[str, ...]
    wishes: tuple[str, ...]
    needs: tuple[NeedRow, ...]
    network: Network
    decisions: tuple[DecisionRow, ...]
    actions: tuple[ActionRow, ...]
    goals: tuple[GoalRow, ...]
    gas_tscore: float | None
    crisis_plan: CrisisSummary | None
    next_review: date | None
    next_review_text: str
    notes: str  # empty in privacy mode
    confidentiality_note: str
    footer: str
    conference_id: str = ""
    case_id: str = ""
    review_notes: str = ""  # the notes of the review held at this conference; empty in privacy mode

    @property
    def agenda_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)
