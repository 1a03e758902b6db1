"""The catalog around runs: artifacts by name, tags, users, projects, deletion, pruning."""

from __future__ import annotations

import uuid

import pytest

from headwater.errors import EntityInUseError, EntityNotFoundError, FilterError
from headwater.store.catalog_models import TagTarget
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.models import MetadataTarget
from tests.store_contract.records import a_run, an_output, end_run, record_step
from tests.store_contract.test_dag import counted_statements


def test_artifacts_are_listed_by_name_with_their_tags(store):
    run = store.create_run(a_run())
    record_step(store, run, "train", an_output("model", tags=("best",)), an_output("report"))

    page = store.list_artifacts(ListQuery(sort_by="asc:name"))
    tagged = store.list_artifacts(ListQuery(filters={"tag": "best"}))

    assert [(a.name, a.tags) for a in page.items] == [("model", ("best",)), ("report", ())]
    assert [a.name for a in tagged.items] == ["model"]


def test_each_artifact_carries_its_latest_version_and_who_made_it(store):
    first = store.create_run(a_run(name="first"))
    record_step(store, first, "train", an_output("model"))
    second = store.create_run(a_run(name="second"))
    producer = record_step(store, second, "retrain", an_output("model"))

    (artifact,) = store.list_artifacts(ListQuery()).items

    latest = artifact.latest_version
    assert latest is not None
    assert (artifact.version_count, latest.version) == (2, 2)
    assert latest.id == producer.outputs["model"]
    assert (latest.data_type, latest.size_bytes) == ("builtins.int", 42)
    assert (latest.producer_step_run_id, latest.producer_step_name) == (producer.id, "retrain")
    assert (latest.producer_run_id, latest.producer_run_name) == (second.id, "second")
    assert store.get_artifact("model") == artifact


def _sized(name, size_bytes):
    return an_output(name).model_copy(update={"size_bytes": size_bytes})


def test_artifacts_sort_by_the_size_of_their_latest_version(store):
    run = store.create_run(a_run())
    record_step(store, run, "load", _sized("big", 9_000), _sized("small", 10))
    record_step(store, run, "grow", _sized("small", 50_000), _sized("mid", 500))

    largest_first = store.list_artifacts(ListQuery(sort_by="desc:size"))
    smallest_first = store.list_artifacts(ListQuery(sort_by="asc:size", size=2))

    assert [a.name for a in largest_first.items] == ["small", "big", "mid"]
    assert [a.name for a in smallest_first.items] == ["mid", "big"]


def test_a_page_of_artifacts_costs_the_same_queries_for_two_or_twenty(store):
    run = store.create_run(a_run())
    for number in range(20):
        record_step(store, run, f"s{number}", an_output(f"a{number}"), an_output("shared"))

    with counted_statements() as for_two:
        store.list_artifacts(ListQuery(size=2))
    with counted_statements() as for_twenty:
        twenty = store.list_artifacts(ListQuery(size=20))

    assert len(for_two) == len(for_twenty)
    assert all(a.latest_version is not None for a in twenty.items)


def test_artifacts_filter_by_the_data_type_of_their_versions(store):
    run = store.create_run(a_run())
    record_step(store, run, "train", an_output("model"))

    found = store.list_artifacts(ListQuery(filters={"data_type": "contains:int"}))
    missing = store.list_artifacts(ListQuery(filters={"data_type": "pandas.DataFrame"}))

    assert [a.name for a in found.items] == ["model"]
    assert missing.items == ()


def test_get_artifact_finds_it_by_name_and_by_id(store):
    run = store.create_run(a_run())
    record_step(store, run, "train", an_output("model"))

    by_name = store.get_artifact("model")

    assert store.get_artifact(by_name.id) == by_name
    assert store.get_artifact(str(by_name.id)) == by_name


def test_an_unknown_artifact_says_how_to_list_artifacts(store):
    with pytest.raises(EntityNotFoundError, match="headwater artifacts list"):
        store.get_artifact("missing")


@pytest.mark.parametrize("target", [TagTarget.RUN, TagTarget.ARTIFACT, TagTarget.ARTIFACT_VERSION])
def test_tags_are_added_and_removed_on_runs_and_artifacts(store, target):
    run = store.create_run(a_run(tags=("nightly",)))
    step = record_step(store, run, "train", an_output("model"))
    version = store.get_artifact_version(step.outputs["model"])
    target_id = {
        TagTarget.RUN: run.id,
        TagTarget.ARTIFACT: version.artifact_id,
        TagTarget.ARTIFACT_VERSION: version.id,
    }[target]

    store.add_tags(target, target_id, ["best", "baseline"])
    store.remove_tags(target, target_id, ["baseline", "never-there"])

    listed = {
        TagTarget.RUN: lambda: store.get_run(run.id).tags,
        TagTarget.ARTIFACT: lambda: store.get_artifact(version.artifact_id).tags,
        TagTarget.ARTIFACT_VERSION: lambda: store.get_artifact_version(version.id).tags,
    }[target]()
    assert "best" in listed
    assert "baseline" not in listed


def test_tagging_something_missing_says_it_is_missing(store):
    missing = uuid.uuid4()

    with pytest.raises(EntityNotFoundError, match=f"Cannot tag run '{missing}'"):
        store.add_tags(TagTarget.RUN, missing, ["best"])


def test_an_empty_tag_name_is_refused(store):
    run = store.create_run(a_run())

    with pytest.raises(FilterError, match="Tag names must be non-empty text"):
        store.add_tags(TagTarget.RUN, run.id, ["  "])


def test_tags_are_listed_and_found_by_name(store):
    store.create_run(a_run(tags=("nightly", "baseline")))

    page = store.list_tags(ListQuery(sort_by="asc:name"))
    found = store.get_tag("nightly")

    assert [t.name for t in page.items] == ["baseline", "nightly"]
    assert store.get_tag(found.id) == found


def test_users_and_projects_are_listed_and_found(store):
    store.create_run(a_run(user_name="ada"))
    store.create_run(a_run(user_name="bob"))

    users = store.list_users(ListQuery(filters={"name": "oneof:[ada,bob]"}, sort_by="asc:name"))
    projects = store.list_projects(ListQuery())

    assert [u.name for u in users.items] == ["ada", "bob"]
    assert store.get_user("ada").id == users.items[0].id
    assert [p.name for p in projects.items] == ["default"]
    assert store.get_project(projects.items[0].id).name == "default"


def test_an_unknown_user_or_project_says_how_to_list_them(store):
    with pytest.raises(EntityNotFoundError, match="headwater users list"):
        store.get_user("nobody")
    with pytest.raises(EntityNotFoundError, match="headwater projects list"):
        store.get_project("nowhere")


def test_deleting_a_pipeline_deletes_its_runs_and_their_metadata(store):
    kept = store.create_run(a_run("scoring"))
    run = store.create_run(a_run("training"))
    step = record_step(store, run, "train", an_output("model"))
    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata({"accuracy": 0.9}))
    end_run(store, run)

    store.delete_pipeline(run.pipeline_id)

    with pytest.raises(EntityNotFoundError):
        store.get_run(run.id)
    with pytest.raises(EntityNotFoundError):
        store.get_pipeline("training")
    assert store.get_run(kept.id).name == kept.name
    assert store.get_artifact_version(step.outputs["model"]).artifact_name == "model"


def test_a_pipeline_with_a_run_still_running_is_not_deleted(store):
    done = end_run(store, store.create_run(a_run("training", name="done")))
    live = store.create_run(a_run("training", name="live"))

    with pytest.raises(EntityInUseError, match=r"1 run\(s\) that have not ended \(live\)"):
        store.delete_pipeline(live.pipeline_id)

    assert store.get_run(done.id).name == "done"
    assert store.get_run(live.id).name == "live"


def test_deleting_a_missing_pipeline_says_it_is_missing(store):
    with pytest.raises(EntityNotFoundError, match="headwater pipelines list"):
        store.delete_pipeline(uuid.uuid4())


def test_a_dry_run_prune_lists_only_versions_no_run_uses_and_deletes_nothing(store):
    gone = store.create_run(a_run())
    orphan = record_step(store, gone, "train", an_output("model"))
    kept_run = store.create_run(a_run())
    kept = record_step(store, kept_run, "train", an_output("model"))
    store.delete_run(end_run(store, gone).id)

    prune = store.prune_artifact_versions(dry_run=True, only_versions=True)

    assert [v.id for v in prune.versions] == [orphan.outputs["model"]]
    assert store.get_artifact_version(orphan.outputs["model"]).version == 1
    assert store.get_artifact_version(kept.outputs["model"]).version == 2


def test_prune_deletes_unused_versions_and_names_the_bytes_nothing_points_at(store):
    gone = store.create_run(a_run())
    shared_uri = an_output("model")
    orphan = record_step(store, gone, "train", shared_uri, an_output("report"))
    kept_run = store.create_run(a_run())
    same_bytes = shared_uri.model_copy(update={"artifact_name": "copy", "output_name": "copy"})
    record_step(store, kept_run, "train", same_bytes)
    store.delete_run(end_run(store, gone).id)
    report_uri = store.get_artifact_version(orphan.outputs["report"]).uri

    prune = store.prune_artifact_versions(dry_run=False, only_versions=False)

    assert {v.artifact_name for v in prune.versions} == {"model", "report"}
    assert prune.unreferenced_uris == (report_uri,)
    assert store.get_artifact_versions(list(orphan.outputs.values())) == {}
    assert [a.name for a in store.list_artifacts(ListQuery()).items] == ["copy"]


def test_an_input_keeps_its_artifact_version_from_pruning(store):
    first = store.create_run(a_run())
    made = record_step(store, first, "load", an_output("data"))
    second = store.create_run(a_run())
    record_step(store, second, "train", an_output("model"), inputs={"data": made.outputs["data"]})
    store.delete_run(end_run(store, first).id)

    prune = store.prune_artifact_versions(dry_run=False, only_versions=True)

    assert prune.versions == ()


def test_artifact_versions_filter_by_size_and_producer(store):
    run = store.create_run(a_run())
    big = an_output("big").model_copy(update={"size_bytes": 10_000})
    step = record_step(store, run, "train", big, an_output("small"))

    large = store.list_artifact_versions(ListQuery(filters={"size_bytes": "gte:1000"}))
    made = store.list_artifact_versions(
        ListQuery(filters={"producer_step_run_id": str(step.id)}, sort_by="asc:artifact_name")
    )

    assert [v.artifact_name for v in large.items] == ["big"]
    assert [v.artifact_name for v in made.items] == ["big", "small"]


def test_a_model_version_keeps_its_artifacts_from_pruning(store):
    from headwater.store.model_registry import ModelVersionRequest
    from headwater.store.models import ArtifactType

    run = store.create_run(a_run())
    step = record_step(store, run, "train", an_output("model"))
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    store.link_artifacts_to_model_version(version.id, {step.outputs["model"]: ArtifactType.MODEL})
    store.delete_run(end_run(store, run).id)

    prune = store.prune_artifact_versions(dry_run=True, only_versions=True)

    assert prune.versions == ()


def test_tags_on_models_use_the_same_calls(store):
    from headwater.store.model_registry import ModelCreate

    model = store.create_model(ModelCreate(name="iris"))

    store.add_tags(TagTarget.MODEL, model.id, ["prod-candidate"])

    assert store.get_model(model.id).tags == ("prod-candidate",)


def test_deleting_a_pipeline_tells_live_readers_each_run_is_gone(store):
    first = end_run(store, store.create_run(a_run("training")))
    second = end_run(store, store.create_run(a_run("training")))
    start = store.last_event_id()

    store.delete_pipeline(first.pipeline_id)

    deleted = [(e.run_id, e.change) for e in store.list_events(after=start)]
    assert sorted(deleted) == sorted([(first.id, "deleted"), (second.id, "deleted")])
