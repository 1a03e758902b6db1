"""`log_metadata(..., infer_model=True)` and `log_metadata(..., model_name=...)`."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from headwater.errors import HeadwaterError
from headwater.session import get_session
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import LATEST
from headwater.store.models import MetadataTarget

if TYPE_CHECKING:
    from headwater.runner.context import StepContext


def log_model_metadata(
    context: StepContext | None,
    metadata: Mapping[str, Any],
    model_name: uuid.UUID | str | None,
    model_version: str | int | None,
) -> None:
    """Attach metadata to a model version.

    In a step, the step's own model version (no name, or its model's name and no
    version) gets it with the step's end; any other version is written now.

    Raises:
        HeadwaterError: no model version is named and the step has none.
    """
    entries = encode_metadata(dict(metadata))  # fail now on a value with no type
    own = None if context is None else context.model_version
    is_own = own is not None and model_version is None and model_name in (None, own.model_name)
    if context is not None and is_own:
        context.model_metadata.update(metadata)
        return
    if model_name is None:
        where = "outside a running step" if context is None else f"in step '{context.step_name}'"
        raise HeadwaterError(
            f"log_metadata(infer_model=True) was called {where}, which has no model. Name "
            f"one with model_name=... (and model_version=...), or give the step a "
            f"model=Model(...)."
        )
    store = get_session().store
    version = store.get_model_version(
        model_name, LATEST if model_version is None else model_version
    )
    store.add_metadata(MetadataTarget.MODEL_VERSION, version.id, entries)
