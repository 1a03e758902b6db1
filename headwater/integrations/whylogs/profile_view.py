"""The materializer for whylogs profile views: whylogs' own binary, shown as data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer
from headwater.integrations.whylogs import profile_summary
from headwater.integrations.whylogs.library import import_whylogs

if TYPE_CHECKING:
    from headwater.artifacts.visualization import SavedVisualization

_FILE_NAME = "profile.bin"


class ProfileViewMaterializer(Materializer):
    """A `DatasetProfileView` in whylogs' serialized form (`profile.bin`).

    Views: a table of every column's counts, nulls, inferred type, distinct estimate and
    quantiles, and a distribution chart per numeric column (the first
    `MAX_DISTRIBUTION_CHARTS`). Nothing of whylogs' HTML, so nothing loads from a CDN.
    """

    ASSOCIATED_TYPES = ("whylogs.core.view.dataset_profile_view.DatasetProfileView",)

    def save(self, data: Any) -> None:
        self.fs.pipe_file(self.file_path(_FILE_NAME), data.serialize())

    def load(self, data_type: type) -> Any:
        import_whylogs()
        from whylogs.core import DatasetProfileView

        return DatasetProfileView.deserialize(self.fs.cat_file(self.file_path(_FILE_NAME)))

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        """How many columns and rows were profiled, and how many values were null."""
        summaries = [column.to_summary_dict() for column in data.get_columns().values()]
        rows = max((int(s.get("counts/n", 0)) for s in summaries), default=0)
        return {
            "columns": len(summaries),
            "rows": rows,
            "null_values": sum(int(s.get("counts/null", 0)) for s in summaries),
        }

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        """The column table, then one distribution chart per numeric column."""
        saved = [self.write_table("profile", profile_summary.profile_table(data))]
        columns = profile_summary.numeric_columns(data)[: profile_summary.MAX_DISTRIBUTION_CHARTS]
        for column in columns:
            chart = profile_summary.distribution_chart({"profile": data}, column)
            saved.append(self.write_chart(f"distribution of {column}", chart))
        return saved
