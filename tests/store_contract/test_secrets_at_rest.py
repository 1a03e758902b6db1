"""Stack component secrets are encrypted at rest, so a database copy holds none in clear."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text, update

from headwater.errors import ConfigurationError
from headwater.store.sql.schema import stack_component_secrets
from headwater.store.sql.secret_box import KEY_FILE, KEY_VARIABLE
from headwater.store.stack_models import StackComponentCreate, StackComponentType

SECRET = "s3cr3t-token-value"


def _register(store):
    return store.create_stack_component(
        StackComponentCreate(
            name="hook",
            type=StackComponentType.ALERTER,
            flavor="contract-only",
            settings={"url": "x"},
            secrets={"token": SECRET},
        )
    )


def _raw_secrets(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT secrets FROM stack_component_secrets"))
            return " ".join(str(row[0]) for row in rows)
    finally:
        engine.dispose()


def test_a_secret_is_stored_encrypted_and_read_back_in_clear(sql_store_backend, headwater_home):
    store = sql_store_backend.open()
    try:
        created = _register(store)

        raw = _raw_secrets(sql_store_backend.url)
        read = store.get_stack_component_secrets(created.id)
    finally:
        store.close()

    assert SECRET not in raw
    assert "fernet:" in raw
    assert read == {"token": SECRET}
    assert (headwater_home / KEY_FILE).stat().st_mode & 0o077 == 0


def test_secrets_stored_in_clear_before_are_sealed_when_the_store_opens(sql_store_backend):
    store = sql_store_backend.open()
    created = _register(store)
    store.close()
    engine = create_engine(sql_store_backend.url)
    with engine.begin() as connection:  # as a store from before encryption left them
        connection.execute(update(stack_component_secrets).values(secrets={"token": SECRET}))
    engine.dispose()
    assert SECRET in _raw_secrets(sql_store_backend.url)

    reopened = sql_store_backend.open()
    try:
        read = reopened.get_stack_component_secrets(created.id)
    finally:
        reopened.close()

    assert SECRET not in _raw_secrets(sql_store_backend.url)
    assert read == {"token": SECRET}


def test_secrets_sealed_with_another_key_fail_with_what_to_set(
    sql_store_backend, monkeypatch: pytest.MonkeyPatch
):
    store = sql_store_backend.open()
    try:
        created = _register(store)
        monkeypatch.setenv(KEY_VARIABLE, "x" * 43 + "=")

        with pytest.raises(ConfigurationError, match=f"Set {KEY_VARIABLE} to the key"):
            store.get_stack_component_secrets(created.id)
    finally:
        store.close()
