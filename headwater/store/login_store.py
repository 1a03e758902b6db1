"""The `LoginStore` protocol: passwords, service accounts and API keys of a team server.

Only a store that is a server's own database keeps logins (the SQL store); a REST store
does not, since its server checks credentials itself. Code that needs logins asks
`factory.login_store_of(store)` for this role instead of looking at the store's class.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence

    from headwater.store.logins import (
        ActivationLink,
        ApiKey,
        KeyLogin,
        LoginRefusal,
        ServerRole,
        ServiceAccount,
        UserAccount,
        UserLogin,
    )


class LoginStore(Protocol):
    """Who may log in to a server, and with what."""

    def ensure_user(self, name: str) -> uuid.UUID:
        """The id of the user `name`, created if new (without a login)."""
        ...

    def save_login(self, name: str, password_hash: str, role: ServerRole) -> UserLogin:
        """Let user `name` (created if new) log in with that password hash and role."""
        ...

    def find_login(self, name_or_id: uuid.UUID | str) -> UserLogin | None:
        """The login of a user by name or id; None if they cannot log in."""
        ...

    def revoke_token(self, token_id: str, user_id: uuid.UUID, expires: dt.datetime) -> None:
        """Refuse one access token from now on, until it would have expired."""
        ...

    def is_token_revoked(self, token_id: str) -> bool:
        """Whether that access token was ended before its expiry."""
        ...

    def end_every_token(self, user_id: uuid.UUID) -> None:
        """Refuse every access token and session issued to a user so far."""
        ...

    def list_user_accounts(self) -> tuple[UserAccount, ...]:
        """Every person who may log in with a password, by name, deactivated ones too."""
        ...

    def set_server_role(self, name: str, role: ServerRole) -> UserAccount:
        """Change a user's server role (their tokens stay valid and carry the new role)."""
        ...

    def deactivate_user(self, name: str) -> UserAccount:
        """Stop a user from logging in; every token and session of theirs ends now."""
        ...

    def begin_login_attempt(
        self,
        attempt_id: uuid.UUID,
        limits: Sequence[tuple[str, int]],
        window_seconds: float,
        now: float,
    ) -> LoginRefusal | None:
        """Refuse an attempt when a key (user name, address) has its limit of failures
        in the window; else count it as a failure of each key until it succeeds."""
        ...

    def forget_login_success(self, attempt_id: uuid.UUID, user_key: str) -> None:
        """Clear a user name's failures and take a successful attempt off the others."""
        ...

    def create_service_account(
        self, name: str, role: ServerRole, description: str | None = None
    ) -> ServiceAccount:
        """A new service account (a program's identity) with a server role."""
        ...

    def get_service_account(self, name_or_id: uuid.UUID | str) -> ServiceAccount:
        """One service account, by name or id."""
        ...

    def list_service_accounts(self) -> tuple[ServiceAccount, ...]:
        """Every service account, by name."""
        ...

    def deactivate_service_account(self, name_or_id: uuid.UUID | str) -> ServiceAccount:
        """Stop a service account and every key of it from working."""
        ...

    def create_api_key(
        self,
        account_id: uuid.UUID,
        *,
        key_id: uuid.UUID,
        name: str,
        secret_hash: str,
        expires: dt.datetime | None,
    ) -> ApiKey:
        """Record a new key of a service account (only its secret's hash is kept)."""
        ...

    def get_api_key(self, key_id: uuid.UUID) -> ApiKey:
        """One API key, by id."""
        ...

    def list_api_keys(self, account_id: uuid.UUID) -> tuple[ApiKey, ...]:
        """The keys of one service account."""
        ...

    def find_key_login(self, key_id: uuid.UUID) -> KeyLogin | None:
        """The key and its account's login, if the key exists."""
        ...

    def mark_key_used(self, key_id: uuid.UUID, when: dt.datetime) -> None:
        """Remember when a key was last used."""
        ...

    def rotate_api_key(
        self,
        key_id: uuid.UUID,
        *,
        new_key_id: uuid.UUID,
        secret_hash: str,
        expires: dt.datetime | None,
        old_key_ends: dt.datetime,
    ) -> ApiKey:
        """Replace a key by a new one of the same name; the old one ends at `old_key_ends`."""
        ...

    def revoke_api_key(self, key_id: uuid.UUID) -> ApiKey:
        """Make a key stop working now."""
        ...

    def create_activation_link(
        self,
        name: str,
        role: ServerRole,
        *,
        link_id: uuid.UUID,
        secret_hash: str,
        expires: dt.datetime,
    ) -> ActivationLink:
        """A new user `name` without a password, and a link to set one (earlier unused
        links of theirs end)."""
        ...

    def find_activation_link(self, link_id: uuid.UUID) -> ActivationLink | None:
        """One activation link by id, used or expired ones too."""
        ...

    def activate_user(self, link_id: uuid.UUID, password_hash: str) -> UserLogin:
        """Set the password of a link's user and make the link dead."""
        ...
