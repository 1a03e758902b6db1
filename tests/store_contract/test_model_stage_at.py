"""Stage at a time: which version held a stage at a past moment, from the history."""

from __future__ import annotations

import datetime as dt

import pytest

from headwater.errors import EntityNotFoundError, InvalidValueError
from headwater.store.model_registry import ModelStage, ModelVersionRequest, StageChange
from headwater.store.models import utc_now

PRODUCTION = ModelStage.PRODUCTION


def _versions(store, count):
    return [
        store.resolve_model_version(ModelVersionRequest(model_name="iris")) for _ in range(count)
    ]


def test_the_holder_at_each_moment_follows_the_applied_transitions(store):
    one, two = _versions(store, 2)
    before = utc_now()
    store.set_model_version_stage(one.id, StageChange(stage=PRODUCTION))
    while_one = utc_now()
    store.set_model_version_stage(two.id, StageChange(stage=PRODUCTION, force=True))
    while_two = utc_now()
    store.set_model_version_stage(two.id, StageChange(stage=ModelStage.ARCHIVED))
    after = utc_now()

    held_by_one = store.get_stage_holder("iris", PRODUCTION, while_one)
    held_by_two = store.get_stage_holder("iris", PRODUCTION, while_two)

    assert held_by_one.version.number == 1
    assert held_by_one.version.stage is ModelStage.ARCHIVED  # as it is now
    assert before <= held_by_one.since <= while_one
    assert held_by_two.version.number == 2
    assert while_one <= held_by_two.since <= while_two
    for empty in (before, after):
        with pytest.raises(EntityNotFoundError, match="No version of model 'iris' was in"):
            store.get_stage_holder("iris", PRODUCTION, empty)


def test_refused_attempts_do_not_count_as_holding_the_stage(store):
    one, two = _versions(store, 2)
    store.set_model_version_stage(one.id, StageChange(stage=PRODUCTION))
    with pytest.raises(Exception, match="already"):
        store.set_model_version_stage(two.id, StageChange(stage=PRODUCTION))

    held = store.get_stage_holder("iris", PRODUCTION, utc_now())

    assert held.version.number == 1


def test_stages_are_answered_apart(store):
    one, two = _versions(store, 2)
    store.set_model_version_stage(one.id, StageChange(stage=ModelStage.STAGING))
    store.set_model_version_stage(two.id, StageChange(stage=PRODUCTION))
    now = utc_now()

    staging = store.get_stage_holder("iris", ModelStage.STAGING, now)
    production = store.get_stage_holder("iris", PRODUCTION, now)

    assert (staging.version.number, production.version.number) == (1, 2)


def test_a_stage_many_versions_hold_or_a_naive_time_is_refused(store):
    _versions(store, 1)

    with pytest.raises(InvalidValueError, match="'archived' can hold many versions"):
        store.get_stage_holder("iris", ModelStage.ARCHIVED, utc_now())
    with pytest.raises(InvalidValueError, match="has no timezone"):
        store.get_stage_holder("iris", PRODUCTION, dt.datetime(2026, 11, 20, 14))


def test_an_unknown_model_is_not_found(store):
    with pytest.raises(EntityNotFoundError, match="No model with id or name 'nope'"):
        store.get_stage_holder("nope", PRODUCTION, utc_now())
