"""The step context: what a running step can ask about itself, and its metadata buffers.

Metadata a step logs is buffered here and written with the step's end, in the same
transaction as its outputs: logging metadata never costs a store round trip.
"""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.errors import HeadwaterError

if TYPE_CHECKING:
    from headwater.responses.models import ModelVersionResponse
    from headwater.store.model_registry import ModelVersion

# Turns the step's model version into what `get_step_context().model` answers. Given by
# whoever starts the run, which knows how a reader loads artifacts; the runner does not.
ModelView = Callable[["ModelVersion"], "ModelVersionResponse"]


@dataclass
class StepContext:
    """Facts about the step that is running now, from `get_step_context()`."""

    step_name: str
    pipeline_name: str
    run_id: uuid.UUID
    run_name: str
    step_run_id: uuid.UUID
    output_names: tuple[str, ...]
    # User values pass through these buffers until the step ends.
    step_metadata: dict[str, Any] = field(default_factory=dict)
    run_metadata: dict[str, Any] = field(default_factory=dict)
    output_metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    model_metadata: dict[str, Any] = field(default_factory=dict)
    # The version of the step's model (its own, else the pipeline's), if it has one.
    model_version: ModelVersion | None = None
    # Makes `model`, reading artifacts from the stores the step runs against.
    model_view: ModelView | None = None

    @property
    def model(self) -> ModelVersionResponse:
        """The step's model version: `get_step_context().model.get_artifact("clf").load()`.

        Raises:
            HeadwaterError: the step and its pipeline declare no model, or the run was
                started without a way to read models (a bare `run_pipeline` call).
        """
        if self.model_version is None:
            raise HeadwaterError(
                f"Step '{self.step_name}' has no model. Pass model=Model(name=...) to "
                f"@step or @pipeline (or with_options) to give it one."
            )
        if self.model_view is None:
            raise HeadwaterError(
                f"Step '{self.step_name}' cannot read its model: its run was started "
                f"without a model view. Run the pipeline by calling it, or pass "
                f"RunTarget(model_view=step_model_view(store, artifact_store))."
            )
        return self.model_view(self.model_version)

    def add_output_metadata(
        self, metadata: Mapping[str, Any], output_name: str | None = None
    ) -> None:
        """Attach metadata to the artifact an output of this step becomes.

        Raises:
            HeadwaterError: the output name is not one of this step's outputs.
        """
        name = output_name or self._only_output()
        if name not in self.output_names:
            raise HeadwaterError(
                f"Step '{self.step_name}' has no output '{name}'; its outputs are "
                f"{', '.join(repr(n) for n in self.output_names) or 'none'}."
            )
        self.output_metadata.setdefault(name, {}).update(metadata)

    def _only_output(self) -> str:
        if len(self.output_names) != 1:
            raise HeadwaterError(
                f"Step '{self.step_name}' has {len(self.output_names)} outputs, so say which "
                f"one the metadata is for with output_name=..."
            )
        return self.output_names[0]


_CURRENT: contextvars.ContextVar[StepContext | None] = contextvars.ContextVar(
    "headwater_step_context", default=None
)


def current_step_context() -> StepContext | None:
    """The context of the step running in this thread, if any."""
    return _CURRENT.get()


@contextmanager
def step_context(context: StepContext) -> Iterator[StepContext]:
    """Make `context` current while a step's function runs."""
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)
