"""Domain models of service connectors: named credentials that components use.

A connector has a type (`aws`, `gcp`, `azure` or `generic`), plain settings, and secret
settings kept apart like a component's. The store keeps which secret fields a connector
has and the values of those that are set; it never hands a value back except through
`get_service_connector_secrets`. What a type's settings mean is known above the store,
in `headwater.stacks.connector_types`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from headwater.store.value_types import Name


class ServiceConnectorType(StrEnum):
    """What a connector reaches: S3 and S3-compatible endpoints, Google Cloud, Azure, or
    any fsspec filesystem through generic key/values."""

    AWS = "aws"
    GCP = "gcp"
    AZURE = "azure"
    GENERIC = "generic"


class SecretState(StrEnum):
    """What the API says of a secret field instead of its value."""

    SET = "set"
    NOT_SET = "not set"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ServiceConnectorCreate(_Frozen):
    """A connector to register: settings already checked against its type's schema."""

    name: Name
    type: ServiceConnectorType
    # JSON-ready plain settings, as the type's settings model dumps them.
    settings: dict[str, Any] = Field(default_factory=dict)
    # Every secret field of the type: its value in clear, or None when it is not set.
    # Stored apart and never returned by get or list.
    secrets: dict[str, str | None] = Field(default_factory=dict)
    project_name: Name = "default"
    # Who registers it; a server records its logged-in user instead.
    user_name: Name = "default"


class ServiceConnectorUpdate(_Frozen):
    """Changes to a connector; `settings` and `secrets` replace the stored ones whole."""

    settings: dict[str, Any] | None = None
    secrets: dict[str, str | None] | None = None
    # Who changes it; a server records its logged-in user instead.
    user_name: Name = "default"


class ServiceConnector(_Frozen):
    """A registered connector: its type and plain settings, each secret only set or not."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    type: ServiceConnectorType
    settings: dict[str, Any]
    # Every secret field of the connector's type, and whether it holds a value.
    secrets: dict[str, SecretState]
    created: dt.datetime
    created_by: str
    updated: dt.datetime
    updated_by: str


class VerificationFailure(StrEnum):
    """What kept a location from being usable."""

    AUTH = "auth"  # the credentials were refused
    MISSING_BUCKET = "missing_bucket"  # the bucket or folder does not exist
    NOT_WRITABLE = "not_writable"  # reachable and known, but writing was refused
    NOT_READABLE = "not_readable"  # written, but reading it back failed or differed
    UNREACHABLE = "unreachable"  # no answer from the endpoint
    INVALID = "invalid"  # the location or settings cannot even be opened


class VerificationStep(StrEnum):
    """The steps of a verification, in order."""

    OPEN = "open"
    WRITE = "write"
    READ = "read"
    DELETE = "delete"


class Verification(BaseModel):
    """The answer of a verification: whether the location works, and if not, why."""

    model_config = ConfigDict(frozen=True)

    ok: bool
    location: str
    # The step that failed and the kind of failure; both None when `ok`.
    failed_step: VerificationStep | None = None
    failure: VerificationFailure | None = None
    message: str
