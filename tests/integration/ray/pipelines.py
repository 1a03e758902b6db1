"""Small pipelines whose steps Ray workers import from this module."""

from __future__ import annotations

import os
import time
from pathlib import Path

from headwater import RaySettings, pipeline, step

# A rendezvous that never fills fails its step after this long, so a run that is not
# parallel fails instead of hanging.
_RENDEZVOUS_SECONDS = 180.0


@step(enable_cache=False)
def start(folder: str) -> str:
    return folder


@step(enable_cache=False)
def meet(folder: str, index: int, expected: int) -> int:
    """Arrive, then wait until `expected` copies have arrived: only parallel steps meet."""
    Path(folder, f"arrived-{index}").touch()
    deadline = time.monotonic() + _RENDEZVOUS_SECONDS
    while len(list(Path(folder).glob("arrived-*"))) < expected:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only some of {expected} steps ran at the same time")
        time.sleep(0.02)
    print(f"step {index} met the others in process {os.getpid()}")
    return os.getpid()


@step(enable_cache=False)
def gather(**pids: int) -> int:
    return len(set(pids.values()))


@pipeline(enable_cache=False)
def rendezvous(folder: str, width: int = 2) -> None:
    shared = start(folder)
    pids = {f"p{i}": meet(shared, index=i, expected=width) for i in range(width)}
    gather(**pids)


@step(enable_cache=False, retries=2)
def flaky(folder: str) -> str:
    """Fails on its first two attempts, then succeeds."""
    attempts = len(list(Path(folder).glob("attempt-*")))
    Path(folder, f"attempt-{attempts}").touch()
    print(f"attempt {attempts + 1}")
    if attempts < 2:
        raise RuntimeError(f"attempt {attempts + 1} fails on purpose")
    return "done"


@step(enable_cache=False)
def after(value: str) -> str:
    return value.upper()


@pipeline(enable_cache=False)
def retried(folder: str) -> None:
    after(flaky(folder))


@step(enable_cache=False)
def always_fails() -> str:
    raise ValueError("no luck")


@pipeline(enable_cache=False)
def failing() -> None:
    after(always_fails())


@step(enable_cache=False, settings={"orchestrator": RaySettings(resources={"special": 1})})
def special() -> str:
    import ray

    return ray.get_runtime_context().get_node_id()


@pipeline(enable_cache=False)
def needs_special() -> None:
    special()


@step(enable_cache=False, settings={"orchestrator": RaySettings(num_gpus=4, memory="1GB")})
def greedy() -> int:
    return 1


@pipeline(enable_cache=False)
def needs_gpus() -> None:
    greedy()


@step(enable_cache=False)
def wait_to_be_killed(folder: str) -> str:
    """Writes its pid, then sleeps until the test kills it (or finishes if it does not)."""
    Path(folder, "pid").write_text(str(os.getpid()))
    time.sleep(float(Path(folder, "seconds").read_text()))
    return "survived"


@step(enable_cache=False)
def downstream(value: str) -> str:
    return value


@pipeline(enable_cache=False)
def killable(folder: str) -> None:
    downstream(wait_to_be_killed(folder))


@step(enable_cache=False)
def trivial(value: int) -> int:
    return value + 1


@pipeline(enable_cache=False)
def chain(length: int = 3) -> None:
    value = trivial(0)
    for _ in range(length - 1):
        value = trivial(value)


@step(enable_cache=False, settings={"orchestrator": {"num_cpus": 2}})
def wide() -> int:
    return 2


@pipeline(enable_cache=False)
def wide_step() -> None:
    wide()


@step(enable_cache=False)
def talk_then_wait(folder: str) -> str:
    """Prints a line, then waits (bounded) until the test has read it and says go."""
    print("halfway there")
    deadline = time.monotonic() + _RENDEZVOUS_SECONDS
    while not Path(folder, "go").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the test never said go")
        time.sleep(0.02)
    print("all the way")
    return "done"


@pipeline(enable_cache=False)
def live_logs(folder: str) -> None:
    talk_then_wait(folder)
