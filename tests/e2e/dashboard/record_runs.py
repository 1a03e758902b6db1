"""Record the end-to-end tests' runs into HEADWATER_HOME (run as a module in a subprocess).

    python -m tests.e2e.dashboard.record_runs small     # small, rerun partly cached, failing
    python -m tests.e2e.dashboard.record_runs large N   # one run of N steps
    python -m tests.e2e.dashboard.record_runs live DIR  # a run that waits for DIR/go
"""

from __future__ import annotations

import contextlib
import sys

from tests.e2e.dashboard.pipelines import live_pipeline, many_steps, small_training
from tests.pipelines.fails_midway import MidwayError, fails_midway


def record_small() -> None:
    """A first run, a rerun with one parameter changed (partly cached), a failing run."""
    small_training()
    small_training(learning_rate=0.3)
    with contextlib.suppress(MidwayError):
        fails_midway()


def main(argv: list[str]) -> None:
    """Record what the first argument names."""
    what = argv[0]
    if what == "small":
        record_small()
    elif what == "large":
        many_steps(count=int(argv[1]))
    elif what == "live":
        live_pipeline(folder=argv[1])
    else:
        raise SystemExit(f"Unknown kind of run '{what}': use small, large or live.")


if __name__ == "__main__":
    main(sys.argv[1:])
