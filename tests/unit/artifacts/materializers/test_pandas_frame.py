"""pandas DataFrames and Series in Parquet files, with CSV views."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from headwater.artifacts import ArtifactStore
from tests.unit.artifacts.materializers.round_trip import round_trip, save, view_kinds


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "age": [31, 42, 27],
            "score": [0.5, float("nan"), 0.25],
            "name": ["ada", "bo", "cy"],
            "when": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
        },
        index=pd.Index([10, 20, 30], name="id"),
    )


def test_frame_round_trips_in_every_kind_of_store(
    any_store: ArtifactStore, frame: pd.DataFrame
) -> None:
    pd.testing.assert_frame_equal(round_trip(any_store, frame), frame)


@pytest.mark.parametrize(
    "odd_frame",
    [
        pd.DataFrame({0: [1], "b": [2]}),
        pd.DataFrame({"objects": [{"a": 1}, [2, 3]]}),
        pd.DataFrame({"a": []}),
        pd.DataFrame({"c": pd.Categorical(["x", "y"])}),
    ],
    ids=["mixed column names", "python objects", "no rows", "categorical"],
)
def test_frame_parquet_cannot_hold_or_finds_odd_still_round_trips(
    store: ArtifactStore, odd_frame: pd.DataFrame
) -> None:
    pd.testing.assert_frame_equal(round_trip(store, odd_frame), odd_frame)


def test_frame_metadata_has_shape_columns_rows_and_dtypes(
    store: ArtifactStore, frame: pd.DataFrame
) -> None:
    saved = save(store, frame)

    assert saved.metadata["shape"] == [3, 4]
    assert saved.metadata["rows"] == 3
    assert saved.metadata["columns"] == ["age", "score", "name", "when"]
    assert saved.metadata["dtypes"]["age"] == "int64"


def test_frame_gets_a_preview_of_100_rows_and_a_describe_table(
    store: ArtifactStore, frame: pd.DataFrame
) -> None:
    saved = save(store, pd.concat([frame] * 50, ignore_index=True))

    assert view_kinds(saved) == {"preview": "csv", "describe": "csv"}
    preview = store.read_bytes(saved.visualizations[0].uri).decode().splitlines()
    assert len(preview) == 101  # the header and the first 100 rows
    assert b"mean" in store.read_bytes(saved.visualizations[1].uri)


def test_frame_without_columns_gets_only_a_preview(store: ArtifactStore) -> None:
    assert view_kinds(save(store, pd.DataFrame(index=[1, 2]))) == {"preview": "csv"}


@pytest.mark.parametrize("name", [None, "price", 3])
def test_series_round_trips_with_its_name(store: ArtifactStore, name: Any) -> None:
    series = pd.Series([1.5, 2.5, None], name=name, index=["a", "b", "c"])

    pd.testing.assert_series_equal(round_trip(store, series), series)


def test_series_metadata_has_length_dtype_and_name(store: ArtifactStore) -> None:
    saved = save(store, pd.Series([1, 2], name="n"))

    assert saved.metadata["length"] == 2
    assert saved.metadata["dtype"] == "int64"
    assert saved.metadata["name"] == "n"


def test_series_gets_a_preview(store: ArtifactStore) -> None:
    assert view_kinds(save(store, pd.Series([1, 2]))) == {"preview": "csv"}
