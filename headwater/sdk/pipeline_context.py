"""`get_pipeline_context()`: what a pipeline function can read about its own
configuration while it is composed (ZenML's `PipelineContext`).

It exists only while the pipeline function runs to record its steps; step code asks
`get_step_context()` instead.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.errors import HeadwaterError

if TYPE_CHECKING:
    from headwater.sdk.model import Model


@dataclass(frozen=True, slots=True)
class PipelineContext:
    """The configuration of the pipeline being composed, from `get_pipeline_context()`."""

    name: str
    enable_cache: bool | None
    extra: Mapping[str, Any] = field(default_factory=dict)
    model: Model | None = None
    tags: tuple[str, ...] = ()


_CURRENT: contextvars.ContextVar[PipelineContext | None] = contextvars.ContextVar(
    "headwater_pipeline_context", default=None
)


def get_pipeline_context() -> PipelineContext:
    """The pipeline being composed: `get_pipeline_context().extra["kinds"]`.

    Raises:
        HeadwaterError: called anywhere but inside a pipeline function as it is composed.
    """
    context = _CURRENT.get()
    if context is None:
        raise HeadwaterError(
            "get_pipeline_context() was called outside a pipeline. Call it inside a "
            "@pipeline function (step code uses get_step_context() instead)."
        )
    return context


@contextmanager
def composing(context: PipelineContext) -> Iterator[PipelineContext]:
    """Make `context` current while the pipeline function records its steps."""
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)
