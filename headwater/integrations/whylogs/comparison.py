"""`ProfileComparison`: two whylogs profiles side by side (reference and current)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.table_spec import CellValue, Table, TableColumn
from headwater.integrations.whylogs import profile_summary
from headwater.integrations.whylogs.library import import_whylogs

if TYPE_CHECKING:
    from headwater.artifacts.visualization import SavedVisualization

_REFERENCE_FILE = "reference.bin"
_CURRENT_FILE = "current.bin"
# Compared per column, reference beside current.
_STATISTICS = ("count", "nulls", "distinct (est.)", "median", "mean")


# The profiles are whylogs `DatasetProfileView`s: user values, hence `Any`.
@dataclass(frozen=True)
class ProfileComparison:
    """A reference profile and a current one, to be shown side by side."""

    reference: Any
    current: Any


class ProfileComparisonMaterializer(Materializer):
    """Both profiles in whylogs' binary form. Views: a table of each column's statistics
    in both profiles, and each shared numeric column's two distributions in one chart."""

    ASSOCIATED_TYPES = (ProfileComparison,)

    def save(self, data: ProfileComparison) -> None:
        self.fs.pipe_file(self.file_path(_REFERENCE_FILE), data.reference.serialize())
        self.fs.pipe_file(self.file_path(_CURRENT_FILE), data.current.serialize())

    def load(self, data_type: type) -> ProfileComparison:
        import_whylogs()
        from whylogs.core import DatasetProfileView

        def read(name: str) -> Any:
            return DatasetProfileView.deserialize(self.fs.cat_file(self.file_path(name)))

        comparison: ProfileComparison = data_type(read(_REFERENCE_FILE), read(_CURRENT_FILE))
        return comparison

    def extract_metadata(self, data: ProfileComparison) -> dict[str, Any]:
        """Which columns appeared or disappeared between the two profiles."""
        reference, current = set(data.reference.get_columns()), set(data.current.get_columns())
        return {
            "columns_added": sorted(current - reference),
            "columns_removed": sorted(reference - current),
        }

    def save_visualizations(self, data: ProfileComparison) -> list[SavedVisualization]:
        named = {"reference": data.reference, "current": data.current}
        saved = [self.write_table("reference vs current", _side_by_side_table(named))]
        shared = [
            column
            for column in profile_summary.numeric_columns(data.current)
            if column in profile_summary.numeric_columns(data.reference)
        ]
        for column in shared[: profile_summary.MAX_DISTRIBUTION_CHARTS]:
            chart = profile_summary.distribution_chart(named, column)
            saved.append(self.write_chart(f"distribution of {column}", chart))
        return saved


def _side_by_side_table(named_views: dict[str, Any]) -> Table:
    tables = {
        name: {row[0]: row for row in profile_summary.profile_table(view).rows}
        for name, view in named_views.items()
    }
    header = [c.name for c in profile_summary.profile_table(named_views["current"]).columns]
    indexes = [header.index(statistic) for statistic in _STATISTICS]
    columns = sorted({str(column) for rows in tables.values() for column in rows})
    rows: list[list[CellValue]] = []
    for column in columns:
        cells: list[CellValue] = [str(column)]
        for index in indexes:
            cells.extend(
                rows_of.get(column, [None] * len(header))[index] for rows_of in tables.values()
            )
        rows.append(cells)
    return Table(
        title="Reference and current profiles",
        columns=[
            TableColumn(name="column"),
            *(
                TableColumn(name=f"{statistic} ({name})", type="number")
                for statistic in _STATISTICS
                for name in named_views
            ),
        ],
        rows=rows,
    )
