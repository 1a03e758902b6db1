"""Pruning while runs save equal bytes never deletes a folder a step is recording."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from headwater import Client
from headwater.client.catalog import PruneResult
from headwater.runner.step_executor import StepExecutor
from tests.pipelines.linear import linear


def _prune_before_the_first_record(
    monkeypatch: pytest.MonkeyPatch, *, before: Callable[[], None] = lambda: None
) -> tuple[list[PruneResult], list[threading.Thread]]:
    """Start a prune between a step's save and its record, the dangerous moment."""
    record_success: Callable[..., Any] = StepExecutor._record_success
    pruned: list[PruneResult] = []
    started: list[threading.Thread] = []

    def prune_then_record(self: StepExecutor, *args: Any, **kwargs: Any) -> Any:
        if not started:
            before()
            prune = threading.Thread(target=lambda: pruned.append(Client().prune_artifacts()))
            started.append(prune)
            prune.start()
            prune.join(timeout=2.0)  # unlocked, it finishes; locked out, it waits for us
        return record_success(self, *args, **kwargs)

    monkeypatch.setattr(StepExecutor, "_record_success", prune_then_record)
    return pruned, started


def test_prune_between_a_save_and_its_record_keeps_the_bytes(monkeypatch):
    old = linear.with_options(enable_cache=False)(n=7)
    old_uri = old.steps["load"].output.uri
    Client().delete_pipeline_run(old.id)
    pruned, prunes = _prune_before_the_first_record(monkeypatch)

    run = linear.with_options(enable_cache=False)(n=7)
    prunes[0].join(timeout=60)  # on a loaded machine it may outlast the 2 s wait above

    assert run.steps["load"].output.load() == list(range(7))
    assert run.steps["total"].output.load() == 42
    assert run.steps["load"].output.uri == old_uri  # saved into the existing folder
    assert len(pruned) == 1
    assert run.steps["load"].output.uri not in pruned[0].deleted_uris


def test_prune_from_another_stack_keeps_the_bytes_a_step_is_recording(monkeypatch, tmp_path):
    client = Client()
    client.create_stack_component(
        "second-disk",
        flavor="fsspec",
        component_type="artifact_store",
        configuration={"path": str(tmp_path / "second-artifacts")},
    )
    client.create_stack(
        "second", components={"orchestrator": "default", "artifact_store": "second-disk"}
    )
    client.activate_stack("second")
    old = linear.with_options(enable_cache=False)(n=7)
    old_uri = old.steps["load"].output.uri
    client.delete_pipeline_run(old.id)
    # The run keeps saving into the second store; the prune starts on the default stack.
    pruned, prunes = _prune_before_the_first_record(
        monkeypatch, before=lambda: client.activate_stack("default")
    )

    run = linear.with_options(enable_cache=False)(n=7)
    prunes[0].join(timeout=60)

    assert run.steps["load"].output.uri == old_uri
    assert run.steps["load"].output.load() == list(range(7))
    assert len(pruned) == 1
    assert old_uri not in pruned[0].deleted_uris
