"""Approval requests: making one, reading them back with their votes, listing them.

Deciding a request (votes, and applying it) lives in `approvals.py`; this module is what
both it and the promotion rules need, so neither imports the other.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, select

from headwater.errors import ApprovalError, EntityNotFoundError
from headwater.store.listings import APPROVAL_REQUESTS
from headwater.store.model_approvals import (
    ApprovalRequest,
    ApprovalVote,
    RequestKind,
    RequestStatus,
)
from headwater.store.model_registry import (
    ModelStage,
    ModelVersion,
    TransitionOutcome,
    TransitionTrigger,
)
from headwater.store.models import Page
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    project_via,
    where_clauses,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.schema import approval_requests, approval_votes, models, users
from headwater.store.sql.stage_history import record_transition

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_FROM = approval_requests.join(models, models.c.id == approval_requests.c.model_id).outerjoin(
    users, users.c.id == approval_requests.c.user_id
)
_SELECT_REQUESTS: Select[Any] = select(
    approval_requests,
    models.c.name.label("model_name"),
    users.c.name.label("requested_by"),
).select_from(_FROM)
_SELECT_VOTES = (
    select(approval_votes, users.c.name.label("user_name"))
    .join(users, users.c.id == approval_votes.c.user_id)
    .where(approval_votes.c.request_id.in_(bindparam("ids", expanding=True)))
    .order_by(approval_votes.c.created)
)
_LISTING = Listing(
    declared=APPROVAL_REQUESTS,
    filters={
        "id": ColumnFilter(approval_requests.c.id, FieldKind.ID),
        "model_id": ColumnFilter(approval_requests.c.model_id, FieldKind.ID),
        "model_name": ColumnFilter(models.c.name, FieldKind.TEXT),
        "model_version_id": ColumnFilter(approval_requests.c.model_version_id, FieldKind.ID),
        "version_number": ColumnFilter(approval_requests.c.version_number, FieldKind.INTEGER),
        "kind": ColumnFilter(approval_requests.c.kind, FieldKind.TEXT),
        "to_stage": ColumnFilter(approval_requests.c.to_stage, FieldKind.TEXT),
        "status": ColumnFilter(approval_requests.c.status, FieldKind.TEXT),
        "requested_by": ColumnFilter(users.c.name, FieldKind.TEXT),
        "created": ColumnFilter(approval_requests.c.created, FieldKind.DATETIME),
    },
    sort_columns={"created": approval_requests.c.created},
    id_column=approval_requests.c.id,
    table=approval_requests,
    source=_FROM,
    project=project_via(
        approval_requests.c.model_id, models.c.id, project_column(models.c.project_id)
    ),
)


def make_request(
    connection: Connection,
    version: ModelVersion,
    *,
    to_stage: ModelStage | None,
    force: bool,
    reason: str | None,
    user_id: uuid.UUID,
    required: int,
    trigger: TransitionTrigger,
    now: dt.datetime,
) -> ApprovalRequest:
    """Record a pending request for a change of `version` (to `to_stage`, or deletion),
    with a `requested` row in its stage history. The caller holds the model's lock.

    Raises:
        ApprovalError: a request for the same change of this version is pending already.
    """
    kind = RequestKind.DELETION if to_stage is None else RequestKind.STAGE_CHANGE
    _refuse_repeat(connection, version, kind, to_stage)
    request_id = new_id()
    connection.execute(
        approval_requests.insert(),
        {
            "id": request_id,
            "model_id": version.model_id,
            "model_version_id": version.id,
            "version_number": version.number,
            "kind": kind.value,
            "to_stage": None if to_stage is None else to_stage.value,
            "force": force,
            "reason": reason,
            "user_id": user_id,
            "required_approvals": required,
            "status": RequestStatus.PENDING.value,
            "created": now,
        },
    )
    what = "deletion" if to_stage is None else f"'{to_stage}'"
    record_transition(
        connection,
        version,
        to_stage=version.stage if to_stage is None else to_stage,
        user_id=user_id,
        reason=_with_reason(f"{what} needs {required} approval(s)", reason),
        trigger=trigger,
        now=now,
        outcome=TransitionOutcome.REQUESTED,
        request_id=request_id,
    )
    return get_request(connection, request_id)


def get_request(connection: Connection, request_id: uuid.UUID) -> ApprovalRequest:
    """A request by id, with its votes.

    Raises:
        EntityNotFoundError: no approval request has that id.
    """
    row = connection.execute(_SELECT_REQUESTS.where(approval_requests.c.id == request_id)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No approval request with id '{request_id}'. List pending ones with "
            f"`headwater models approvals list`."
        )
    return _requests_from_rows(connection, [row])[0]


def list_requests(connection: Connection, query: ListQuery) -> Page[ApprovalRequest]:
    """A page of approval requests matching the query, with their votes."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, _SELECT_REQUESTS, query, clauses)
    items = tuple(_requests_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def _refuse_repeat(
    connection: Connection, version: ModelVersion, kind: RequestKind, to_stage: ModelStage | None
) -> None:
    table = approval_requests
    found = connection.execute(
        select(table.c.id).where(
            table.c.model_version_id == version.id,
            table.c.status == RequestStatus.PENDING.value,
            table.c.kind == kind.value,
            table.c.to_stage.is_(None) if to_stage is None else table.c.to_stage == to_stage,
        )
    ).scalar()
    if found is not None:
        raise ApprovalError(
            f"Version {version.number} of model '{version.model_name}' has a pending "
            f"request for this change already: '{found}'. Approve or reject it with "
            f"`headwater models approvals approve|reject {found}`."
        )


def _with_reason(explanation: str, reason: str | None) -> str:
    return explanation if reason is None else f"{reason} ({explanation})"


def _requests_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[ApprovalRequest]:
    votes: dict[uuid.UUID, list[ApprovalVote]] = defaultdict(list)
    if rows:
        for vote in connection.execute(_SELECT_VOTES, {"ids": [row.id for row in rows]}):
            votes[vote.request_id].append(
                ApprovalVote(
                    user_name=vote.user_name,
                    approve=vote.approve,
                    comment=vote.comment,
                    created=vote.created,
                )
            )
    return [
        ApprovalRequest(
            id=row.id,
            model_id=row.model_id,
            model_name=row.model_name,
            model_version_id=row.model_version_id,
            version_number=row.version_number,
            kind=RequestKind(row.kind),
            to_stage=None if row.to_stage is None else ModelStage(row.to_stage),
            force=row.force,
            reason=row.reason,
            requested_by=row.requested_by,
            required_approvals=row.required_approvals,
            status=RequestStatus(row.status),
            votes=tuple(votes.get(row.id, ())),
            created=row.created,
            decided=row.decided,
        )
        for row in rows
    ]
