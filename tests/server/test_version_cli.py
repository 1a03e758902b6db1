"""`headwater --version` and `headwater version`, locally and logged in to a real server."""

from __future__ import annotations

import pytest

import headwater
from headwater.cli.version import is_compatible
from headwater.config import STORE_URL_VARIABLE
from headwater.server.routes.health import headwater_version
from tests.cli.invoke import run_headwater


def test_version_option_prints_the_installed_version(capsys, monkeypatch):
    result = run_headwater(capsys, monkeypatch, "--version")

    assert result.exit_code == 0
    assert result.stdout == f"headwater {headwater.__version__}\n"


def test_version_without_a_login_says_runs_record_locally(capsys, monkeypatch):
    result = run_headwater(capsys, monkeypatch, "version")

    assert result.exit_code == 0
    assert f"client: headwater {headwater.__version__}" in result.stdout
    assert "server: none" in result.stdout


def test_version_when_logged_in_shows_the_servers_version(server, capsys, monkeypatch):
    monkeypatch.setenv(STORE_URL_VARIABLE, server.url)

    result = run_headwater(capsys, monkeypatch, "version")

    assert result.exit_code == 0
    assert f"server: {server.url} runs headwater " in result.stdout
    assert "Warning" not in result.stdout


def test_version_warns_when_the_server_runs_an_incompatible_version(server, capsys, monkeypatch):
    # The server reports the installed distribution's version; this client claims the
    # next minor one, which before 1.0 may not speak the same API.
    server_version = headwater_version()
    major, minor = server_version.split(".")[:2]
    monkeypatch.setattr(headwater, "__version__", f"{major}.{int(minor) + 1}.0")
    monkeypatch.setenv(STORE_URL_VARIABLE, server.url)

    result = run_headwater(capsys, monkeypatch, "version")

    assert result.exit_code == 0
    assert f"server: {server.url} runs headwater {server_version}" in result.stdout
    assert "Warning: this client" in result.stdout
    assert f"pip install 'headwater=={server_version}'" in result.stdout


def test_version_names_a_server_that_does_not_answer(capsys, monkeypatch):
    monkeypatch.setenv(STORE_URL_VARIABLE, "http://127.0.0.1:9")

    result = run_headwater(capsys, monkeypatch, "version")

    assert result.exit_code == 0
    assert "server: http://127.0.0.1:9 (not answering; is it up?)" in result.stdout


@pytest.mark.parametrize(
    ("client", "server", "expected"),
    [
        ("0.1.0", "0.1.7", True),
        ("0.1.0", "0.2.0", False),
        ("1.2.0", "1.5.3", True),
        ("1.2.0", "2.0.0", False),
    ],
)
def test_versions_are_compatible_within_a_major_and_before_1_0_a_minor(client, server, expected):
    assert is_compatible(client, server) is expected
