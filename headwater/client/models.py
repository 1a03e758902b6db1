"""The `Client`'s model methods (ZenML's names): models, versions, stages, history.

`Client` inherits them from `ModelsClientMixin`, which keeps `client.py` short. Responses
and store models are imported inside the methods, so `from headwater import Client` does
not build pydantic models it may never use (benchmarks/core.py times it).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Unpack

from headwater.client.page import Page

if TYPE_CHECKING:
    from headwater.responses.models import ModelResponse, ModelVersionResponse
    from headwater.session import Session
    from headwater.store.filters import ListQuery
    from headwater.store.listings import ModelFilters, ModelVersionFilters, StageTransitionFilters
    from headwater.store.model_registry import (
        ModelStage,
        PromotionRule,
        StageHolder,
        StageTransition,
    )
    from headwater.store.rule_dry_runs import RuleDryRun


class ModelsClientMixin:
    """Model registry methods; `Client` provides the session."""

    _session: Session

    def create_model(
        self,
        name: str,
        *,
        description: str | None = None,
        tags: Sequence[str] = (),
        promotion_rules: Sequence[PromotionRule] = (),
    ) -> ModelResponse:
        """Register a model (runs with `Model(name=...)` register theirs on first use).

        Raises:
            EntityExistsError: a model with that name exists.
        """
        from headwater.responses.models import ModelResponse
        from headwater.store.model_registry import ModelCreate

        request = ModelCreate(
            name=name,
            description=description,
            tags=tuple(tags),
            promotion_rules=tuple(promotion_rules),
        )
        return ModelResponse(self._session.store.create_model(request), self._session)

    def get_model(self, model_name_or_id: str | uuid.UUID) -> ModelResponse:
        """Get a model by name or id.

        Raises:
            EntityNotFoundError: no model has that name or id.
        """
        from headwater.responses.models import ModelResponse

        return ModelResponse(self._session.store.get_model(model_name_or_id), self._session)

    def list_models(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[ModelFilters],
    ) -> Page[ModelResponse]:
        """List models; filters (`"op:value"`) on id, name, created, tag."""
        from headwater.responses.models import ModelResponse

        query = _query(dict(filters), sort_by, page, size)
        result = self._session.store.list_models(query)
        return Page.of(result, lambda m: ModelResponse(m, self._session))

    def update_model(
        self,
        model_name_or_id: str | uuid.UUID,
        *,
        description: str | None = None,
        promotion_rules: Sequence[PromotionRule] | None = None,
    ) -> ModelResponse:
        """Change a model's description or replace its promotion rules (`[]` clears them)."""
        from headwater.responses.models import ModelResponse

        model = self._session.store.get_model(model_name_or_id)
        updated = self._session.store.update_model(
            model.id,
            description=description,
            promotion_rules=None if promotion_rules is None else tuple(promotion_rules),
        )
        return ModelResponse(updated, self._session)

    def delete_model(self, model_name_or_id: str | uuid.UUID) -> None:
        """Delete a model with its versions and their history (artifacts and runs stay)."""
        self._session.store.delete_model(self._session.store.get_model(model_name_or_id).id)

    def delete_model_version(
        self,
        model_name_or_id: str | uuid.UUID | None,
        model_version_name_or_number_or_id: str | int | uuid.UUID,
    ) -> None:
        """Delete one version of a model; one in production must be archived first.

        Its artifacts and runs stay, and its number is never given to another version.

        Example:
            ```python
            Client().delete_model_version("classifier", 3)
            ```
        """
        found = self._session.store.get_model_version(
            model_name_or_id, model_version_name_or_number_or_id
        )
        self._session.store.delete_model_version(found.id)

    def get_model_version(
        self,
        model_name_or_id: str | uuid.UUID | None,
        model_version_name_or_number_or_id: str | int | uuid.UUID | None = None,
        *,
        at: dt.datetime | None = None,
    ) -> ModelVersionResponse:
        """Get a version by number, name, stage ("production", ...), "latest" or id.

        Args:
            model_name_or_id: The model's name or id.
            model_version_name_or_number_or_id: Which version; "latest" when omitted.
            at: With a stage ("staging" or "production"): the version that held it at
                this moment, from the stage history (a naive time is local time).

        Example:
            ```python
            Client().get_model_version("iris", "production").load_artifact("clf")
            Client().get_model_version("iris", "production", at=datetime(2026, 11, 20, 14))
            ```

        Raises:
            EntityNotFoundError: there is no such model or version (or no version held
                the stage at that moment).
            InvalidValueError: `at` with something other than "staging" or "production".
        """
        from headwater.responses.models import ModelVersionResponse
        from headwater.store.model_registry import LATEST

        version = model_version_name_or_number_or_id
        if at is not None:
            holder = self.get_stage_holder(model_name_or_id, version, at)
            return ModelVersionResponse(holder.version, self._session)
        found = self._session.store.get_model_version(
            model_name_or_id, LATEST if version is None else version
        )
        return ModelVersionResponse(found, self._session)

    def get_stage_holder(
        self,
        model_name_or_id: str | uuid.UUID | None,
        stage: str | int | uuid.UUID | None,
        at: dt.datetime,
    ) -> StageHolder:
        """Which version held `stage` at `at`, and since when (a naive `at` is local time).

        Raises:
            EntityNotFoundError: no such model, or no version held the stage then.
            InvalidValueError: the stage is not "staging" or "production".
        """
        from headwater.errors import InvalidValueError
        from headwater.store.model_registry import ModelStage

        exclusive = [s.value for s in ModelStage if s.is_exclusive]
        if model_name_or_id is None or str(stage).lower() not in exclusive:
            raise InvalidValueError(
                f"A version at a moment is found by its model and a stage: give the model "
                f"and one of {', '.join(repr(s) for s in exclusive)}, not '{stage}'."
            )
        moment = at if at.tzinfo is not None else at.astimezone()
        return self._session.store.get_stage_holder(
            model_name_or_id, ModelStage(str(stage).lower()), moment
        )

    def list_model_versions(
        self,
        model_name_or_id: str | uuid.UUID | None = None,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[ModelVersionFilters],
    ) -> Page[ModelVersionResponse]:
        """List versions (of one model, when named), filtered in `"op:value"` form.

        Args:
            model_name_or_id: Only versions of this model.
            sort_by: `"desc:created"`, `"asc:number"`, ...
            page: Page number, from 1.
            size: Versions per page.
            **filters: Field -> filter, for any field `ModelVersionFilters` declares
                (`store/listings.py`), such as `stage` or `run_id`.
        """
        from headwater.responses.models import ModelVersionResponse

        query = _query({**filters, **_model_filter(model_name_or_id)}, sort_by, page, size)
        result = self._session.store.list_model_versions(query)
        return Page.of(result, lambda v: ModelVersionResponse(v, self._session))

    def update_model_version(
        self,
        model_name_or_id: str | uuid.UUID | None,
        version_name_or_id: str | int | uuid.UUID,
        *,
        stage: ModelStage | str | None = None,
        force: bool = False,
        reason: str | None = None,
    ) -> ModelVersionResponse:
        """Move a version to `stage` (recorded with the reason); see `set_stage`.

        Raises:
            StageConflictError: another version holds the stage and `force` is False.
        """
        response = self.get_model_version(model_name_or_id, version_name_or_id)
        if stage is not None:
            response.set_stage(stage, force, reason=reason)
        return response

    def dry_run_promotion_rules(
        self,
        model_name_or_id: str | uuid.UUID,
        promotion_rules: Sequence[PromotionRule] | None = None,
    ) -> RuleDryRun:
        """What promotion rules (the model's own, or these) would decide for each existing
        version and why (value against threshold), newest first; changes nothing.

        Example:
            ```python
            edited = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=",
                                   threshold=0.8)
            Client().dry_run_promotion_rules("iris", [edited]).versions[0].would_move_to
            ```
        """
        model = self._session.store.get_model(model_name_or_id)
        rules = None if promotion_rules is None else tuple(promotion_rules)
        return self._session.store.dry_run_promotion_rules(model.id, rules)

    def list_stage_transitions(
        self,
        model_name_or_id: str | uuid.UUID | None = None,
        model_version_name_or_number_or_id: str | int | uuid.UUID | None = None,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[StageTransitionFilters],
    ) -> Page[StageTransition]:
        """The stage history: changes, refused attempts and rule decisions.

        Args:
            model_name_or_id: Only this model's history.
            model_version_name_or_number_or_id: Only this version's history.
            sort_by: `"desc:created"` (newest first) or `"asc:created"`.
            page: Page number, from 1.
            size: Transitions per page.
            **filters: Field -> filter, for any field `StageTransitionFilters`
                declares (`store/listings.py`), such as `outcome` or `to_stage`.
        """
        scope = _model_filter(model_name_or_id)
        if model_version_name_or_number_or_id is not None:
            version = self.get_model_version(model_name_or_id, model_version_name_or_number_or_id)
            scope = {"model_version_id": str(version.id)}
        result = self._session.store.list_stage_transitions(
            _query({**filters, **scope}, sort_by, page, size)
        )
        return Page.of(result, lambda t: t)


def _model_filter(model_name_or_id: str | uuid.UUID | None) -> dict[str, str]:
    if model_name_or_id is None:
        return {}
    try:
        return {"model_id": str(uuid.UUID(str(model_name_or_id)))}
    except ValueError:
        return {"model_name": str(model_name_or_id)}


def _query(filters: dict[str, Any], sort_by: str, page: int, size: int) -> ListQuery:
    from headwater.store.filters import ListQuery

    active = {key: value for key, value in filters.items() if value is not None}
    return ListQuery(filters=active, sort_by=sort_by, index=page, size=size)
