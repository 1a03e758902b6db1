"""Server-level roles and the login record of a user (see `SqlStore.create_login`)."""

from __future__ import annotations

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
