"""Which materializer saves which type: built-ins first, user registrations on top.

Types are matched along the value's class hierarchy (most specific first) by import path,
so 'numpy.ndarray' can be registered without importing numpy. For one class, the latest
registration wins.
"""

from __future__ import annotations

import importlib
import sys
import threading
from dataclasses import dataclass

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.materializers.builtin import (
    BuiltInMaterializer,
    BytesMaterializer,
    StrMaterializer,
)
from headwater.artifacts.materializers.class_paths import find_loaded_class, import_path, load_class
from headwater.artifacts.materializers.cloudpickle_fallback import CloudpickleMaterializer
from headwater.artifacts.materializers.containers import ContainerMaterializer
from headwater.artifacts.materializers.numpy_array import NumpyArrayMaterializer
from headwater.artifacts.materializers.pandas_frame import (
    DataFrameMaterializer,
    SeriesMaterializer,
)
from headwater.artifacts.materializers.pil_image import PillowImageMaterializer
from headwater.artifacts.materializers.pydantic_model import PydanticModelMaterializer
from headwater.errors import MaterializerError

__all__ = ["find_materializer", "import_path", "load_class", "register_materializer"]

# In registration order: the cloudpickle fallback first, as `object` ends every hierarchy.
BUILT_IN_MATERIALIZERS: tuple[type[Materializer], ...] = (
    CloudpickleMaterializer,
    BuiltInMaterializer,
    StrMaterializer,
    BytesMaterializer,
    ContainerMaterializer,
    NumpyArrayMaterializer,
    DataFrameMaterializer,
    SeriesMaterializer,
    PydanticModelMaterializer,
    PillowImageMaterializer,
)


@dataclass(frozen=True, slots=True)
class _Registration:
    materializer: type[Materializer]
    order: int


class _Registry:
    """The table from class import paths to materializers, with a per-type cache."""

    def __init__(self) -> None:
        self._by_path: dict[str, _Registration] = {}
        # Paths given as strings whose class is not imported yet: they may be aliases
        # ('pandas.core.frame.DataFrame' names what pandas 3 records as 'pandas.DataFrame').
        self._unresolved: set[str] = set()
        self._found: dict[type, type[Materializer]] = {}
        self._count = 0
        self._lock = threading.Lock()
        for materializer in BUILT_IN_MATERIALIZERS:
            self.register(materializer)

    def register(self, materializer: type[Materializer]) -> None:
        with self._lock:
            self._count += 1
            registration = _Registration(materializer, self._count)
            for associated in materializer.ASSOCIATED_TYPES:
                path = associated if isinstance(associated, str) else import_path(associated)
                self._by_path[path] = registration
                if isinstance(associated, str):
                    self._unresolved.add(path)
            self._found.clear()

    def find(self, data_type: type) -> type[Materializer]:
        found = self._found.get(data_type)
        if found is not None:
            return found
        with self._lock:
            self._resolve_aliases()
            for klass in data_type.__mro__:
                registration = self._by_path.get(import_path(klass))
                if registration is not None:
                    self._found[data_type] = registration.materializer
                    return registration.materializer
        return CloudpickleMaterializer  # only reached if `object` was re-registered away

    def _resolve_aliases(self) -> None:
        for path in list(self._unresolved):
            klass = find_loaded_class(path)
            if klass is None:
                continue  # not imported yet, so no value of that class exists yet either
            self._unresolved.discard(path)
            canonical = import_path(klass)
            current = self._by_path.get(canonical)
            if current is None or current.order < self._by_path[path].order:
                self._by_path[canonical] = self._by_path[path]


_registry = _Registry()


def find_materializer(data_type: type) -> type[Materializer]:
    """Return the materializer for `data_type`, searching its class hierarchy.

    Falls back to the cloudpickle materializer, which warns when it saves.

    Example:
        ```python
        find_materializer(numpy.ndarray)  # NumpyArrayMaterializer
        ```
    """
    _load_integration_for(data_type)
    return _registry.find(data_type)


# Libraries whose values an integration of ours saves: the integration registers its
# materializers the first time such a value is saved, so an estimator is saved the same
# way whether or not the user imported the integration.
_INTEGRATIONS_BY_LIBRARY = {
    "sklearn": "headwater.integrations.sklearn",
    "evidently": "headwater.integrations.evidently",
    "great_expectations": "headwater.integrations.great_expectations",
    "whylogs": "headwater.integrations.whylogs",
}


def _load_integration_for(data_type: type) -> None:
    module = _INTEGRATIONS_BY_LIBRARY.get(data_type.__module__.partition(".")[0])
    if module is not None and module not in sys.modules:
        importlib.import_module(module)


def register_materializer(materializer: type[Materializer]) -> None:
    """Use `materializer` for every type in its `ASSOCIATED_TYPES`, from now on.

    A later registration for the same type replaces an earlier one, built-ins included.

    Raises:
        MaterializerError: `materializer` is not a `Materializer` subclass, or it declares
            no `ASSOCIATED_TYPES`.
    """
    if not (isinstance(materializer, type) and issubclass(materializer, Materializer)):
        raise MaterializerError(
            f"Cannot register '{materializer!r}': it is not a Materializer subclass. "
            f"Subclass headwater.artifacts.Materializer and register the class itself."
        )
    if not materializer.ASSOCIATED_TYPES:
        raise MaterializerError(
            f"Cannot register '{import_path(materializer)}': its ASSOCIATED_TYPES is empty. "
            f"List the types it saves, such as ASSOCIATED_TYPES = (MyType,) or "
            f"('mylib.MyType',)."
        )
    _registry.register(materializer)
