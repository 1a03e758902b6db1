"""Rule dry-runs: what rules would decide for existing versions, and why, changing nothing."""

from __future__ import annotations

import uuid

import pytest

from headwater.errors import EntityNotFoundError
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import (
    ModelStage,
    ModelVersionRequest,
    PromotionRule,
    StageChange,
)
from headwater.store.models import MetadataTarget
from tests.store_contract.records import a_run, a_step, completed

STAGING_RULE = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)


def _version(store, accuracy=None, **request):
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris", **request))
    if accuracy is not None:
        store.add_metadata(
            MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": accuracy})
        )
    return version


def test_the_models_own_rules_are_judged_on_every_version_newest_first(store):
    low = _version(store, 0.5, promotion_rules=(STAGING_RULE,))
    high = _version(store, 0.95)
    unlogged = _version(store)

    dry_run = store.dry_run_promotion_rules(low.model_id)

    assert dry_run.rules == (STAGING_RULE,)
    assert [v.version_number for v in dry_run.versions] == [3, 2, 1]
    by_number = {v.version_number: v for v in dry_run.versions}
    assert by_number[2].would_move_to is ModelStage.STAGING
    assert by_number[2].verdicts[0].value == 0.95
    assert by_number[2].verdicts[0].reason == (
        "rule 'accuracy >= 0.9 -> staging' holds: accuracy is 0.95"
    )
    assert by_number[1].would_move_to is None
    assert "does not hold: accuracy is 0.5" in by_number[1].verdicts[0].reason
    assert by_number[3].verdicts[0].reason.endswith("'accuracy' not logged")
    assert {high.id, unlogged.id} <= {v.model_version_id for v in dry_run.versions}


def test_an_edited_rule_is_tried_without_changing_the_model_or_any_stage(store):
    version = _version(store, 0.85, promotion_rules=(STAGING_RULE,))
    edited = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.8)

    dry_run = store.dry_run_promotion_rules(version.model_id, (edited,))

    assert dry_run.versions[0].would_move_to is ModelStage.STAGING
    assert dry_run.rules[dry_run.versions[0].verdicts[0].rule_index] == edited
    assert store.get_model("iris").promotion_rules == (STAGING_RULE,)
    assert store.get_model_version(None, version.id).stage is ModelStage.NONE
    assert store.list_stage_transitions(ListQuery()).items == ()


def test_a_version_already_in_the_stage_would_not_move(store):
    version = _version(store, 0.95)
    store.set_model_version_stage(version.id, StageChange(stage=ModelStage.PRODUCTION))

    dry_run = store.dry_run_promotion_rules(version.model_id, (STAGING_RULE,))

    (verdict,) = dry_run.versions[0].verdicts
    assert (verdict.holds, verdict.would_move) == (True, False)
    assert verdict.reason.endswith("but it is in 'production' already")


def test_the_making_runs_step_metadata_is_read_and_the_versions_own_wins(store):
    run = store.create_run(a_run())
    started = store.start_step(a_step(run, "evaluate"))
    store.finish_step(started.id, completed(metadata={"accuracy": 0.97, "loss": 0.1}))
    from_run = store.resolve_model_version(ModelVersionRequest(model_name="iris"), run_id=run.id)
    overridden = store.resolve_model_version(ModelVersionRequest(model_name="iris"), run_id=run.id)
    store.add_metadata(
        MetadataTarget.MODEL_VERSION, overridden.id, encode_metadata({"accuracy": 0.4})
    )

    dry_run = store.dry_run_promotion_rules(from_run.model_id, (STAGING_RULE,))

    values = {v.model_version_id: v.verdicts[0].value for v in dry_run.versions}
    assert values == {from_run.id: 0.97, overridden.id: 0.4}


def test_no_rules_judge_nothing_and_an_unknown_model_is_not_found(store):
    version = _version(store, 0.95)

    dry_run = store.dry_run_promotion_rules(version.model_id)

    assert dry_run.versions[0].verdicts == ()
    with pytest.raises(EntityNotFoundError):
        store.dry_run_promotion_rules(uuid.uuid4())
