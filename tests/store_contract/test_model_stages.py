"""Stages of model versions: one holder per exclusive stage, forced demotions, refusals,
promotion rules, and a history of every attempt."""

from __future__ import annotations

import pytest

from headwater.errors import StageConflictError
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import (
    ModelStage,
    ModelVersionRequest,
    PromotionRule,
    StageChange,
    TransitionOutcome,
    TransitionTrigger,
)
from headwater.store.models import MetadataTarget
from tests.store_contract.records import a_run, a_step, completed

PRODUCTION = ModelStage.PRODUCTION
STAGING_RULE = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)


def _versions(store, count, **request):
    return [
        store.resolve_model_version(ModelVersionRequest(model_name="iris", **request))
        for _ in range(count)
    ]


def _history(store, **filters):
    return store.list_stage_transitions(ListQuery(filters=filters, sort_by="asc:created")).items


def test_promotion_records_who_when_from_to_and_why(store):
    (version,) = _versions(store, 1)

    promoted = store.set_model_version_stage(
        version.id, StageChange(stage=PRODUCTION, reason="best so far", user_name="ada")
    )

    assert promoted.stage is PRODUCTION
    (transition,) = _history(store)
    assert (transition.from_stage, transition.to_stage) == (ModelStage.NONE, PRODUCTION)
    assert (transition.user_name, transition.reason) == ("ada", "best so far")
    assert transition.outcome is TransitionOutcome.APPLIED
    assert transition.trigger is TransitionTrigger.USER
    assert transition.version_number == 1
    assert transition.created >= version.created


def test_promotion_into_a_held_stage_without_force_is_refused_and_recorded(store):
    one, two = _versions(store, 2)
    store.set_model_version_stage(one.id, StageChange(stage=PRODUCTION))

    with pytest.raises(
        StageConflictError, match=r"version 1 is in 'production' already\. Pass force=True"
    ):
        store.set_model_version_stage(two.id, StageChange(stage=PRODUCTION, reason="try"))

    assert store.get_model_version(None, one.id).stage is PRODUCTION
    assert store.get_model_version(None, two.id).stage is ModelStage.NONE
    refused = _history(store, outcome="refused")
    assert [(t.version_number, t.to_stage) for t in refused] == [(2, PRODUCTION)]
    assert refused[0].reason == (
        "try (refused: version 1 holds 'production' and force was not given)"
    )


def test_forced_promotion_archives_the_holder_and_records_both_moves(store):
    one, two = _versions(store, 2)
    store.set_model_version_stage(one.id, StageChange(stage=PRODUCTION))

    store.set_model_version_stage(two.id, StageChange(stage=PRODUCTION, force=True))

    assert store.get_model_version("iris", "production").id == two.id
    assert store.get_model_version(None, one.id).stage is ModelStage.ARCHIVED
    moves = [(t.version_number, t.from_stage, t.to_stage, t.trigger) for t in _history(store)]
    assert moves == [
        (1, ModelStage.NONE, PRODUCTION, TransitionTrigger.USER),
        (1, PRODUCTION, ModelStage.ARCHIVED, TransitionTrigger.DEMOTION),
        (2, ModelStage.NONE, PRODUCTION, TransitionTrigger.USER),
    ]


def test_many_versions_may_be_archived_at_once(store):
    one, two = _versions(store, 2)

    for version in (one, two):
        store.set_model_version_stage(version.id, StageChange(stage=ModelStage.ARCHIVED))

    archived = store.list_model_versions(ListQuery(filters={"stage": "archived"}))
    assert archived.total == 2


def test_moving_a_version_to_its_own_stage_changes_nothing(store):
    (version,) = _versions(store, 1)
    store.set_model_version_stage(version.id, StageChange(stage=PRODUCTION))

    store.set_model_version_stage(version.id, StageChange(stage=PRODUCTION))

    assert len(_history(store)) == 1


def test_a_rule_that_holds_promotes_and_records_why(store):
    (version,) = _versions(store, 1, promotion_rules=(STAGING_RULE,))
    store.add_metadata(
        MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": 0.95})
    )

    evaluated = store.apply_promotion_rules(version.id)

    assert evaluated == 1
    assert store.get_model_version(None, version.id).stage is ModelStage.STAGING
    (transition,) = _history(store)
    assert transition.trigger is TransitionTrigger.RULE
    assert transition.outcome is TransitionOutcome.APPLIED
    assert transition.reason == "rule 'accuracy >= 0.9 -> staging' holds: accuracy is 0.95"


def test_a_rule_that_does_not_hold_is_recorded_as_skipped(store):
    (version,) = _versions(store, 1, promotion_rules=(STAGING_RULE,))
    store.add_metadata(MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": 0.5}))

    store.apply_promotion_rules(version.id)

    assert store.get_model_version(None, version.id).stage is ModelStage.NONE
    (transition,) = _history(store)
    assert transition.outcome is TransitionOutcome.SKIPPED
    assert transition.reason == "rule 'accuracy >= 0.9 -> staging' does not hold: accuracy is 0.5"


def test_a_rule_reads_the_metadata_of_the_runs_steps(store):
    run = store.create_run(a_run())
    (version,) = _versions(store, 1, promotion_rules=(STAGING_RULE,))
    started = store.start_step(a_step(run, "evaluate"))
    store.finish_step(started.id, completed(metadata={"accuracy": 0.97}))

    store.apply_promotion_rules(version.id, run_id=run.id)

    assert store.get_model_version(None, version.id).stage is ModelStage.STAGING


def test_a_rule_that_holds_replaces_the_holder(store):
    one, two = _versions(store, 2, promotion_rules=(STAGING_RULE,))
    for version in (one, two):
        store.add_metadata(
            MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": 0.95})
        )

    store.apply_promotion_rules(one.id)
    store.apply_promotion_rules(two.id)

    assert store.get_model_version("iris", "staging").id == two.id
    assert store.get_model_version(None, one.id).stage is ModelStage.ARCHIVED


def test_a_rule_never_moves_a_version_down(store):
    (version,) = _versions(store, 1, promotion_rules=(STAGING_RULE,))
    store.set_model_version_stage(version.id, StageChange(stage=PRODUCTION))
    store.add_metadata(
        MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": 0.99})
    )

    store.apply_promotion_rules(version.id)

    assert store.get_model_version(None, version.id).stage is PRODUCTION
    assert _history(store, outcome="skipped")[0].reason.endswith("in 'production' already")


def test_a_model_without_rules_records_nothing(store):
    (version,) = _versions(store, 1)

    assert store.apply_promotion_rules(version.id) == 0
    assert _history(store) == ()
