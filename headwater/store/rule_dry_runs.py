"""Rule dry-runs: what promotion rules would decide for a model's existing versions, and why.

Nothing changes: each version is judged on its own, on the values a rule would read when
the run that made it completed (its steps', the run's, then the version's own metadata,
later ones winning), against its stage now.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict

from headwater.store.model_registry import ModelStage, PromotionRule

# Rules only move a version up this ladder, never down (as when they are applied).
STAGE_RANK = {
    ModelStage.NONE: 0,
    ModelStage.ARCHIVED: 0,
    ModelStage.STAGING: 1,
    ModelStage.PRODUCTION: 2,
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleVerdict(_Frozen):
    """One rule's decision on one version: the value it read, and the reason in words."""

    # Which of `RuleDryRun.rules` decided (the rule itself is not repeated per version).
    rule_index: int
    # The metadata value as logged (any JSON value), None when the key was not logged.
    value: Any
    holds: bool
    # Whether applying the rule would move the version (it holds and moves it up).
    would_move: bool
    reason: str


class VersionVerdict(_Frozen):
    """What the rules would do to one version."""

    model_version_id: uuid.UUID
    version_number: int
    stage: ModelStage
    verdicts: tuple[RuleVerdict, ...]
    # The stage the version would end in, None when no rule would move it.
    would_move_to: ModelStage | None


class RuleDryRun(_Frozen):
    """The rules tried and, newest version first, what each would have decided."""

    model_id: uuid.UUID
    model_name: str
    rules: tuple[PromotionRule, ...]
    versions: tuple[VersionVerdict, ...]


class RuleDryRunRequest(_Frozen):
    """Rules to try; None tries the model's own rules."""

    promotion_rules: tuple[PromotionRule, ...] | None = None


def judge_version(
    version_id: uuid.UUID,
    number: int,
    stage: ModelStage,
    rules: tuple[PromotionRule, ...],
    values: dict[str, Any],
) -> VersionVerdict:
    """Every rule's verdict on one version, in rule order, as `apply` would walk them."""
    verdicts = []
    current = stage
    for index, rule in enumerate(rules):
        decision = rule.decide(values.get(rule.metadata_key))
        moves = decision.promote and STAGE_RANK[current] < STAGE_RANK[rule.stage]
        reason = decision.reason
        if decision.promote and not moves:
            reason = f"{reason}, but it is in '{current}' already"
        verdicts.append(
            RuleVerdict(
                rule_index=index,
                value=values.get(rule.metadata_key),
                holds=decision.promote,
                would_move=moves,
                reason=reason,
            )
        )
        if moves:
            current = rule.stage
    return VersionVerdict(
        model_version_id=version_id,
        version_number=number,
        stage=stage,
        verdicts=tuple(verdicts),
        would_move_to=None if current is stage else current,
    )
