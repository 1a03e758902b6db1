"""Projects, members, teams, custom roles, project scopes of lists and the audit trail.

These are server-side records (`AccessStore`), so they run on the SQL databases only.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from headwater.errors import EntityExistsError, EntityInUseError, EntityNotFoundError
from headwater.store.access_models import (
    AuditEventCreate,
    Grant,
    PrincipalKind,
    ProjectCreate,
    RoleCreate,
    TeamCreate,
)
from headwater.store.filters import ListQuery
from headwater.store.logins import ServerRole, UserLogin
from headwater.store.models import RunCreate
from headwater.store.sql.local_store import LocalSqliteStore
from headwater.store.sql.store import SqlStore
from tests.store_contract.conftest import StoreBackend
from tests.store_contract.records import a_run, an_output, record_step


@pytest.fixture
def sql_store(sql_store_backend: StoreBackend) -> Iterator[SqlStore]:
    """An open SQL store on a clean database."""
    opened = sql_store_backend.open()
    # An existing SQLite file at head opens as the local recorder; these roles are the full store's.
    full = opened.full_store() if isinstance(opened, LocalSqliteStore) else opened
    assert isinstance(full, SqlStore)
    yield full
    opened.close()


def _user(store: SqlStore, name: str) -> UserLogin:
    return store.save_login(name, "hash", ServerRole.MEMBER)


def _run_in(project: str, pipeline: str = "training") -> RunCreate:
    return a_run(pipeline).model_copy(update={"project_name": project})


def test_a_created_project_makes_its_creator_admin(sql_store):
    ada = _user(sql_store, "ada")

    project = sql_store.create_project(ProjectCreate(name="vision", admin_user_id=ada.user_id))

    members = sql_store.list_project_members("vision")
    assert sql_store.get_project(project.id).name == "vision"
    assert [(m.principal_name, m.kind, m.role) for m in members] == [
        ("ada", PrincipalKind.USER, "admin")
    ]


def test_a_project_name_is_taken_only_once(sql_store):
    sql_store.create_project(ProjectCreate(name="vision"))

    with pytest.raises(EntityExistsError, match="'vision' already exists"):
        sql_store.create_project(ProjectCreate(name="vision"))


def test_an_empty_project_is_deleted_but_one_with_runs_is_refused(sql_store):
    sql_store.create_project(ProjectCreate(name="empty"))
    sql_store.create_run(_run_in("busy"))

    sql_store.delete_project("empty")

    with pytest.raises(EntityNotFoundError, match="No project"):
        sql_store.get_project("empty")
    with pytest.raises(EntityInUseError, match="still holds pipelines"):
        sql_store.delete_project("busy")


def test_the_default_project_cannot_be_deleted(sql_store):
    sql_store.create_run(a_run())

    with pytest.raises(EntityInUseError, match="cannot be deleted"):
        sql_store.delete_project("default")


def test_a_grant_replaces_the_role_and_a_revoke_removes_it(sql_store):
    ada = _user(sql_store, "ada")
    sql_store.create_project(ProjectCreate(name="vision"))

    sql_store.grant_project_role("vision", Grant(name="ada", role="viewer"))
    sql_store.grant_project_role("vision", Grant(name="ada", role="developer"))
    roles_before = sql_store.project_roles_of(ada.user_id)
    sql_store.revoke_project_role("vision", PrincipalKind.USER, "ada")

    project = sql_store.get_project("vision")
    assert roles_before == {project.id: frozenset({"developer"})}
    assert sql_store.project_roles_of(ada.user_id) == {}
    with pytest.raises(EntityNotFoundError, match="holds no role"):
        sql_store.revoke_project_role("vision", PrincipalKind.USER, "ada")


def test_a_grant_of_an_unknown_role_or_user_is_refused(sql_store):
    _user(sql_store, "ada")
    sql_store.create_project(ProjectCreate(name="vision"))

    with pytest.raises(EntityNotFoundError, match="No role named 'boss'"):
        sql_store.grant_project_role("vision", Grant(name="ada", role="boss"))
    with pytest.raises(EntityNotFoundError, match="No user"):
        sql_store.grant_project_role("vision", Grant(name="nobody", role="viewer"))


def test_a_team_role_holds_for_each_member_beside_direct_roles(sql_store):
    ada = _user(sql_store, "ada")
    bob = _user(sql_store, "bob")
    vision = sql_store.create_project(ProjectCreate(name="vision"))
    sql_store.create_team(TeamCreate(name="ml", members=("ada", "bob")))

    sql_store.grant_project_role("vision", Grant(kind=PrincipalKind.TEAM, name="ml", role="viewer"))
    sql_store.grant_project_role("vision", Grant(name="ada", role="developer"))

    assert sql_store.project_roles_of(ada.user_id) == {
        vision.id: frozenset({"viewer", "developer"})
    }
    assert sql_store.project_roles_of(bob.user_id) == {vision.id: frozenset({"viewer"})}


def test_team_members_are_added_once_and_removed(sql_store):
    _user(sql_store, "ada")
    _user(sql_store, "bob")
    sql_store.create_team(TeamCreate(name="ml"))

    sql_store.add_team_member("ml", "bob")
    sql_store.add_team_member("ml", "ada")
    sql_store.add_team_member("ml", "ada")
    after_removal = sql_store.remove_team_member("ml", "bob")

    assert after_removal.members == ("ada",)
    assert [t.name for t in sql_store.list_teams()] == ["ml"]
    with pytest.raises(EntityNotFoundError, match="not in team 'ml'"):
        sql_store.remove_team_member("ml", "bob")


def test_deleting_a_team_takes_its_grants_along(sql_store):
    ada = _user(sql_store, "ada")
    sql_store.create_project(ProjectCreate(name="vision"))
    sql_store.create_team(TeamCreate(name="ml", members=("ada",)))
    sql_store.grant_project_role("vision", Grant(kind=PrincipalKind.TEAM, name="ml", role="viewer"))

    sql_store.delete_team("ml")

    assert sql_store.project_roles_of(ada.user_id) == {}
    assert sql_store.list_project_members("vision") == []


def test_custom_roles_are_listed_after_built_in_ones_and_deleted_with_their_grants(sql_store):
    ada = _user(sql_store, "ada")
    sql_store.create_project(ProjectCreate(name="vision"))
    created = sql_store.create_role(
        RoleCreate(name="auditor", permissions=("run:read", "audit:read"))
    )
    sql_store.grant_project_role("vision", Grant(name="ada", role="auditor"))

    names = [r.name for r in sql_store.list_roles()]
    sql_store.delete_role("auditor")

    assert created.permissions == ("audit:read", "run:read")
    assert names == ["admin", "developer", "contributor", "viewer", "auditor"]
    assert sql_store.project_roles_of(ada.user_id) == {}
    with pytest.raises(EntityInUseError, match="built in"):
        sql_store.delete_role("viewer")


def test_an_edited_custom_role_keeps_its_grants_with_the_new_permissions(sql_store):
    sql_store.create_project(ProjectCreate(name="vision"))
    sql_store.create_role(RoleCreate(name="auditor", permissions=("run:read",)))
    sql_store.grant_project_role("vision", Grant(name=_user(sql_store, "ada").name, role="auditor"))

    edited = sql_store.update_role("auditor", ("audit:read", "run:read"))

    assert edited.permissions == ("audit:read", "run:read")
    assert sql_store.get_role("auditor").permissions == ("audit:read", "run:read")
    assert [m.role for m in sql_store.list_project_members("vision")] == ["auditor"]
    with pytest.raises(EntityInUseError, match="built in"):
        sql_store.update_role("viewer", ("run:read",))
    with pytest.raises(EntityNotFoundError, match="No custom role named 'nobody'"):
        sql_store.update_role("nobody", ("run:read",))


def test_user_accounts_are_people_with_roles_and_deactivation_ends_their_login(sql_store):
    _user(sql_store, "bo")
    ada = _user(sql_store, "ada")
    sql_store.create_service_account("ci", ServerRole.MEMBER)

    promoted = sql_store.set_server_role("ada", ServerRole.ADMIN)
    ended = sql_store.deactivate_user("bo")

    assert [(a.name, a.role) for a in sql_store.list_user_accounts()] == [
        ("ada", ServerRole.ADMIN),
        ("bo", ServerRole.MEMBER),
    ]
    assert promoted.id == ada.user_id
    assert ended.deactivated is not None
    assert sql_store.find_login("bo") is None
    sql_store.save_login("bo", "new hash", ServerRole.MEMBER)
    assert sql_store.find_login("bo") is not None
    with pytest.raises(EntityNotFoundError, match="headwater users list"):
        sql_store.set_server_role("ci", ServerRole.ADMIN)


def test_a_custom_role_with_unknown_permissions_names_them_all():
    with pytest.raises(ValidationError, match=r"'run:fly', 'cake:read'"):
        RoleCreate(name="odd", permissions=("run:read", "run:fly", "cake:read"))


def test_lists_scoped_to_projects_show_only_their_rows(sql_store):
    sql_store.create_run(_run_in("alpha", "a-pipe"))
    run_b = sql_store.create_run(_run_in("beta", "b-pipe"))
    record_step(sql_store, run_b, "train", an_output("model"))
    alpha = sql_store.get_project("alpha")
    beta = sql_store.get_project("beta")

    def scoped(ids):
        return ListQuery(project_ids=ids)

    assert [r.pipeline_name for r in sql_store.list_runs(scoped((alpha.id,))).items] == ["a-pipe"]
    assert sql_store.list_step_runs(scoped((alpha.id,))).total == 0
    assert sql_store.list_step_runs(scoped((beta.id,))).total == 1
    assert sql_store.list_artifact_versions(scoped((alpha.id,))).total == 0
    assert [p.name for p in sql_store.list_projects(scoped((beta.id,))).items] == ["beta"]
    assert sql_store.list_runs(scoped(())).total == 0
    assert sql_store.list_runs(ListQuery()).total == 2


def test_audit_events_are_listed_newest_first_and_filtered(sql_store):
    project = sql_store.create_project(ProjectCreate(name="vision"))
    for action, resource_id in (("create", "r1"), ("delete", "r1"), ("create", "r2")):
        sql_store.record_audit_event(
            AuditEventCreate(
                user_id=None,
                user_name="ada",
                action=action,
                resource="run",
                resource_id=resource_id,
                project_id=project.id,
                operation=f"{action}_run",
            )
        )

    everything = sql_store.list_audit_events(ListQuery())
    deletes = sql_store.list_audit_events(ListQuery(filters={"action": "delete"}))
    elsewhere = sql_store.list_audit_events(ListQuery(project_ids=()))

    assert [(e.action, e.resource_id) for e in everything.items] == [
        ("create", "r2"),
        ("delete", "r1"),
        ("create", "r1"),
    ]
    assert [e.resource_id for e in deletes.items] == ["r1"]
    assert elsewhere.total == 0
