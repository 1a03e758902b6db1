"""The run DAG is built once per change of the run: ETags, 304s and fresh answers."""

from __future__ import annotations

from headwater.session import get_session
from headwater.store.catalog_models import TagTarget
from headwater.store.models import ExecutionStatus
from tests.pipelines.linear import linear
from tests.store_contract.records import a_run, a_step, completed


def test_asking_again_with_the_etag_of_an_unchanged_run_answers_304(api):
    run = linear()
    first = api.get(f"/runs/{run.id}/dag")

    again = api.get(f"/runs/{run.id}/dag", headers={"If-None-Match": first.headers["ETag"]})

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.content == b""


def test_a_cached_dag_is_the_same_answer_as_a_fresh_one(api):
    run = linear()

    first = api.get(f"/runs/{run.id}/dag")
    second = api.get(f"/runs/{run.id}/dag")

    assert second.content == first.content
    assert set(first.json()) == {"run", "steps", "artifacts", "edges", "pending_steps"}
    assert first.json()["run"]["id"] == str(run.id)


def test_a_new_step_changes_the_etag_and_the_dag(api):
    store = get_session().store
    run = store.create_run(a_run())
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    before = api.get(f"/runs/{run.id}/dag")

    store.finish_step(store.start_step(a_step(run, "train")).id, completed())
    after = api.get(f"/runs/{run.id}/dag", headers={"If-None-Match": before.headers["ETag"]})

    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert [s["name"] for s in before.json()["steps"]] == []
    assert [(s["name"], s["status"]) for s in after.json()["steps"]] == [("train", "completed")]


def test_a_new_tag_on_a_finished_run_changes_its_dag_answer(api):
    run = linear()
    before = api.get(f"/runs/{run.id}/dag")

    get_session().store.add_tags(TagTarget.RUN, run.id, ["best"])
    after = api.get(f"/runs/{run.id}/dag", headers={"If-None-Match": before.headers["ETag"]})

    assert after.status_code == 200
    assert after.json()["run"]["tags"] == ["best"]
    assert after.json()["steps"] == before.json()["steps"]
