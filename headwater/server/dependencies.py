"""What routes receive through FastAPI's `Depends`: the server's stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from headwater.server.artifact_roots import ArtifactRoots
from headwater.server.login_throttle import LoginLimits, LoginThrottle
from headwater.server.passwords import PasswordHashing
from headwater.session import Session
from headwater.store.access_store import AccessStore
from headwater.store.saved_views import SavedViewStore


@dataclass(frozen=True)
class ServerState:
    """Everything a request may use, kept on `app.state.headwater`."""

    session: Session
    # "local" (embedded store, no login over loopback) or "server" (login required).
    auth_mode: str = "local"
    # Signs access tokens in server mode (see `headwater.server.tokens`).
    token_secret: bytes = b""
    token_seconds: int = 12 * 3600
    # In server mode, where local artifact stores may live; None in local mode.
    artifact_roots: ArtifactRoots | None = None
    # Failed logins per user name and address (in the database: see `login_throttle.py`).
    login_throttle: LoginThrottle = field(default_factory=lambda: LoginThrottle(LoginLimits()))
    # Argon2 on worker threads, a bounded number at once.
    password_hashing: PasswordHashing = field(
        default_factory=lambda: PasswordHashing(LoginLimits().hashing_threads)
    )


def current_state(request: Request) -> ServerState:
    """The app's `ServerState`."""
    state: ServerState = request.app.state.headwater
    return state


def current_session(request: Request) -> Session:
    """The metadata store and artifact store this server serves."""
    return current_state(request).session


SessionDep = Annotated[Session, Depends(current_session)]
StateDep = Annotated[ServerState, Depends(current_state)]


def current_access_store(request: Request) -> AccessStore:
    """The served store's projects, teams, roles and audit trail.

    Raises:
        ApiError: 400, the served store keeps none (a server never serves a REST store).
    """
    from headwater.errors import ApiError

    store = current_session(request).store
    if not isinstance(store, AccessStore):
        raise ApiError(400, "bad_request", "This server's store cannot keep projects and roles.")
    return store


AccessStoreDep = Annotated[AccessStore, Depends(current_access_store)]


def current_saved_view_store(request: Request) -> SavedViewStore:
    """The served store's saved views of the runs list.

    Raises:
        ApiError: 400, the served store keeps none (a server never serves a REST store).
    """
    from headwater.errors import ApiError

    store = current_session(request).store
    if not isinstance(store, SavedViewStore):
        raise ApiError(400, "bad_request", "This server's store cannot keep saved views.")
    return store


SavedViewStoreDep = Annotated[SavedViewStore, Depends(current_saved_view_store)]
