"""A small training sweep: the same pipeline run with other parameters, for comparisons."""

from __future__ import annotations

from headwater import log_metadata, pipeline, step


@step
def load(rows: int = 100) -> list[int]:
    return list(range(rows))


@step(enable_cache=False)
def train(data: list[int], learning_rate: float = 0.1, optimizer: str = "adam") -> float:
    accuracy = round(0.8 + learning_rate, 4)
    log_metadata({"accuracy": accuracy, "loss": round(1 - accuracy, 4)})
    if optimizer == "sgd":
        log_metadata({"momentum": 0.9})  # only sgd runs carry it
    return accuracy


@pipeline(enable_cache=False)
def sweep(learning_rate: float = 0.1, optimizer: str = "adam") -> None:
    train(load(), learning_rate=learning_rate, optimizer=optimizer)
