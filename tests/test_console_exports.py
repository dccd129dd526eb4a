"""The console's Close step writes the minutes as Markdown, HTML for printing and Word, in the language chosen
there (default: the app's), with the review notes typed on the Review step, and offers each as a download."""
from __future__ import annotations

import io

import pytest
from docx import Document

import casekit
from casekit.widgets.console import ConsoleApp

CASE_ID = "example-senior-dementia"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'conference.sqlite'}"
    store = casekit.open_store(url, user="facilitator")
    store.save(casekit.load_example("senior-dementia", "en").model_copy(update={"version": 0}))
    store.close()
    monkeypatch.setenv("CASEKIT_DB", url)
    monkeypatch.setenv("CASEKIT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.delenv("CASEKIT_CASE", raising=False)
    monkeypatch.delenv("CASEKIT_CONFERENCE", raising=False)
    monkeypatch.setenv("CASEKIT_LANG", "en")
    return url


@pytest.fixture(autouse=True)
def quick_clicks(monkeypatch):
    """A test clicks faster than a person: the double-click guard would drop the second export."""
    import casekit.widgets.console.base as base

    monkeypatch.setattr(base, "COOLDOWN", 0.0)


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [cell.text for table in doc.tables for row in table.rows for cell in row.cells])


@pytest.mark.parametrize("app_lang", ["en", "cs"])
def test_minutes_in_the_chosen_language_with_the_review_notes(db_url, tmp_path, app_lang):
    app = ConsoleApp.from_environment(case_id=CASE_ID, conference_id="conf-3", follow=False, lang=app_lang)
    assert app.go("review"), app.message.text
    note = "Review note 5R: the day centre works"
    app.screen("review").notes.value = note
    assert app.go("close")
    close = app.screen("close")
    assert close.minutes_lang.value == app_lang  # the app's language by default
    folder = tmp_path / "exports"
    titles = {"en": "Minutes", "cs": "Zápis"}
    for lang in ("cs", "en"):
        close.minutes_lang.value = lang
        for fmt in ("md", "html", "docx"):
            close.export_buttons[fmt].click()
            assert close.message.kind == "ok", close.message.text
        stem = "zapis" if lang == "cs" else "minutes"
        md = next(folder.glob(f"{stem}-*.md")).read_text(encoding="utf-8")
        html = next(folder.glob(f"{stem}-*.html")).read_text(encoding="utf-8")
        word = docx_text(next(folder.glob(f"{stem}-*.docx")).read_bytes())
        review_heading = {"en": "Review notes", "cs": "Poznámky k revizi"}[lang]
        for text in (md, html, word):
            assert note in text and review_heading in text and titles[lang] in text
        other = {"en": "Poznámky k revizi", "cs": "Review notes"}[lang]
        assert other not in md
    assert "href='data:application/vnd.openxmlformats" in close.downloads.value
    assert "download='minutes-example-senior-dementia-conf-3.docx'" in close.downloads.value
