"""The model control plane calls of `RestStore`."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

from headwater.store.model_approvals import ApprovalRequest, StageRequestOutcome
from headwater.store.model_registry import (
    Model,
    ModelVersion,
    ModelVersionLinks,
    StageHolder,
    StageTransition,
)
from headwater.store.rest.query import list_params, page_from
from headwater.store.rest.utc import parse_model
from headwater.store.rule_dry_runs import RuleDryRun

if TYPE_CHECKING:
    import datetime as dt

    from headwater.store.filters import ListQuery
    from headwater.store.model_approvals import DeletionRequest, VoteCreate
    from headwater.store.model_registry import (
        ApprovalPolicy,
        ModelCreate,
        ModelStage,
        ModelVersionRequest,
        PromotionRule,
        StageChange,
    )
    from headwater.store.models import ArtifactType, Page
    from headwater.store.rest.transport import Transport


class RestModelMethods:
    """`Store`'s model methods, each one request."""

    _http: Transport

    def create_model(self, model: ModelCreate) -> Model:
        """See `Store.create_model`."""
        return parse_model(
            Model, self._http.call("POST", "/models", body=model.model_dump(mode="json"))
        )

    def get_model(self, name_or_id: uuid.UUID | str) -> Model:
        """See `Store.get_model`."""
        return parse_model(
            Model, self._http.call("GET", f"/models/{quote(str(name_or_id), safe='')}")
        )

    def list_models(self, query: ListQuery) -> Page[Model]:
        """See `Store.list_models`."""
        body = self._http.call("GET", "/models", params=list_params(query))
        return page_from(body, tuple(parse_model(Model, i) for i in body["items"]))

    def update_model(
        self,
        model_id: uuid.UUID,
        *,
        description: str | None = None,
        promotion_rules: tuple[PromotionRule, ...] | None = None,
    ) -> Model:
        """See `Store.update_model`."""
        body: dict[str, object] = {"description": description}
        if promotion_rules is not None:
            body["promotion_rules"] = [rule.model_dump(mode="json") for rule in promotion_rules]
        return parse_model(Model, self._http.call("PATCH", f"/models/{model_id}", body=body))

    def delete_model(self, model_id: uuid.UUID) -> None:
        """See `Store.delete_model`."""
        self._http.call("DELETE", f"/models/{model_id}")

    def delete_model_version(self, version_id: uuid.UUID) -> None:
        """See `Store.delete_model_version`."""
        self._http.call("DELETE", f"/model-versions/{version_id}")

    def resolve_model_version(
        self, request: ModelVersionRequest, *, run_id: uuid.UUID | None = None
    ) -> ModelVersion:
        """See `Store.resolve_model_version`."""
        body = {
            "request": request.model_dump(mode="json"),
            "run_id": None if run_id is None else str(run_id),
        }
        found = self._http.call("POST", "/model-versions/resolve", body=body)
        return parse_model(ModelVersion, found)

    def get_model_version(
        self, model_name_or_id: uuid.UUID | str | None, version: uuid.UUID | str | int
    ) -> ModelVersion:
        """See `Store.get_model_version`."""
        params = {} if model_name_or_id is None else {"model": str(model_name_or_id)}
        path = f"/model-versions/{quote(str(version), safe='')}"
        return parse_model(ModelVersion, self._http.call("GET", path, params=params))

    def list_model_versions(self, query: ListQuery) -> Page[ModelVersion]:
        """See `Store.list_model_versions`."""
        body = self._http.call("GET", "/model-versions", params=list_params(query))
        return page_from(body, tuple(parse_model(ModelVersion, i) for i in body["items"]))

    def get_model_version_links(self, version_id: uuid.UUID) -> ModelVersionLinks:
        """See `Store.get_model_version_links`."""
        body = self._http.call("GET", f"/model-versions/{version_id}/links")
        return parse_model(ModelVersionLinks, body)

    def link_artifacts_to_model_version(
        self, version_id: uuid.UUID, links: dict[uuid.UUID, ArtifactType]
    ) -> None:
        """See `Store.link_artifacts_to_model_version`."""
        body = {"links": {str(key): kind.value for key, kind in links.items()}}
        self._http.call("POST", f"/model-versions/{version_id}/artifacts", body=body)

    def set_model_version_stage(self, version_id: uuid.UUID, change: StageChange) -> ModelVersion:
        """See `Store.set_model_version_stage`."""
        body = change.model_dump(mode="json")
        found = self._http.call("PUT", f"/model-versions/{version_id}/stage", body=body)
        return parse_model(ModelVersion, found)

    def list_stage_transitions(self, query: ListQuery) -> Page[StageTransition]:
        """See `Store.list_stage_transitions`."""
        body = self._http.call("GET", "/stage-transitions", params=list_params(query))
        return page_from(body, tuple(parse_model(StageTransition, i) for i in body["items"]))

    def apply_promotion_rules(
        self,
        version_id: uuid.UUID,
        *,
        run_id: uuid.UUID | None = None,
        user_name: str = "default",
    ) -> int:
        """See `Store.apply_promotion_rules`."""
        body = {"run_id": None if run_id is None else str(run_id), "user_name": user_name}
        found = self._http.call(
            "POST", f"/model-versions/{version_id}/promotion-rules/apply", body=body
        )
        return int(found["evaluated"])

    def get_stage_holder(
        self, model_name_or_id: uuid.UUID | str, stage: ModelStage, at: dt.datetime
    ) -> StageHolder:
        """See `Store.get_stage_holder`."""
        path = f"/models/{quote(str(model_name_or_id), safe='')}/stages/{stage.value}"
        body = self._http.call("GET", path, params={"at": at.isoformat()})
        return parse_model(StageHolder, body)

    # --- approvals ------------------------------------------------------------------

    def set_approval_policy(self, model_id: uuid.UUID, policy: ApprovalPolicy) -> Model:
        """See `Store.set_approval_policy`."""
        path = f"/models/{model_id}/approval-policies/{policy.stage.value}"
        body = {"required_approvals": policy.required_approvals}
        return parse_model(Model, self._http.call("PUT", path, body=body))

    def request_stage_change(
        self, version_id: uuid.UUID, change: StageChange
    ) -> StageRequestOutcome:
        """See `Store.request_stage_change`."""
        body = change.model_dump(mode="json")
        found = self._http.call("POST", f"/model-versions/{version_id}/stage-requests", body=body)
        return parse_model(StageRequestOutcome, found)

    def request_model_version_deletion(
        self, version_id: uuid.UUID, request: DeletionRequest
    ) -> ApprovalRequest:
        """See `Store.request_model_version_deletion`."""
        path = f"/model-versions/{version_id}/deletion-requests"
        found = self._http.call("POST", path, body=request.model_dump(mode="json"))
        return parse_model(ApprovalRequest, found)

    def vote_on_approval_request(self, request_id: uuid.UUID, vote: VoteCreate) -> ApprovalRequest:
        """See `Store.vote_on_approval_request`."""
        path = f"/approval-requests/{request_id}/votes"
        found = self._http.call("POST", path, body=vote.model_dump(mode="json"))
        return parse_model(ApprovalRequest, found)

    def get_approval_request(self, request_id: uuid.UUID) -> ApprovalRequest:
        """See `Store.get_approval_request`."""
        found = self._http.call("GET", f"/approval-requests/{request_id}")
        return parse_model(ApprovalRequest, found)

    def list_approval_requests(self, query: ListQuery) -> Page[ApprovalRequest]:
        """See `Store.list_approval_requests`."""
        body = self._http.call("GET", "/approval-requests", params=list_params(query))
        return page_from(body, tuple(parse_model(ApprovalRequest, i) for i in body["items"]))

    def dry_run_promotion_rules(
        self, model_id: uuid.UUID, rules: tuple[PromotionRule, ...] | None = None
    ) -> RuleDryRun:
        """See `Store.dry_run_promotion_rules`."""
        body = {
            "promotion_rules": None
            if rules is None
            else [rule.model_dump(mode="json") for rule in rules]
        }
        found = self._http.call("POST", f"/models/{model_id}/promotion-rules/dry-run", body=body)
        return parse_model(RuleDryRun, found)
