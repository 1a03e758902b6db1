"""`AuditTrail`: records every successful change made through the API, right after it.

`access.authorize` leaves its decision (who, which permission, which project and entity)
on the request; once the route has answered with a 2xx or 3xx, this middleware writes
one audit event, and only then lets the answer go. A create's new id comes from the
answer's JSON `id`.
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
from headwater.store.permissions import Action, Resource

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
        held: list[Message] = []

        async def hold_until_recorded(message: Message) -> None:
            # The answer leaves only once its change is in the trail, so a client that
            # reads the trail right after a change always finds it.
            held.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                await _record_if_changed(scope, held)
                for ready in held:
                    await send(ready)
                held.clear()

        await self.app(scope, receive, hold_until_recorded)
        for ready in held:
            await send(ready)


async def _record_if_changed(scope: Scope, answer: list[Message]) -> None:
    decision = scope.get("state", {}).get("access")
    status = next((m["status"] for m in answer if m["type"] == "http.response.start"), 500)
    if int(status) >= 400 or not isinstance(decision, Decision) or not decision.requirement:
        return
    if decision.requirement.permission.action is Action.READ:
        return  # a read sent as POST (a comparison, a rule dry-run) changes nothing
    body = b"".join(m.get("body", b"") for m in answer if m["type"] == "http.response.body")
    await _record(scope, decision, body[:_ANSWER_BYTES])


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
        resource_id=_resource_id(scope, decision, body),
        resource_name=_resource_name(scope, body),
        project_id=project_id,
        operation=str(getattr(scope.get("route"), "operation_id", "") or scope["path"]),
    )
    try:
        await run_in_threadpool(store.record_audit_event, event)
    except Exception:  # the change is made and answered; losing its trace is logged
        logger.exception("Could not record the audit event %s", event)


def _resource_id(scope: Scope, decision: Decision, body: dict[str, Any]) -> str | None:
    """What the change was made to: the answer's id, else the entity the access check
    found, else a name (custom roles have no id): the answer's, or the path's."""
    if "id" in body:
        return str(body["id"])
    if decision.entity_ref is not None:
        return decision.entity_ref
    if isinstance(body.get("name"), str):
        return str(body["name"])
    named = [str(value) for value in (scope.get("path_params") or {}).values()]
    return named[0] if named else None


def _resource_name(scope: Scope, body: dict[str, Any]) -> str | None:
    """The changed entity's name: what the route left (a delete answers nothing), else
    the answer's, else a path parameter that is a name rather than an id."""
    left = scope.get("state", {}).get("audit_resource_name")
    if isinstance(left, str):
        return left[:255]
    if isinstance(body.get("name"), str):
        return str(body["name"])[:255]
    named = [str(value) for value in (scope.get("path_params") or {}).values()]
    return next((value[:255] for value in named if _as_uuid(value) is None), None)


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
