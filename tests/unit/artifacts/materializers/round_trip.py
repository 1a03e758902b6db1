"""Helpers shared by the materializer tests: save with the registered materializer, load."""

from __future__ import annotations

from typing import Any

from headwater.artifacts import ArtifactStore, SavedArtifact, find_materializer


def save(store: ArtifactStore, value: Any) -> SavedArtifact:
    """Save `value` with the materializer registered for its type."""
    return store.save(value, find_materializer(type(value)))


def round_trip(store: ArtifactStore, value: Any) -> Any:
    """Save `value`, then load it back as recorded."""
    saved = save(store, value)
    return store.load(saved.uri, saved.materializer, saved.data_type)


def view_kinds(saved: SavedArtifact) -> dict[str, str]:
    """The saved visualizations as {name: type}."""
    return {view.name: view.type for view in saved.visualizations}
