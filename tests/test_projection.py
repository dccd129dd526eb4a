"""The room projection: a whitelist of what a projected screen may show, masked free text, one initials rule.

The case model is walked (``model_fields``, recursively), never listed by hand: every text field of an example
case gets a unique marker, and in privacy mode no marker of a field outside ``SHOWN_IN_PRIVACY`` may reach the
projection or the privacy minutes.
"""
from __future__ import annotations

import itertools
import json
import re
import types
import typing

import pytest
from pydantic import BaseModel

import casekit
from casekit.anonymise.inflection import fold
from casekit.anonymise.people import PersonLabels, initials
from casekit.anonymise.projection import SHOWN_IN_PRIVACY, room_projection
from casekit.anonymise.room import RoomCase
from casekit.errors import NotFound
from casekit.i18n import LANGUAGES, gettext
from casekit.minutes import minutes, to_html, to_markdown
from casekit.model import Actor, Case, Participant
from casekit.model.base import ShortText
from casekit.vocab import ActorKind, ConferenceRole

CASES = {(name, lang): casekit.load_example(name, lang) for name in casekit.examples() for lang in LANGUAGES}


# -- walking the model -----------------------------------------------------------------------------------------
def _shape(annotation, metadata=()):
    """("text" | "id" | "texts" | "text_dict" | "model" | "models" | None, model class or None)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _shape(args[0], tuple(metadata) + tuple(args[1:]))
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _shape(inner[0], metadata) if len(inner) == 1 else (None, None)
    if annotation is str:
        return ("id" if any(getattr(m, "pattern", None) for m in metadata) else "text"), None
    if origin in (list, tuple):
        kind, model = _shape(args[0])
        return {"text": ("texts", None), "model": ("models", model)}.get(kind, (None, None))
    if origin is dict:
        return ("text_dict", None) if _shape(args[1])[0] == "text" else (None, None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return None, None  # enums, dates, numbers, flags


def text_patterns(model: type[BaseModel], prefix: tuple = ()) -> set[tuple]:
    """Every text field of ``model`` as a pattern (``*``: any item), ids left out."""
    out: set[tuple] = set()
    for name, info in model.model_fields.items():
        kind, sub = _shape(info.annotation, info.metadata)
        path = prefix + (name,)
        if kind == "text":
            out.add(path)
        elif kind in ("texts", "text_dict"):
            out.add(path + ("*",))
        elif kind == "model":
            out |= text_patterns(sub, path)
        elif kind == "models":
            out |= text_patterns(sub, path + ("*",))
    return out


def plant(data: dict, model: type[BaseModel], new_text, prefix: tuple = ()) -> None:
    """Put ``new_text(pattern)`` into every text field of ``data`` (a dumped ``model``), in place."""
    for name, info in model.model_fields.items():
        kind, sub = _shape(info.annotation, info.metadata)
        path = prefix + (name,)
        if kind == "text":
            data[name] = new_text(path)
        elif kind == "texts":
            data[name] = [new_text(path + ("*",)) for _ in range(max(1, len(data[name])))]
        elif kind == "text_dict":
            data[name] = {key: new_text(path + ("*",)) for key in data[name]}
        elif kind == "model" and data.get(name) is not None:
            plant(data[name], sub, new_text, path)
        elif kind == "models":
            for item in data[name]:
                plant(item, sub, new_text, path + ("*",))


def marked(case: Case) -> tuple[Case, dict[str, tuple]]:
    """``case`` with a unique marker in every text field, and marker → field pattern."""
    counter, markers = itertools.count(1), {}

    def new_text(pattern: tuple) -> str:
        marker = f"mk{next(counter):04d}zq"
        markers[marker] = pattern
        return marker

    data = case.model_dump()
    plant(data, Case, new_text)
    return Case.model_validate(data), markers


def test_the_walk_finds_every_text_field_and_the_example_fills_each():
    patterns = text_patterns(Case)
    # the walk sees text in nested models, lists and dicts, and leaves ids and codes alone
    assert {("request",), ("strengths", "*"), ("goals", "*", "levels", "*"), ("crisis_plan", "contacts", "*", "phone"),
            ("conferences", "*", "decisions", "*", "dissent_by", "*"), ("client", "consents", "*", "given_by")} <= patterns
    assert not {p for p in patterns if p[-1] in ("id", "owner_id", "actor_ids", "phase")}
    assert SHOWN_IN_PRIVACY <= patterns  # the projection's list names real fields
    _, markers = marked(CASES[("senior-dementia", "cs")])
    assert set(markers.values()) == patterns  # the example has an instance of every text field


# -- (a) markers in every hidden field ------------------------------------------------------------------------
def _privacy_outputs(case: Case, lang: str) -> dict[str, str]:
    outputs = {"projection": room_projection(case, privacy=True, lang=lang).model_dump_json()}
    for conf in case.conferences:
        room = room_projection(case, privacy=True, lang=lang, conference_id=conf.id)
        outputs[f"projection {conf.id}"] = room.model_dump_json()
        m = minutes(case, conf.id, lang=lang, privacy=True)
        outputs[f"minutes {conf.id} md"] = to_markdown(m)
        outputs[f"minutes {conf.id} html"] = to_html(m)
    return outputs


@pytest.mark.parametrize(("name", "lang"), sorted(CASES))
def test_no_marker_of_a_hidden_field_reaches_the_room_or_the_privacy_minutes(name, lang):
    case, markers = marked(CASES[(name, lang)])
    outputs = _privacy_outputs(case, lang)
    leaks = {(marker, pattern, where) for marker, pattern in markers.items() if pattern not in SHOWN_IN_PRIVACY
             for where, text in outputs.items() if marker in text}
    assert leaks == set()
    # and the shown fields really are shown (the list is no blanket exemption): persons are labels instead
    person_actors = {a.name for a in case.actors if a.kind == ActorKind.PERSON}
    projection = " ".join(text for where, text in outputs.items() if where.startswith("projection"))
    missing = {(marker, pattern) for marker, pattern in markers.items()
               if pattern in SHOWN_IN_PRIVACY and marker not in person_actors and marker not in projection}
    assert missing == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_privacy_the_console_gets_the_hidden_details(lang):
    case, markers = marked(CASES[("senior-dementia", lang)])
    private = room_projection(case, privacy=True, lang=lang).model_dump_json()
    full = room_projection(case, privacy=False, lang=lang).model_dump_json()
    shown_private = {m for m in markers if m in private}
    shown_full = {m for m in markers if m in full}
    assert shown_private < shown_full
    carried = {markers[m][-1] if markers[m][-1] != "*" else markers[m][-2] for m in shown_full - shown_private}
    assert {"phone", "email", "contact_person", "area", "place", "notes", "note", "dissent", "facilitator",
            "municipality", "household", "medication", "when_well", "closure_note"} <= carried
    room = room_projection(case, privacy=False, lang=lang)
    assert room.crisis_plan.triggers and room.client.birth_year == case.client.birth_year


# -- (b) identifiers inside every shown free text --------------------------------------------------------------
PERSON = "Jana Nováková"
PLANTED = ("Jana Nováková a paní Novákové, s Novákovou; Karel Dvořák; tel. +420 777 123 456, "
           "jana.novakova@example.org, Dlouhá 12, Praha 1, RČ 785612/1234")
SECRETS = ("novak", "dvorak", "777 123", "example.org", "dlouha 12", "785612")


def _with_identifiers(case: Case) -> Case:
    data = case.model_dump()

    def new_text(pattern: tuple) -> str | None:
        return PLANTED if pattern in SHOWN_IN_PRIVACY - {("client", "display_name"), ("actors", "*", "name")} else None

    def put(node, model, prefix=()):
        for name, info in model.model_fields.items():
            kind, sub = _shape(info.annotation, info.metadata)
            path = prefix + (name,)
            if kind == "text" and new_text(path):
                node[name] = new_text(path)
            elif kind == "texts" and new_text(path + ("*",)):
                node[name] = [new_text(path + ("*",))]
            elif kind == "text_dict" and new_text(path + ("*",)):
                node[name] = {key: new_text(path + ("*",)) for key in node[name]}
            elif kind == "model" and node.get(name) is not None:
                put(node[name], sub, path)
            elif kind == "models":
                for item in node[name]:
                    put(item, sub, path + ("*",))

    put(data, Case)
    data["conferences"][0]["participants"].append(Participant(name=PERSON, role="family").model_dump())
    for actor in data["actors"]:  # an organisation's name is shown: identifiers in it are masked too
        if actor["kind"] == ActorKind.ORGANISATION:
            actor["name"] = f"{actor['name']} (paní Nováková, tel. +420 777 123 456, podatelna@example.org)"
    return Case.model_validate(data)


@pytest.mark.parametrize(("name", "lang"), sorted(CASES))
def test_names_and_identifiers_in_shown_texts_are_masked(name, lang):
    case = _with_identifiers(CASES[(name, lang)])
    outputs = _privacy_outputs(case, lang)
    for where, text in outputs.items():
        folded = fold(text)
        assert [s for s in SECRETS if s in folded] == [], where
    room = room_projection(case, privacy=True, lang=lang, conference_id=case.conferences[0].id)
    label = room.conference.participants[-1].label  # Jana Nováková's
    assert label.startswith("J. N.")
    assert room.request.startswith(f"{label} a paní {label}, s {label};")  # every form of her name: her label
    for kind in ("phone", "email", "address", "birth_number"):
        assert gettext(f"anonymise.placeholder.{kind}", lang) in room.request
    # without privacy the texts are as written
    assert room_projection(case, privacy=False, lang=lang).request == PLANTED


# -- (c) one label per person, the same on screen and in the minutes ----------------------------------------------
@pytest.mark.parametrize(("name", "lang"), sorted(CASES))
def test_minutes_name_people_as_the_projection_does(name, lang):
    case = CASES[(name, lang)]
    for conf in case.conferences:
        room = room_projection(case, privacy=True, lang=lang, conference_id=conf.id)
        m = minutes(case, conf.id, lang=lang, privacy=True)
        meeting = room.conference
        assert [r.name for r in m.attendance] == [p.label for p in meeting.participants]
        assert (m.facilitator, m.minute_taker, m.case_manager) == (meeting.facilitator, meeting.minute_taker,
                                                                   room.case_manager)
        assert [d.dissent_by for d in m.decisions] == [d.dissent_by for d in meeting.decisions]
        assert [a.owner for a in m.actions] == [room.action(a).owner_label for a in meeting.action_ids]
        assert [c.name for c in m.crisis_plan.contacts] == [c.label for c in room.crisis_plan.contacts]
        for p, shown in zip(conf.participants, meeting.participants):
            if p.role == ConferenceRole.CLIENT:
                assert shown.label == case.client.display_name


def test_one_person_one_label_and_people_sharing_initials_are_told_apart():
    case = CASES[("senior-dementia", "cs")]
    data = case.model_dump()
    conf = data["conferences"][0]
    conf["facilitator"] = "Mgr. Jana Hrubá Tichá (koordinátorka)"
    conf["participants"] += [Participant(name="Jana Hrubá Tichá, Ph.D.", role="professional").model_dump(),
                             Participant(name="Jiří Hořejší Trnka", role="professional").model_dump()]
    data["actions"][0]["owner_id"] = "act-soused"
    room = room_projection(Case.model_validate(data), privacy=True, lang="cs", conference_id=conf["id"])
    labels = [p.label for p in room.conference.participants]
    assert room.conference.facilitator == labels[-2] == "J. H. T."  # titles and brackets do not count
    assert labels[-1] == "J. H. T. (2)"
    soused = room.actor("act-soused").label
    assert soused == initials("Soused pan V.") == "S. V."
    assert room.actions[0].owner_label == soused
    assert next(p.label for p in room.conference.participants if p.actor_id == "act-soused") == soused
    assert len(set(labels)) == len(labels)


def test_initials_rule():
    assert initials("Mgr. P. Dvorská (koordinátorka podpory)") == "P. D."
    assert initials("Ing. Jan Novák, Ph.D.") == "J. N."
    assert initials("Paní Nováková") == initials("pan Novák") == "N."
    assert initials("Ms B. (mother)") == "B."
    assert initials("MUDr. Eva Malá [lékařka]") == "E. M."
    assert initials("school counsellor") == "S. C."
    assert initials("") == "?"
    labels = PersonLabels("Pan K.")
    assert labels.label("Pan K. (klient)") == "Pan K."  # the client is the pseudonym
    assert labels.label("Jan Novák") == "J. N." and labels.label("Mgr. Jan Novák") == "J. N."
    assert labels.label("Jana Nová") == "J. N. (2)"


# -- (d) a field added to the model later does not appear -----------------------------------------------------
SECRET = "zzsecret0000zz"


class _ActorWithMore(Actor):
    nickname: ShortText = ""


class _CaseWithMore(Case):
    secret_note: ShortText = ""
    actors: list[_ActorWithMore] = []


@pytest.mark.parametrize("privacy", [True, False])
def test_a_field_added_to_the_model_later_is_not_in_the_projection(privacy):
    case = CASES[("family-children-at-risk", "en")]
    data = case.model_dump()
    data["secret_note"] = SECRET
    for actor in data["actors"]:
        actor["nickname"] = SECRET
    bigger = _CaseWithMore.model_validate(data)
    assert SECRET in bigger.model_dump_json() and bigger.actors[0].nickname == SECRET
    room = room_projection(bigger, privacy=privacy, lang="en")
    assert SECRET not in room.model_dump_json()
    assert room == room_projection(case, privacy=privacy, lang="en")


# -- the tree itself ------------------------------------------------------------------------------------------
def test_the_projection_is_frozen_and_carries_what_the_room_needs():
    case = CASES[("senior-dementia", "en")]
    room = room_projection(case, privacy=True, lang="en")
    assert isinstance(room, RoomCase)
    with pytest.raises(Exception):
        room.request = "changed"  # frozen
    assert room.conference.id == case.last_conference.id
    assert [lv.level for g in room.goals for lv in g.levels] == [-2, -1, 0, 1, 2] * len(case.goals)
    assert all(lv.text == case.goal(g.id).levels.get(lv.level, "") for g in room.goals for lv in g.levels)
    assert room.conference.agenda[0].start == 0 and room.conference.agenda[-1].end == case.last_conference.total_minutes
    assert room.conference.place is None and room.crisis_plan.when_well is None and room.client.birth_year is None
    assert all(a.phone is None and a.email is None for a in room.actors)
    assert [a.number for a in room.actors] == list(range(1, len(case.actors) + 1))
    assert {r.actor_label for n in room.needs for r in n.ratings if r.perspective == "actor"} <= {
        a.label for a in room.actors}
    dissent = next(d for d in room.conference.decisions if d.dissent)
    assert dissent.dissent_text is None and dissent.dissent_by
    roles = {role for p in room.people for role in p.roles}
    assert {"case_manager", "facilitator", "network", "crisis_contact"} <= roles
    assert all(not lbl.startswith("privacy.") for p in room.people for lbl in p.role_labels)
    with pytest.raises(NotFound):
        room_projection(case, privacy=True, lang="en", conference_id="conf-99")


def test_the_projection_module_is_domain_code():
    from pathlib import Path

    folder = Path(casekit.__file__).parent / "anonymise"
    for path in folder.glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+(ipywidgets|altair|IPython)", path.read_text(encoding="utf-8"),
                             re.M), path.name


def test_an_edited_copy_with_the_same_version_is_projected_afresh():
    case = CASES[("senior-dementia", "cs")]
    first = room_projection(case, privacy=True, lang="cs")
    edited = case.model_copy(update={"request": "Volejte +420 777 123 456."})
    assert edited.version == case.version
    again = room_projection(edited, privacy=True, lang="cs")
    assert again.request == "Volejte [telefon]." and first.request != again.request
    assert room_projection(case, privacy=True, lang="cs") is first  # the same content: the kept projection
    assert json.loads(first.model_dump_json())["privacy"] is True
