"""Record the end-to-end tests' runs into HEADWATER_HOME (run as a module in a subprocess).

    python -m tests.e2e.dashboard.record_runs small     # small, rerun partly cached, failing
    python -m tests.e2e.dashboard.record_runs large N   # one run of N steps
    python -m tests.e2e.dashboard.record_runs live DIR  # a run that waits for DIR/go
    python -m tests.e2e.dashboard.record_runs history   # scored, by user, arrays, versions
    python -m tests.e2e.dashboard.record_runs disposable N  # N runs to delete
    python -m tests.e2e.dashboard.record_runs visualized  # markdown, HTML and a chart
    python -m tests.e2e.dashboard.record_runs retried DIR  # a step that took 3 attempts
"""

from __future__ import annotations

import contextlib
import sys

from headwater import log_metadata
from headwater.session import get_session
from headwater.store.models import ExecutionStatus, PipelineRun, RunCreate
from tests.e2e.dashboard import history_pipelines as history
from tests.e2e.dashboard.pipelines import (
    live_pipeline,
    many_steps,
    retried_training,
    small_training,
)
from tests.e2e.dashboard.visualization_pipelines import visualized
from tests.pipelines.fails_midway import MidwayError, fails_midway


def record_small() -> None:
    """A first run, a rerun with one parameter changed (partly cached), a failing run."""
    small_training()
    small_training(learning_rate=0.3)
    with contextlib.suppress(MidwayError):
        fails_midway()


def record_history() -> None:
    """Scored runs (one by another user), numpy arrays and a pipeline in three versions."""
    for accuracy in (0.82, 0.95):
        run = history.scored_training()
        log_metadata({"accuracy": accuracy}, run_id_name_or_prefix=run.id)
    record_run_by("ada", get_session().store.get_run(run.id))
    history.arrays()
    history.evolving_v1()
    history.evolving_v2()
    history.evolving_v2()
    history.evolving_v3()


def record_run_by(user_name: str, like: PipelineRun) -> None:
    """A finished run of the same pipeline version, recorded as another user's."""
    store = get_session().store
    version = store.get_pipeline_version(like.pipeline_version_id)
    run = store.create_run(
        RunCreate(
            pipeline_name=like.pipeline_name,
            spec_hash=version.spec_hash,
            spec=version.spec,
            user_name=user_name,
        )
    )
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    store.update_run_status(run.id, ExecutionStatus.COMPLETED)


def main(argv: list[str]) -> None:
    """Record what the first argument names."""
    what = argv[0]
    if what == "small":
        record_small()
    elif what == "large":
        many_steps(count=int(argv[1]))
    elif what == "history":
        record_history()
    elif what == "disposable":
        for _ in range(int(argv[1])):
            history.disposable()
    elif what == "live":
        live_pipeline(folder=argv[1])
    elif what == "visualized":
        visualized()
    elif what == "retried":
        retried_training(folder=argv[1])
    else:
        raise SystemExit(
            f"Unknown kind of run '{what}': use small, large, live, history, disposable, "
            f"visualized or retried."
        )


if __name__ == "__main__":
    main(sys.argv[1:])
