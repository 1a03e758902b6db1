"""Server-level roles, the login record of a user, service accounts and their API keys."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass


class ServerRole(enum.StrEnum):
    """What a logged-in user may do on a server that requires a login."""

    # Reads everything; changes nothing.
    VIEWER = "viewer"
    # Reads everything; writes runs, artifacts, models and stacks.
    MEMBER = "member"
    # A member who also manages users.
    ADMIN = "admin"


class AccountKind(enum.StrEnum):
    """A person who logs in with a password, or a program that sends an API key."""

    USER = "user"
    SERVICE_ACCOUNT = "service_account"


@dataclass(frozen=True, slots=True)
class UserLogin:
    """A user who can log in: their id and name, password hash, role and kind."""

    user_id: uuid.UUID
    name: str
    password_hash: str
    role: ServerRole
    kind: AccountKind = AccountKind.USER
    # Bumped by every password change; tokens issued in an older epoch are refused.
    token_epoch: int = 0


@dataclass(frozen=True, slots=True)
class ServiceAccount:
    """A user for programs (CI jobs, schedulers): authenticates with API keys only."""

    id: uuid.UUID
    name: str
    role: ServerRole
    description: str | None
    created: dt.datetime
    # When an admin deactivated it (None: active); its keys stop working at once.
    deactivated: dt.datetime | None


@dataclass(frozen=True, slots=True)
class UserAccount:
    """A person who logs in with a password, as server admins manage them (no hash)."""

    id: uuid.UUID
    name: str
    role: ServerRole
    created: dt.datetime
    # When an admin deactivated them (None: active); their tokens stop working at once.
    deactivated: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ApiKey:
    """An API key of a service account, without its secret."""

    id: uuid.UUID
    service_account_id: uuid.UUID
    name: str
    created: dt.datetime
    expires: dt.datetime | None
    last_used: dt.datetime | None
    revoked: dt.datetime | None
    # When it was replaced by a new key (it may still work through a grace period).
    rotated: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class KeyLogin:
    """What a request's API key is checked against: the key, its secret's hash, its owner."""

    key: ApiKey
    secret_hash: str
    login: UserLogin


@dataclass(frozen=True, slots=True)
class ActivationLink:
    """A one-time link for a new user to set their password; only its secret's hash kept."""

    id: uuid.UUID
    user_id: uuid.UUID
    user_name: str
    secret_hash: str
    created: dt.datetime
    expires: dt.datetime
    # When the user set their password with it: it never works again.
    used: dt.datetime | None


@dataclass(frozen=True)
class LoginRefusal:
    """Why a login attempt is refused: `key` (`user:<name>` or `address:<host>`) has
    `failures` failed logins in the window, the oldest at `oldest` (Unix seconds)."""

    key: str
    failures: int
    oldest: float
