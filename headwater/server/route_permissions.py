"""The permission every API operation needs, and where its project is found, by operation id.

One table, read by `access.authorize` on every request and by the RBAC matrix test. A
new route adds one line here; a route missing from the table falls back to the server
roles alone (viewers read, members write), and the matrix test fails until it is added.

Where the project comes from:
- `InPath` / `InBody` / `InBodyTarget`: one entity's project. No permission at all in it
  answers 404 (the entity stays invisible); some, but not this one, answers 403.
- `LISTED`: the route lists or streams, filtered to the projects the caller may read.
- `ANY_PROJECT`: allowed to whoever holds the permission in some project.
- `SERVER`: a permission outside projects (users, teams, roles, new projects, pruning).
- `OPEN`: any logged-in user (flavors, server info).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from headwater.server.scopes import InBody, InBodyTarget, InPath, Locator, Where
from headwater.store.permissions import Action, Permission, Resource


class Scope(StrEnum):
    """A requirement that names no single entity."""

    LISTED = "listed"
    ANY_PROJECT = "any_project"
    SERVER = "server"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class Requirement:
    """What an operation needs: a permission, and where it must hold."""

    permission: Permission
    where: Where | Scope


def _need(resource: Resource, action: Action, where: Where | Scope) -> Requirement:
    return Requirement(Permission(resource, action), where)


R, A, L = Resource, Action, Locator
_RUN = InPath("run_id", L.RUN)
_STEP = InPath("step_run_id", L.STEP_RUN)
_ARTIFACT_VERSION = InPath("artifact_version_id", L.ARTIFACT_VERSION)
_MODEL = InPath("model_id", L.MODEL)
_MODEL_VERSION = InPath("version_id", L.MODEL_VERSION)
_APPROVAL_REQUEST = InPath("request_id", L.APPROVAL_REQUEST)
_STACK = InPath("stack_id", L.STACK)
_COMPONENT = InPath("component_id", L.COMPONENT)
_CONNECTOR = InPath("connector_id", L.CONNECTOR)
_PROJECT = InPath("project_id", L.PROJECT)
_PROJECT_NAME = InBody(("project_name",), L.PROJECT, default="default")

ROUTE_PERMISSIONS: dict[str, Requirement] = {
    # runs
    "create_run": _need(R.RUN, A.CREATE, _PROJECT_NAME),
    "list_runs": _need(R.RUN, A.READ, Scope.LISTED),
    # Each compared run is checked on its own: one the caller cannot read answers 404.
    "compare_runs": _need(R.RUN, A.READ, Scope.LISTED),
    "export_run_comparison": _need(R.RUN, A.READ, Scope.LISTED),
    "get_run": _need(R.RUN, A.READ, _RUN),
    "delete_run": _need(R.RUN, A.DELETE, _RUN),
    "update_run_status": _need(R.RUN, A.UPDATE, _RUN),
    "record_run_heartbeat": _need(R.RUN, A.UPDATE, _RUN),
    # Whoever may record a run's steps may hand that to its workers (see run_tokens.py).
    "issue_worker_token": _need(R.STEP, A.CREATE, _RUN),
    "list_run_steps": _need(R.STEP, A.READ, _RUN),
    "get_run_dag": _need(R.RUN, A.READ, _RUN),
    "get_run_dag_steps": _need(R.RUN, A.READ, _RUN),
    # saved views of the runs list: a reader's own preference, shared with the project
    "list_saved_views": _need(R.RUN, A.READ, _PROJECT),
    "save_view": _need(R.RUN, A.READ, _PROJECT),
    "delete_saved_view": _need(R.RUN, A.READ, _PROJECT),
    "get_run_stack": _need(R.RUN, A.READ, _RUN),
    # step runs
    "start_step_run": _need(R.STEP, A.CREATE, InBody(("run_id",), L.RUN)),
    "list_step_runs": _need(R.STEP, A.READ, Scope.LISTED),
    "find_cached_step_run": _need(R.STEP, A.READ, Scope.LISTED),
    "find_previous_step_run": _need(R.STEP, A.READ, Scope.LISTED),
    "get_step_run": _need(R.STEP, A.READ, _STEP),
    "finish_step_run": _need(R.STEP, A.UPDATE, _STEP),
    "get_step_run_logs": _need(R.STEP, A.READ, _STEP),
    "explain_step_run_cache": _need(R.STEP, A.READ, _STEP),
    # artifacts
    "list_artifact_versions": _need(R.ARTIFACT, A.READ, Scope.LISTED),
    "lookup_artifact_versions": _need(R.ARTIFACT, A.READ, Scope.LISTED),
    "get_artifact_version": _need(R.ARTIFACT, A.READ, _ARTIFACT_VERSION),
    "list_artifact_version_files": _need(R.ARTIFACT, A.READ, _ARTIFACT_VERSION),
    "download_artifact_version_file": _need(R.ARTIFACT, A.READ, _ARTIFACT_VERSION),
    "get_artifact_version_visualization": _need(R.ARTIFACT, A.READ, _ARTIFACT_VERSION),
    "list_artifact_consumers": _need(R.ARTIFACT, A.READ, _ARTIFACT_VERSION),
    "list_artifacts": _need(R.ARTIFACT, A.READ, Scope.LISTED),
    "get_artifact": _need(R.ARTIFACT, A.READ, InPath("artifact_id", L.ARTIFACT)),
    # Pruning spans every project, so only a server admin may.
    "prune_artifact_versions": _need(R.ARTIFACT, A.DELETE, Scope.SERVER),
    # Whoever saves outputs anywhere claims their folders; a prune releases its own claim.
    "claim_artifact_uris": _need(R.ARTIFACT, A.CREATE, Scope.ANY_PROJECT),
    "release_artifact_claim": _need(R.ARTIFACT, A.CREATE, Scope.ANY_PROJECT),
    # pipelines
    "list_pipelines": _need(R.PIPELINE, A.READ, Scope.LISTED),
    "get_pipeline": _need(R.PIPELINE, A.READ, InPath("pipeline_id", L.PIPELINE)),
    "get_pipeline_version": _need(
        R.PIPELINE, A.READ, InPath("pipeline_version_id", L.PIPELINE_VERSION)
    ),
    "delete_pipeline": _need(R.PIPELINE, A.DELETE, InPath("pipeline_id", L.PIPELINE)),
    "list_pipeline_version_changes": _need(R.PIPELINE, A.READ, InPath("pipeline_id", L.PIPELINE)),
    "list_pipeline_versions": _need(R.PIPELINE, A.READ, Scope.LISTED),
    # metadata and tags
    "add_metadata": _need(R.METADATA, A.CREATE, InBodyTarget()),
    # Both count only entities of projects whose runs, steps, artifacts or models the
    # caller may read.
    "list_metadata_keys": _need(R.METADATA, A.READ, Scope.LISTED),
    "get_metadata_series": _need(R.METADATA, A.READ, Scope.LISTED),
    "add_tags": _need(R.TAG, A.CREATE, InBodyTarget()),
    "remove_tags": _need(R.TAG, A.DELETE, InBodyTarget()),
    # Tags are names shared by every project; what they are attached to is scoped.
    "list_tags": _need(R.TAG, A.READ, Scope.OPEN),
    "get_tag": _need(R.TAG, A.READ, Scope.OPEN),
    # stacks and components
    "create_stack_component": _need(R.COMPONENT, A.CREATE, _PROJECT_NAME),
    "list_stack_components": _need(R.COMPONENT, A.READ, Scope.LISTED),
    "get_stack_component": _need(R.COMPONENT, A.READ, _COMPONENT),
    "update_stack_component": _need(R.COMPONENT, A.UPDATE, _COMPONENT),
    "delete_stack_component": _need(R.COMPONENT, A.DELETE, _COMPONENT),
    "get_stack_component_secrets": _need(R.SECRET, A.READ, _COMPONENT),
    "create_stack": _need(R.STACK, A.CREATE, _PROJECT_NAME),
    "list_stacks": _need(R.STACK, A.READ, Scope.LISTED),
    "get_stack": _need(R.STACK, A.READ, _STACK),
    "update_stack": _need(R.STACK, A.UPDATE, _STACK),
    "delete_stack": _need(R.STACK, A.DELETE, _STACK),
    "get_active_stack": _need(R.STACK, A.READ, Scope.ANY_PROJECT),
    "activate_stack": _need(R.STACK, A.UPDATE, _STACK),
    "list_flavors": _need(R.COMPONENT, A.READ, Scope.OPEN),
    "get_flavor": _need(R.COMPONENT, A.READ, Scope.OPEN),
    # A verify makes the server write and delete a probe object with the stored
    # credentials: it needs what editing them needs (and is audited as a verify).
    "verify_stack_component": _need(R.COMPONENT, A.UPDATE, _COMPONENT),
    # service connectors: the RBAC of components; secrets need secret:* as components'
    "create_service_connector": _need(R.CONNECTOR, A.CREATE, _PROJECT_NAME),
    "list_service_connectors": _need(R.CONNECTOR, A.READ, Scope.LISTED),
    "get_service_connector": _need(R.CONNECTOR, A.READ, _CONNECTOR),
    "update_service_connector": _need(R.CONNECTOR, A.UPDATE, _CONNECTOR),
    "delete_service_connector": _need(R.CONNECTOR, A.DELETE, _CONNECTOR),
    "get_service_connector_secrets": _need(R.SECRET, A.READ, _CONNECTOR),
    "verify_service_connector": _need(R.CONNECTOR, A.UPDATE, _CONNECTOR),
    "list_service_connector_types": _need(R.CONNECTOR, A.READ, Scope.OPEN),
    # models
    "create_model": _need(R.MODEL, A.CREATE, _PROJECT_NAME),
    "list_models": _need(R.MODEL, A.READ, Scope.LISTED),
    "get_model": _need(R.MODEL, A.READ, _MODEL),
    "update_model": _need(R.MODEL, A.UPDATE, _MODEL),
    "delete_model": _need(R.MODEL, A.DELETE, _MODEL),
    "resolve_model_version": _need(
        R.MODEL_VERSION,
        A.CREATE,
        InBody(("request", "project_name"), L.PROJECT, default="default"),
    ),
    "list_model_versions": _need(R.MODEL_VERSION, A.READ, Scope.LISTED),
    "get_model_version": _need(R.MODEL_VERSION, A.READ, InPath("version", L.MODEL_VERSION)),
    "delete_model_version": _need(R.MODEL_VERSION, A.DELETE, _MODEL_VERSION),
    "get_model_version_links": _need(R.MODEL_VERSION, A.READ, _MODEL_VERSION),
    "link_artifacts_to_model_version": _need(R.MODEL_VERSION, A.UPDATE, _MODEL_VERSION),
    "set_model_version_stage": _need(R.MODEL_VERSION, A.PROMOTE, _MODEL_VERSION),
    "apply_promotion_rules": _need(R.MODEL_VERSION, A.PROMOTE, _MODEL_VERSION),
    "list_stage_transitions": _need(R.MODEL_VERSION, A.READ, Scope.LISTED),
    "get_stage_holder": _need(R.MODEL_VERSION, A.READ, _MODEL),
    "set_promotion_rules": _need(R.MODEL, A.UPDATE, _MODEL),
    # A POST that only reads: never audited (see audit_trail.py).
    "dry_run_promotion_rules": _need(R.MODEL, A.READ, _MODEL),
    # approvals: approvers need model_version:promote where the model is
    "set_approval_policy": _need(R.MODEL, A.UPDATE, _MODEL),
    "request_stage_change": _need(R.MODEL_VERSION, A.PROMOTE, _MODEL_VERSION),
    "request_model_version_deletion": _need(R.MODEL_VERSION, A.DELETE, _MODEL_VERSION),
    "list_approval_requests": _need(R.MODEL_VERSION, A.READ, Scope.LISTED),
    "get_approval_request": _need(R.MODEL_VERSION, A.READ, _APPROVAL_REQUEST),
    "list_request_approvers": _need(R.MODEL_VERSION, A.READ, _APPROVAL_REQUEST),
    "vote_on_approval_request": _need(R.MODEL_VERSION, A.PROMOTE, _APPROVAL_REQUEST),
    # live events
    "list_events": _need(R.RUN, A.READ, Scope.LISTED),
    "stream_events": _need(R.RUN, A.READ, Scope.LISTED),
    "get_last_event_id": _need(R.RUN, A.READ, Scope.OPEN),
    "get_server_info": _need(R.PROJECT, A.READ, Scope.OPEN),
    # Who the caller is: answered to anyone logged in (its router has no access check).
    "get_me": _need(R.USER, A.READ, Scope.OPEN),
    "end_my_sessions": _need(R.USER, A.UPDATE, Scope.OPEN),
    # the caller's own password and API keys (the routes act on the caller only)
    "change_my_password": _need(R.USER, A.UPDATE, Scope.OPEN),
    "list_my_api_keys": _need(R.USER, A.READ, Scope.OPEN),
    "create_my_api_key": _need(R.USER, A.UPDATE, Scope.OPEN),
    "revoke_my_api_key": _need(R.USER, A.UPDATE, Scope.OPEN),
    # users, teams and roles
    "create_user": _need(R.USER, A.CREATE, Scope.SERVER),
    "create_activation_link": _need(R.USER, A.CREATE, Scope.SERVER),
    # who logs in, with which server role: the admins' own list (as service accounts)
    "list_user_accounts": _need(R.USER, A.MANAGE, Scope.SERVER),
    "set_user_role": _need(R.USER, A.MANAGE, Scope.SERVER),
    "deactivate_user": _need(R.USER, A.MANAGE, Scope.SERVER),
    "list_users": _need(R.USER, A.READ, Scope.SERVER),
    "get_user": _need(R.USER, A.READ, Scope.SERVER),
    "list_teams": _need(R.TEAM, A.READ, Scope.SERVER),
    "get_team": _need(R.TEAM, A.READ, Scope.SERVER),
    "create_team": _need(R.TEAM, A.CREATE, Scope.SERVER),
    "delete_team": _need(R.TEAM, A.DELETE, Scope.SERVER),
    "add_team_member": _need(R.TEAM, A.UPDATE, Scope.SERVER),
    "remove_team_member": _need(R.TEAM, A.UPDATE, Scope.SERVER),
    "list_roles": _need(R.ROLE, A.READ, Scope.SERVER),
    "get_role": _need(R.ROLE, A.READ, Scope.SERVER),
    "create_role": _need(R.ROLE, A.CREATE, Scope.SERVER),
    "update_role": _need(R.ROLE, A.UPDATE, Scope.SERVER),
    # Names who holds a role in every project: only for those who may change roles.
    "get_role_reach": _need(R.ROLE, A.UPDATE, Scope.SERVER),
    "delete_role": _need(R.ROLE, A.DELETE, Scope.SERVER),
    # service accounts and their API keys: admins only, reads too (a key list says who
    # can reach the server); only server admins hold user:manage.
    "create_service_account": _need(R.USER, A.MANAGE, Scope.SERVER),
    "list_service_accounts": _need(R.USER, A.MANAGE, Scope.SERVER),
    "get_service_account": _need(R.USER, A.MANAGE, Scope.SERVER),
    "deactivate_service_account": _need(R.USER, A.MANAGE, Scope.SERVER),
    "create_api_key": _need(R.USER, A.MANAGE, Scope.SERVER),
    "list_api_keys": _need(R.USER, A.MANAGE, Scope.SERVER),
    "get_api_key": _need(R.USER, A.MANAGE, Scope.SERVER),
    "rotate_api_key": _need(R.USER, A.MANAGE, Scope.SERVER),
    "revoke_api_key": _need(R.USER, A.MANAGE, Scope.SERVER),
    # projects, their members and their audit trail
    "list_projects": _need(R.PROJECT, A.READ, Scope.LISTED),
    "get_project": _need(R.PROJECT, A.READ, _PROJECT),
    "create_project": _need(R.PROJECT, A.CREATE, Scope.SERVER),
    "delete_project": _need(R.PROJECT, A.DELETE, _PROJECT),
    "list_project_members": _need(R.MEMBER, A.READ, _PROJECT),
    "grant_project_role": _need(R.MEMBER, A.MANAGE, _PROJECT),
    "revoke_project_role": _need(R.MEMBER, A.MANAGE, _PROJECT),
    "list_audit_events": _need(R.AUDIT, A.READ, Scope.LISTED),
    # why a user may do something: the route answers 404 for users and projects the
    # caller cannot see (`routes/access.py`), the hierarchy lists readable projects only.
    "explain_access": _need(R.MEMBER, A.READ, Scope.OPEN),
    "get_effective_permissions": _need(R.MEMBER, A.READ, Scope.OPEN),
    "get_access_hierarchy": _need(R.MEMBER, A.READ, Scope.LISTED),
}
