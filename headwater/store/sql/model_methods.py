"""The model control plane calls of `SqlStore`: models, versions, stages and history.

A mixin so `store.py` stays about the engines and transactions; each method is one
transaction around a function of the concept's own module (`ml_models`,
`model_versions`, `stages`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from headwater.errors import ApprovalError, StageConflictError
from headwater.store.filters import ListQuery
from headwater.store.model_approvals import StageRequestOutcome
from headwater.store.models import utc_now
from headwater.store.sql import (
    approval_policies,
    approval_requests,
    approvals,
    ml_models,
    model_versions,
    rule_dry_runs,
    stage_history,
    stages,
)
from headwater.store.sql.recording.artifacts import link_artifacts

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.errors import StoreError
    from headwater.store.model_approvals import ApprovalRequest, DeletionRequest, VoteCreate
    from headwater.store.model_registry import (
        ApprovalPolicy,
        Model,
        ModelCreate,
        ModelStage,
        ModelVersion,
        ModelVersionLinks,
        ModelVersionRequest,
        PromotionRule,
        StageChange,
        StageHolder,
        StageTransition,
    )
    from headwater.store.models import ArtifactType, Page
    from headwater.store.rule_dry_runs import RuleDryRun


class SqlModelMethods:
    """`Store`'s model methods on SQL; mixed into `SqlStore`, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def create_model(self, model: ModelCreate) -> Model:
        """See `Store.create_model`."""
        with self._write() as connection:
            return ml_models.create_model(connection, model, utc_now())

    def get_model(self, name_or_id: uuid.UUID | str) -> Model:
        """See `Store.get_model`."""
        with self._read() as connection:
            return ml_models.get_model(connection, name_or_id)

    def list_models(self, query: ListQuery) -> Page[Model]:
        """See `Store.list_models`."""
        with self._read() as connection:
            return ml_models.list_models(connection, query)

    def update_model(
        self,
        model_id: uuid.UUID,
        *,
        description: str | None = None,
        promotion_rules: tuple[PromotionRule, ...] | None = None,
    ) -> Model:
        """See `Store.update_model`."""
        with self._write() as connection:
            return ml_models.update_model(
                connection, model_id, description=description, promotion_rules=promotion_rules
            )

    def delete_model(self, model_id: uuid.UUID) -> None:
        """See `Store.delete_model`."""
        with self._write() as connection:
            ml_models.delete_model(connection, model_id)

    def resolve_model_version(
        self, request: ModelVersionRequest, *, run_id: uuid.UUID | None = None
    ) -> ModelVersion:
        """See `Store.resolve_model_version`."""
        with self._write() as connection:
            return model_versions.resolve_model_version(
                connection, request, run_id=run_id, now=utc_now()
            )

    def get_model_version(
        self, model_name_or_id: uuid.UUID | str | None, version: uuid.UUID | str | int
    ) -> ModelVersion:
        """See `Store.get_model_version`."""
        with self._read() as connection:
            return model_versions.get_model_version(connection, model_name_or_id, version)

    def list_model_versions(self, query: ListQuery) -> Page[ModelVersion]:
        """See `Store.list_model_versions`."""
        with self._read() as connection:
            return model_versions.list_model_versions(connection, query)

    def delete_model_version(self, version_id: uuid.UUID) -> None:
        """See `Store.delete_model_version`."""
        with self._write() as connection:
            model_versions.delete_model_version(connection, version_id)

    def get_model_version_links(self, version_id: uuid.UUID) -> ModelVersionLinks:
        """See `Store.get_model_version_links`."""
        with self._read() as connection:
            return model_versions.model_version_links(connection, version_id)

    def link_artifacts_to_model_version(
        self, version_id: uuid.UUID, links: dict[uuid.UUID, ArtifactType]
    ) -> None:
        """See `Store.link_artifacts_to_model_version`."""
        with self._write() as connection:
            model_versions.get_model_version_by_id(connection, version_id)
            link_artifacts(connection, version_id, links)

    def set_model_version_stage(self, version_id: uuid.UUID, change: StageChange) -> ModelVersion:
        """See `Store.set_model_version_stage`."""

        def explain(connection: Connection) -> StoreError:
            version = model_versions.get_model_version_by_id(connection, version_id)
            holder = self._stage_holder(version, change)
            return stages.stage_conflict(version, holder or version, change.stage)

        try:
            with self._write(explain_conflict=explain) as connection:
                return stages.set_stage(connection, version_id, change)
        except StageConflictError:
            # The attempt rolled back; its refusal is history too, in its own transaction.
            with self._write() as connection:
                stages.record_refusal(connection, version_id, change, utc_now())
            raise

    def list_stage_transitions(self, query: ListQuery) -> Page[StageTransition]:
        """See `Store.list_stage_transitions`."""
        with self._read() as connection:
            return stages.list_stage_transitions(connection, query)

    def apply_promotion_rules(
        self,
        version_id: uuid.UUID,
        *,
        run_id: uuid.UUID | None = None,
        user_name: str = "default",
    ) -> int:
        """See `Store.apply_promotion_rules`."""
        with self._write() as connection:
            return stages.apply_promotion_rules(
                connection, version_id, run_id=run_id, user_name=user_name, now=utc_now()
            )

    def _stage_holder(self, version: ModelVersion, change: StageChange) -> ModelVersion | None:
        page = self.list_model_versions(
            ListQuery(filters={"model_id": str(version.model_id), "stage": change.stage.value})
        )
        return next((v for v in page.items if v.id != version.id), None)

    def get_stage_holder(
        self, model_name_or_id: uuid.UUID | str, stage: ModelStage, at: dt.datetime
    ) -> StageHolder:
        """See `Store.get_stage_holder`."""
        with self._read() as connection:
            return stage_history.get_stage_holder(connection, model_name_or_id, stage, at)

    # --- approvals ------------------------------------------------------------------

    def set_approval_policy(self, model_id: uuid.UUID, policy: ApprovalPolicy) -> Model:
        """See `Store.set_approval_policy`."""
        with self._write() as connection:
            ml_models.get_model(connection, model_id)
            connection.execute(ml_models.LOCK_MODEL, {"model_id": model_id})
            approval_policies.set_policy(connection, model_id, policy)
            return ml_models.get_model(connection, model_id)

    def request_stage_change(
        self, version_id: uuid.UUID, change: StageChange
    ) -> StageRequestOutcome:
        """See `Store.request_stage_change`."""
        with self._write() as connection:
            request = approvals.request_stage_change(connection, version_id, change)
            if request is not None:
                version = model_versions.get_model_version_by_id(connection, version_id)
                return StageRequestOutcome(version=version, request=request)
        # No policy holds it back: a stage change like any other, refusal recorded.
        return StageRequestOutcome(
            version=self.set_model_version_stage(version_id, change), request=None
        )

    def request_model_version_deletion(
        self, version_id: uuid.UUID, request: DeletionRequest
    ) -> ApprovalRequest:
        """See `Store.request_model_version_deletion`."""
        with self._write() as connection:
            return approvals.request_deletion(connection, version_id, request)

    def vote_on_approval_request(self, request_id: uuid.UUID, vote: VoteCreate) -> ApprovalRequest:
        """See `Store.vote_on_approval_request`."""

        def explain(connection: Connection) -> StoreError:
            # Two votes of one approver at once: the primary key kept the first.
            return ApprovalError(
                f"'{vote.user_name}' voted on approval request '{request_id}' already."
            )

        with self._write(explain_conflict=explain) as connection:
            return approvals.vote(connection, request_id, vote)

    def get_approval_request(self, request_id: uuid.UUID) -> ApprovalRequest:
        """See `Store.get_approval_request`."""
        with self._read() as connection:
            return approval_requests.get_request(connection, request_id)

    def list_approval_requests(self, query: ListQuery) -> Page[ApprovalRequest]:
        """See `Store.list_approval_requests`."""
        with self._read() as connection:
            return approval_requests.list_requests(connection, query)

    # --- rule dry-runs --------------------------------------------------------------

    def dry_run_promotion_rules(
        self, model_id: uuid.UUID, rules: tuple[PromotionRule, ...] | None = None
    ) -> RuleDryRun:
        """See `Store.dry_run_promotion_rules`."""
        with self._read() as connection:
            return rule_dry_runs.dry_run_rules(connection, model_id, rules)
