"""The types of service connectors, the settings each takes, and what fsspec gets from them.

Like a flavor, a connector type is a pydantic settings model exported as JSON Schema (from
which the dashboard can build its form); fields typed `SecretStr` are secrets, stored
apart and answered only as set or not set. A `generic` connector's values are all secret
and are passed to fsspec as they are; the store keeps each under `values.<key>`.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from headwater.errors import StackValidationError
from headwater.store.connector_models import ServiceConnectorType


class ConnectorSettings(BaseModel):
    """Base of every connector type's settings: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class AwsConnectorSettings(ConnectorSettings):
    """Credentials for S3 and S3-compatible endpoints (MinIO, Ceph, moto...)."""

    aws_access_key_id: SecretStr = Field(title="Access key id", description="The access key id.")
    aws_secret_access_key: SecretStr = Field(
        title="Secret access key", description="The secret access key."
    )
    aws_session_token: SecretStr | None = Field(
        title="Session token",
        default=None,
        description="A session token, for temporary credentials.",
    )
    region: str | None = Field(default=None, min_length=1, description="Such as eu-west-1.")
    endpoint_url: str | None = Field(
        title="Endpoint URL",
        default=None,
        pattern=r"^https?://",
        description="An S3-compatible endpoint, such as http://127.0.0.1:9000; unset: AWS.",
    )


class GcpConnectorSettings(ConnectorSettings):
    """Credentials for Google Cloud Storage."""

    project: str = Field(min_length=1, description="The Google Cloud project id.")
    token: SecretStr = Field(
        title="Service account key", description="A service account key, as its JSON text."
    )

    @field_validator("token")
    @classmethod
    def _token_is_json_object(cls, token: SecretStr) -> SecretStr:
        try:
            parsed = json.loads(token.get_secret_value())
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise ValueError("must be a service account key's JSON text (an object)")
        return token


class AzureConnectorSettings(ConnectorSettings):
    """Credentials for Azure Blob Storage and Data Lake."""

    account_name: str = Field(min_length=1, description="The storage account's name.")
    account_key: SecretStr = Field(description="One of the storage account's access keys.")


class GenericConnectorSettings(ConnectorSettings):
    """Any fsspec filesystem's storage options, as key/values (every value is secret)."""

    values: dict[str, SecretStr] = Field(
        default_factory=dict, description="Storage options passed to fsspec as they are."
    )


class ConnectorType:
    """A kind of service connector: its name, its settings, and fsspec's storage options."""

    name: ClassVar[ServiceConnectorType]
    description: ClassVar[str]
    settings_class: ClassVar[type[ConnectorSettings]]
    # The fsspec protocols the credentials are for; empty: any.
    protocols: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def settings_schema(cls) -> dict[str, Any]:
        """The JSON Schema of the settings; secret fields are `writeOnly` passwords."""
        return cls.settings_class.model_json_schema()

    @classmethod
    def secret_fields(cls) -> frozenset[str]:
        """The names of the settings that are secrets."""
        return frozenset(
            name
            for name, field in cls.settings_class.model_fields.items()
            if _mentions_secret(field.annotation)
        )

    @classmethod
    def storage_options(cls, settings: Any) -> dict[str, Any]:
        """The fsspec storage options for validated `settings`, secrets in clear."""
        raise NotImplementedError


class AwsConnectorType(ConnectorType):
    """S3 through s3fs: key, secret and the client's endpoint and region."""

    name = ServiceConnectorType.AWS
    description = "Amazon S3 or any S3-compatible endpoint, through s3fs."
    settings_class = AwsConnectorSettings
    protocols = ("s3", "s3a")

    @classmethod
    def storage_options(cls, settings: Any) -> dict[str, Any]:
        """s3fs's `key`, `secret` and `client_kwargs` (`endpoint_url`, `region_name`)."""
        aws: AwsConnectorSettings = settings
        client: dict[str, str] = {}
        if aws.endpoint_url is not None:
            client["endpoint_url"] = aws.endpoint_url
        if aws.region is not None:
            client["region_name"] = aws.region
        options: dict[str, Any] = {
            "key": aws.aws_access_key_id.get_secret_value(),
            "secret": aws.aws_secret_access_key.get_secret_value(),
        }
        if aws.aws_session_token is not None:
            options["token"] = aws.aws_session_token.get_secret_value()
        return {**options, "client_kwargs": client} if client else options


class GcpConnectorType(ConnectorType):
    """Google Cloud Storage through gcsfs: the project and a service account token."""

    name = ServiceConnectorType.GCP
    description = "Google Cloud Storage, through gcsfs, with a service account key."
    settings_class = GcpConnectorSettings
    protocols = ("gs", "gcs")

    @classmethod
    def storage_options(cls, settings: Any) -> dict[str, Any]:
        """gcsfs's `project` and `token` (the key as a dict)."""
        gcp: GcpConnectorSettings = settings
        return {"project": gcp.project, "token": json.loads(gcp.token.get_secret_value())}


class AzureConnectorType(ConnectorType):
    """Azure storage through adlfs: the account's name and key."""

    name = ServiceConnectorType.AZURE
    description = "Azure Blob Storage or Data Lake Gen2, through adlfs."
    settings_class = AzureConnectorSettings
    protocols = ("az", "abfs", "abfss", "adl")

    @classmethod
    def storage_options(cls, settings: Any) -> dict[str, Any]:
        """adlfs's `account_name` and `account_key`."""
        azure: AzureConnectorSettings = settings
        return {
            "account_name": azure.account_name,
            "account_key": azure.account_key.get_secret_value(),
        }


class GenericConnectorType(ConnectorType):
    """Key/values handed to fsspec as storage options, whatever the filesystem."""

    name = ServiceConnectorType.GENERIC
    description = "Key/values passed to any fsspec filesystem as its storage options."
    settings_class = GenericConnectorSettings

    @classmethod
    def storage_options(cls, settings: Any) -> dict[str, Any]:
        """The values, as they are."""
        generic: GenericConnectorSettings = settings
        return {key: value.get_secret_value() for key, value in generic.values.items()}


# Alias: inside classes with a `type` field the builtin name is shadowed.
ConnectorTypeClass = type[ConnectorType]

CONNECTOR_TYPES: dict[ServiceConnectorType, ConnectorTypeClass] = {
    kind.name: kind
    for kind in (AwsConnectorType, GcpConnectorType, AzureConnectorType, GenericConnectorType)
}


def get_connector_type(name: ServiceConnectorType | str) -> type[ConnectorType]:
    """The connector type of that name (`aws`, `gcp`, `azure`, `generic`).

    Raises:
        StackValidationError: no connector type has that name.
    """
    try:
        return CONNECTOR_TYPES[ServiceConnectorType(str(name).strip().lower())]
    except ValueError:
        raise StackValidationError(
            f"'{name}' is not a service connector type. Use one of: "
            f"{', '.join(t.value for t in ServiceConnectorType)}."
        ) from None


class ConnectorTypeDescription(BaseModel):
    """A connector type as the Client, CLI and dashboard show it."""

    model_config = ConfigDict(frozen=True)

    type: ServiceConnectorType
    description: str
    settings_schema: dict[str, Any]
    secret_fields: tuple[str, ...]
    # The fsspec protocols its credentials are for; empty: any.
    protocols: tuple[str, ...]

    @classmethod
    def of(cls, kind: ConnectorTypeClass) -> ConnectorTypeDescription:
        """Describe a connector type."""
        return cls(
            type=kind.name,
            description=kind.description,
            settings_schema=kind.settings_schema(),
            secret_fields=tuple(sorted(kind.secret_fields())),
            protocols=kind.protocols,
        )


def _mentions_secret(annotation: Any) -> bool:
    if annotation is SecretStr:
        return True
    return any(_mentions_secret(argument) for argument in getattr(annotation, "__args__", ()))
