"""`ComparedStep`: a step run as a comparison of runs reads it, without the rest.

A comparison of 100 runs reads 50,000 step metadata values; building a `StepRun` with a
`MetadataEntry` model for each took most of its time (issue 11). A store answers
`read_compared_steps` with these plain values instead: what the table shows, nothing else.
`compared_steps_of` says what they are in terms of the full models, for stores that read
those anyway (REST) and for the contract test that holds every store to the same answer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.store.metadata import decode_metadata

if TYPE_CHECKING:
    from headwater.store.models import ArtifactVersion, ExecutionStatus, StepRun


@dataclass(frozen=True, slots=True)
class ComparedStep:
    """One step run of a compared run: its parameters, metadata, outcome and output hashes.

    `metadata` holds each value with its Python type restored (`decode_value`), by key in
    key order; `output_hashes` maps each output the step declares, in its order, to its
    artifact version's content hash. User values pass through both, so they are `Any`.
    """

    run_id: uuid.UUID
    name: str
    status: ExecutionStatus
    duration_seconds: float | None
    parameters: Mapping[str, Any]
    metadata: Mapping[str, Any]
    output_hashes: Mapping[str, str]


def compared_steps_of(
    steps: Iterable[StepRun], versions: Mapping[uuid.UUID, ArtifactVersion]
) -> list[ComparedStep]:
    """The compared steps of full step runs, given the artifact versions they output."""
    return [
        ComparedStep(
            run_id=step.run_id,
            name=step.name,
            status=step.status,
            duration_seconds=step.duration_seconds,
            parameters=step.parameters,
            metadata=dict(sorted(decode_metadata(step.metadata).items())),
            output_hashes={
                output: version.content_hash
                for output, version_id in step.outputs.items()
                if (version := versions.get(version_id)) is not None
            },
        )
        for step in steps
    ]
