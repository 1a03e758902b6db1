"""`EvaluationReport`: a model's headline metrics with the charts and tables that explain them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.artifacts.chart_spec import Chart
from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.table_spec import Table

if TYPE_CHECKING:
    from headwater.artifacts.visualization import SavedVisualization

_FILE_NAME = "report.json"


@dataclass(frozen=True)
class EvaluationReport:
    """What `evaluate_classifier` or `evaluate_regressor` found, in the order it is shown."""

    kind: str
    metrics: dict[str, float]
    charts: dict[str, Chart] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)


class EvaluationReportMaterializer(Materializer):
    """Saves a report as JSON; its charts and tables are its visualizations and its
    metrics its metadata, so they show in run comparisons."""

    ASSOCIATED_TYPES = (EvaluationReport,)

    def save(self, data: EvaluationReport) -> None:
        document = {
            "kind": data.kind,
            "metrics": data.metrics,
            "charts": {name: chart.model_dump(mode="json") for name, chart in data.charts.items()},
            "tables": {name: table.model_dump(mode="json") for name, table in data.tables.items()},
        }
        self.fs.pipe_file(self.file_path(_FILE_NAME), json.dumps(document).encode())

    def load(self, data_type: type) -> EvaluationReport:
        document = json.loads(self.fs.cat_file(self.file_path(_FILE_NAME)))
        report: EvaluationReport = data_type(
            kind=document["kind"],
            metrics=document["metrics"],
            charts={k: Chart.model_validate(v) for k, v in document["charts"].items()},
            tables={k: Table.model_validate(v) for k, v in document["tables"].items()},
        )
        return report

    def extract_metadata(self, data: EvaluationReport) -> dict[str, Any]:
        """The headline metrics (accuracy, f1, AUC; or r2, MAE, RMSE)."""
        return dict(data.metrics)

    def save_visualizations(self, data: EvaluationReport) -> list[SavedVisualization]:
        """Every chart, then every table."""
        charts = [self.write_chart(name, chart) for name, chart in data.charts.items()]
        return charts + [self.write_table(name, table) for name, table in data.tables.items()]
