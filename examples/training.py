"""Example pipelines: a small training pipeline and one that fails on purpose."""

from __future__ import annotations

from typing import Annotated

import numpy as np
import pandas as pd

from headwater import ArtifactConfig, get_step_context, log_metadata, pipeline, step


@step
def load(n: int = 200) -> tuple[Annotated[np.ndarray, "X"], Annotated[np.ndarray, "y"]]:
    """Make a toy data set: two features and a binary label."""
    print("loading", n, "rows")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 2))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    return X, y


@step
def summarize(X: np.ndarray, y: np.ndarray) -> Annotated[pd.DataFrame, "summary"]:
    """Describe the data set as a table."""
    frame = pd.DataFrame({"feature_0": X[:, 0], "feature_1": X[:, 1], "label": y})
    log_metadata({"rows": len(frame)}, infer_artifact=True)
    return frame


@step(enable_cache=False)
def train(
    X: np.ndarray, y: np.ndarray, gamma: float = 0.1
) -> Annotated[float, ArtifactConfig(name="score", tags=["eval"])]:
    """Fit a one-parameter linear rule and report its accuracy."""
    predictions = (X[:, 0] + X[:, 1] * (1 - gamma) > 0).astype(int)
    accuracy = float((predictions == y).mean())
    log_metadata({"accuracy": accuracy, "gamma": gamma})
    print(f"step {get_step_context().step_name}: accuracy {accuracy:.3f}")
    return accuracy


@pipeline(tags=["demo"])
def training(gamma: float = 0.1) -> None:
    """Load, summarize and train."""
    X, y = load()
    summarize(X, y)
    train(X, y, gamma=gamma)


@step
def validate(X: np.ndarray) -> int:
    """Reject data sets that are too small (the demo's deliberate failure)."""
    if len(X) < 1_000:
        raise ValueError(f"need at least 1000 rows to validate, got {len(X)}")
    return len(X)


@pipeline(tags=["demo"])
def validation() -> None:
    """A pipeline whose second step fails."""
    X, _ = load()
    validate(X)
