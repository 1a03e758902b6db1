"""`get_run_dag`: a run's steps, artifacts and edges, in a constant number of queries."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from headwater.errors import EntityNotFoundError, StoreError
from tests.store_contract.records import a_run, an_output, record_step


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """Every SQL statement any engine of this process runs inside the block."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", count)


def _chain(store, length: int):
    run = store.create_run(a_run())
    previous = None
    for number in range(length):
        inputs = {} if previous is None else {"data": previous.outputs["output"]}
        previous = record_step(store, run, f"step_{number}", an_output(), inputs=inputs)
    return run


def test_the_dag_links_each_step_to_its_inputs_and_outputs(store):
    run = _chain(store, 3)

    dag = store.get_run_dag(run.id)

    names = {s.id: s.name for s in dag.steps}
    artifacts = {a.id for a in dag.artifacts}
    edges = sorted((e.kind.value, names[e.step_run_id], e.name) for e in dag.edges)
    assert [s.name for s in dag.steps] == ["step_0", "step_1", "step_2"]
    assert len(artifacts) == 3
    assert {e.artifact_version_id for e in dag.edges} == artifacts
    assert edges == [
        ("input", "step_1", "data"),
        ("input", "step_2", "data"),
        ("output", "step_0", "output"),
        ("output", "step_1", "output"),
        ("output", "step_2", "output"),
    ]
    assert dag.run.id == run.id
    assert all(s.status == "completed" and s.ended is not None for s in dag.steps)


def test_the_dag_costs_the_same_queries_for_three_steps_as_for_thirty(store):
    small, large = _chain(store, 3), _chain(store, 30)

    with counted_statements() as for_small:
        store.get_run_dag(small.id)
    with counted_statements() as for_large:
        store.get_run_dag(large.id)

    assert len(for_large) == len(for_small)
    assert len(store.get_run_dag(large.id).steps) == 30


def test_the_dag_of_an_unknown_run_is_not_found(store):
    with pytest.raises(EntityNotFoundError, match="No run"):
        store.get_run_dag(uuid.uuid4())


def test_a_dag_patch_holds_the_asked_steps_with_their_edges_and_artifacts(store):
    run = _chain(store, 3)
    whole = store.get_run_dag(run.id)
    middle = next(s for s in whole.steps if s.name == "step_1")
    elsewhere = _chain(store, 1)
    foreign = store.get_run_dag(elsewhere.id).steps[0]

    patch = store.get_run_dag_steps(run.id, [middle.id, foreign.id])

    assert patch.run.id == run.id
    assert [s.name for s in patch.steps] == ["step_1"]
    assert patch.steps[0] == middle
    assert sorted((e.kind.value, e.name) for e in patch.edges) == [
        ("input", "data"),
        ("output", "output"),
    ]
    assert {e.step_run_id for e in patch.edges} == {middle.id}
    linked = {e.artifact_version_id for e in patch.edges}
    assert {a.id for a in patch.artifacts} == linked
    assert set(patch.artifacts) <= set(whole.artifacts)


def test_a_dag_patch_costs_the_same_queries_for_one_step_as_for_twenty(store):
    run = _chain(store, 30)
    ids = [s.id for s in store.get_run_dag(run.id).steps]

    with counted_statements() as for_one:
        store.get_run_dag_steps(run.id, ids[:1])
    with counted_statements() as for_twenty:
        patch = store.get_run_dag_steps(run.id, ids[:20])

    assert len(for_twenty) == len(for_one)
    assert len(patch.steps) == 20


def test_a_dag_patch_of_too_many_steps_is_refused(store):
    run = _chain(store, 1)

    with pytest.raises(StoreError, match="at most 500"):
        store.get_run_dag_steps(run.id, [uuid.uuid4() for _ in range(501)])


def test_a_dag_patch_of_an_unknown_run_is_not_found(store):
    with pytest.raises(EntityNotFoundError, match="No run"):
        store.get_run_dag_steps(uuid.uuid4(), [uuid.uuid4()])


def test_a_dag_patch_of_no_step_holds_the_run_alone(store):
    run = _chain(store, 2)

    patch = store.get_run_dag_steps(run.id, [])

    assert patch.run.id == run.id
    assert (patch.steps, patch.artifacts, patch.edges) == ((), (), ())
