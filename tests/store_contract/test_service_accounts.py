"""Service accounts and API keys in the SQL stores (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from headwater.errors import EntityExistsError, EntityNotFoundError, StatusTransitionError
from headwater.store.logins import AccountKind, ServerRole


@pytest.fixture
def sql_store(sql_store_backend: Any) -> Iterator[Any]:
    """An open SQL store on a clean database."""
    opened = sql_store_backend.open()
    yield opened
    opened.close()


def _key(store: Any, account_id: uuid.UUID, **changes: Any) -> uuid.UUID:
    key_id = uuid.uuid4()
    values: dict[str, Any] = {"name": "deploy", "secret_hash": "ab" * 32, "expires": None}
    store.create_api_key(account_id, key_id=key_id, **{**values, **changes})
    return key_id


def test_a_key_finds_its_service_accounts_login(sql_store):
    account = sql_store.create_service_account("ci", ServerRole.VIEWER, "nightly")
    key_id = _key(sql_store, account.id)

    found = sql_store.find_key_login(key_id)

    assert found is not None
    assert (found.login.name, found.login.role, found.login.kind) == (
        "ci",
        ServerRole.VIEWER,
        AccountKind.SERVICE_ACCOUNT,
    )
    assert (found.key.id, found.key.name, found.secret_hash) == (key_id, "deploy", "ab" * 32)


def test_a_revoked_key_or_a_deactivated_account_finds_nothing(sql_store):
    account = sql_store.create_service_account("ci", ServerRole.MEMBER)
    revoked, kept = _key(sql_store, account.id), _key(sql_store, account.id)

    sql_store.revoke_api_key(revoked)
    after_revoking = (sql_store.find_key_login(revoked), sql_store.find_key_login(kept))
    sql_store.deactivate_service_account("ci")

    assert after_revoking[0] is None
    assert after_revoking[1] is not None
    assert sql_store.find_key_login(kept) is None
    assert sql_store.find_login("ci") is None


def test_rotating_with_a_grace_period_ends_the_old_key_then(sql_store):
    account = sql_store.create_service_account("ci", ServerRole.MEMBER)
    old = _key(sql_store, account.id)
    ends = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)

    new = sql_store.rotate_api_key(
        old, new_key_id=uuid.uuid4(), secret_hash="cd" * 32, expires=None, old_key_ends=ends
    )
    keys = sql_store.list_api_keys(account.id)

    assert [k.id for k in keys] == [old, new.id]
    assert keys[0].expires == ends.replace(microsecond=keys[0].expires.microsecond)
    assert keys[0].revoked is None
    assert new.name == "deploy"


def test_a_taken_name_and_an_unknown_account_are_refused(sql_store):
    sql_store.create_service_account("ci", ServerRole.MEMBER)

    with pytest.raises(EntityExistsError, match="named 'ci' already exists"):
        sql_store.create_service_account("ci", ServerRole.MEMBER)
    with pytest.raises(EntityNotFoundError, match="No service account with id or name 'x'"):
        sql_store.get_service_account("x")


def test_marking_a_key_used_records_when(sql_store):
    account = sql_store.create_service_account("ci", ServerRole.MEMBER)
    key_id = _key(sql_store, account.id)
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)

    sql_store.mark_key_used(key_id, when)

    assert sql_store.get_api_key(key_id).last_used == when


def _rotate(store: Any, key_id: uuid.UUID, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "new_key_id": uuid.uuid4(),
        "secret_hash": "cd" * 32,
        "expires": None,
        "old_key_ends": dt.datetime.now(dt.UTC),
    }
    return store.rotate_api_key(key_id, **{**values, **changes})


def test_a_rotated_key_keeps_the_old_keys_expiry_unless_given_a_new_one(sql_store):
    account = sql_store.create_service_account("ci", ServerRole.MEMBER)
    ends = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    later = dt.datetime(2031, 1, 1, tzinfo=dt.UTC)
    first, second = _key(sql_store, account.id, expires=ends), _key(sql_store, account.id)

    kept = _rotate(sql_store, first)
    given = _rotate(sql_store, second, expires=later)

    assert kept.expires == ends
    assert given.expires == later


def test_rotating_marks_the_old_key_rotated(sql_store):
    account = sql_store.create_service_account("ci", ServerRole.MEMBER)
    old = _key(sql_store, account.id)

    _rotate(sql_store, old)

    assert sql_store.get_api_key(old).rotated is not None


@pytest.mark.parametrize("ending", ["revoked", "rotated", "expired"])
def test_an_ended_key_cannot_be_rotated_and_nothing_is_minted(sql_store, ending):
    account = sql_store.create_service_account("ci", ServerRole.MEMBER)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    old = _key(sql_store, account.id, expires=past if ending == "expired" else None)
    if ending == "revoked":
        sql_store.revoke_api_key(old)
    if ending == "rotated":
        # Rotated with a grace period: the old key still works, but has a successor.
        _rotate(sql_store, old, old_key_ends=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    keys_before = len(sql_store.list_api_keys(account.id))

    with pytest.raises(StatusTransitionError, match=f"is {ending}"):
        _rotate(sql_store, old)

    assert len(sql_store.list_api_keys(account.id)) == keys_before
