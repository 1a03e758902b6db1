"""Record the metadata explorer's runs into HEADWATER_HOME (run as a module in a subprocess).

    python -m tests.e2e.dashboard.record_metadata few    # a sweep: 8 runs of two pipelines
    python -m tests.e2e.dashboard.record_metadata many   # 200 runs, 1,500 distinct keys
"""

from __future__ import annotations

import sys

from headwater import log_metadata
from headwater.session import get_session
from headwater.store.metadata import encode_metadata
from headwater.store.models import ExecutionStatus, MetadataTarget
from tests.pipelines.sweep import sweep
from tests.store_contract.records import a_run


def record_few() -> None:
    """The sweep pipeline run 6 times and a 'tuning' pipeline twice, logging accuracy."""
    for index, rate in enumerate((0.02, 0.05, 0.08, 0.1, 0.12, 0.15)):
        run = sweep(learning_rate=rate, optimizer="sgd" if index % 2 else "adam")
        log_metadata({"accuracy": round(0.8 + rate, 4)}, run_id_name_or_prefix=run.id)
    store = get_session().store
    for accuracy in (0.84, 0.91):
        run = store.create_run(a_run("tuning"))
        store.add_metadata(
            MetadataTarget.RUN, run.id, encode_metadata({"accuracy": accuracy, "trials": 20})
        )
        store.update_run_status(run.id, ExecutionStatus.COMPLETED)


def record_many() -> None:
    """200 runs of three pipelines; each logs accuracy, loss and 10 keys of its own."""
    store = get_session().store
    for index in range(200):
        run = store.create_run(a_run(("training", "tuning", "evaluation")[index % 3]))
        values: dict[str, object] = {
            "accuracy": round(0.6 + 0.3 * index / 200 + 0.02 * (index % 5), 4),
            "loss": round(1.2 - index / 250, 4),
            "optimizer": ("adam", "sgd", "lion")[index % 3],
        }
        values.update({f"feature_{index * 10 + n:04d}.weight": n / 10 for n in range(10)})
        store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata(values))
        store.update_run_status(run.id, ExecutionStatus.COMPLETED)


if __name__ == "__main__":
    {"few": record_few, "many": record_many}[sys.argv[1]]()
