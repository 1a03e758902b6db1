"""What tests of server mode share: the users' password and the running server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from headwater.store.factory import login_store_of

if TYPE_CHECKING:
    from headwater.store.base import Store
    from headwater.store.login_store import LoginStore

PASSWORD = "correct horse battery"


def logins(store: Store) -> LoginStore:
    """The logins role of a test's store, which is always a server's own database."""
    found = login_store_of(store)
    assert found is not None, f"{type(store).__name__} keeps no logins"
    return found


@dataclass(frozen=True)
class AuthServer:
    """A running server that requires a login, and its signing secret."""

    url: str
    secret: bytes
    app: object

    def token(self, username: str, password: str = PASSWORD) -> str:
        """A fresh access token for that user."""
        answer = httpx.post(
            f"{self.url}/api/v1/login",
            json={"username": username, "password": password},
            timeout=60,
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])
