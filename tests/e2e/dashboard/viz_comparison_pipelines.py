"""Pipelines whose runs differ in their visualizations, for the side-by-side stories.

`curves` trains nothing: it makes a loss curve whose length and values follow its
parameters, so two runs' line charts cover different ranges and must share axes to compare.
`forest_sizes` is the demo's digits evaluation with a forest size to vary.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from headwater import (
    Chart,
    ChartAxis,
    ChartSeries,
    Materializer,
    pipeline,
    register_materializer,
    step,
)
from headwater.artifacts import SavedVisualization

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))
from digits_evaluation import fit_forest, split_digits

from headwater.integrations.sklearn import evaluate_classifier


@dataclass(frozen=True)
class LossCurve:
    """A training's loss per epoch."""

    learning_rate: float
    losses: list[float]


class LossCurveMaterializer(Materializer):
    """Saves a `LossCurve` as JSON; shows it as a line chart, a summary and an HTML note."""

    ASSOCIATED_TYPES = (LossCurve,)

    def save(self, data: LossCurve) -> None:
        document = {"learning_rate": data.learning_rate, "losses": data.losses}
        self.fs.pipe_file(self.file_path("curve.json"), json.dumps(document).encode())

    def load(self, data_type: type) -> LossCurve:
        document = json.loads(self.fs.cat_file(self.file_path("curve.json")))
        return data_type(document["learning_rate"], document["losses"])

    def extract_metadata(self, data: LossCurve) -> dict[str, Any]:
        return {"epochs": len(data.losses), "final_loss": data.losses[-1]}

    def save_visualizations(self, data: LossCurve) -> list[SavedVisualization]:
        epochs = [float(epoch) for epoch in range(1, len(data.losses) + 1)]
        chart = Chart(
            kind="line",
            title=f"Loss at learning rate {data.learning_rate}",
            x_axis=ChartAxis(label="epoch"),
            y_axis=ChartAxis(label="loss"),
            series=[ChartSeries(name="loss", x=epochs, y=data.losses)],
        )
        summary = f"**{len(data.losses)} epochs**, final loss {data.losses[-1]:.3f}\n"
        note = f"<p id='note'>Learning rate {escape(str(data.learning_rate))}</p>"
        return [
            self.write_chart("loss curve", chart),
            self.write_visualization("summary", "markdown", summary.encode(), extension="md"),
            self.write_visualization("note", "html", note.encode(), extension="html"),
        ]


register_materializer(LossCurveMaterializer)


@step(enable_cache=False)
def fit_curve(learning_rate: float = 0.1, epochs: int = 10) -> LossCurve:
    start = 2.0 if learning_rate < 0.2 else 1.5
    losses = [round(start * math.exp(-learning_rate * e), 4) for e in range(1, epochs + 1)]
    return LossCurve(learning_rate, losses)


@pipeline(enable_cache=False)
def curves(learning_rate: float = 0.1, epochs: int = 10) -> None:
    fit_curve(learning_rate=learning_rate, epochs=epochs)


@pipeline
def forest_sizes(n_estimators: int = 60) -> None:
    train_x, train_y, test_x, test_y = split_digits()
    evaluate_classifier(fit_forest(train_x, train_y, n_estimators=n_estimators), test_x, test_y)
