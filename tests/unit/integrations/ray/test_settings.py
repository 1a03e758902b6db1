"""The Ray settings: sizes, validation, and the flavor known through the entry point."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from headwater import RaySettings
from headwater.integrations.ray.flavor import RayOrchestratorFlavor
from headwater.integrations.ray.settings import RayOrchestratorSettings, memory_bytes

REPO_ROOT = Path(__file__).resolve().parents[4]


@pytest.mark.parametrize(
    ("size", "expected"),
    [("4GB", 4 * 10**9), ("512 MiB", 512 * 2**20), ("1.5gb", 1_500_000_000), (123, 123)],
)
def test_a_memory_size_is_read_in_decimal_or_binary_units(size, expected):
    assert memory_bytes(size) == expected


def test_a_memory_size_that_is_no_size_is_refused_with_examples():
    with pytest.raises(ValidationError, match="'lots' is not a size"):
        RaySettings(memory="lots")


def test_the_flavor_refuses_unknown_settings_and_too_few_cpus():
    with pytest.raises(ValidationError) as caught:
        RayOrchestratorSettings.model_validate({"num_cpu": 2, "num_cpus": 0})

    assert {e["type"] for e in caught.value.errors()} == {"extra_forbidden", "greater_than_equal"}


def test_the_package_entry_point_names_the_ray_flavor():
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())

    path = pyproject["project"]["entry-points"]["headwater.flavors"]["ray"]

    module, _, name = path.partition(":")
    assert getattr(importlib.import_module(module), name) is RayOrchestratorFlavor
