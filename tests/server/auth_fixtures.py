"""What tests of server mode share: the users' password and the running server."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class AuthServer:
    """A running server that requires a login, and its signing secret."""

    url: str
    secret: bytes
    app: object

    def token(self, username: str, password: str = PASSWORD) -> str:
        """A fresh access token for that user."""
        answer = httpx.post(
            f"{self.url}/api/v1/login", json={"username": username, "password": password}
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])
