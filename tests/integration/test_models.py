"""Models end to end: versions made by runs, artifacts linked with their kind, a
promotion rule deciding at run end, and a later pipeline loading the production version."""

from __future__ import annotations

import pytest

from headwater import Client, Model, pipeline
from headwater.errors import EntityNotFoundError, HeadwaterError, StageConflictError
from headwater.runner.orchestrators.subprocess import SubprocessOrchestrator
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import get_session
from headwater.store.model_registry import ModelStage, TransitionOutcome, TransitionTrigger
from headwater.store.models import ArtifactType, ExecutionStatus
from tests.pipelines.model_lifecycle import features, inference, predict, training


def test_each_training_run_makes_a_numbered_version_linked_to_its_run_and_artifacts():
    first = training()
    second = training()

    versions = Client().list_model_versions("iris", sort_by="asc:number")
    assert [v.number for v in versions] == [1, 2]
    assert [r.id for r in versions[1].runs] == [second.id]
    assert versions[0].runs[0].id == first.id
    assert set(versions[1].model_artifacts) == {"classifier"}
    assert set(versions[1].data_artifacts) == {"features"}
    assert versions[1].get_artifact("classifier").load() == {"weight": 6.0 * 0.95}


def test_a_promotion_rule_promotes_a_good_version_and_records_a_poor_one_as_skipped():
    training(quality=0.95)
    training(quality=0.5)

    good = Client().get_model_version("iris", 1)
    poor = Client().get_model_version("iris", 2)
    assert good.stage is ModelStage.STAGING
    assert poor.stage is ModelStage.NONE
    (promoted,) = good.history
    assert (promoted.trigger, promoted.outcome) == (
        TransitionTrigger.RULE,
        TransitionOutcome.APPLIED,
    )
    (skipped,) = poor.history
    assert skipped.outcome is TransitionOutcome.SKIPPED
    assert "does not hold: accuracy is 0.5" in skipped.reason


def test_a_later_pipeline_loads_the_production_version_and_its_artifacts():
    training(quality=0.95)
    training(quality=0.97)
    Client().get_model_version("iris", 1).set_stage("production")

    run = inference()

    assert run.steps["predict"].output.load() == 6.0 * 0.95 * 2
    production = Client().get_model_version("iris", "production")
    assert production.number == 1
    assert [r.id for r in production.runs][-1] == run.id
    assert "prediction" in production.artifacts


def test_set_stage_from_code_needs_force_to_replace_the_holder():
    for _ in range(2):
        training()
    one, two = (Client().get_model_version("iris", n) for n in (1, 2))
    one.set_stage("production")

    with pytest.raises(StageConflictError, match="Pass force=True"):
        two.set_stage("production")
    two.set_stage("production", force=True, reason="better")

    assert Client().get_model_version("iris", "production").number == 2
    assert one.refresh().stage is ModelStage.ARCHIVED
    outcomes = [(t.outcome, t.reason) for t in two.history if t.trigger is TransitionTrigger.USER]
    assert outcomes[0][0] is TransitionOutcome.REFUSED
    assert outcomes[-1] == (TransitionOutcome.APPLIED, "better")


def test_a_pipeline_asking_for_a_missing_production_version_fails_clearly():
    training()

    with pytest.raises(EntityNotFoundError, match="Model 'iris' has no version 'production'"):
        inference()

    (run,) = Client().list_pipeline_runs(pipeline_name="inference")
    assert run.status is ExecutionStatus.FAILED


def test_a_step_model_overrides_the_pipeline_model_and_with_options_overrides_both():
    @pipeline(model=Model(name="iris"))
    def mixed() -> None:
        features.with_options(model=Model(name="extractor"))()

    mixed.with_options(model=Model(name="iris", version="v-special"))()

    extractor = Client().get_model_version("extractor", "latest")
    assert set(extractor.artifacts) == {"features"}
    assert Client().get_model("iris").versions[0].name == "v-special"


def test_get_step_context_model_without_a_model_says_how_to_declare_one():
    @pipeline
    def bare() -> None:
        predict()

    with pytest.raises(HeadwaterError, match=r"Step 'predict' has no model\. Pass model=Model"):
        bare()


def test_cached_outputs_are_linked_to_the_new_version_too():
    training()
    training()

    second = Client().get_model_version("iris", 2)

    assert "features" in second.data_artifacts
    assert second.data_artifacts["features"].version == 1


def test_steps_in_other_processes_link_to_the_runs_version():
    session = get_session()
    spec, _ = training.compile(quality=0.99)
    orchestrator = SubprocessOrchestrator(
        session.settings.store_url, session.settings.artifact_store_url
    )
    target = RunTarget(session.store, session.artifact_store, orchestrator=orchestrator)

    run_pipeline(spec, target, functions={})

    version = Client().get_model_version("iris", "latest")
    assert set(version.artifacts) == {"classifier", "features"}
    assert version.metadata == {"accuracy": 0.99}
    assert version.stage is ModelStage.STAGING


def test_artifact_kinds_are_recorded_on_the_links():
    training()

    links = (
        get_session()
        .store.get_model_version_links(Client().get_model_version("iris", 1).id)
        .artifacts
    )

    assert {(a.artifact_name, a.artifact_type) for a in links} == {
        ("classifier", ArtifactType.MODEL),
        ("features", ArtifactType.DATA),
    }


def test_a_run_that_uses_the_production_version_does_not_evaluate_its_rules():
    training(quality=0.5)
    Client().get_model_version("iris", 1).set_stage("production")
    before = len(Client().get_model_version("iris", 1).history)

    inference()

    assert len(Client().get_model_version("iris", 1).history) == before
