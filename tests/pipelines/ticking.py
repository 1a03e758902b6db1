"""A pipeline whose step prints a few lines over a second or so, for following its log."""

from __future__ import annotations

import sys
import time

from headwater import pipeline, step


@step(enable_cache=False)
def tick(count: int = 3) -> int:
    for index in range(count):
        print(f"tick {index}", flush=True)
        time.sleep(0.3)
    return count


@pipeline
def ticking(count: int = 3) -> None:
    tick(count=count)


if __name__ == "__main__":
    ticking.with_options(run_name=sys.argv[1])()
