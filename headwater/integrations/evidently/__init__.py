"""The Evidently integration: reports' snapshots as drift tables and offline HTML.

`headwater integration install evidently` installs what it needs; without it, calling
the step here raises an error that names that command. Evidently's telemetry stays off.
"""

from __future__ import annotations

from typing import Any

from headwater.artifacts.materializers.registry import register_materializer
from headwater.integrations.evidently.library import evidently_warnings_hidden, import_evidently
from headwater.integrations.evidently.snapshot import MAX_FRAMED_HTML_BYTES, SnapshotMaterializer
from headwater.sdk.step import step

__all__ = [
    "MAX_FRAMED_HTML_BYTES",
    "SnapshotMaterializer",
    "data_drift_report",
    "evidently_warnings_hidden",
    "import_evidently",
]

register_materializer(SnapshotMaterializer)


# DataFrames in, an Evidently Snapshot out: user values, hence `Any`.
@step(enable_cache=False)
def data_drift_report(reference: Any, current: Any) -> Any:
    """Evidently's data drift preset run on `current` against `reference` (DataFrames);
    the artifact is the report's snapshot: a drift table, every metric, and the report.

    Raises:
        IntegrationError: Evidently is not installed.
    """
    evidently = import_evidently()
    from evidently.presets import DataDriftPreset

    with evidently_warnings_hidden():
        return evidently.Report([DataDriftPreset()]).run(current, reference)
