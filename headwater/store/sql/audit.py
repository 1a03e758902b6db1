"""The audit trail: every successful change made through the API, newest first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from headwater.store.access_models import AuditEvent, AuditEventCreate
from headwater.store.listings import AUDIT_EVENTS
from headwater.store.models import Page
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    where_clauses,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.schema import audit_events

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_LISTING = Listing(
    declared=AUDIT_EVENTS,
    filters={
        "user": ColumnFilter(audit_events.c.user_name, FieldKind.TEXT),
        "user_id": ColumnFilter(audit_events.c.user_id, FieldKind.ID),
        "resource": ColumnFilter(audit_events.c.resource, FieldKind.TEXT),
        "resource_id": ColumnFilter(audit_events.c.resource_id, FieldKind.TEXT),
        "action": ColumnFilter(audit_events.c.action, FieldKind.TEXT),
        "operation": ColumnFilter(audit_events.c.operation, FieldKind.TEXT),
        "project_id": ColumnFilter(audit_events.c.project_id, FieldKind.ID),
        "created": ColumnFilter(audit_events.c.created, FieldKind.DATETIME),
    },
    sort_columns={"created": audit_events.c.created, "id": audit_events.c.id},
    id_column=audit_events.c.id,
    table=audit_events,
    source=audit_events,
    project=project_column(audit_events.c.project_id),
)


def record_audit_event(connection: Connection, event: AuditEventCreate, now: dt.datetime) -> None:
    """Add one change to the trail."""
    connection.execute(audit_events.insert().values(**event.model_dump(), created=now))


def list_audit_events(connection: Connection, query: ListQuery) -> Page[AuditEvent]:
    """A page of the trail. Filterable: user, user_id, resource, resource_id, action,
    operation, project_id, created. Sortable: created, id."""
    clauses = where_clauses(_LISTING, query)
    rows, total = fetch_page(connection, _LISTING, select(audit_events), query, clauses)
    items = tuple(AuditEvent.model_validate(dict(row._mapping)) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)
