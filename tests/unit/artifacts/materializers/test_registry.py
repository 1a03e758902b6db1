"""Finding a materializer for a type, and registering new ones."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pydantic import BaseModel

from headwater.artifacts import ArtifactStore, Materializer, register_materializer
from headwater.artifacts.materializers.builtin import (
    BuiltInMaterializer,
    BytesMaterializer,
    StrMaterializer,
)
from headwater.artifacts.materializers.cloudpickle_fallback import CloudpickleMaterializer
from headwater.artifacts.materializers.containers import ContainerMaterializer
from headwater.artifacts.materializers.numpy_array import NumpyArrayMaterializer
from headwater.artifacts.materializers.pandas_frame import (
    DataFrameMaterializer,
    SeriesMaterializer,
)
from headwater.artifacts.materializers.pil_image import PillowImageMaterializer
from headwater.artifacts.materializers.pydantic_model import PydanticModelMaterializer
from headwater.artifacts.materializers.registry import find_materializer
from headwater.errors import MaterializerError


class Celsius:
    """A user type with its own materializer."""

    def __init__(self, degrees: float) -> None:
        self.degrees = degrees


class CelsiusMaterializer(Materializer):
    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (Celsius,)

    def save(self, data: Celsius) -> None:
        self.fs.pipe_file(self.file_path("celsius.txt"), str(data.degrees).encode())

    def load(self, data_type: type) -> Any:
        return data_type(float(self.fs.cat_file(self.file_path("celsius.txt"))))

    def extract_metadata(self, data: Celsius) -> dict[str, Any]:
        return {"degrees": data.degrees}


class Kelvin:
    """A user type registered by import path, as a lazy library type would be."""


class KelvinMaterializer(Materializer):
    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (f"{__name__}.Kelvin",)


class Fahrenheit(float):
    """A float subclass that a user wants saved differently from floats."""


class FirstFahrenheitMaterializer(Materializer):
    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (Fahrenheit,)


class SecondFahrenheitMaterializer(Materializer):
    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (Fahrenheit,)


class Model(BaseModel):
    value: int


@pytest.mark.parametrize(
    ("data_type", "expected"),
    [
        (type(None), BuiltInMaterializer),
        (bool, BuiltInMaterializer),
        (int, BuiltInMaterializer),
        (float, BuiltInMaterializer),
        (str, StrMaterializer),
        (bytes, BytesMaterializer),
        (dict, ContainerMaterializer),
        (list, ContainerMaterializer),
        (tuple, ContainerMaterializer),
        (set, ContainerMaterializer),
        (np.ndarray, NumpyArrayMaterializer),
        (np.float64, NumpyArrayMaterializer),
        (pd.DataFrame, DataFrameMaterializer),
        (pd.Series, SeriesMaterializer),
        (Model, PydanticModelMaterializer),
        (Image.Image, PillowImageMaterializer),
        (type(Image.new("RGB", (1, 1))), PillowImageMaterializer),
        (object, CloudpickleMaterializer),
        (complex, CloudpickleMaterializer),
    ],
    ids=lambda value: getattr(value, "__qualname__", str(value)),
)
def test_find_materializer_picks_the_most_specific_built_in(
    data_type: type, expected: type[Materializer]
) -> None:
    assert find_materializer(data_type) is expected


def test_registered_materializer_is_found_and_round_trips(store: ArtifactStore) -> None:
    register_materializer(CelsiusMaterializer)

    saved = store.save(Celsius(21.5), find_materializer(Celsius))

    assert saved.metadata["degrees"] == 21.5
    assert saved.materializer == f"{__name__}.CelsiusMaterializer"
    assert store.load(saved.uri, saved.materializer, saved.data_type).degrees == 21.5


def test_materializer_registered_by_import_path_is_found() -> None:
    register_materializer(KelvinMaterializer)

    assert find_materializer(Kelvin) is KelvinMaterializer


def test_later_registration_for_a_type_wins() -> None:
    register_materializer(FirstFahrenheitMaterializer)

    register_materializer(SecondFahrenheitMaterializer)

    assert find_materializer(Fahrenheit) is SecondFahrenheitMaterializer
    assert find_materializer(float) is BuiltInMaterializer


def test_registering_a_non_materializer_is_refused() -> None:
    with pytest.raises(MaterializerError, match="is not a Materializer subclass"):
        register_materializer(dict)  # type: ignore[arg-type]


def test_registering_a_materializer_without_types_is_refused() -> None:
    class Empty(Materializer):
        pass

    with pytest.raises(MaterializerError, match="its ASSOCIATED_TYPES is empty"):
        register_materializer(Empty)


def test_alias_path_matches_the_class_it_names() -> None:
    # pandas 3 records DataFrame as 'pandas.DataFrame'; older code says the long path.
    assert DataFrameMaterializer.can_handle(pd.DataFrame)
    assert "pandas.core.frame.DataFrame" in DataFrameMaterializer.ASSOCIATED_TYPES


def test_importing_the_artifact_store_imports_no_data_library() -> None:
    heavy = ("numpy", "pandas", "PIL", "pyarrow", "pydantic", "cloudpickle", "fsspec")
    code = (
        "import sys, headwater.artifacts.artifact_store, headwater.artifacts.materializers."
        f"registry; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"
