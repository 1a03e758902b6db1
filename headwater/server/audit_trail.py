"""`AuditTrail`: records every successful change made through the API, right after it.

`access.authorize` leaves its decision (who, which permission, which project and entity)
on the request; once the route has answered with a 2xx or 3xx, this middleware writes
one audit event. A create's new id comes from the answer's JSON `id`.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from headwater.server.access import READ_METHODS, Decision
from headwater.store.access_models import AuditEventCreate
from headwater.store.access_store import AccessStore
from headwater.store.permissions import Resource

logger = logging.getLogger(__name__)
# Answers longer than this are not parsed for an id (creates answer small JSON bodies).
_ANSWER_BYTES = 256 * 1024


class AuditTrail:
    """ASGI middleware: one audit event per successful non-read request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in READ_METHODS:
            await self.app(scope, receive, send)
            return
        status = 500
        answer = bytearray()

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body" and len(answer) < _ANSWER_BYTES:
                answer.extend(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        decision = scope.get("state", {}).get("access")
        if status < 400 and isinstance(decision, Decision) and decision.requirement:
            await _record(scope, decision, bytes(answer))


async def _record(scope: Scope, decision: Decision, answer: bytes) -> None:
    store = scope["app"].state.headwater.session.store
    if not isinstance(store, AccessStore) or decision.requirement is None:
        return
    body = _json_object(answer)
    login = decision.caller.login
    permission = decision.requirement.permission
    project_id = decision.project_id or _as_uuid(body.get("project_id"))
    if project_id is None and permission.resource is Resource.PROJECT:
        project_id = _as_uuid(body.get("id"))
    event = AuditEventCreate(
        user_id=None if login is None else login.user_id,
        user_name="default" if login is None else login.name,
        action=permission.action.value,
        resource=permission.resource.value,
        resource_id=str(body["id"]) if "id" in body else decision.entity_ref,
        project_id=project_id,
        operation=str(getattr(scope.get("route"), "operation_id", "") or scope["path"]),
    )
    try:
        await run_in_threadpool(store.record_audit_event, event)
    except Exception:  # the change is made and answered; losing its trace is logged
        logger.exception("Could not record the audit event %s", event)


def _json_object(answer: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(answer) if answer else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None
