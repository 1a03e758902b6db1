"""Race `prune_artifacts()` against runs that save identical bytes, and count lost outputs.

Runner processes run a small pipeline over and over (cache off, so every run saves the
same bytes into the same content-addressed folders), check that every output of each
finished run is still in the artifact store, then delete the run so its versions become
prunable. A pruner process prunes all the while. Before issue 18 this lost a completed
step's output about once in 369 runs; on local disks `artifacts/prune_lock.py` makes it
impossible, and everywhere the claims in the metadata store do
(`store/sql/artifact_claims.py`). With `--s3` the artifact store is a bucket of a real
S3-compatible server on loopback (moto's server mode), which no file lock covers.

    python -m benchmarks.prune_race [--seconds 60] [--runners 3] [--s3]

Exits non-zero when any output was lost.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from headwater import Client, pipeline, step
from headwater.errors import ArtifactError, HeadwaterError
from headwater.session import get_session


@step(enable_cache=False)
def numbers() -> list[int]:
    return list(range(100))


@step(enable_cache=False)
def doubled(values: list[int]) -> list[int]:
    return [2 * value for value in values]


@step(enable_cache=False)
def summed(values: list[int]) -> int:
    return sum(values)


@pipeline
def racing() -> None:
    summed(doubled(numbers()))


@dataclass(frozen=True, slots=True)
class RaceFigures:
    """What one stress run counted."""

    seconds: float
    runs: int
    failed_runs: int
    lost_outputs: int
    prunes: int
    pruned_versions: int


def _run_until(deadline: float, results: multiprocessing.Queue[tuple[int, int, int]]) -> None:
    client = Client()
    artifact_store = get_session().artifact_store
    runs = failed = lost = 0
    while time.monotonic() < deadline:
        runs += 1
        try:
            run = racing()
        except ArtifactError:
            lost += 1  # a step could not load an input whose bytes were deleted
            continue
        except HeadwaterError:
            failed += 1  # anything else, such as a busy database: reported, not a loss
            continue
        uris = [s.output.uri for s in run.steps.values()]
        lost += sum(not artifact_store.exists(uri) for uri in uris)
        client.delete_pipeline_run(run.id)
    results.put((runs, failed, lost))


def _prune_until(deadline: float, results: multiprocessing.Queue[tuple[int, int, int]]) -> None:
    client = Client()
    prunes = versions = 0
    while time.monotonic() < deadline:
        versions += len(client.prune_artifacts().artifact_versions)
        prunes += 1
        # Unsynchronised with the runners: sometimes a deleted run's folders are still
        # there when the next run saves the same bytes, which is when the race can bite.
        time.sleep(random.uniform(0, 0.02))
    results.put((-1, prunes, versions))


def race(seconds: float, runners: int, *, s3: bool = False) -> RaceFigures:
    """Run `runners` runner processes and one pruner for `seconds` in a fresh home."""
    with tempfile.TemporaryDirectory() as home, contextlib.ExitStack() as servers:
        os.environ["HEADWATER_HOME"] = home
        if s3:
            _use_an_s3_stack(servers, Path(home))
        racing()  # create the database before the processes race for it
        context = multiprocessing.get_context("spawn")
        results: multiprocessing.Queue[tuple[int, int, int]] = context.Queue()
        deadline = time.monotonic() + seconds
        processes = [
            *(context.Process(target=_run_until, args=(deadline, results)) for _ in range(runners)),
            context.Process(target=_prune_until, args=(deadline, results)),
        ]
        start = time.monotonic()
        for process in processes:
            process.start()
        counts = [results.get() for _ in processes]
        for process in processes:
            process.join()
        elapsed = time.monotonic() - start
    runner_counts = [c for c in counts if c[0] >= 0]
    pruner = next(c for c in counts if c[0] < 0)
    return RaceFigures(
        seconds=elapsed,
        runs=sum(c[0] for c in runner_counts),
        failed_runs=sum(c[1] for c in runner_counts),
        lost_outputs=sum(c[2] for c in runner_counts),
        prunes=pruner[1],
        pruned_versions=pruner[2],
    )


def _use_an_s3_stack(servers: contextlib.ExitStack, home: Path) -> None:
    from tests.integration.s3_server import running_s3_server

    server = servers.enter_context(contextlib.contextmanager(running_s3_server)(home / "moto.log"))
    client = Client()
    client.register_service_connector("race-s3", "aws", server.connector_settings())
    client.create_stack_component(
        "race-s3-store",
        flavor="fsspec",
        component_type="artifact_store",
        configuration={"path": f"s3://{server.bucket}/race", "connector": "race-s3"},
    )
    client.create_stack(
        "race-s3", components={"orchestrator": "default", "artifact_store": "race-s3-store"}
    )
    client.activate_stack("race-s3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runners", type=int, default=3)
    parser.add_argument("--s3", action="store_true", help="Race on an S3 bucket (moto).")
    arguments = parser.parse_args()
    figures = race(arguments.seconds, arguments.runners, s3=arguments.s3)
    where = "on S3 (moto)" if arguments.s3 else "on a local disk"
    print(
        f"{figures.seconds:.0f} s {where}, {arguments.runners} runner processes and 1 pruner: "
        f"{figures.runs} runs, {figures.failed_runs} failed, {figures.lost_outputs} outputs "
        f"lost; {figures.prunes} prunes deleted {figures.pruned_versions} versions."
    )
    if figures.lost_outputs:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
