"""The Materializer base class: type matching and visualization helpers."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from headwater.artifacts import Materializer
from headwater.artifacts.filesystem import LocalFileSystem


class Animal:
    pass


class Dog(Animal):
    pass


class AnimalMaterializer(Materializer):
    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (Animal,)


class LazyAnimalMaterializer(Materializer):
    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (f"{__name__}.Animal",)


def test_materializer_handles_its_types_and_their_subclasses() -> None:
    assert AnimalMaterializer.can_handle(Dog)
    assert not AnimalMaterializer.can_handle(int)


def test_materializer_given_import_paths_handles_subclasses_too() -> None:
    assert LazyAnimalMaterializer.can_handle(Dog)
    assert not LazyAnimalMaterializer.can_handle(str)


def test_write_visualization_puts_the_file_under_the_visualizations_folder(
    tmp_path: Path,
) -> None:
    materializer = AnimalMaterializer(str(tmp_path), LocalFileSystem())

    view = materializer.write_visualization("chart", "image", b"png", extension="png")

    assert view.uri == f"{tmp_path}/_visualizations/chart.png"
    assert (tmp_path / "_visualizations" / "chart.png").read_bytes() == b"png"
    assert (view.type, view.name) == ("image", "chart")


def test_base_materializer_has_no_metadata_and_no_visualizations(tmp_path: Path) -> None:
    materializer = AnimalMaterializer(str(tmp_path), LocalFileSystem())

    assert materializer.extract_metadata(Dog()) == {}
    assert materializer.save_visualizations(Dog()) == []
