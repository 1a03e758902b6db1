"""Approval policies: which stages of a model need approvals, and how many a change needs.

A change needs the approvals of the stage it moves a version into and of the protected
stage it takes a version out of (archiving or deleting the production version), the
larger of the two.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, select

from headwater.store.model_registry import ApprovalPolicy, ModelStage
from headwater.store.sql.schema import model_approval_policies

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.model_registry import ModelVersion

_TABLE = model_approval_policies
_SELECT = (
    select(_TABLE)
    .where(_TABLE.c.model_id.in_(bindparam("ids", expanding=True)))
    .order_by(_TABLE.c.model_id, _TABLE.c.stage)
)


def load_policies(
    connection: Connection, model_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[ApprovalPolicy, ...]]:
    """Each model's policies, by model id (models without any are left out)."""
    if not model_ids:
        return {}
    found: dict[uuid.UUID, list[ApprovalPolicy]] = defaultdict(list)
    for row in connection.execute(_SELECT, {"ids": list(model_ids)}):
        found[row.model_id].append(
            ApprovalPolicy(stage=row.stage, required_approvals=row.required_approvals)
        )
    return {model_id: tuple(policies) for model_id, policies in found.items()}


def set_policy(connection: Connection, model_id: uuid.UUID, policy: ApprovalPolicy) -> None:
    """Replace the model's policy for `policy.stage`; 0 approvals removes it."""
    connection.execute(
        delete(_TABLE).where(_TABLE.c.model_id == model_id, _TABLE.c.stage == policy.stage.value)
    )
    if policy.required_approvals > 0:
        connection.execute(
            _TABLE.insert(),
            {
                "model_id": model_id,
                "stage": policy.stage.value,
                "required_approvals": policy.required_approvals,
            },
        )


def required_approvals(
    connection: Connection, version: ModelVersion, to_stage: ModelStage | None
) -> int:
    """How many approvals moving `version` to `to_stage` (None: deleting it) needs."""
    stages = {version.stage.value} if version.stage.is_exclusive else set()
    if to_stage is not None and to_stage.is_exclusive:
        stages.add(to_stage.value)
    if not stages or version.stage is to_stage:
        return 0
    found = connection.execute(
        select(_TABLE.c.required_approvals).where(
            _TABLE.c.model_id == version.model_id, _TABLE.c.stage.in_(sorted(stages))
        )
    ).scalars()
    return max(found, default=0)
