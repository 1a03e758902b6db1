"""Service connectors: registration, secrets kept apart, listing, changes and deletion."""

from __future__ import annotations

import pytest

from headwater.errors import EntityExistsError, EntityInUseError, EntityNotFoundError
from headwater.store.connector_models import (
    SecretState,
    ServiceConnectorCreate,
    ServiceConnectorType,
    ServiceConnectorUpdate,
)
from headwater.store.filters import ListQuery
from headwater.store.stack_models import StackComponentCreate, StackComponentType

AWS = ServiceConnectorType.AWS
KEYS = {"aws_access_key_id": "AKIA-CONTRACT", "aws_secret_access_key": "s3cr3t-value"}
# Every secret field of the type, as the Client and the server send them.
ALL_SECRETS = {**KEYS, "aws_session_token": None}


def _aws(store, name="my-s3", *, region="eu-west-1", secrets=None, user_name="default"):
    return store.create_service_connector(
        ServiceConnectorCreate(
            name=name,
            type=AWS,
            settings={"region": region, "endpoint_url": None},
            secrets=secrets if secrets is not None else dict(ALL_SECRETS),
            user_name=user_name,
        )
    )


def _store_naming(store, name, connector):
    return store.create_stack_component(
        StackComponentCreate(
            name=name,
            type=StackComponentType.ARTIFACT_STORE,
            flavor="fsspec",
            settings={"path": f"s3://bucket/{name}", "connector": connector},
        )
    )


def test_a_registered_connector_comes_back_with_its_settings_and_secret_states(store):
    created = _aws(store, user_name="ada")

    found = store.get_service_connector("my-s3")

    assert found == created
    assert (found.type, found.settings) == (AWS, {"region": "eu-west-1", "endpoint_url": None})
    assert found.secrets == {
        "aws_access_key_id": SecretState.SET,
        "aws_secret_access_key": SecretState.SET,
        "aws_session_token": SecretState.NOT_SET,
    }
    assert (found.created_by, found.updated_by, found.updated) == ("ada", "ada", found.created)


def test_a_connector_is_found_by_id_as_by_name(store):
    created = _aws(store)

    assert store.get_service_connector(created.id) == store.get_service_connector("my-s3")


def test_no_answer_of_get_or_list_holds_a_secret_value(store):
    created = _aws(store)

    answers = [
        store.get_service_connector(created.id).model_dump_json(),
        store.list_service_connectors(ListQuery()).model_dump_json(),
    ]

    assert not [a for a in answers if "s3cr3t-value" in a or "AKIA-CONTRACT" in a]


def test_only_the_secrets_call_reads_secret_values(store):
    created = _aws(store)

    assert store.get_service_connector_secrets(created.id) == KEYS


def test_a_secret_field_without_a_value_is_not_set_and_has_no_stored_value(store):
    created = _aws(store)

    assert created.secrets["aws_session_token"] is SecretState.NOT_SET
    assert store.get_service_connector_secrets(created.id) == KEYS


def test_a_second_connector_with_the_same_name_is_refused(store):
    _aws(store)

    with pytest.raises(EntityExistsError, match="service connector named 'my-s3'"):
        _aws(store, region="us-east-1")


def test_an_unknown_connector_is_not_found(store):
    with pytest.raises(EntityNotFoundError, match=r"No service connector .* 'nowhere'"):
        store.get_service_connector("nowhere")


def test_connectors_list_by_type_and_sort_by_name(store):
    _aws(store, "b-s3")
    _aws(store, "a-s3")
    store.create_service_connector(
        ServiceConnectorCreate(
            name="opts", type=ServiceConnectorType.GENERIC, secrets={"values.anon": "true"}
        )
    )

    page = store.list_service_connectors(
        ListQuery(filters={"type": "aws"}, sort_by="asc:name", size=10)
    )

    assert [c.name for c in page.items] == ["a-s3", "b-s3"]
    assert page.total == 2


def test_an_update_replaces_settings_and_secrets_and_says_who_and_when(store):
    created = _aws(store, user_name="ada")

    updated = store.update_service_connector(
        created.id,
        ServiceConnectorUpdate(
            settings={"region": "us-east-1", "endpoint_url": None},
            secrets={
                "aws_access_key_id": "NEW",
                "aws_secret_access_key": "NEWER",
                "aws_session_token": "TOKEN",
            },
            user_name="grace",
        ),
    )

    assert updated.settings == {"region": "us-east-1", "endpoint_url": None}
    assert updated.secrets["aws_session_token"] is SecretState.SET
    assert store.get_service_connector_secrets(created.id) == {
        "aws_access_key_id": "NEW",
        "aws_secret_access_key": "NEWER",
        "aws_session_token": "TOKEN",
    }
    assert (updated.created_by, updated.updated_by) == ("ada", "grace")
    assert (updated.created, updated.updated >= created.updated) == (created.created, True)


def test_an_update_of_settings_alone_keeps_the_secrets(store):
    created = _aws(store)

    store.update_service_connector(
        created.id, ServiceConnectorUpdate(settings={"region": "x", "endpoint_url": None})
    )

    assert store.get_service_connector_secrets(created.id) == KEYS


def test_deleting_a_connector_a_component_names_is_refused_naming_the_component(store):
    created = _aws(store)
    _store_naming(store, "s3-store", "my-s3")

    with pytest.raises(EntityInUseError, match="artifact_store 's3-store' uses it"):
        store.delete_service_connector(created.id)

    assert store.get_service_connector(created.id) == created


def test_a_connector_no_component_names_any_more_is_deleted(store):
    created = _aws(store)
    component = _store_naming(store, "s3-store", "my-s3")
    store.delete_stack_component(component.id)

    store.delete_service_connector(created.id)

    with pytest.raises(EntityNotFoundError):
        store.get_service_connector(created.id)
