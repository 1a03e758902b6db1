"""API keys: shown once, stored hashed, usable as a bearer token, rotated and revoked."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from headwater.server.keys import make_key
from headwater.session import get_session
from tests.server.auth_fixtures import AuthServer, logins


@pytest.fixture
def admin(auth_server: AuthServer) -> Iterator[httpx.Client]:
    """An HTTP client logged in as the admin, with a service account 'ci' made."""
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}
    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        client.post("/service-accounts", json={"name": "ci"}).raise_for_status()
        yield client


def _as(auth_server: AuthServer, key: str, path: str) -> httpx.Response:
    return httpx.get(f"{auth_server.url}/api/v1{path}", headers={"Authorization": f"Bearer {key}"})


def _new_key(admin: httpx.Client, **body: object) -> dict[str, str]:
    answer = admin.post("/service-accounts/ci/api-keys", json={"name": "deploy", **body})
    answer.raise_for_status()
    return dict(answer.json())


def test_a_key_authenticates_as_its_service_account(auth_server: AuthServer, admin):
    key = _new_key(admin)["key"]

    me = _as(auth_server, key, "/me")
    runs = _as(auth_server, key, "/runs")

    assert key.startswith("hwk_")
    assert me.status_code == 200
    assert (me.json()["name"], me.json()["kind"], me.json()["role"]) == (
        "ci",
        "service_account",
        "member",
    )
    assert runs.status_code == 200


def test_the_raw_secret_is_nowhere_in_the_database(
    auth_server: AuthServer, admin, headwater_home: Path
):
    made = _new_key(admin)
    secret = made["key"].split("_", 2)[2]
    _as(auth_server, made["key"], "/me")

    database = next(headwater_home.glob("*.db"))
    connection = sqlite3.connect(database)
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    cells = [
        str(cell)
        for table in tables
        for row in connection.execute(f'SELECT * FROM "{table}"')
        for cell in row
    ]
    connection.close()
    files = b"".join(p.read_bytes() for p in headwater_home.glob("*.db*"))

    assert len(secret) >= 40
    assert not any(secret in cell for cell in cells)
    assert secret.encode() not in files
    assert any(made["id"].replace("-", "") in cell.replace("-", "") for cell in cells)


def test_listed_keys_show_times_and_status_but_never_a_secret(auth_server: AuthServer, admin):
    made = _new_key(admin, expires_in_days=30)
    _as(auth_server, made["key"], "/me")

    listed = admin.get("/service-accounts/ci/api-keys").json()["items"]

    assert len(listed) == 1
    assert set(listed[0]) == {
        "id",
        "service_account_id",
        "name",
        "status",
        "created",
        "expires",
        "last_used",
        "revoked",
        "rotated",
    }
    assert listed[0]["status"] == "active"
    assert listed[0]["last_used"] is not None
    assert listed[0]["expires"] > listed[0]["created"]


def test_rotating_returns_a_new_key_and_the_old_one_stops_working(auth_server: AuthServer, admin):
    old = _new_key(admin)

    rotated = admin.post(f"/api-keys/{old['id']}/rotate", json={})

    assert rotated.status_code == 200
    assert rotated.json()["name"] == "deploy"
    assert _as(auth_server, old["key"], "/me").status_code == 401
    assert _as(auth_server, rotated.json()["key"], "/me").status_code == 200


def test_rotating_with_a_grace_period_keeps_the_old_key_working_until_it_ends(
    auth_server: AuthServer, admin
):
    old = _new_key(admin)

    rotated = admin.post(f"/api-keys/{old['id']}/rotate", json={"grace_seconds": 3600})
    old_after = admin.get(f"/api-keys/{old['id']}").json()

    assert _as(auth_server, old["key"], "/me").status_code == 200
    assert _as(auth_server, rotated.json()["key"], "/me").status_code == 200
    assert old_after["status"] == "active"
    assert old_after["expires"] is not None


def test_a_revoked_key_stops_working_and_is_listed_as_revoked(auth_server: AuthServer, admin):
    made = _new_key(admin)

    revoked = admin.post(f"/api-keys/{made['id']}/revoke")
    refused = _as(auth_server, made["key"], "/runs")

    assert revoked.json()["status"] == "revoked"
    assert refused.status_code == 401
    assert refused.json()["code"] == "unauthorized"


def test_an_expired_key_is_refused(auth_server: AuthServer, admin):
    account = admin.get("/service-accounts/ci").json()
    new = make_key()
    logins(get_session().store).create_api_key(
        uuid.UUID(account["id"]),
        key_id=new.id,
        name="old",
        secret_hash=new.secret_hash,
        expires=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
    )

    refused = _as(auth_server, new.raw, "/me")
    listed = admin.get("/service-accounts/ci/api-keys").json()["items"]

    assert refused.status_code == 401
    assert [k["status"] for k in listed] == ["expired"]


def test_a_deactivated_accounts_keys_stop_working(auth_server: AuthServer, admin):
    key = _new_key(admin)["key"]

    admin.post("/service-accounts/ci/deactivate").raise_for_status()

    assert _as(auth_server, key, "/me").status_code == 401


def test_forged_and_malformed_keys_are_refused(auth_server: AuthServer, admin):
    made = _new_key(admin)
    forged = made["key"][:-4] + "AAAA"

    statuses = [
        _as(auth_server, key, "/me").status_code
        for key in (forged, "hwk_", "hwk_notanid_secret", f"hwk_{uuid.uuid4().hex}_x")
    ]

    assert statuses == [401, 401, 401, 401]


def test_a_viewer_service_account_may_read_but_not_write(auth_server: AuthServer, admin):
    admin.post("/service-accounts", json={"name": "reader", "role": "viewer"})
    key = admin.post("/service-accounts/reader/api-keys", json={}).json()["key"]
    headers = {"Authorization": f"Bearer {key}"}

    read = httpx.get(f"{auth_server.url}/api/v1/runs", headers=headers)
    write = httpx.post(
        f"{auth_server.url}/api/v1/runs",
        headers=headers,
        json={"pipeline_name": "p", "spec_hash": "h", "spec": {}},
    )

    assert (read.status_code, write.status_code) == (200, 403)


def test_a_rotated_one_day_key_still_expires_when_the_old_one_would_have(
    auth_server: AuthServer, admin
):
    old = _new_key(admin, expires_in_days=1)

    rotated = admin.post(f"/api-keys/{old['id']}/rotate", json={})

    assert rotated.status_code == 200
    assert rotated.json()["expires"] == old["expires"]


def test_rotating_with_a_new_expiry_uses_it(auth_server: AuthServer, admin):
    old = _new_key(admin, expires_in_days=1)

    rotated = admin.post(f"/api-keys/{old['id']}/rotate", json={"expires_in_days": 30})

    assert rotated.json()["expires"] > old["expires"]


@pytest.mark.parametrize("ending", ["revoked", "rotated"])
def test_rotating_an_ended_key_is_refused_and_mints_no_key(auth_server: AuthServer, admin, ending):
    old = _new_key(admin)
    if ending == "revoked":
        admin.post(f"/api-keys/{old['id']}/revoke").raise_for_status()
    else:
        admin.post(f"/api-keys/{old['id']}/rotate", json={"grace_seconds": 3600})

    refused = admin.post(f"/api-keys/{old['id']}/rotate", json={})
    listed = admin.get("/service-accounts/ci/api-keys").json()["items"]

    assert refused.status_code == 409
    assert refused.json()["code"] == "status_transition"
    assert f"is {ending}" in refused.json()["message"]
    assert "key" not in refused.json()
    assert len(listed) == (1 if ending == "revoked" else 2)
