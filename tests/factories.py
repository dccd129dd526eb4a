"""Small, valid case documents for tests, built by hand so each test can break exactly one thing."""
import copy
import json


def case_dict(case_id: str = "case-t1") -> dict:
    return {
        "id": case_id,
        "client": {
            "display_name": "Pan K.", "birth_year": 1944, "gender": "male", "municipality": "Lhotice",
            "household": "lives alone", "languages": ["cs"],
            "consents": [{"date": "2024-02-01", "scope": "case_conference", "given_by": "Pan K."}],
        },
        "case_manager": "Jana Malá",
        "team_model": "individual",
        "phase": "planning",
        "phase_history": [
            {"phase": "contact", "date": "2024-02-01"},
            {"phase": "assessment", "date": "2024-02-20"},
            {"phase": "planning", "date": "2024-03-10"},
        ],
        "request": "Chci zůstat doma.",
        "strengths": ["good neighbour"],
        "opened": "2024-02-01",
        "actors": [
            {"id": "landlord", "name": "Town housing office", "sector": "housing", "formal": True,
             "relationship": {"kind": "stressful", "flow": "from_client", "since": "2020-01-01"}},
            {"id": "niece", "name": "Niece", "kind": "person", "sector": "informal", "formal": False},
        ],
        "needs": [
            {"id": "n-housing", "domain": "housing", "priority": "high", "actor_ids": ["landlord"],
             "ratings": [{"perspective": "client", "status": "met"},
                         {"perspective": "worker", "status": "unmet", "severity": 4},
                         {"perspective": "actor", "actor_id": "niece", "status": "unmet", "severity": 3}]},
        ],
        "goals": [{"id": "g-home", "text": "Stay at home", "levels": {"-2": "evicted", "0": "arrears paid"},
                   "weight": 1, "baseline": -1, "need_ids": ["n-housing"]}],
        "actions": [{"id": "a-1", "what": "Agree a repayment schedule", "owner_id": "landlord",
                     "due": "2024-04-30", "status": "planned", "need_id": "n-housing", "goal_id": "g-home"}],
        "reviews": [{"id": "r-1", "date": "2024-05-02", "gas_scores": {"g-home": 0},
                     "action_changes": [{"action_id": "a-1", "status": "done"}], "conference_id": "c-1"}],
        "conferences": [{"id": "c-1", "date": "2024-03-15", "place": "Town hall",
                         "facilitator": "Jana Malá", "minute_taker": "Petr",
                         "participants": [{"name": "Pan K.", "role": "client", "consent": True,
                                           "confidentiality_acknowledged": True},
                                          {"name": "Niece", "role": "family", "actor_id": "niece"}],
                         "agenda": [{"title": "Needs", "minutes": 20}],
                         "decisions": [{"text": "Apply for a guardian", "dissent": "Niece disagrees",
                                        "dissent_by": ["Niece"]}],
                         "action_ids": ["a-1"], "next_review": "2024-05-02"}],
        "crisis_plan": {"written_on": "2024-03-15", "triggers": ["eviction letter"],
                        "contacts": [{"name": "Niece", "role": "family"}]},
    }


def envelope(case: dict | None = None) -> dict:
    return {"format": "casekit.case", "schema_version": 1, "case": case if case is not None else case_dict()}


def text(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False)


def mutated(fn) -> dict:
    """A copy of the valid envelope changed by ``fn(doc)``."""
    doc = copy.deepcopy(envelope())
    fn(doc)
    return doc
