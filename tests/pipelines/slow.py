"""A pipeline whose second step sleeps, so a test can kill the run mid-step."""

from __future__ import annotations

import time
from pathlib import Path

from headwater import pipeline, step


@step
def quick() -> int:
    return 1


@step(enable_cache=False)
def sleepy(value: int, marker: str = "") -> int:
    Path(marker).write_text("started")
    time.sleep(120)
    return value


@pipeline
def slow(marker: str = "") -> None:
    sleepy(quick(), marker=marker)


if __name__ == "__main__":
    import sys

    slow(marker=sys.argv[1])
