"""`headwater runs visualize` and `headwater integration ...` on the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from headwater.errors import IntegrationError
from headwater.integrations.registry import Integration, check_installed
from tests.pipelines.diamond import diamond


def headwater(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the `headwater` command in a fresh process."""
    command = [sys.executable, "-m", "headwater.cli.main", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)


def test_runs_visualize_writes_one_self_contained_html_file(tmp_path):
    run = diamond()

    result = headwater("runs", "visualize", run.name, "-o", str(tmp_path / "lineage.html"))

    assert result.returncode == 0, result.stderr
    page = (tmp_path / "lineage.html").read_text()
    assert page.startswith("<!doctype html>")
    assert page.count('class="node step') == 4
    assert "<script src" not in page


def test_runs_visualize_defaults_to_the_run_name_in_the_current_folder(tmp_path):
    run = diamond()

    result = headwater("runs", "visualize", run.name, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"{run.name}.html").exists()


def test_runs_visualize_of_an_unknown_run_prints_one_error_line():
    result = headwater("runs", "visualize", "no-such-run")

    assert result.returncode == 1
    assert result.stderr.startswith("Error: No run with id or name 'no-such-run'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_integration_list_shows_dash_installed_with_its_pinned_packages():
    result = headwater("integration", "list")

    assert result.returncode == 0, result.stderr
    assert "dash==4.4.1" in result.stdout
    assert "dash-cytoscape==1.0.2" in result.stdout
    assert "sklearn" in result.stdout


def test_integration_install_of_an_unknown_integration_names_the_known_ones():
    result = headwater("integration", "install", "nope", "-y")

    assert result.returncode == 1
    assert result.stderr == (
        "Error: There is no integration 'nope'. Known integrations: dash, evidently, "
        "great-expectations, ray, sklearn, whylogs; "
        "`headwater integration list` shows them.\n"
    )


def test_integration_install_dash_is_satisfied_by_the_pinned_packages():
    result = headwater("integration", "install", "dash", "-y")

    assert result.returncode == 0, result.stderr
    assert "Installed the 'dash' integration" in result.stdout


def test_missing_packages_name_the_install_command():
    integration = Integration("demo", "nothing", ("headwater-no-such-package==1.0",))

    with pytest.raises(
        IntegrationError,
        match=r"missing headwater-no-such-package==1.0\). Install it with "
        r"`headwater integration install demo -y`",
    ):
        check_installed(integration)
