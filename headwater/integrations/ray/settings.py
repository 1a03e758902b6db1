"""The Ray orchestrator's settings: the flavor's (where Ray runs) and a step's (what it
needs). Both are pydantic models, so stack forms and validation come from their schema."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from headwater.stacks.flavors import FlavorSettings

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?\s*$", re.IGNORECASE)
_UNITS = {
    "B": 1,
    "KB": 10**3,
    "MB": 10**6,
    "GB": 10**9,
    "TB": 10**12,
    "KIB": 2**10,
    "MIB": 2**20,
    "GIB": 2**30,
    "TIB": 2**40,
}


class RayOrchestratorSettings(FlavorSettings):
    """Where a `ray` orchestrator runs steps."""

    address: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "Unset: start Ray on this machine with num_cpus. 'auto' joins the cluster this "
            "machine belongs to; 'ray://host:10001' joins a remote cluster."
        ),
    )
    num_cpus: int | None = Field(
        default=None,
        ge=1,
        description="CPUs of the Ray started on this machine (unset: all of them).",
    )
    runtime_env: dict[str, Any] | None = Field(
        default=None,
        description=(
            'Ray\'s runtime environment for workers, e.g. {"pip": [...], "env_vars": {...}}.'
        ),
    )
    max_steps_in_flight: int | None = Field(
        default=None,
        ge=1,
        description="At most this many steps run at once (unset: as many as Ray fits).",
    )


class RaySettings(BaseModel):
    """What one step needs from Ray: `@step(settings={"orchestrator": RaySettings(...)})`.

    Example:
        ```python
        @step(settings={"orchestrator": RaySettings(num_cpus=2, memory="4GB")}, retries=2)
        def train(data: list[float]) -> float: ...
        ```
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    num_cpus: float | None = Field(default=None, ge=0, description="CPUs (Ray's default: 1).")
    num_gpus: float | None = Field(default=None, ge=0, description="GPUs.")
    memory: int | str | None = Field(
        default=None, description="Memory to reserve: bytes, or a size such as '4GB'."
    )
    resources: dict[str, float] = Field(
        default_factory=dict, description="Custom Ray resources, e.g. {'TPU': 1}."
    )

    @field_validator("memory")
    @classmethod
    def _memory_is_a_size(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, str):
            memory_bytes(value)
        return value

    def memory_bytes(self) -> int | None:
        """The memory to reserve in bytes, or None when unset."""
        return None if self.memory is None else memory_bytes(self.memory)


def memory_bytes(size: int | str) -> int:
    """`'4GB'` as 4_000_000_000 bytes (`'4GiB'`: 4 * 2**30); an int is already bytes.

    Raises:
        ValueError: the size is not a number with an optional unit (pydantic reports it).
    """
    if isinstance(size, int):
        return size
    match = _SIZE.match(size)
    if match is None:
        raise ValueError(
            f"'{size}' is not a size. Write a number of bytes or a size such as '512MB' or '4GiB'."
        )
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "B").upper()])
