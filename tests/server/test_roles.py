"""The RBAC matrix: every route, called by every kind of role, answers what the tables say.

Each principal (server admin/member/viewer; project admin, developer, contributor,
viewer; a custom role; a role granted to a team) gets a project of its own ("world")
holding a run, step run, artifact, model version, stack... Every operation of the API is
called on the entities of the caller's world, and the answer must match what
`route_permissions.ROUTE_PERMISSIONS` and `store/permissions.py` allow: allowed, 403,
or 404 for an entity the caller cannot see. Nothing here lists routes by hand.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from headwater.server.passwords import hash_password
from headwater.server.route_permissions import ROUTE_PERMISSIONS, Requirement, Scope
from headwater.session import get_session
from headwater.store.access_models import Grant, PrincipalKind, RoleCreate, TeamCreate
from headwater.store.connector_models import ServiceConnectorCreate, ServiceConnectorType
from headwater.store.logins import ServerRole
from headwater.store.model_registry import (
    ApprovalPolicy,
    ModelCreate,
    ModelVersionRequest,
    StageChange,
)
from headwater.store.permissions import (
    BUILT_IN_ROLES,
    DEFAULT_PROJECT_ROLES,
    SERVER_PERMISSIONS,
    Permission,
    parse_permissions,
)
from headwater.store.sql.store import SqlStore
from headwater.store.stack_models import StackComponentCreate, StackComponentType, StackCreate
from tests.server.auth_fixtures import PASSWORD, AuthServer
from tests.store_contract.records import a_run, an_output, record_step

OPEN_PATHS = {
    "/api/v1/health",
    "/api/v1/login",
    "/api/v1/sessions",
    "/api/v1/activations",
    "/api/v1/activations/check",
}
CUSTOM_PERMISSIONS = ("project:read", "run:read", "audit:read")
# Deletes run last, leaves first, so an allowed delete never hides what a later call needs.
DELETE_ORDER = (
    "delete_run",
    "delete_model_version",
    "delete_model",
    "delete_stack",
    "delete_stack_component",
    "delete_service_connector",
    "delete_pipeline",
    "remove_team_member",
    "delete_team",
    "delete_role",
    "revoke_project_role",
    "delete_project",
    # Ends the caller's own tokens: nothing may come after it.
    "end_my_sessions",
)


@dataclass(frozen=True)
class Principal:
    """A user, their server role, and the project role they hold in their world."""

    user: str
    server_role: ServerRole
    world_role: str | None
    via_team: bool = False

    @property
    def world(self) -> str:
        return f"world-{self.user}"


PRINCIPALS = (
    Principal("admin", ServerRole.ADMIN, None),
    Principal("member", ServerRole.MEMBER, None),
    Principal("viewer", ServerRole.VIEWER, None),
    Principal("p-admin", ServerRole.VIEWER, "admin"),
    Principal("p-developer", ServerRole.VIEWER, "developer"),
    Principal("p-contributor", ServerRole.MEMBER, "contributor"),
    Principal("p-viewer", ServerRole.VIEWER, "viewer"),
    Principal("p-custom", ServerRole.VIEWER, "auditor"),
    Principal("p-team", ServerRole.VIEWER, "developer", via_team=True),
)


@dataclass(frozen=True)
class Operation:
    """One operation of the API's OpenAPI schema."""

    method: str
    path: str
    operation_id: str


@dataclass
class Matrix:
    """The server, and each principal's world: path parameter -> value."""

    server: AuthServer
    store: SqlStore
    worlds: dict[str, dict[str, str]]


@pytest.fixture
def matrix(auth_server: AuthServer) -> Matrix:
    """The server with every principal's user, role and world in place."""
    store = get_session().store
    assert isinstance(store, SqlStore)
    store.create_role(RoleCreate(name="auditor", permissions=CUSTOM_PERMISSIONS))
    worlds = {}
    for principal in PRINCIPALS:
        if principal.user not in {"admin", "member", "viewer"}:
            store.save_login(principal.user, hash_password(PASSWORD), principal.server_role)
        worlds[principal.user] = _seed_world(store, principal)
    return Matrix(server=auth_server, store=store, worlds=worlds)


def _seed_world(store: SqlStore, principal: Principal) -> dict[str, str]:
    project = principal.world
    run = store.create_run(
        a_run(f"pipe-{principal.user}").model_copy(update={"project_name": project})
    )
    step = record_step(store, run, "train", an_output("model"))
    version = store.get_artifact_version(step.outputs["model"])
    model = store.create_model(ModelCreate(name=f"model-{principal.user}", project_name=project))
    model_version = store.resolve_model_version(
        ModelVersionRequest(model_name=model.name, project_name=project), run_id=run.id
    )
    store.set_approval_policy(model.id, ApprovalPolicy(stage="production", required_approvals=1))
    approval = store.request_stage_change(
        model_version.id, StageChange(stage="production", user_name="requester")
    ).request
    assert approval is not None
    components = {
        kind: store.create_stack_component(
            StackComponentCreate(
                name=f"{kind.value}-{principal.user}",
                type=kind,
                flavor=flavor,
                settings={"path": f"/tmp/{principal.user}"},
                secrets={"token": "s3cret"},
                project_name=project,
            )
        ).id
        for kind, flavor in (
            (StackComponentType.ORCHESTRATOR, "local"),
            (StackComponentType.ARTIFACT_STORE, "fsspec"),
        )
    }
    stack = store.create_stack(
        StackCreate(name="stack", components=components, project_name=project)
    )
    connector = store.create_service_connector(
        ServiceConnectorCreate(
            name=f"s3-{principal.user}",
            type=ServiceConnectorType.AWS,
            secrets={"aws_access_key_id": "id", "aws_secret_access_key": "s3cret"},
            project_name=project,
        )
    )
    team = store.create_team(TeamCreate(name=f"team-{principal.user}", members=(principal.user,)))
    store.create_role(RoleCreate(name=f"spare-{principal.user}", permissions=("run:read",)))
    if principal.world_role is not None:
        kind = PrincipalKind.TEAM if principal.via_team else PrincipalKind.USER
        name = team.name if principal.via_team else principal.user
        store.grant_project_role(project, Grant(kind=kind, name=name, role=principal.world_role))
    return {
        "run_id": str(run.id),
        "step_run_id": str(step.id),
        "artifact_version_id": str(version.id),
        "artifact_id": str(version.artifact_id),
        "pipeline_id": str(run.pipeline_id),
        "pipeline_version_id": str(run.pipeline_version_id),
        "model_id": str(model.id),
        "version_id": str(model_version.id),
        "version": str(model_version.id),
        "request_id": str(approval.id),
        "stage": "production",
        "stack_id": str(stack.id),
        "component_id": str(components[StackComponentType.ARTIFACT_STORE]),
        "connector_id": str(connector.id),
        "project_id": project,
        "team_id": team.name,
        "user_name": principal.user,
        "user_id": principal.user,
        "role_name": f"spare-{principal.user}",
        "kind": "user",
        "name": "nobody-here",
        "component_type": "orchestrator",
        "tag_id": "no-such-tag",
        "file_path": "nothing",
    }


def _operations(server: AuthServer) -> list[Operation]:
    paths = server.app.openapi()["paths"]  # type: ignore[attr-defined]
    found = [
        Operation(method.upper(), path, spec["operationId"])
        for path, methods in paths.items()
        if path not in OPEN_PATHS
        for method, spec in methods.items()
    ]

    def order(operation: Operation) -> tuple[int, int, str]:
        if operation.operation_id in DELETE_ORDER:
            return (1, DELETE_ORDER.index(operation.operation_id), operation.operation_id)
        return (0, 0, operation.operation_id)

    return sorted(found, key=order)


def _world_permissions(principal: Principal, store: SqlStore) -> frozenset[Permission]:
    if principal.server_role is ServerRole.ADMIN:
        return SERVER_PERMISSIONS[ServerRole.ADMIN]
    if principal.world_role is None:
        return frozenset()
    return BUILT_IN_ROLES.get(principal.world_role) or parse_permissions(
        store.get_role(principal.world_role).permissions
    )


def expected(principal: Principal, requirement: Requirement, store: SqlStore) -> str:
    """'allowed', 'forbidden' or 'hidden', from the permission tables alone."""
    needed, where = requirement.permission, requirement.where
    in_world = _world_permissions(principal, store)
    in_default = BUILT_IN_ROLES[DEFAULT_PROJECT_ROLES[principal.server_role]]
    if where in (Scope.OPEN, Scope.LISTED):
        return "allowed"
    if where is Scope.SERVER:
        return "allowed" if needed in SERVER_PERMISSIONS[principal.server_role] else "forbidden"
    if where is Scope.ANY_PROJECT:
        return "allowed" if needed in in_world | in_default else "forbidden"
    if needed in in_world:
        return "allowed"
    return "forbidden" if in_world else "hidden"


def _outcome(answer: httpx.Response) -> str:
    if answer.status_code == 403:
        return "forbidden"
    if answer.status_code == 404 and "that you can see" in answer.text:
        return "hidden"
    if answer.status_code in (401, 500):
        return f"broken {answer.status_code}"
    return "allowed"


def _call(
    client: httpx.Client, operation: Operation, world: dict[str, str], token: str
) -> httpx.Response:
    path = re.sub(
        r"\{([^}]+)\}", lambda m: world.get(m.group(1), str(uuid.uuid4())), operation.path
    )
    body: Any = None
    if operation.method in ("POST", "PUT", "PATCH"):
        # Every field a permission may locate its project by, pointing into the world.
        body = {
            "project_name": world["project_id"],
            "run_id": world["run_id"],
            "target": "run",
            "target_id": world["run_id"],
            "request": {"project_name": world["project_id"], "model_name": "m"},
        }
    headers = {"Authorization": f"Bearer {token}"}
    params = {"after": "0"} if operation.operation_id == "stream_events" else None
    # Streamed, so the live event stream answers its status without being read to the end.
    with client.stream(operation.method, path, json=body, headers=headers, params=params) as answer:
        if answer.headers.get("content-type", "").startswith("text/event-stream"):
            return httpx.Response(answer.status_code)
        answer.read()
        return answer


def test_every_route_answers_each_role_as_the_permission_tables_say(matrix: Matrix):
    operations = _operations(matrix.server)
    wrong: dict[tuple[str, str], tuple[str, str]] = {}

    with httpx.Client(base_url=matrix.server.url, timeout=60) as client:
        for principal in PRINCIPALS:
            token = matrix.server.token(principal.user)
            world = matrix.worlds[principal.user]
            for operation in operations:
                requirement = ROUTE_PERMISSIONS[operation.operation_id]
                want = expected(principal, requirement, matrix.store)
                got = _outcome(_call(client, operation, world, token))
                if got != want:
                    wrong[(principal.user, operation.operation_id)] = (want, got)

    assert len(operations) > 80
    assert wrong == {}


def test_every_operation_declares_its_permission(auth_server: AuthServer):
    operations = _operations(auth_server)

    undeclared = [o.operation_id for o in operations if o.operation_id not in ROUTE_PERMISSIONS]

    assert undeclared == []


def test_a_project_viewer_cannot_create_change_or_delete_anything(matrix: Matrix):
    viewer = next(p for p in PRINCIPALS if p.world_role == "viewer")
    world = matrix.worlds[viewer.user]
    token = matrix.server.token(viewer.user)
    writes = [o for o in _operations(matrix.server) if o.method != "GET"]
    reads_in_disguise = {
        "lookup_artifact_versions",
        "compare_runs",
        "export_run_comparison",
        "dry_run_promotion_rules",
    }
    # Logging oneself out everywhere, one's own password and API keys change nothing of
    # a project: anyone may. A saved view of the runs list is a reader's own, so a viewer
    # may save one too.
    own_account = {
        "end_my_sessions",
        "save_view",
        "change_my_password",
        "create_my_api_key",
        "revoke_my_api_key",
    }

    with httpx.Client(base_url=matrix.server.url, timeout=60) as client:
        statuses = {
            o.operation_id: _call(client, o, world, token).status_code
            for o in writes
            if o.operation_id not in reads_in_disguise | own_account
        }

    assert {op: s for op, s in statuses.items() if s not in (403, 404)} == {}
    assert matrix.store.get_run(world["run_id"]).id == uuid.UUID(world["run_id"])


def _get(matrix: Matrix, user: str, path: str, **params: str) -> Any:
    answer = httpx.get(
        f"{matrix.server.url}/api/v1{path}",
        params=params,
        headers={"Authorization": f"Bearer {matrix.server.token(user)}"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_user_of_one_project_lists_and_gets_only_its_runs(matrix: Matrix):
    own = matrix.worlds["p-developer"]["run_id"]
    other = matrix.worlds["p-viewer"]["run_id"]
    token = matrix.server.token("p-developer")

    listed = _get(matrix, "p-developer", "/runs", size="100")
    foreign = httpx.get(
        f"{matrix.server.url}/api/v1/runs/{other}",
        headers={"Authorization": f"Bearer {token}"},
    )
    projects = _get(matrix, "p-developer", "/projects")

    assert [run["id"] for run in listed["items"]] == [own]
    assert foreign.status_code == 404
    assert [p["name"] for p in projects["items"]] == ["world-p-developer"]


def test_a_user_of_one_project_streams_only_its_runs_events(matrix: Matrix):
    own = matrix.worlds["p-team"]["run_id"]
    history = _get(matrix, "p-team", "/events/history", after="0", limit="500")
    headers = {"Authorization": f"Bearer {matrix.server.token('p-team')}"}
    streamed: list[dict[str, Any]] = []

    with (
        httpx.Client(base_url=matrix.server.url, timeout=60) as client,
        client.stream("GET", "/api/v1/events", params={"after": "0"}, headers=headers) as live,
    ):
        for line in live.iter_lines():
            if line.startswith("data: "):
                streamed.append(json.loads(line.removeprefix("data: ")))
            if len(streamed) == len(history):
                break

    assert history
    assert {event["run_id"] for event in history} == {own}
    assert [event["id"] for event in streamed] == [event["id"] for event in history]


def test_changes_are_audited_with_their_user_and_project(matrix: Matrix):
    world = matrix.worlds["p-admin"]
    headers = {"Authorization": f"Bearer {matrix.server.token('p-admin')}"}
    grant = {"kind": "user", "name": "p-viewer", "role": "viewer"}

    changed = httpx.put(
        f"{matrix.server.url}/api/v1/projects/{world['project_id']}/members",
        json=grant,
        headers=headers,
    )
    as_admin = _get(matrix, "admin", "/audit-events", resource="member")
    as_project_admin = _get(matrix, "p-admin", "/audit-events")
    as_other_admin = _get(matrix, "p-custom", "/audit-events")

    project_id = matrix.store.get_project(world["project_id"]).id
    assert changed.status_code == 200, changed.text
    assert [(e["user_name"], e["action"], e["project_id"]) for e in as_admin["items"]] == [
        ("p-admin", "manage", str(project_id))
    ]
    assert {e["project_id"] for e in as_project_admin["items"]} == {str(project_id)}
    assert as_other_admin["items"] == []


def test_a_member_who_creates_a_project_becomes_its_admin(matrix: Matrix):
    headers = {"Authorization": f"Bearer {matrix.server.token('member')}"}

    created = httpx.post(
        f"{matrix.server.url}/api/v1/projects", json={"name": "fresh"}, headers=headers
    )
    members = _get(matrix, "member", "/projects/fresh/members")
    refused = httpx.post(
        f"{matrix.server.url}/api/v1/projects",
        json={"name": "other"},
        headers={"Authorization": f"Bearer {matrix.server.token('viewer')}"},
    )

    assert created.status_code == 201, created.text
    assert [(m["principal_name"], m["role"]) for m in members] == [("member", "admin")]
    assert refused.status_code == 403
    assert "may not 'project:create'" in refused.json()["message"]


def test_without_a_token_every_route_but_health_and_login_is_401(auth_server: AuthServer):
    with httpx.Client(base_url=auth_server.url, timeout=30) as client:
        statuses = {
            (o.method, o.path): client.request(
                o.method, re.sub(r"\{[^}]+\}", "x", o.path)
            ).status_code
            for o in _operations(auth_server)
            if o.path != "/api/v1/events"
        }

    assert set(statuses.values()) == {401}
