"""Arguments the CLI cannot use get one `Error: ...` line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from headwater import Client

BEYOND_INT64 = "99999999999999999999999"


def assert_one_error_line(exit_code: int, stderr: str) -> None:
    """The user sees a single readable line, as STYLE.md asks of every CLI error."""
    assert exit_code != 0
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: ")


def test_a_non_utf8_argument_from_the_shell_is_one_error_line(headwater_home):
    # A shell hands bytes over; Python turns an invalid UTF-8 byte into a lone surrogate.
    command = [sys.executable, "-m", "headwater.cli.main", "runs", "list", "--pipeline", b"\xff"]
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}

    process = subprocess.run(command, capture_output=True, env=environment, check=False)

    stderr = process.stderr.decode("utf-8", "backslashreplace")
    assert_one_error_line(process.returncode, stderr)
    assert "--pipeline" in stderr
    assert "UTF-8" in stderr


def test_a_non_utf8_argument_in_process_names_the_bad_byte(headwater):
    result = headwater("runs", "list", "--pipeline", "ab\udcff")

    assert_one_error_line(result.exit_code, result.stderr)
    assert "ab\\xff" in result.stderr


@pytest.mark.parametrize("age", ["999999999999h", "99999999999999999999999w", "9999999d"])
def test_an_age_reaching_before_year_one_is_one_error_line(headwater, age):
    result = headwater("runs", "list", "--since", age)

    assert_one_error_line(result.exit_code, result.stderr)
    assert f"'{age}'" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("models", "promote", "classifier", BEYOND_INT64, "staging"),
        ("models", "delete-version", "classifier", BEYOND_INT64, "--yes"),
        ("models", "history", "classifier", BEYOND_INT64),
    ],
    ids=["promote", "delete-version", "history"],
)
def test_a_model_version_beyond_64_bits_is_one_error_line(headwater, command):
    Client().create_model("classifier")

    result = headwater(*command)

    assert_one_error_line(result.exit_code, result.stderr)
    assert "64 bits" in result.stderr


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999", "http://exa mple.com"])
def test_login_to_a_malformed_url_is_one_error_line(headwater, url):
    result = headwater("login", url)

    assert_one_error_line(result.exit_code, result.stderr)
    assert f"'{url}'" in result.stderr
