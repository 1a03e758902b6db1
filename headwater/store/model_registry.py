"""The model control plane's values: models, versions, stages, transitions, promotion rules.

A model is a name; each pipeline run that declares it makes (or reuses) a numbered
version, to which the run's artifacts are linked. At most one version of a model is in
`staging` and one in `production` at a time: the store enforces it. Every change of
stage, and every refused or skipped one, is kept as a `StageTransition`.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from headwater.store.models import ArtifactType, MetadataEntry
from headwater.store.value_types import FiniteFloat, Int64, Name, Text


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ModelStage(StrEnum):
    """Where a model version stands; `latest` is not a stage but the newest number."""

    NONE = "none"
    STAGING = "staging"
    PRODUCTION = "production"
    ARCHIVED = "archived"

    @property
    def is_exclusive(self) -> bool:
        """True for the stages at most one version of a model may hold."""
        return self in (ModelStage.STAGING, ModelStage.PRODUCTION)


LATEST = "latest"


def names_existing_version(version: str | int | None) -> bool:
    """True when a `Model(version=...)` can only mean a version that exists already: a
    number, `latest` or a stage (as opposed to None or a name, which make one)."""
    if version is None:
        return False
    if isinstance(version, int):
        return True
    return version.isdigit() or version.lower() in (LATEST, *(s.value for s in ModelStage))


class TransitionOutcome(StrEnum):
    """What became of an attempt to change a version's stage."""

    APPLIED = "applied"
    # Another version held the stage and the attempt did not force it out.
    REFUSED = "refused"
    # A promotion rule was evaluated and its condition did not hold.
    SKIPPED = "skipped"
    # A stage change a policy holds back was asked for, approved or rejected by one
    # approver (see `model_approvals`); the change itself is recorded as applied.
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"


class TransitionTrigger(StrEnum):
    """Who or what asked for a stage change."""

    USER = "user"
    RULE = "rule"
    # The version was moved to `archived` because another one was forced into its stage.
    DEMOTION = "demotion"


class RuleOperator(StrEnum):
    """How a promotion rule compares a metadata value with its threshold."""

    GT = ">"
    GTE = ">="
    LT = "<"
    LTE = "<="
    EQ = "=="

    def holds(self, value: float, threshold: float) -> bool:
        """`value <operator> threshold`."""
        match self:
            case RuleOperator.GT:
                return value > threshold
            case RuleOperator.GTE:
                return value >= threshold
            case RuleOperator.LT:
                return value < threshold
            case RuleOperator.LTE:
                return value <= threshold
            case RuleOperator.EQ:
                return value == threshold


# More approvers than this for one change is a misconfiguration, not a policy.
MAX_APPROVALS = 20


class ApprovalPolicy(_Frozen):
    """`stage` of a model needs `required_approvals` approvals from users who may promote
    (`model_version:promote`), none of them the requester; 0 removes the policy."""

    stage: ModelStage
    required_approvals: Annotated[int, Field(ge=0, le=MAX_APPROVALS)]

    @field_validator("stage")
    @classmethod
    def _one_holder(cls, stage: ModelStage) -> ModelStage:
        if not stage.is_exclusive:
            raise ValueError(
                f"'{stage}' can hold many versions; a policy protects 'staging' or 'production'"
            )
        return stage


class RuleDecision(_Frozen):
    """Whether a promotion rule promotes a version, and why, in words."""

    promote: bool
    reason: str


class PromotionRule(_Frozen):
    """Promote a version to `stage` when its metadata `metadata_key` passes a threshold.

    Example:
        ```python
        PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)
        ```

    The value is looked up in the version's own metadata, then in the metadata of the run
    that completed and of its steps. A rule that promotes moves the current holder of the
    stage to `archived`.
    """

    stage: ModelStage
    metadata_key: Name
    operator: RuleOperator
    threshold: FiniteFloat

    def describe(self) -> str:
        """`accuracy >= 0.9 -> staging`."""
        return f"{self.metadata_key} {self.operator.value} {self.threshold:g} -> {self.stage}"

    def decide(self, value: Any) -> RuleDecision:
        """Evaluate the rule on a metadata value (None when the key was not logged)."""
        rule = f"rule '{self.describe()}'"
        if value is None:
            return RuleDecision(promote=False, reason=f"{rule}: '{self.metadata_key}' not logged")
        number = _as_number(value)
        if number is None:
            return RuleDecision(
                promote=False,
                reason=f"{rule}: '{self.metadata_key}' is {value!r}, not a number",
            )
        verdict = "holds" if self.operator.holds(number, self.threshold) else "does not hold"
        return RuleDecision(
            promote=verdict == "holds",
            reason=f"{rule} {verdict}: {self.metadata_key} is {number:g}",
        )


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


# --- what writers hand the store ------------------------------------------------------


class ModelCreate(_Frozen):
    """A model registered by hand (runs register theirs on first use)."""

    name: Name
    description: Text | None = None
    tags: tuple[Name, ...] = ()
    promotion_rules: tuple[PromotionRule, ...] = ()
    project_name: Name = "default"
    user_name: Name = "default"


class ModelVersionRequest(_Frozen):
    """A run's `Model(...)`: which version it makes or reuses.

    `version` None makes the next number; a number (or digit string) or `latest`,
    `staging`, `production` names an existing version; any other text is a version name,
    made on first use. `promotion_rules`, when given, replace the model's rules.
    """

    model_name: Name
    version: Name | Int64 | None = None
    description: Text | None = None
    tags: tuple[Name, ...] = ()
    promotion_rules: tuple[PromotionRule, ...] | None = None
    project_name: Name = "default"
    user_name: Name = "default"


class StageChange(_Frozen):
    """A request to move a version to `stage`; `force` moves the current holder out."""

    stage: ModelStage
    force: bool = False
    reason: str | None = None
    user_name: str = "default"


# --- what the store hands back --------------------------------------------------------


class Model(_Frozen):
    """A named model; its versions carry the artifacts and stages."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    description: str | None
    tags: tuple[str, ...]
    promotion_rules: tuple[PromotionRule, ...]
    # Stages whose changes wait for approvals (see `model_approvals`).
    approval_policies: tuple[ApprovalPolicy, ...] = ()
    # The highest version number given out so far (0 before the first version).
    version_count: int
    created: dt.datetime


class ModelVersion(_Frozen):
    """One version of a model: numbered by the store, staged, with linked artifacts."""

    id: uuid.UUID
    model_id: uuid.UUID
    model_name: str
    number: int
    name: str
    description: str | None
    stage: ModelStage
    created: dt.datetime
    metadata: dict[str, MetadataEntry]


class ModelVersionArtifact(_Frozen):
    """An artifact version linked to a model version, with its kind."""

    artifact_version_id: uuid.UUID
    artifact_name: str
    version: int
    artifact_type: ArtifactType


class ModelVersionLinks(_Frozen):
    """Everything a model version is linked to: artifact versions and runs."""

    artifacts: tuple[ModelVersionArtifact, ...]
    # Oldest first.
    run_ids: tuple[uuid.UUID, ...]


class StageTransition(_Frozen):
    """One recorded attempt to change a version's stage: who, when, from, to, why."""

    id: uuid.UUID
    model_id: uuid.UUID
    model_name: str
    model_version_id: uuid.UUID
    version_number: int
    from_stage: ModelStage
    to_stage: ModelStage
    outcome: TransitionOutcome
    trigger: TransitionTrigger
    user_name: str | None
    reason: str | None
    created: dt.datetime
    # The approval request this transition asked for, voted on or applied.
    request_id: uuid.UUID | None = None


class StageHolder(_Frozen):
    """Which version held a stage at a moment, read from the stage history.

    `version` is the version as it is now (it may have moved on since); `since` is when
    it entered the stage.
    """

    model_name: str
    stage: ModelStage
    at: dt.datetime
    since: dt.datetime
    version: ModelVersion
