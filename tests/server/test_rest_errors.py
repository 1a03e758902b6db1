"""Over REST, a refused caller raises the same exceptions whatever store is behind."""

from __future__ import annotations

import pytest

from headwater.errors import (
    EntityNotFoundError,
    NotAuthenticatedError,
    PermissionDeniedError,
    StoreError,
)
from headwater.store.rest import RestStore
from tests.server.auth_fixtures import AuthServer
from tests.store_contract.records import a_run


def test_a_rest_store_without_valid_credentials_raises_not_authenticated(auth_server: AuthServer):
    store = RestStore(auth_server.url, "not-a-token", retry_seconds=0)
    try:
        with pytest.raises(NotAuthenticatedError, match=r"credentials|token|log in"):
            store.last_event_id()
    finally:
        store.close()


def test_a_viewer_writing_over_rest_raises_permission_denied(auth_server: AuthServer):
    store = RestStore(auth_server.url, auth_server.token("viewer"), retry_seconds=0)
    try:
        with pytest.raises(PermissionDeniedError) as refused:
            store.create_run(a_run())
    finally:
        store.close()
    assert isinstance(refused.value, StoreError)  # callers catching StoreError still do


def test_a_missing_run_over_rest_is_the_sql_store_s_not_found(auth_server: AuthServer):
    store = RestStore(auth_server.url, auth_server.token("member"), retry_seconds=0)
    try:
        with pytest.raises(EntityNotFoundError, match="No run 'nothing'"):
            store.get_run("nothing")
    finally:
        store.close()
