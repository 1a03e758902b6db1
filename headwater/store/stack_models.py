"""Domain models of stacks: components (a flavor and its settings) and the stacks they form.

The store keeps a component as a record: its type, the name of its flavor and its
settings as JSON, with secret settings kept apart and shown only as `SECRET_MASK`. What a
flavor's settings mean is known above the store, in `headwater.stacks`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from headwater.store.value_types import Name

# How a secret setting's value is shown everywhere outside the runner.
SECRET_MASK = "****"


class StackComponentType(StrEnum):
    """What a stack component does; a stack holds at most one component of each type."""

    ORCHESTRATOR = "orchestrator"
    ARTIFACT_STORE = "artifact_store"
    CONTAINER_REGISTRY = "container_registry"
    STEP_OPERATOR = "step_operator"
    EXPERIMENT_TRACKER = "experiment_tracker"
    MODEL_DEPLOYER = "model_deployer"
    ALERTER = "alerter"


# Every stack needs these: something to run steps and somewhere to keep their outputs.
REQUIRED_COMPONENT_TYPES = (StackComponentType.ORCHESTRATOR, StackComponentType.ARTIFACT_STORE)
DEFAULT_STACK_NAME = "default"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StackComponentCreate(_Frozen):
    """A component to register: settings already checked against its flavor's schema."""

    name: Name
    type: StackComponentType
    flavor: Name
    # JSON-ready settings values, as the flavor's settings model dumps them.
    settings: dict[str, Any] = Field(default_factory=dict)
    # Secret settings in clear: stored apart and never returned by get or list.
    secrets: dict[str, str] = Field(default_factory=dict)
    project_name: Name = "default"


class StackComponentUpdate(_Frozen):
    """Changes to a component; `settings` and `secrets` replace the stored ones whole."""

    name: Name | None = None
    settings: dict[str, Any] | None = None
    secrets: dict[str, str] | None = None


class StackComponent(_Frozen):
    """A registered component: its flavor and settings, secret values masked."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    type: StackComponentType
    flavor: str
    # Plain settings, plus every secret setting's key with the value `SECRET_MASK`.
    settings: dict[str, Any]
    secret_keys: tuple[str, ...]
    created: dt.datetime


class StackCreate(_Frozen):
    """A stack to compose: one component id per type (an orchestrator and an artifact
    store at least)."""

    name: Name
    components: dict[StackComponentType, uuid.UUID]
    project_name: Name = "default"


class StackUpdate(_Frozen):
    """Changes to a stack: a new name, and components to put in (an id) or take out
    (`None`) by type; types not named keep their component."""

    name: Name | None = None
    components: dict[StackComponentType, uuid.UUID | None] = Field(default_factory=dict)


class Stack(_Frozen):
    """A named set of components, one per type, that runs execute on."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    created: dt.datetime
    components: dict[StackComponentType, StackComponent]


class RunStackComponent(_Frozen):
    """A component as it was when a run started: its flavor and (masked) settings."""

    id: uuid.UUID
    name: str
    type: StackComponentType
    flavor: str
    settings: dict[str, Any]


class RunStack(_Frozen):
    """The stack a run executed on, with its components' settings at that moment.

    `stack_id` is `None` once the stack is deleted; the name and settings stay.
    """

    run_id: uuid.UUID
    stack_id: uuid.UUID | None
    stack_name: str
    components: dict[StackComponentType, RunStackComponent]
