"""Record a sweep for the comparison stories into HEADWATER_HOME (run as a module).

    python -m tests.e2e.dashboard.record_comparison N   # N runs of the sweep pipeline

The runs differ in learning rate (and so accuracy and loss); every third uses sgd, which
logs a momentum the others lack.
"""

from __future__ import annotations

import sys

from tests.pipelines.sweep import sweep


def record_sweep(count: int) -> None:
    """`count` sweep runs with learning rates 0.01 apart."""
    for index in range(count):
        optimizer = "sgd" if index % 3 == 2 else "adam"
        sweep(learning_rate=round(0.01 * (index + 1), 4), optimizer=optimizer)


if __name__ == "__main__":
    record_sweep(int(sys.argv[1]))
