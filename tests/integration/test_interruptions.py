"""A run that ends early, however it ends, leaves no step running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from headwater import Client
from headwater.errors import MetadataError, StoreError
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from headwater.store.factory import open_store
from tests.pipelines.interrupted import Halt, annotated, interrupted, mislabeled

REPO_ROOT = Path(__file__).resolve().parents[2]
POSTGRES_ADMIN_URL = os.environ.get(
    "HEADWATER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

# Runs a pipeline whose steps execute in child processes, so an interrupt of this
# process kills the child while its step is recorded as running.
_SUBPROCESS_RUN = """
import sys
from headwater.runner.orchestrators.subprocess import SubprocessOrchestrator
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import get_session
from tests.pipelines.slow import slow

session = get_session()
spec, _ = slow.compile(marker=sys.argv[1])
orchestrator = SubprocessOrchestrator(
    session.settings.store_url, session.settings.artifact_store_url
)
run_pipeline(spec, RunTarget(session.store, session.artifact_store, orchestrator=orchestrator),
             functions={})
"""


@pytest.mark.parametrize(
    ("how", "raised", "reason"),
    [
        ("keyboard", KeyboardInterrupt, "interrupted by KeyboardInterrupt"),
        ("exit", SystemExit, "interrupted by SystemExit: 3"),
        ("halt", Halt, "interrupted by Halt: halted by the user"),
    ],
)
def test_an_interrupted_step_ends_stopped_saying_what_interrupted_it(how, raised, reason):
    with pytest.raises(raised):
        interrupted(how=how)

    run = Client().get_pipeline("interrupted").last_run
    assert run.status == "stopped"
    assert run.steps["interrupt"].status == "stopped"
    assert reason in run.steps["interrupt"].exception
    assert reason in run.exception


def test_ctrl_c_during_a_step_stops_the_step_and_the_run(tmp_path):
    marker = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.pipelines.slow", str(marker)],
        cwd=REPO_ROOT,
        env={**os.environ},
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(marker)

    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)

    assert "KeyboardInterrupt" in stderr
    run = Client().get_pipeline("slow").last_run
    assert run.status == "stopped"
    assert {name: step.status for name, step in run.steps.items()} == {
        "quick": "completed",
        "sleepy": "stopped",
    }
    assert "interrupted by KeyboardInterrupt" in run.steps["sleepy"].exception


def test_ctrl_c_while_a_step_runs_in_another_process_stops_that_step_too(tmp_path):
    marker = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-c", _SUBPROCESS_RUN, str(marker)],
        cwd=REPO_ROOT,
        env={**os.environ},
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(marker)

    process.send_signal(signal.SIGINT)  # this process only: its step's child is killed
    _, stderr = process.communicate(timeout=60)

    assert "KeyboardInterrupt" in stderr
    run = Client().get_pipeline("slow").last_run
    assert run.status == "stopped"
    assert run.steps["sleepy"].status == "stopped"
    assert "interrupted by KeyboardInterrupt" in run.steps["sleepy"].exception


def test_a_step_end_the_server_refuses_as_too_large_ends_the_step_as_failed(static_folder):
    session = get_session()
    app = create_app(session, max_request_bytes=50_000, static_folder=static_folder)
    spec, functions = annotated.compile(size=100_000)

    with BackgroundServer(app) as server:
        rest_store = open_store(server.url)
        target = RunTarget(rest_store, session.artifact_store)
        with pytest.raises(StoreError, match="larger than the server's limit"):
            run_pipeline(spec, target, functions=functions)
        rest_store.close()

    run = Client().get_pipeline("annotated").last_run
    assert run.status == "failed"
    assert run.steps["annotate"].status == "failed"
    assert "larger than the server's limit" in run.steps["annotate"].exception
    assert len(run.steps["annotate"].exception) < 1_000


def test_a_step_end_postgresql_refuses_for_a_nul_ends_the_step_as_failed(
    postgres_store_url, monkeypatch
):
    monkeypatch.setenv("HEADWATER_STORE_URL", postgres_store_url)

    with pytest.raises(StoreError, match="NUL"):
        annotated(has_nul=True)

    run = Client().get_pipeline("annotated").last_run
    assert run.status == "failed"
    assert run.steps["annotate"].status == "failed"
    assert "NUL" in run.steps["annotate"].exception


def test_output_metadata_the_store_cannot_keep_ends_the_step_as_failed():
    with pytest.raises(MetadataError, match="'owner' is a object"):
        mislabeled()

    run = Client().get_pipeline("mislabeled").last_run
    assert run.status == "failed"
    assert run.steps["mislabel"].status == "failed"
    assert "'owner' is a object" in run.steps["mislabel"].exception


@pytest.fixture
def static_folder(tmp_path: Path) -> Path:
    """An empty dashboard folder: the server's API is all these tests use."""
    folder = tmp_path / "static"
    folder.mkdir()
    return folder


@pytest.fixture
def postgres_store_url() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped after the test."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"headwater_interrupt_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    from headwater.session import close_sessions

    close_sessions()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _wait_for(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"{path} did not appear within {timeout} s")
        time.sleep(0.05)
