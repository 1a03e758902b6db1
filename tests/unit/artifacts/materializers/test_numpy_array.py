"""numpy arrays and scalars in .npy files, with histograms and heatmaps."""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from headwater.artifacts import ArtifactStore
from tests.unit.artifacts.materializers.round_trip import round_trip, save, view_kinds


@pytest.mark.parametrize(
    "array",
    [
        np.arange(12, dtype=np.int32).reshape(3, 4),
        np.linspace(0, 1, 7),
        np.array([[True, False]]),
        np.zeros((2, 3, 4), dtype=np.float32),
        np.array(["a", "bc"]),
        np.array([{"a": 1}, None], dtype=object),
        np.array([], dtype=np.int64),
        np.array([1 + 2j]),
    ],
    ids=lambda array: f"{array.dtype}{array.shape}",
)
def test_array_round_trips_with_dtype_and_shape(
    store: ArtifactStore, array: np.ndarray[Any, Any]
) -> None:
    loaded = round_trip(store, array)

    assert loaded.dtype == array.dtype
    assert loaded.shape == array.shape
    assert np.array_equal(loaded, array)


def test_array_round_trips_in_every_kind_of_store(any_store: ArtifactStore) -> None:
    array = np.random.default_rng(0).normal(size=(5, 5))

    assert np.array_equal(round_trip(any_store, array), array)


def test_numpy_scalar_comes_back_as_a_scalar(store: ArtifactStore) -> None:
    loaded = round_trip(store, np.float32(2.5))

    assert loaded == np.float32(2.5)
    assert type(loaded) is np.float32


def test_array_metadata_has_shape_and_dtype(store: ArtifactStore) -> None:
    saved = save(store, np.zeros((2, 3), dtype=np.float32))

    assert saved.metadata["shape"] == [2, 3]
    assert saved.metadata["dtype"] == "float32"
    assert saved.metadata["storage_size"] == saved.size_bytes


def test_two_dimensional_array_gets_a_heatmap_image_and_chart(store: ArtifactStore) -> None:
    saved = save(store, np.arange(20.0).reshape(4, 5))

    assert view_kinds(saved) == {"heatmap": "image", "chart": "chart"}
    chart = json.loads(store.read_bytes(saved.visualizations[1].uri))
    assert chart["kind"] == "heatmap"
    assert chart["shape"] == [4, 5]
    image = Image.open(io.BytesIO(store.read_bytes(saved.visualizations[0].uri)))
    assert image.format == "PNG"


def test_one_dimensional_array_gets_a_histogram_and_a_line_chart(store: ArtifactStore) -> None:
    saved = save(store, np.random.default_rng(1).normal(size=500))

    assert view_kinds(saved) == {"histogram": "image", "chart": "chart"}
    chart = json.loads(store.read_bytes(saved.visualizations[1].uri))
    assert chart["kind"] == "line"
    assert len(chart["y"]) == 500
    assert saved.visualizations[0].uri == f"{saved.uri}/_visualizations/histogram.png"


def test_size_counts_the_data_file_but_not_the_visualizations(store: ArtifactStore) -> None:
    saved = save(store, np.arange(10))

    assert saved.size_bytes == len(store.read_bytes(f"{saved.uri}/array.npy"))


@pytest.mark.parametrize(
    "array",
    [np.array(["a", "b"]), np.array([1 + 2j]), np.zeros((2, 2, 2)), np.array([]), np.array(1.0)],
    ids=repr,
)
def test_array_that_no_chart_fits_gets_no_visualization(
    store: ArtifactStore, array: np.ndarray[Any, Any]
) -> None:
    assert save(store, array).visualizations == ()
