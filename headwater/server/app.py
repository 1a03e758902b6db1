"""`create_app`: the FastAPI application serving the REST API and the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI

from headwater.errors import TooManyLoginAttempts
from headwater.server.access import authorize, authorize_admin
from headwater.server.api_docs import install_api_docs
from headwater.server.artifact_roots import ArtifactRoots
from headwater.server.audit_trail import AuditTrail
from headwater.server.dag_cache import DagCache
from headwater.server.dependencies import ServerState
from headwater.server.errors import install_error_handlers
from headwater.server.event_feed import EventFeeds
from headwater.server.json_bodies import StrictJsonBodies
from headwater.server.limits import DEFAULT_MAX_REQUEST_BYTES, RequestSizeLimit
from headwater.server.login_throttle import (
    LoginLimits,
    LoginThrottle,
    SharedLoginThrottle,
    answer_too_many_login_attempts,
)
from headwater.server.passwords import PasswordHashing
from headwater.server.routes import (
    access,
    activations,
    api_keys,
    artifact_versions,
    audit,
    catalog,
    comparisons,
    events,
    flavors,
    health,
    logins,
    me,
    metadata,
    model_approvals,
    models,
    my_account,
    pipelines,
    projects,
    roles,
    runs,
    saved_views,
    service_accounts,
    service_connectors,
    sessions,
    stacks,
    step_runs,
    teams,
    user_accounts,
    worker_tokens,
)
from headwater.server.routes.health import headwater_version
from headwater.server.security_headers import SecurityHeaders
from headwater.server.stale_runs import sweeping_stale_runs
from headwater.server.static import STATIC_FOLDER, install_dashboard
from headwater.server.tokens import DEFAULT_TOKEN_SECONDS
from headwater.session import Session
from headwater.store.factory import login_store_of

API_PREFIX = "/api/v1"
DOCS_URL = f"{API_PREFIX}/docs"


def create_app(
    session: Session,
    *,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
    static_folder: Path = STATIC_FOLDER,
    token_secret: bytes | None = None,
    token_seconds: int = DEFAULT_TOKEN_SECONDS,
    login_limits: LoginLimits | None = None,
) -> FastAPI:
    """The Headwater server over `session`'s metadata store and artifact store.

    With a `token_secret` the server requires a login (server mode); without one every
    request is the default user's (local mode). `login_limits` default to those of the
    environment (`LoginLimits.from_environment`).

    Raises:
        ConfigurationError: in server mode, a login limit variable is malformed.

    Example:
        ```python
        from headwater.session import get_session
        import uvicorn

        uvicorn.run(create_app(get_session()), host="127.0.0.1", port=8237)
        ```
    """
    app = openapi_app(max_request_bytes=max_request_bytes, static_folder=static_folder)
    is_server_mode = token_secret is not None
    limits = login_limits or (LoginLimits.from_environment() if is_server_mode else LoginLimits())
    app.state.headwater = ServerState(
        session=session,
        auth_mode="server" if is_server_mode else "local",
        token_secret=token_secret or b"",
        token_seconds=token_seconds,
        artifact_roots=None
        if token_secret is None
        else ArtifactRoots.from_settings(session.settings),
        login_throttle=_login_throttle(limits, session),
        password_hashing=PasswordHashing(limits.hashing_threads),
    )
    return app


def openapi_document() -> dict[str, Any]:
    """The OpenAPI schema of the API, built without opening any store."""
    return openapi_app().openapi()


def openapi_app(
    *, max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, static_folder: Path = STATIC_FOLDER
) -> FastAPI:
    """The app with its routes but no stores: set `app.state.headwater` before serving."""
    app = FastAPI(
        title="Headwater",
        version=headwater_version(),
        summary="Pipelines, runs, steps, artifacts, logs and cache decisions.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # served from our own files by `install_api_docs`
        redoc_url=None,
        lifespan=sweeping_stale_runs,
    )
    app.state.dag_cache = DagCache()
    app.state.event_feeds = EventFeeds()
    install_error_handlers(app)
    app.add_exception_handler(TooManyLoginAttempts, answer_too_many_login_attempts)
    # Inside the size limit, so a body is only read whole once it is known to be small.
    app.add_middleware(StrictJsonBodies)
    app.add_middleware(RequestSizeLimit, max_bytes=max_request_bytes)
    app.add_middleware(AuditTrail)
    # Outermost, so that answers made by the other middleware (a 413) carry the headers too.
    app.add_middleware(SecurityHeaders, docs_path=DOCS_URL)
    app.include_router(health.router, prefix=API_PREFIX)
    app.include_router(logins.router, prefix=API_PREFIX)
    app.include_router(sessions.router, prefix=API_PREFIX)
    # Admin-only writes first; `authorize` then leaves its decision for the audit trail.
    admin_only = [Depends(authorize_admin), Depends(authorize)]
    app.include_router(logins.admin_router, prefix=API_PREFIX, dependencies=admin_only)
    app.include_router(activations.admin_router, prefix=API_PREFIX, dependencies=admin_only)
    # Whoever holds an activation link may set that user's first password: no login.
    app.include_router(activations.router, prefix=API_PREFIX)
    app.include_router(user_accounts.router, prefix=API_PREFIX, dependencies=admin_only)
    # Service accounts and keys: admins only, reads too (see route_permissions.py).
    app.include_router(service_accounts.router, prefix=API_PREFIX, dependencies=admin_only)
    app.include_router(api_keys.router, prefix=API_PREFIX, dependencies=admin_only)
    for module in (
        pipelines,
        runs,
        worker_tokens,
        comparisons,
        saved_views,
        step_runs,
        artifact_versions,
        metadata,
        stacks,
        flavors,
        service_connectors,
        models,
        model_approvals,
        catalog,
        events,
        projects,
        teams,
        roles,
        audit,
        access,
        # Any logged-in user may ask who they are and log out everywhere (Scope.OPEN);
        # `authorize` still runs, so "log out everywhere" is in the audit trail.
        me,
        my_account,
    ):
        app.include_router(module.router, prefix=API_PREFIX, dependencies=[Depends(authorize)])
    install_api_docs(app, docs_url=DOCS_URL, openapi_url=f"{API_PREFIX}/openapi.json")
    install_dashboard(app, static_folder)
    return app


def _login_throttle(limits: LoginLimits, session: Session) -> LoginThrottle:
    """Counts in the database the worker processes share, when the store keeps logins."""
    logins = login_store_of(session.store)
    return LoginThrottle(limits) if logins is None else SharedLoginThrottle(limits, logins)
