"""One-time activation links: an admin makes a user without a password, the user sets one."""

from __future__ import annotations

import datetime as dt
from functools import partial
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import httpx

from headwater.session import get_session
from headwater.store.sql.schema import activation_links
from tests.server.auth_fixtures import AuthServer

NEW_PASSWORD = "a password of her own"

# Argon2 on a busy machine takes its time: wait for answers longer than httpx's 5 s.
_http = SimpleNamespace(
    get=partial(httpx.get, timeout=60),
    post=partial(httpx.post, timeout=60),
    put=partial(httpx.put, timeout=60),
)


def _admin(server: AuthServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.token('admin')}"}


def _create_link(server: AuthServer, name: str = "ana", **extra: object) -> httpx.Response:
    return _http.post(
        f"{server.url}/api/v1/users/activation-links",
        json={"name": name, "role": "member", **extra},
        headers=_admin(server),
    )


def _activate(server: AuthServer, token: str, password: str = NEW_PASSWORD) -> httpx.Response:
    return _http.post(
        f"{server.url}/api/v1/activations", json={"token": token, "password": password}
    )


def test_a_new_user_sets_their_password_with_the_link_and_then_logs_in(
    auth_server: AuthServer,
):
    created = _create_link(auth_server)
    token = created.json()["token"]

    checked = _http.post(f"{auth_server.url}/api/v1/activations/check", json={"token": token})
    activated = _activate(auth_server, token)

    assert created.status_code == 201, created.text
    assert parse_qs(urlsplit(created.json()["path"]).query)["token"] == [token]
    assert urlsplit(created.json()["path"]).path == "/activate"
    assert checked.json()["name"] == "ana"
    assert activated.status_code == 200, activated.text
    assert activated.json()["name"] == "ana"
    assert auth_server.token("ana", NEW_PASSWORD)


def test_a_used_link_is_dead_and_says_so(auth_server: AuthServer):
    token = _create_link(auth_server).json()["token"]
    _activate(auth_server, token)

    again = _activate(auth_server, token, "someone else's password")
    checked = _http.post(f"{auth_server.url}/api/v1/activations/check", json={"token": token})

    assert again.status_code == 410
    assert again.json()["code"] == "activation_link_used"
    assert "works only once" in again.json()["message"]
    assert checked.status_code == 410
    assert auth_server.token("ana", NEW_PASSWORD)


def test_an_expired_link_answers_410_and_sets_no_password(auth_server: AuthServer):
    token = _create_link(auth_server).json()["token"]
    store = get_session().store
    with store._write() as connection:  # type: ignore[attr-defined]  # ageing the link
        connection.execute(
            activation_links.update().values(
                expires=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
            )
        )

    answer = _activate(auth_server, token)

    assert answer.status_code == 410
    assert answer.json()["code"] == "activation_link_expired"
    assert "Ask a server admin for a new one" in answer.json()["message"]
    refused = _http.post(
        f"{auth_server.url}/api/v1/login", json={"username": "ana", "password": NEW_PASSWORD}
    )
    assert refused.status_code == 401


def test_a_forged_or_mangled_token_answers_404(auth_server: AuthServer):
    token = _create_link(auth_server).json()["token"]

    forged = _activate(auth_server, token[:-4] + "AAAA")
    mangled = _activate(auth_server, "not a token")

    assert forged.status_code == 404
    assert mangled.status_code == 404
    assert forged.json()["code"] == "activation_link_unknown"


def test_the_store_keeps_only_a_hash_of_the_link(auth_server: AuthServer):
    token = _create_link(auth_server).json()["token"]

    with get_session().store._read() as connection:  # type: ignore[attr-defined]
        stored = connection.execute(activation_links.select()).one()

    secret = token.rsplit("_", 1)[1]
    assert secret not in stored.secret_hash
    assert len(stored.secret_hash) == 64


def test_a_new_link_for_a_waiting_user_ends_the_old_one(auth_server: AuthServer):
    first = _create_link(auth_server).json()["token"]
    second = _create_link(auth_server).json()["token"]

    old = _activate(auth_server, first)
    new = _activate(auth_server, second)

    assert old.status_code == 410
    assert new.status_code == 200


def test_a_link_for_a_user_who_has_a_password_is_refused(auth_server: AuthServer):
    answer = _create_link(auth_server, "member")

    assert answer.status_code == 409
    assert "already logs in" in answer.json()["message"]


def test_only_admins_make_links(auth_server: AuthServer):
    answer = _http.post(
        f"{auth_server.url}/api/v1/users/activation-links",
        json={"name": "bo"},
        headers={"Authorization": f"Bearer {auth_server.token('member')}"},
    )

    assert answer.status_code == 403


def test_making_and_using_a_link_are_in_the_audit_trail(auth_server: AuthServer):
    token = _create_link(auth_server).json()["token"]
    _activate(auth_server, token)

    events = _http.get(
        f"{auth_server.url}/api/v1/audit-events",
        params={"resource": "user"},
        headers=_admin(auth_server),
    ).json()["items"]

    assert [(e["user_name"], e["operation"], e["resource_name"]) for e in events] == [
        ("ana", "activate_user", "ana"),
        ("admin", "create_activation_link", "ana"),
    ]


def test_local_mode_has_no_links_to_use(api: httpx.Client):
    answer = api.post("/activations", json={"token": "hwa_x", "password": NEW_PASSWORD})

    assert answer.status_code == 400
    assert answer.json()["code"] == "login_not_required"
