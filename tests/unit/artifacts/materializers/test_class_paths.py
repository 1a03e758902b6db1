"""Recording classes by import path and finding them again."""

from __future__ import annotations

import types

import pytest

from headwater.artifacts.materializers.class_paths import (
    find_loaded_class,
    import_path,
    load_class,
)
from headwater.errors import ArtifactError


class Outer:
    class Inner:
        pass


@pytest.mark.parametrize(
    "klass", [int, type(None), types.FunctionType, Outer, Outer.Inner, ArtifactError]
)
def test_import_path_loads_back_to_the_same_class(klass: type) -> None:
    assert load_class(import_path(klass)) is klass


def test_import_path_of_a_builtin_names_the_builtins_module() -> None:
    assert import_path(int) == "builtins.int"


def test_load_class_of_a_missing_module_explains_what_to_do() -> None:
    with pytest.raises(ArtifactError, match=r"Cannot find the class 'nowhere\.Thing'.*Install"):
        load_class("nowhere.Thing")


def test_load_class_of_a_missing_attribute_names_the_module() -> None:
    with pytest.raises(ArtifactError, match="module 'types' has no class 'Nothing'"):
        load_class("types.Nothing")


def test_load_class_refuses_something_that_is_not_a_class() -> None:
    with pytest.raises(ArtifactError, match="has no class 'import_path'"):
        load_class("headwater.artifacts.materializers.class_paths.import_path")


def test_find_loaded_class_does_not_import() -> None:
    assert find_loaded_class("surely_not_imported_module.Thing") is None
    assert find_loaded_class(f"{__name__}.Outer.Inner") is Outer.Inner
