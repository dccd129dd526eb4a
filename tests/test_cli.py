"""The CLI is a thin layer over the API; every command has help in both languages."""
import json
from pathlib import Path
import subprocess
import sys

import pytest

from casekit.cli import build_parser, main

COMMANDS = ["demo", "list", "import", "export", "instrument", "caseload", "gaps", "import-caseload", "anonymise",
            "serve"]
DATA = Path(__file__).parent / "data"


def _commands_in_parser() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return set(sub.choices)


def test_the_documented_commands_are_the_real_ones():
    assert _commands_in_parser() == set(COMMANDS)


@pytest.mark.parametrize("lang,word", [("en", "store"), ("cs", "úložišt")])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, lang, word, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--lang", lang, command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"casekit {command}" in out
    if command in ("demo", "list"):
        assert word in out


def test_demo_list_export_import_round_trip(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["--lang", "en", "--db", str(db), "demo", "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "Demo store with" in out
    assert main(["--db", str(db), "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    case_ids = [line.split()[0] for line in listing[1:]]
    assert len(case_ids) >= 5

    target = tmp_path / "case.json"
    assert main(["--db", str(db), "export", case_ids[0], "-o", str(target)]) == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "casekit.case" and doc["case"]["id"] == case_ids[0]

    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "import", str(target)]) == 0
    assert case_ids[0] in capsys.readouterr().out
    assert main(["--db", str(other), "list"]) == 0
    assert case_ids[0] in capsys.readouterr().out


def test_demo_is_idempotent(tmp_path, capsys):
    import casekit

    db = tmp_path / "demo.sqlite"
    listings = []
    for _ in range(2):
        assert main(["--db", str(db), "demo", "--no-serve"]) == 0
        capsys.readouterr()
        assert main(["--db", str(db), "list"]) == 0
        listings.append(capsys.readouterr().out)
    assert listings[0] == listings[1]
    assert len(listings[0].strip().splitlines()) == 1 + len(casekit.examples())


@pytest.mark.parametrize("lang,phrase", [("en", "not valid JSON"), ("cs", "není platný JSON")])
def test_a_bad_file_gives_a_message_not_a_traceback(tmp_path, capsys, lang, phrase):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "casekit.case", ', encoding="utf-8")
    db = tmp_path / "s.sqlite"
    assert main(["--lang", lang, "--db", str(db), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert phrase in err and "Traceback" not in err


def test_export_of_an_unknown_case(tmp_path, capsys):
    assert main(["--lang", "cs", "--db", str(tmp_path / "s.sqlite"), "export", "nope"]) == 2
    assert "nebyl nalezen" in capsys.readouterr().err


def test_console_script_is_installed():
    out = subprocess.run([sys.executable, "-m", "casekit.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "demo" in out.stdout


@pytest.mark.parametrize("sub", ["check", "import"])
def test_instrument_subcommands_have_help(sub, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--lang", "cs", "instrument", sub, "--help"])
    assert info.value.code == 0
    assert f"casekit instrument {sub}" in capsys.readouterr().out


def test_instrument_check_accepts_a_good_file(capsys):
    assert main(["--lang", "en", "instrument", "check", str(DATA / "instruments" / "research-support.yaml")]) == 0
    assert "is fine" in capsys.readouterr().out


@pytest.mark.parametrize("lang,phrase", [("en", "line"), ("cs", "řádek")])
def test_instrument_check_names_line_and_reason(lang, phrase, capsys):
    assert main(["--lang", lang, "instrument", "check", str(DATA / "instruments" / "broken" / "cycle.yaml")]) == 1
    err = capsys.readouterr().err
    assert "cycle.yaml" in err and phrase in err and "Traceback" not in err


def test_instrument_import_of_a_redcap_dictionary(tmp_path, capsys):
    from casekit.instruments import load_instrument

    out = tmp_path / "imported.yaml"
    source = DATA / "importers" / "housing_wellbeing_DataDictionary.csv"
    assert main(["--lang", "en", "instrument", "import", str(source), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "redcap" in printed.lower() and "could not be carried over" in printed
    instrument = load_instrument(out)
    assert len(instrument.items()) > 10
    assert main(["instrument", "check", str(out)]) == 0


def test_instrument_import_of_a_file_that_is_no_instrument(tmp_path, capsys):
    bad = tmp_path / "notes.csv"
    bad.write_text("name,phone\nA,1\n", encoding="utf-8")
    assert main(["--lang", "cs", "instrument", "import", str(bad), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_an_unexpected_failure_goes_to_the_log_not_the_screen(tmp_path, monkeypatch, capsys):
    import casekit.cli as cli

    log = tmp_path / "casekit.log"
    monkeypatch.setenv("CASEKIT_LOG", str(log))
    monkeypatch.setattr(cli, "cmd_list", lambda args: 1 / 0)
    parser = cli.build_parser

    def patched():
        p = parser()
        sub = next(a for a in p._actions if a.__class__.__name__ == "_SubParsersAction")
        sub.choices["list"].set_defaults(func=cli.cmd_list)
        return p

    monkeypatch.setattr(cli, "build_parser", patched)
    assert main(["--db", str(tmp_path / "s.sqlite"), "list"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(log) in err
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
