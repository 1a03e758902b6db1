"""None, bool, int, float, str and bytes."""

from __future__ import annotations

import enum
import math
from typing import Any

import pytest

from headwater.artifacts import ArtifactStore
from tests.unit.artifacts.materializers.round_trip import round_trip, save, view_kinds


class Colour(enum.IntEnum):
    RED = 1


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        -(2**70),
        1.5,
        float("inf"),
        "",
        "héllo ✓ \ud800",
        b"\x00\xffbytes",
        bytearray(b"mutable"),
        Colour.RED,
    ],
    ids=repr,
)
def test_scalar_round_trips_with_its_type(store: ArtifactStore, value: Any) -> None:
    loaded = round_trip(store, value)

    assert loaded == value
    assert type(loaded) is type(value)


def test_nan_round_trips(store: ArtifactStore) -> None:
    assert math.isnan(round_trip(store, float("nan")))


def test_string_metadata_has_its_length(store: ArtifactStore) -> None:
    assert save(store, "# Title\nsome text").metadata["length"] == 17


def test_string_is_shown_as_markdown(store: ArtifactStore) -> None:
    saved = save(store, "# Title\nsome text")

    assert view_kinds(saved) == {"preview": "markdown"}
    assert store.read_bytes(saved.visualizations[0].uri) == b"# Title\nsome text"


def test_bytes_metadata_has_its_length(store: ArtifactStore) -> None:
    assert save(store, b"abc").metadata["length"] == 3


@pytest.mark.parametrize("value", [None, True, 3, 2.5])
def test_scalars_get_no_visualizations_and_only_their_size(
    store: ArtifactStore, value: Any
) -> None:
    saved = save(store, value)

    assert saved.visualizations == ()
    assert set(saved.metadata) == {"storage_size"}
