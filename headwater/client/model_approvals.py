"""The `Client`'s approval methods: policies, requests for stage changes, and votes.

`Client` inherits them from `ApprovalsClientMixin`. `user_name` is whom a change is
recorded as on an embedded store; a server records the logged-in user instead.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Unpack

from headwater.client.page import Page

if TYPE_CHECKING:
    from headwater.responses.models import ModelResponse
    from headwater.session import Session
    from headwater.store.listings import ApprovalRequestFilters
    from headwater.store.model_approvals import ApprovalRequest, StageRequestOutcome
    from headwater.store.model_registry import ModelStage


class ApprovalsClientMixin:
    """Approval methods; `Client` provides the session."""

    _session: Session

    def set_approval_policy(
        self, model_name_or_id: str | uuid.UUID, stage: ModelStage | str, required_approvals: int
    ) -> ModelResponse:
        """Make changes of `stage` wait for that many approvals (0: apply at once again).

        Example:
            ```python
            Client().set_approval_policy("iris", "production", 2)
            ```

        Raises:
            InvalidValueError: the stage is not staging or production, or the count is
                not between 0 and 20.
        """
        from pydantic import ValidationError

        from headwater.errors import InvalidValueError
        from headwater.responses.models import ModelResponse
        from headwater.store.model_registry import MAX_APPROVALS, ApprovalPolicy

        try:
            policy = ApprovalPolicy.model_validate(
                {"stage": str(stage).lower(), "required_approvals": required_approvals}
            )
        except ValidationError as exc:
            raise InvalidValueError(
                f"Cannot protect stage '{stage}' with {required_approvals} approval(s): give "
                f"'staging' or 'production' and a count from 0 to {MAX_APPROVALS}."
            ) from exc
        model = self._session.store.get_model(model_name_or_id)
        return ModelResponse(
            self._session.store.set_approval_policy(model.id, policy), self._session
        )

    def request_stage_change(
        self,
        model_name_or_id: str | uuid.UUID | None,
        version_name_or_id: str | int | uuid.UUID,
        stage: ModelStage | str,
        *,
        force: bool = False,
        reason: str | None = None,
        user_name: str = "default",
    ) -> StageRequestOutcome:
        """Ask to move a version to `stage`: applied at once without a policy (`request`
        is None), else a pending approval request.

        Raises:
            StageConflictError: applied at once, and the stage is held without `force`.
            ApprovalError: the same change of this version is pending already.
        """
        from headwater.store.model_registry import ModelStage, StageChange

        version = self._session.store.get_model_version(model_name_or_id, version_name_or_id)
        change = StageChange(
            stage=ModelStage(str(stage).lower()), force=force, reason=reason, user_name=user_name
        )
        return self._session.store.request_stage_change(version.id, change)

    def request_model_version_deletion(
        self,
        model_name_or_id: str | uuid.UUID | None,
        version_name_or_id: str | int | uuid.UUID,
        *,
        reason: str | None = None,
        user_name: str = "default",
    ) -> ApprovalRequest:
        """Ask to delete a version in a stage a policy protects (a pending request).

        Raises:
            StageConflictError: it is in production and no policy allows deleting it.
            ApprovalError: it needs no approval; delete it with `delete_model_version`.
        """
        from headwater.store.model_approvals import DeletionRequest

        version = self._session.store.get_model_version(model_name_or_id, version_name_or_id)
        request = DeletionRequest(reason=reason, user_name=user_name)
        return self._session.store.request_model_version_deletion(version.id, request)

    def list_approval_requests(
        self,
        model_name_or_id: str | uuid.UUID | None = None,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[ApprovalRequestFilters],
    ) -> Page[ApprovalRequest]:
        """List approval requests (of one model, when named); `status="pending"` for what
        awaits approvers. Filters on any field `ApprovalRequestFilters` declares."""
        from headwater.client.models import _model_filter, _query

        scope = _model_filter(model_name_or_id)
        query = _query({**filters, **scope}, sort_by, page, size)
        return Page.of(self._session.store.list_approval_requests(query), lambda r: r)

    def get_approval_request(self, request_id: uuid.UUID | str) -> ApprovalRequest:
        """An approval request with its votes.

        Raises:
            EntityNotFoundError: no approval request has that id.
        """
        return self._session.store.get_approval_request(_request_id(request_id))

    def approve_request(
        self, request_id: uuid.UUID | str, comment: str | None = None, *, user_name: str = "default"
    ) -> ApprovalRequest:
        """Approve a pending request; the approval completing the count applies it.

        Raises:
            ApprovalError: it is decided, yours, or you voted on it already.
        """
        return self._vote(request_id, approve=True, comment=comment, user_name=user_name)

    def reject_request(
        self, request_id: uuid.UUID | str, comment: str | None = None, *, user_name: str = "default"
    ) -> ApprovalRequest:
        """Reject a pending request: it closes, and nothing changes.

        Raises:
            ApprovalError: it is decided already, or you voted on it already.
        """
        return self._vote(request_id, approve=False, comment=comment, user_name=user_name)

    def _vote(
        self, request_id: uuid.UUID | str, *, approve: bool, comment: str | None, user_name: str
    ) -> ApprovalRequest:
        from headwater.store.model_approvals import VoteCreate

        vote = VoteCreate(approve=approve, comment=comment, user_name=user_name)
        return self._session.store.vote_on_approval_request(_request_id(request_id), vote)


def _request_id(text: uuid.UUID | str) -> uuid.UUID:
    from headwater.errors import EntityNotFoundError

    try:
        return text if isinstance(text, uuid.UUID) else uuid.UUID(text)
    except ValueError:
        raise EntityNotFoundError(
            f"'{text}' is not an approval request id. List pending requests with "
            f"`headwater models approvals list`."
        ) from None
