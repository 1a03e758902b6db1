"""pydantic models as JSON, validated back into their class."""

from __future__ import annotations

from pydantic import BaseModel

from headwater.artifacts import ArtifactStore
from tests.unit.artifacts.materializers.round_trip import round_trip, save, view_kinds


class Point(BaseModel):
    x: float
    y: float
    label: str = ""


class Shape(BaseModel):
    name: str
    corners: list[Point]


def test_model_round_trips_into_its_class(any_store: ArtifactStore) -> None:
    shape = Shape(name="tri", corners=[Point(x=0, y=0), Point(x=1, y=0, label="b")])

    loaded = round_trip(any_store, shape)

    assert loaded == shape
    assert type(loaded) is Shape


def test_model_is_recorded_under_its_own_class(store: ArtifactStore) -> None:
    assert save(store, Point(x=1, y=2)).data_type == f"{__name__}.Point"


def test_model_is_shown_as_json(store: ArtifactStore) -> None:
    saved = save(store, Point(x=1, y=2))

    assert view_kinds(saved) == {"preview": "json"}
    assert store.read_bytes(saved.visualizations[0].uri) == b'{"x":1.0,"y":2.0,"label":""}'
