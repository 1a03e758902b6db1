"""The integration registry: pins that match the project's own, and clear errors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from headwater.errors import IntegrationError
from headwater.integrations.registry import INTEGRATIONS, get_integration, require_integration

PYPROJECT = Path(__file__).parents[3] / "pyproject.toml"


def test_every_integration_pins_the_versions_the_test_suite_installs():
    extras = tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"]
    makefile = (PYPROJECT.parent / "Makefile").read_text()

    for integration in INTEGRATIONS.values():
        # Either the dev extra carries its packages, or its own extra (same name) does
        # and `make install` installs that extra.
        own = extras.get(integration.name, [])
        assert all("==" in requirement for requirement in integration.requirements)
        assert set(integration.requirements) <= set(extras["dev"]) | set(own)
        if not set(integration.requirements) <= set(extras["dev"]):
            assert f",{integration.name}" in makefile


def test_every_integration_is_an_extra_with_the_same_pins():
    extras = tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"]

    for integration in INTEGRATIONS.values():
        assert extras.get(integration.name) == list(integration.requirements), integration.name


def test_installed_integration_passes_the_check():
    require_integration("dash")

    assert get_integration("dash").install_command == "headwater integration install dash -y"


def test_unknown_integration_lists_the_known_ones():
    with pytest.raises(
        IntegrationError, match=r"no integration 'spark'\. Known integrations: dash"
    ):
        get_integration("spark")
