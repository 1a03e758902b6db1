"""The materializer for Evidently snapshots (what `Report.run` returns)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer
from headwater.integrations.evidently import snapshot_summary
from headwater.integrations.evidently.library import evidently_warnings_hidden, import_evidently

if TYPE_CHECKING:
    from headwater.artifacts.visualization import SavedVisualization

_SNAPSHOT_FILE = "snapshot.json"
_HTML_FILE = "report.html"
# Reports whose HTML is larger than this are not framed in the dashboard (the browser
# would parse it all on every visit): the tables show, and report.html is a download.
MAX_FRAMED_HTML_BYTES = 16 * 1024 * 1024


class SnapshotMaterializer(Materializer):
    """An Evidently `Snapshot` as Evidently's own JSON (`snapshot.json`), beside the
    report's self-contained HTML (`report.html`: its scripts are inline, and the frame it
    is shown in may load nothing).

    Views: the drift table (one row per column, drifted or not), every metric as a
    table, and the report's HTML in the sandboxed frame when it is at most
    `MAX_FRAMED_HTML_BYTES`. Metadata: drift share, drifted columns and their names.
    """

    ASSOCIATED_TYPES = ("evidently.core.report.Snapshot",)

    def save(self, data: Any) -> None:
        with evidently_warnings_hidden():
            content = data.dumps().encode()
            html = data.get_html_str(as_iframe=False).encode()
        self.fs.pipe_file(self.file_path(_SNAPSHOT_FILE), content)
        self.fs.pipe_file(self.file_path(_HTML_FILE), html)

    def load(self, data_type: type) -> Any:
        import_evidently()
        from evidently.core.report import Snapshot

        with evidently_warnings_hidden():
            return Snapshot.loads(self.fs.cat_file(self.file_path(_SNAPSHOT_FILE)).decode())

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        metadata = snapshot_summary.snapshot_metadata(data.dict()["metrics"])
        metadata["html_bytes"] = int(self.fs.size(self.file_path(_HTML_FILE)))
        return metadata

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        metrics = data.dict()["metrics"]
        saved = []
        drift = snapshot_summary.drift_table(metrics)
        if drift is not None:
            saved.append(self.write_table("drift by column", drift))
        saved.append(self.write_table("metrics", snapshot_summary.metrics_table(metrics)))
        if self.fs.size(self.file_path(_HTML_FILE)) <= MAX_FRAMED_HTML_BYTES:
            saved.append(self.show_file("report", "html", _HTML_FILE))
        return saved
