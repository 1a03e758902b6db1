"""`/audit-events`: who changed what, when, in which project (newest first)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from headwater.server.access import CallerDep
from headwater.server.dependencies import AccessStoreDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.listing import AuditListParams
from headwater.server.schemas import PageOf
from headwater.store.access_models import AuditEvent
from headwater.store.permissions import Resource

router = APIRouter(tags=["audit"], responses=ERROR_RESPONSES)


class AuditEventPage(PageOf[AuditEvent]):
    """A page of the audit trail."""


@router.get("/audit-events", operation_id="list_audit_events")
def list_audit_events(
    store: AccessStoreDep, caller: CallerDep, params: Annotated[AuditListParams, Query()]
) -> AuditEventPage:
    """List changes made through the API: server admins see all, project admins theirs."""
    query = caller.scope(params.to_query(), Resource.AUDIT)
    page: AuditEventPage = AuditEventPage.of(store.list_audit_events(query))
    return page
