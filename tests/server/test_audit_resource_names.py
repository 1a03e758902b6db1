"""The audit trail names what changed (a team, a service account, a key), not only its id."""

from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import httpx

from tests.server.auth_fixtures import AuthServer

_http = SimpleNamespace(get=partial(httpx.get, timeout=60), post=partial(httpx.post, timeout=60))


def _names(server: AuthServer, headers: dict[str, str]) -> list[tuple[str, str | None]]:
    events = _http.get(f"{server.url}/api/v1/audit-events", headers=headers).json()["items"]
    return [(e["operation"], e["resource_name"]) for e in reversed(events)]


def test_team_and_service_account_changes_are_named_in_the_trail(auth_server: AuthServer):
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}
    api = f"{auth_server.url}/api/v1"
    team = _http.post(f"{api}/teams", json={"name": "data-science"}, headers=headers).json()
    httpx.put(f"{api}/teams/{team['id']}/members/member", headers=headers, timeout=60)
    account = _http.post(
        f"{api}/service-accounts", json={"name": "nightly-ci"}, headers=headers
    ).json()
    _http.post(f"{api}/service-accounts/{account['id']}/api-keys", json={}, headers=headers)
    _http.post(f"{api}/service-accounts/{account['id']}/deactivate", headers=headers)
    httpx.delete(f"{api}/teams/{team['id']}", headers=headers, timeout=60)

    named = _names(auth_server, headers)

    assert named == [
        ("create_team", "data-science"),
        ("add_team_member", "data-science"),
        ("create_service_account", "nightly-ci"),
        ("create_api_key", "default"),
        ("deactivate_service_account", "nightly-ci"),
        ("delete_team", "data-science"),
    ]
