"""Pillow images as PNG (TIFF for modes PNG cannot hold), shown as themselves."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from headwater.artifacts import ArtifactStore
from tests.unit.artifacts.materializers.round_trip import round_trip, save, view_kinds


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "1", "P", "I", "I;16", "LA", "CMYK", "F"])
def test_image_round_trips_pixel_for_pixel(store: ArtifactStore, mode: str) -> None:
    image = Image.new(mode, (7, 5), color=1)

    loaded = round_trip(store, image)

    assert loaded.mode == mode
    assert loaded.size == (7, 5)
    assert loaded.tobytes() == image.tobytes()


def test_image_round_trips_in_every_kind_of_store(any_store: ArtifactStore) -> None:
    image = Image.new("RGB", (3, 2), color=(10, 20, 30))

    assert round_trip(any_store, image).tobytes() == image.tobytes()


def test_image_metadata_has_width_height_and_mode(store: ArtifactStore) -> None:
    saved = save(store, Image.new("RGBA", (4, 3)))

    assert saved.metadata["width"] == 4
    assert saved.metadata["height"] == 3
    assert saved.metadata["mode"] == "RGBA"


def test_image_is_its_own_preview(store: ArtifactStore) -> None:
    saved = save(store, Image.new("RGBA", (4, 3)))

    assert view_kinds(saved) == {"preview": "image"}
    assert saved.visualizations[0].uri == f"{saved.uri}/image.png"


def test_image_in_a_mode_png_cannot_hold_gets_a_png_preview(store: ArtifactStore) -> None:
    saved = save(store, Image.new("CMYK", (4, 3)))

    preview = Image.open(io.BytesIO(store.read_bytes(saved.visualizations[0].uri)))
    assert preview.format == "PNG"
    assert preview.size == (4, 3)
