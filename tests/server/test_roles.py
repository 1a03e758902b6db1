"""Every route of the API, called by every server role: who gets a 403 and who does not."""

from __future__ import annotations

import re
import uuid

import httpx

from tests.server.auth_fixtures import AuthServer

OPEN_PATHS = {"/api/v1/health", "/api/v1/login"}
ADMIN_WRITES = {("POST", "/api/v1/users")}


def _api_routes(auth_server: AuthServer) -> list[tuple[str, str]]:
    """(method, path) of every operation in the app's OpenAPI schema that needs a login."""
    paths = auth_server.app.openapi()["paths"]  # type: ignore[attr-defined]
    return sorted(
        (method.upper(), path)
        for path, operations in paths.items()
        if path not in OPEN_PATHS
        for method in operations
    )


def _status(client: httpx.Client, method: str, path: str, token: str) -> int:
    """The status of a valid-enough request: any id for path parameters, an empty body."""
    concrete = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
    body = {} if method in ("POST", "PUT", "PATCH") else None
    headers = {"Authorization": f"Bearer {token}"}
    # Streamed, so the live event stream answers its status without being read to the end.
    with client.stream(method, concrete, json=body, headers=headers) as answer:
        return answer.status_code


def _allowed(role: str, method: str, path: str) -> bool:
    if method == "GET":
        return True
    if (method, path) in ADMIN_WRITES:
        return role == "admin"
    return role in ("member", "admin")


def test_every_route_lets_each_role_do_exactly_what_it_may(auth_server: AuthServer):
    routes = _api_routes(auth_server)
    seen: dict[tuple[str, str, str], int] = {}

    with httpx.Client(base_url=auth_server.url, timeout=30) as client:
        for role in ("viewer", "member", "admin"):
            token = auth_server.token(role)
            for method, path in routes:
                seen[(role, method, path)] = _status(client, method, path, token)

    wrong = {
        key: status
        for key, status in seen.items()
        if (status == 403) == _allowed(*key) or status in (401, 500)
    }
    assert len(routes) > 40
    assert {method for method, _ in routes} >= {"GET", "POST", "DELETE"}
    assert wrong == {}


def test_without_a_token_every_route_but_health_and_login_is_401(auth_server: AuthServer):
    with httpx.Client(base_url=auth_server.url, timeout=30) as client:
        statuses = {
            (method, path): client.request(method, re.sub(r"\{[^}]+\}", "x", path)).status_code
            for method, path in _api_routes(auth_server)
            if path != "/api/v1/events"
        }

    assert set(statuses.values()) == {401}
