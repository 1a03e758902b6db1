"""The cloudpickle fallback for types no materializer knows, and its warning."""

from __future__ import annotations

import pytest

from headwater.artifacts import ArtifactStore, PickleFallbackWarning
from tests.unit.artifacts.materializers.round_trip import save


class Unknown:
    """A class no materializer knows."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unknown) and other.value == self.value

    def __hash__(self) -> int:
        return self.value


def test_unknown_type_is_pickled_with_a_warning_naming_the_type(store: ArtifactStore) -> None:
    with pytest.warns(PickleFallbackWarning, match=rf"type '{__name__}\.Unknown'"):
        saved = save(store, Unknown(5))

    assert store.load(saved.uri, saved.materializer, saved.data_type) == Unknown(5)


def test_fallback_warning_says_how_to_register_a_materializer(store: ArtifactStore) -> None:
    with pytest.warns(PickleFallbackWarning) as record:
        save(store, Unknown(5))

    message = str(record[0].message)
    assert "register_materializer(" in message
    assert "@step(output_materializers=" in message


def test_pickled_value_of_a_class_defined_in_a_function_still_loads(
    store: ArtifactStore,
) -> None:
    class Local:
        def __init__(self) -> None:
            self.value = 9

    with pytest.warns(PickleFallbackWarning):
        saved = save(store, Local())

    assert store.load(saved.uri, saved.materializer, saved.data_type).value == 9


def test_fallback_warning_is_an_error_when_warnings_are(store: ArtifactStore) -> None:
    # The suite runs with warnings as errors: the warning must surface as itself,
    # not wrapped in a MaterializerError, and must leave no artifact behind.
    with pytest.raises(PickleFallbackWarning):
        save(store, Unknown(1))

    assert not store.exists(f"{store.root_uri}/artifacts")
