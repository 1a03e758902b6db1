"""Connector types: their settings' schemas, the split of secrets, and fsspec's options."""

from __future__ import annotations

import json

import pytest

from headwater.errors import StackValidationError
from headwater.stacks.connector_settings import (
    checked_connector_create,
    validate_connector_settings,
)
from headwater.stacks.connector_types import (
    AwsConnectorType,
    AzureConnectorType,
    GcpConnectorType,
    GenericConnectorType,
    get_connector_type,
)
from headwater.store.connector_models import ServiceConnectorCreate, ServiceConnectorType

_AWS = {"aws_access_key_id": "id", "aws_secret_access_key": "secret"}


def _options(kind, values):
    settings = kind.settings_class.model_validate(values)
    return kind.storage_options(settings)


def test_an_aws_connector_gives_s3fs_its_key_secret_endpoint_and_region():
    values = {**_AWS, "endpoint_url": "http://127.0.0.1:9000", "region": "eu-west-1"}

    assert _options(AwsConnectorType, values) == {
        "key": "id",
        "secret": "secret",
        "client_kwargs": {"endpoint_url": "http://127.0.0.1:9000", "region_name": "eu-west-1"},
    }


def test_an_aws_connector_without_endpoint_or_region_gives_no_client_kwargs():
    assert _options(AwsConnectorType, _AWS) == {"key": "id", "secret": "secret"}


def test_a_gcp_connector_gives_gcsfs_its_project_and_the_key_as_a_dict():
    key = {"type": "service_account", "project_id": "p"}
    values = {"project": "p", "token": json.dumps(key)}

    assert _options(GcpConnectorType, values) == {"project": "p", "token": key}


def test_an_azure_connector_gives_adlfs_its_account_name_and_key():
    values = {"account_name": "acct", "account_key": "k"}

    assert _options(AzureConnectorType, values) == values


def test_a_generic_connector_gives_its_values_as_they_are():
    assert _options(GenericConnectorType, {"values": {"anon": "true"}}) == {"anon": "true"}


def test_secrets_are_split_from_plain_settings_with_every_secret_field_named():
    split = validate_connector_settings(AwsConnectorType, {**_AWS, "region": "r"}, connector="c")

    assert split.plain == {"region": "r", "endpoint_url": None}
    assert split.secrets == {**_AWS, "aws_session_token": None}


def test_a_generic_connectors_values_are_each_a_secret_and_checked_again_alike():
    split = validate_connector_settings(
        GenericConnectorType, {"values": {"a": "1", "b": "2"}}, connector="g"
    )
    connector = checked_connector_create(
        ServiceConnectorCreate(name="g", type=ServiceConnectorType.GENERIC, secrets=split.secrets)
    )

    assert split.secrets == {"values.a": "1", "values.b": "2"}
    assert connector.secrets == split.secrets


def test_bad_settings_list_every_problem_and_never_a_secret_value():
    with pytest.raises(StackValidationError) as raised:
        validate_connector_settings(
            GcpConnectorType, {"token": "not json at all", "zone": "x"}, connector="gc"
        )

    message = str(raised.value)
    assert "'project' is required" in message
    assert "'token' must be a service account key's JSON text" in message
    assert "'zone' is not a setting of this connector type" in message
    assert "not json at all" not in message


def test_the_aws_secret_fields_are_passwords_in_the_json_schema():
    properties = AwsConnectorType.settings_schema()["properties"]

    assert properties["aws_access_key_id"]["writeOnly"] is True
    assert properties["endpoint_url"]["anyOf"][0]["pattern"] == "^https?://"


def test_an_unknown_type_names_the_known_ones():
    with pytest.raises(StackValidationError, match="Use one of: aws, gcp, azure, generic"):
        get_connector_type("ftp")
