"""The published JSON Schema is the model's own schema, kept up to date, and it accepts real files."""
import json

import jsonschema

from casekit import caseio, export_case, load_example, examples


def test_published_schema_is_up_to_date():
    published = json.loads(caseio.SCHEMA_PATH.read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(caseio.envelope_schema())), (
        "run: python -c 'from casekit.caseio import write_schema; write_schema()'"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(caseio.published_schema())


def test_every_example_validates_against_the_published_schema():
    validator = jsonschema.Draft202012Validator(caseio.published_schema())
    for name in examples():
        for lang in ("cs", "en"):
            document = json.loads(export_case(load_example(name, lang)))
            errors = list(validator.iter_errors(document))
            assert errors == [], (name, lang, errors[:1])


def test_schema_refuses_what_the_model_refuses():
    validator = jsonschema.Draft202012Validator(caseio.published_schema())
    document = json.loads(export_case(load_example(examples()[0], "en")))
    document["case"]["needs"][0]["domain"] = "astrology"
    assert not validator.is_valid(document)
