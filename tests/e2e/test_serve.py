"""Serving: standalone Voilà, offline, no sources, no tracebacks, refusals for exposed interfaces."""
from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest

from casekit.cli import main
from casekit.serve import ServeOptions, server_options, voila_command

from conftest import VoilaServer

SMOKE_APPS = Path(__file__).parent / "apps"


@pytest.fixture(scope="module")
def smoke_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("smoke")
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp / 'store.sqlite'}", tmp)
    yield server
    server.stop()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_serve_refuses_an_exposed_interface_without_a_secret(host, capsys):
    assert main(["serve", "--host", host]) == 2
    assert "password" in capsys.readouterr().err


def test_an_exposed_interface_with_a_token_or_password_is_allowed(tmp_path):
    assert server_options(ServeOptions(host="0.0.0.0", token="s3cret"), tmp_path)["token"] == "s3cret"
    written = server_options(ServeOptions(host="0.0.0.0", password="pw"), tmp_path)
    assert written["hashed_password"].startswith("argon2:") and "pw" not in written["hashed_password"][:8]


def test_the_command_is_standalone_voila_with_nothing_on_it(tmp_path):
    cmd = voila_command(tmp_path / "options.json")
    assert cmd[1:3] == ["-m", "casekit.server"] and "lab" not in " ".join(cmd)
    from casekit.server.app import CasekitVoila
    from voila.app import Voila

    assert issubclass(CasekitVoila, Voila)  # standalone Voilà, never the JupyterLab server extension


def test_page_never_shows_source_and_loads_nothing_from_outside(smoke_server, offline_page):
    with urllib.request.urlopen(smoke_server.url("smoke")) as response:
        html = response.read().decode()
    assert "SECRET_SOURCE_MARKER" not in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == []

    page = offline_page()
    page.page.goto(smoke_server.url("smoke"))
    page.page.get_by_text("ready").wait_for(timeout=60_000)
    assert "SECRET_SOURCE_MARKER" not in page.page.content()
    assert page.blocked == []
    page.assert_no_traceback()


def test_projector_template_uses_large_type(smoke_server, offline_page):
    page = offline_page()
    page.page.goto(smoke_server.url("smoke"))
    page.page.get_by_text("ready").wait_for(timeout=60_000)
    size = page.page.evaluate("getComputedStyle(document.body).getPropertyValue('--jp-widgets-font-size')")
    assert int(size.strip().removesuffix("px")) >= 24
    assert "theme-dark" in page.page.evaluate("document.body.className")


def test_jupyter_endpoints_are_not_reachable(smoke_server):
    for path in ("/api/contents", "/lab", "/tree", "/api/kernels/../contents"):
        try:
            with urllib.request.urlopen(smoke_server.base + path) as response:
                status = response.status
                body = response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, body = error.code, ""
        assert status in (403, 404) or "SECRET_SOURCE_MARKER" not in body and '"content"' not in body
