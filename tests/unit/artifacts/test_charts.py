"""Heatmaps and histograms drawn with numpy and Pillow."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from headwater.artifacts.charts import draw_heatmap, draw_histogram


def _image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png))


def test_small_heatmap_is_enlarged_so_cells_are_visible() -> None:
    image = _image(draw_heatmap(np.arange(6).reshape(2, 3)))

    assert image.size == (255, 170)


def test_narrow_heatmap_is_stretched_so_its_columns_are_visible() -> None:
    image = _image(draw_heatmap(np.arange(400.0).reshape(200, 2)))

    assert image.size == (50, 200)


def test_big_heatmap_is_sampled_down() -> None:
    image = _image(draw_heatmap(np.zeros((5000, 300))))

    assert max(image.size) <= 512


def test_heatmap_shows_missing_values_in_grey() -> None:
    array = np.array([[0.0, np.nan], [1.0, np.inf]])

    image = _image(draw_heatmap(array)).convert("RGB")

    assert image.getpixel((image.width - 1, 0)) == (160, 160, 160)


def test_heatmap_of_a_constant_array_is_one_colour() -> None:
    image = _image(draw_heatmap(np.full((3, 3), 7.0))).convert("RGB")

    assert len(image.getcolors() or []) == 1


def test_histogram_of_values_is_a_png() -> None:
    image = _image(draw_histogram(np.random.default_rng(0).normal(size=1000)))

    assert image.format == "PNG"
    assert image.size == (480, 300)


def test_histogram_without_finite_values_still_draws() -> None:
    assert _image(draw_histogram(np.array([np.nan, np.inf]))).format == "PNG"
