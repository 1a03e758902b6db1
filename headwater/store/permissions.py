"""The permission model: resources and actions, built-in project roles, server roles' share.

A permission is one `Resource` and one `Action` (`run:delete`). A project role is a set
of permissions that holds inside one project; a user holds the union of the roles
granted to them and to their teams there. Server roles stand above projects:

- server admin: every permission in every project, plus users, teams and roles.
- server member: may create projects (and becomes their admin), reads users, teams and
  roles; in the "default" project holds `developer`.
- server viewer: reads users, teams and roles; in the "default" project holds `viewer`.

The "default" project's grants keep single-project teams working without any setup.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from headwater.errors import DefinitionError
from headwater.store.logins import ServerRole

DEFAULT_PROJECT = "default"


class Resource(StrEnum):
    """What a permission is about."""

    PROJECT = "project"
    MEMBER = "member"
    PIPELINE = "pipeline"
    RUN = "run"
    STEP = "step"
    ARTIFACT = "artifact"
    METADATA = "metadata"
    TAG = "tag"
    MODEL = "model"
    MODEL_VERSION = "model_version"
    STACK = "stack"
    COMPONENT = "component"
    CONNECTOR = "connector"
    SECRET = "secret"
    AUDIT = "audit"
    # Server-level: they belong to no project.
    USER = "user"
    TEAM = "team"
    ROLE = "role"


class Action(StrEnum):
    """What may be done to a resource."""

    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PROMOTE = "promote"
    MANAGE = "manage"


SERVER_RESOURCES = frozenset({Resource.USER, Resource.TEAM, Resource.ROLE})


@dataclass(frozen=True, order=True, slots=True)
class Permission:
    """One resource and one action, written `resource:action`."""

    resource: Resource
    action: Action

    def __str__(self) -> str:
        return f"{self.resource.value}:{self.action.value}"

    @classmethod
    def parse(cls, text: str) -> Permission:
        """Read `run:delete`.

        Raises:
            DefinitionError: not `resource:action`, or an unknown resource or action.
        """
        resource, _, action = text.strip().partition(":")
        if (
            resource not in Resource.__members__.values()
            or action not in Action.__members__.values()
        ):
            raise DefinitionError(
                f"Permission '{text}' is not 'resource:action'. Resources: "
                f"{', '.join(r.value for r in Resource)}; actions: "
                f"{', '.join(a.value for a in Action)}."
            )
        return cls(Resource(resource), Action(action))


def _grid(resources: frozenset[Resource], actions: frozenset[Action]) -> frozenset[Permission]:
    return frozenset(Permission(r, a) for r in resources for a in actions)


PROJECT_RESOURCES = frozenset(Resource) - SERVER_RESOURCES
# Everything a project's readers may see: all but its secrets and its audit trail.
_READABLE = PROJECT_RESOURCES - {Resource.SECRET, Resource.AUDIT}
_WORK = frozenset(
    {
        Resource.PIPELINE,
        Resource.RUN,
        Resource.STEP,
        Resource.ARTIFACT,
        Resource.METADATA,
        Resource.TAG,
        Resource.MODEL,
        Resource.MODEL_VERSION,
        Resource.STACK,
        Resource.COMPONENT,
        Resource.CONNECTOR,
    }
)
_READ = _grid(_READABLE, frozenset({Action.READ}))
_WRITE = frozenset({Action.CREATE, Action.UPDATE, Action.DELETE})
# What recording a run needs: the run and its steps, artifacts, metadata and tags, and the
# model versions a `Model(...)` step makes.
_RECORD = _grid(
    frozenset(
        {
            Resource.RUN,
            Resource.STEP,
            Resource.ARTIFACT,
            Resource.METADATA,
            Resource.TAG,
            Resource.MODEL_VERSION,
        }
    ),
    frozenset({Action.CREATE}),
) | _grid(frozenset({Resource.RUN, Resource.STEP}), frozenset({Action.UPDATE}))


class ProjectRole(StrEnum):
    """The built-in project roles, from most to least powerful."""

    ADMIN = "admin"
    DEVELOPER = "developer"
    CONTRIBUTOR = "contributor"
    VIEWER = "viewer"


BUILT_IN_ROLES: dict[str, frozenset[Permission]] = {
    ProjectRole.ADMIN.value: _grid(PROJECT_RESOURCES, frozenset(Action)),
    ProjectRole.DEVELOPER.value: _READ
    | _grid(_WORK, _WRITE)
    | {Permission(Resource.MODEL_VERSION, Action.PROMOTE)},
    ProjectRole.CONTRIBUTOR.value: _READ | _RECORD,
    ProjectRole.VIEWER.value: _READ,
}

_SERVER_READS = _grid(SERVER_RESOURCES, frozenset({Action.READ}))
# What each server role may do outside projects (server admins may do everything).
SERVER_PERMISSIONS: dict[ServerRole, frozenset[Permission]] = {
    ServerRole.ADMIN: _grid(frozenset(Resource), frozenset(Action)),
    ServerRole.MEMBER: _SERVER_READS | {Permission(Resource.PROJECT, Action.CREATE)},
    ServerRole.VIEWER: _SERVER_READS,
}
# The role each server role holds in the "default" project without being granted one.
DEFAULT_PROJECT_ROLES: dict[ServerRole, str] = {
    ServerRole.ADMIN: ProjectRole.ADMIN.value,
    ServerRole.MEMBER: ProjectRole.DEVELOPER.value,
    ServerRole.VIEWER: ProjectRole.VIEWER.value,
}


def parse_permissions(texts: list[str] | tuple[str, ...]) -> frozenset[Permission]:
    """Read many `resource:action` texts, naming every bad one at once.

    Raises:
        DefinitionError: one or more texts are not permissions.
    """
    bad = []
    parsed = set()
    for text in texts:
        try:
            parsed.add(Permission.parse(text))
        except DefinitionError:
            bad.append(text)
    if bad:
        raise DefinitionError(
            f"Not permissions: {', '.join(repr(b) for b in bad)}. Write each as "
            f"'resource:action', e.g. 'run:read'. Resources: "
            f"{', '.join(r.value for r in Resource)}; actions: "
            f"{', '.join(a.value for a in Action)}."
        )
    return frozenset(parsed)
