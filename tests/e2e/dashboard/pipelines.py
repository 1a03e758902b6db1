"""Real pipelines the dashboard's end-to-end tests record: small, failing, large and live."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import pandas as pd
from PIL import Image, ImageDraw

from headwater import log_metadata, pipeline, step

LIVE_WAIT_SECONDS = 90


@step
def load_table(rows: int = 12) -> Annotated[pd.DataFrame, "table"]:
    """A small table with a numeric column the tests sort by."""
    print(f"loading {rows} rows")
    return pd.DataFrame({"city": [f"city-{i:02d}" for i in range(rows)], "score": range(rows)})


@step
def draw_chart(table: pd.DataFrame) -> Annotated[Image.Image, "chart"]:
    """A bar chart of the scores, as an image."""
    image = Image.new("RGB", (240, 120), "white")
    draw = ImageDraw.Draw(image)
    for index, score in enumerate(table["score"]):
        draw.rectangle((10 + index * 18, 110 - score * 8, 22 + index * 18, 110), fill=(47, 111, 222))
    return image


@step
def train_model(table: pd.DataFrame, learning_rate: float = 0.1) -> Annotated[float, "accuracy"]:
    """Pretend to train; the learning rate is the parameter a rerun changes."""
    accuracy = min(1.0, 0.5 + learning_rate)
    log_metadata({"accuracy": accuracy})
    print(f"accuracy {accuracy:.2f}")
    return accuracy


@pipeline(tags=["e2e"])
def small_training(learning_rate: float = 0.1) -> None:
    """Load a table, chart it and train on it."""
    table = load_table()
    draw_chart(table)
    train_model(table, learning_rate=learning_rate)


@step
def seed() -> int:
    return 1


@step
def square(value: int, index: int = 0) -> int:
    return value + index * index


@pipeline
def many_steps(count: int = 1000) -> None:
    """One source and `count` steps reading it: a run as large as the tests need."""
    source = seed()
    for index in range(count - 1):
        square(source, index=index)


@step(enable_cache=False)
def wait_for_go(folder: str) -> int:
    """Signal that it started, then wait (bounded) until the test says go."""
    Path(folder, "started").write_text("started")
    print("waiting for the test to say go")
    deadline = time.monotonic() + LIVE_WAIT_SECONDS
    while not Path(folder, "go").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    print("going")
    return 1


@step(enable_cache=False)
def after_go(value: int) -> int:
    return value + 1


@pipeline
def live_pipeline(folder: str) -> None:
    """A run the test watches while it is running."""
    after_go(wait_for_go(folder))


@step(enable_cache=False, retries=2)
def flaky_fit(folder: str) -> float:
    """Fails on its first two attempts (counted in `folder`), then fits."""
    attempts = len(list(Path(folder).glob("attempt-*")))
    Path(folder, f"attempt-{attempts}").touch()
    if attempts < 2:
        raise RuntimeError(f"attempt {attempts + 1} fails on purpose")
    return 0.9


@pipeline(name="retried_training")
def retried_training(folder: str) -> None:
    """A run whose step needed three attempts."""
    flaky_fit(folder)
