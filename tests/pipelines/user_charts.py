"""A user type with its own materializer that shows a structured chart and table."""

from __future__ import annotations

import json
from dataclasses import dataclass

from headwater import (
    Chart,
    ChartAxis,
    ChartSeries,
    Materializer,
    Table,
    TableColumn,
    pipeline,
    register_materializer,
    step,
)
from headwater.artifacts import SavedVisualization


@dataclass(frozen=True)
class Rainfall:
    """Millimetres of rain per month at one station."""

    station: str
    months: list[str]
    millimetres: list[float]


class RainfallMaterializer(Materializer):
    """Saves a `Rainfall` as JSON; shows a bar chart and a table with a status per month."""

    ASSOCIATED_TYPES = (Rainfall,)

    def save(self, data: Rainfall) -> None:
        document = {"station": data.station, "months": data.months, "mm": data.millimetres}
        self.fs.pipe_file(self.file_path("rainfall.json"), json.dumps(document).encode())

    def load(self, data_type: type) -> Rainfall:
        document = json.loads(self.fs.cat_file(self.file_path("rainfall.json")))
        return data_type(document["station"], document["months"], document["mm"])

    def save_visualizations(self, data: Rainfall) -> list[SavedVisualization]:
        chart = Chart(
            kind="bar",
            title=f"Rainfall at {data.station}",
            x_axis=ChartAxis(label="month", categories=data.months),
            y_axis=ChartAxis(label="mm"),
            series=[ChartSeries(name="rainfall", y=data.millimetres)],
        )
        table = Table(
            columns=[TableColumn(name="month"), TableColumn(name="mm", type="number")],
            rows=[[m, mm] for m, mm in zip(data.months, data.millimetres, strict=True)],
            statuses=[[None, "fail" if mm > 100 else "pass"] for mm in data.millimetres],
        )
        return [self.write_chart("rainfall chart", chart), self.write_table("rainfall", table)]


register_materializer(RainfallMaterializer)


@step
def measure() -> Rainfall:
    return Rainfall("Kew", ["Jan", "Feb", "Mar", "Apr"], [55.2, 40.1, 120.4, 43.0])


@pipeline
def rainfall() -> None:
    measure()
