"""dict, list, tuple, set and frozenset: JSON when exact, cloudpickle otherwise."""

from __future__ import annotations

import collections
import enum
from typing import Any

import pytest

from headwater.artifacts import ArtifactStore
from tests.unit.artifacts.materializers.round_trip import round_trip, save, view_kinds

Pair = collections.namedtuple("Pair", ["left", "right"])


class Colour(enum.IntEnum):
    RED = 1


def stable_id(value: Any) -> str:
    """A set's repr follows string hashing, which differs per process (and so per xdist
    worker, which must collect the same test ids)."""
    if isinstance(value, set | frozenset):
        return f"{type(value).__name__}{sorted(value)}"
    return repr(value)


@pytest.mark.parametrize(
    "value",
    [
        {"a": 1, "b": [True, None, 2.5], "c": {"d": "e"}},
        [1, "two", [3.0]],
        (1, "two", [3]),
        {3, 1, 2},
        frozenset({"a", "b"}),
        [],
        (),
        {},
    ],
    ids=stable_id,
)
def test_json_collection_round_trips_with_its_type(store: ArtifactStore, value: Any) -> None:
    loaded = round_trip(store, value)

    assert loaded == value
    assert type(loaded) is type(value)


@pytest.mark.parametrize(
    "value",
    [
        [(1, 2), (3, 4)],
        {1: "int keys"},
        {"nested": {"tuple": (1,)}},
        {(1, 2), (3,)},
        Pair(1, 2),
        collections.OrderedDict(a=1),
        [Colour.RED],
    ],
    ids=repr,
)
def test_collection_json_cannot_hold_exactly_round_trips_through_pickle(
    store: ArtifactStore, value: Any
) -> None:
    loaded = round_trip(store, value)

    assert loaded == value
    assert type(loaded) is type(value)
    assert all(type(a) is type(b) for a, b in zip(loaded, value, strict=True))


def test_collection_of_a_class_defined_in_a_function_still_loads(store: ArtifactStore) -> None:
    LocalPair = collections.namedtuple("LocalPair", ["left", "right"])

    loaded = round_trip(store, LocalPair(1, 2))

    assert loaded.left == 1
    assert tuple(loaded) == (1, 2)


def test_sets_are_saved_in_a_stable_order(store: ArtifactStore) -> None:
    first = save(store, {"b", "a", "c", "d"})

    second = save(store, {"d", "c", "b", "a"})

    assert first.uri == second.uri


def test_collection_metadata_has_its_length(store: ArtifactStore) -> None:
    assert save(store, {"a": 1, "b": 2}).metadata["length"] == 2


def test_json_collection_is_shown_as_json(store: ArtifactStore) -> None:
    saved = save(store, {"a": 1, "b": 2})

    assert view_kinds(saved) == {"preview": "json"}
    assert store.read_bytes(saved.visualizations[0].uri) == b'{"a": 1, "b": 2}'


def test_pickled_collection_gets_no_visualization(store: ArtifactStore) -> None:
    assert save(store, [(1, 2)]).visualizations == ()
