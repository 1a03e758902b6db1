"""Models and their versions: registration, numbering, resolution, links, listing, deletion."""

from __future__ import annotations

import pytest

from headwater.errors import (
    EntityExistsError,
    EntityNotFoundError,
    FilterError,
    StageConflictError,
)
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import (
    ModelCreate,
    ModelStage,
    ModelVersionRequest,
    PromotionRule,
    StageChange,
)
from headwater.store.models import ArtifactType, MetadataTarget
from tests.store_contract.records import a_run, an_output, record_step

RULE = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)


def test_create_model_keeps_its_description_tags_and_rules(store):
    model = store.create_model(
        ModelCreate(
            name="iris", description="flowers", tags=("cv", "demo"), promotion_rules=(RULE,)
        )
    )

    assert (model.name, model.description, model.tags) == ("iris", "flowers", ("cv", "demo"))
    assert model.promotion_rules == (RULE,)
    assert model.version_count == 0
    assert store.get_model("iris") == model
    assert store.get_model(model.id) == model


def test_create_model_with_a_taken_name_is_refused(store):
    store.create_model(ModelCreate(name="iris"))

    with pytest.raises(EntityExistsError, match="A model named 'iris' already exists"):
        store.create_model(ModelCreate(name="iris"))


def test_get_model_that_does_not_exist_says_how_to_list_models(store):
    with pytest.raises(EntityNotFoundError, match=r"No model with id or name 'nope'.*models list"):
        store.get_model("nope")


def test_a_request_without_version_makes_the_next_number_and_registers_the_model(store):
    first = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    second = store.resolve_model_version(ModelVersionRequest(model_name="iris"))

    assert (first.number, first.name, first.stage) == (1, "1", ModelStage.NONE)
    assert (second.number, second.name) == (2, "2")
    assert store.get_model("iris").version_count == 2


def test_a_named_version_is_made_once_and_reused(store):
    made = store.resolve_model_version(ModelVersionRequest(model_name="iris", version="v1.0"))

    again = store.resolve_model_version(ModelVersionRequest(model_name="iris", version="v1.0"))

    assert again.id == made.id
    assert (made.number, made.name) == (1, "v1.0")


def test_numbers_latest_and_stages_name_existing_versions(store):
    one = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    two = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    store.set_model_version_stage(one.id, StageChange(stage=ModelStage.PRODUCTION))

    def resolve(version):
        return store.resolve_model_version(ModelVersionRequest(model_name="iris", version=version))

    assert resolve(1).id == one.id
    assert resolve("2").id == two.id
    assert resolve("latest").id == two.id
    assert resolve("production").id == one.id
    assert store.get_model("iris").version_count == 2


def test_a_stage_no_version_holds_is_not_found(store):
    store.resolve_model_version(ModelVersionRequest(model_name="iris"))

    with pytest.raises(EntityNotFoundError, match="Model 'iris' has no version 'staging'"):
        store.resolve_model_version(ModelVersionRequest(model_name="iris", version="staging"))


def test_archived_is_ambiguous_as_a_version(store):
    store.resolve_model_version(ModelVersionRequest(model_name="iris"))

    with pytest.raises(EntityNotFoundError, match="is ambiguous"):
        store.get_model_version("iris", "archived")


def test_an_existing_version_of_an_unknown_model_is_not_found(store):
    with pytest.raises(EntityNotFoundError, match="No model with id or name 'ghost'"):
        store.resolve_model_version(ModelVersionRequest(model_name="ghost", version="production"))


def test_get_model_version_by_model_and_number_name_or_id(store):
    made = store.resolve_model_version(ModelVersionRequest(model_name="iris", version="first"))

    assert store.get_model_version("iris", 1) == made
    assert store.get_model_version("iris", "first") == made
    assert store.get_model_version(None, made.id) == made
    assert store.get_model_version("iris", str(made.id)) == made


def test_a_run_is_linked_to_its_version_and_its_artifacts_with_their_kind(store):
    run = store.create_run(a_run())
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"), run_id=run.id)
    model_output = an_output("clf", model_version_id=version.id, artifact_type=ArtifactType.MODEL)
    data_output = an_output("features", model_version_id=version.id)

    record_step(store, run, "train", model_output, data_output)

    links = store.get_model_version_links(version.id)
    assert links.run_ids == (run.id,)
    kinds = {(a.artifact_name, a.version, a.artifact_type) for a in links.artifacts}
    assert kinds == {("clf", 1, ArtifactType.MODEL), ("features", 1, ArtifactType.DATA)}


def test_linking_existing_artifacts_twice_keeps_one_link(store):
    run = store.create_run(a_run())
    step = record_step(store, run, "train", an_output("clf"))
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    links = {step.outputs["clf"]: ArtifactType.DEPLOYMENT}

    store.link_artifacts_to_model_version(version.id, links)
    store.link_artifacts_to_model_version(version.id, links)

    linked = store.get_model_version_links(version.id).artifacts
    assert [(a.artifact_name, a.artifact_type) for a in linked] == [
        ("clf", ArtifactType.DEPLOYMENT)
    ]


def test_list_model_versions_filters_sorts_and_pages(store):
    run = store.create_run(a_run())
    for _ in range(3):
        store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    store.resolve_model_version(ModelVersionRequest(model_name="other"), run_id=run.id)

    page = store.list_model_versions(
        ListQuery(filters={"model_name": "iris", "number": "gte:2"}, sort_by="asc:number", size=1)
    )
    by_run = store.list_model_versions(ListQuery(filters={"run_id": str(run.id)}))

    assert page.total == 2
    assert [v.number for v in page.items] == [2]
    assert [(v.model_name, v.number) for v in by_run.items] == [("other", 1)]


def test_list_model_versions_refuses_an_unknown_filter(store):
    with pytest.raises(FilterError, match="Cannot filter model versions by 'colour'"):
        store.list_model_versions(ListQuery(filters={"colour": "red"}))


def test_list_models_filters_by_name_and_tag(store):
    store.create_model(ModelCreate(name="iris", tags=("cv",)))
    store.create_model(ModelCreate(name="churn"))

    tagged = store.list_models(ListQuery(filters={"tag": "cv"}))
    named = store.list_models(ListQuery(filters={"name": "startswith:ch"}, sort_by="asc:name"))

    assert [m.name for m in tagged.items] == ["iris"]
    assert [m.name for m in named.items] == ["churn"]


def test_version_metadata_is_kept_typed(store):
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"))

    store.add_metadata(
        MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": 0.93})
    )

    assert store.get_model_version("iris", 1).metadata["accuracy"].value == 0.93


def test_update_model_replaces_rules_and_description(store):
    model = store.create_model(ModelCreate(name="iris", promotion_rules=(RULE,)))

    updated = store.update_model(model.id, description="new", promotion_rules=())

    assert (updated.description, updated.promotion_rules) == ("new", ())


def test_delete_model_removes_versions_and_history_but_keeps_runs(store):
    run = store.create_run(a_run())
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"), run_id=run.id)
    store.set_model_version_stage(version.id, StageChange(stage=ModelStage.STAGING))

    store.delete_model(version.model_id)

    with pytest.raises(EntityNotFoundError):
        store.get_model("iris")
    assert store.list_model_versions(ListQuery()).total == 0
    assert store.list_stage_transitions(ListQuery()).total == 0
    assert store.get_run(run.id).id == run.id


def test_delete_model_version_keeps_the_others_and_never_reuses_its_number(store):
    run = store.create_run(a_run())
    first = store.resolve_model_version(ModelVersionRequest(model_name="iris"), run_id=run.id)
    second = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    store.set_model_version_stage(second.id, StageChange(stage=ModelStage.STAGING))

    store.delete_model_version(second.id)
    third = store.resolve_model_version(ModelVersionRequest(model_name="iris"))

    listed = store.list_model_versions(ListQuery(sort_by="asc:number")).items
    assert [v.number for v in listed] == [first.number, third.number] == [1, 3]
    assert (
        store.list_stage_transitions(ListQuery(filters={"model_version_id": str(second.id)})).total
        == 0
    )
    assert store.get_run(run.id).id == run.id
    with pytest.raises(EntityNotFoundError):
        store.delete_model_version(second.id)


def test_a_version_in_production_is_not_deleted(store):
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    store.set_model_version_stage(version.id, StageChange(stage=ModelStage.PRODUCTION))

    with pytest.raises(StageConflictError, match="archived"):
        store.delete_model_version(version.id)

    assert store.get_model_version(None, version.id).stage == ModelStage.PRODUCTION
