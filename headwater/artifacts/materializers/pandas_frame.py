"""Materializers for pandas DataFrames and Series: Parquet files, CSV views."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer

if TYPE_CHECKING:
    import pandas as pd

    from headwater.artifacts.visualization import SavedVisualization

_PARQUET_FILE = "data.parquet"
_PICKLE_FILE = "data.pkl"
_PREVIEW_ROWS = 100
# A Series is stored as a one-column frame; this names the column when the Series has no name.
_UNNAMED_SERIES = "__unnamed_series__"


class DataFrameMaterializer(Materializer):
    """A DataFrame as Parquet (through pyarrow), with a preview and a describe() table.

    Frames Parquet cannot hold exactly, such as columns named with mixed types or columns
    of arbitrary Python objects, are pickled by pandas instead.
    """

    ASSOCIATED_TYPES = ("pandas.DataFrame", "pandas.core.frame.DataFrame")

    def save(self, data: pd.DataFrame) -> None:
        """Write the frame as Parquet, or as a pandas pickle when Parquet cannot hold it."""
        _save_frame(self, data)

    def load(self, data_type: type) -> Any:
        """Read the frame back."""
        return _load_frame(self)

    def extract_metadata(self, data: pd.DataFrame) -> dict[str, Any]:
        """The shape, row count, column names and column dtypes."""
        return {
            "shape": list(data.shape),
            "rows": len(data),
            "columns": [str(column) for column in data.columns],
            "dtypes": {str(column): str(dtype) for column, dtype in data.dtypes.items()},
        }

    def save_visualizations(self, data: pd.DataFrame) -> list[SavedVisualization]:
        """The first 100 rows and the describe() statistics, both as CSV."""
        views = [_preview(self, data)]
        if data.shape[1] > 0:
            statistics = data.describe(include="all").to_csv().encode()
            views.append(self.write_visualization("describe", "csv", statistics, extension="csv"))
        return views


class SeriesMaterializer(Materializer):
    """A Series as a one-column Parquet file, with a preview of its first 100 values."""

    ASSOCIATED_TYPES = ("pandas.Series", "pandas.core.series.Series")

    def save(self, data: pd.Series[Any]) -> None:
        """Write the series as a one-column frame."""
        name = _UNNAMED_SERIES if data.name is None else data.name
        _save_frame(self, data.to_frame(name=name))

    def load(self, data_type: type) -> Any:
        """Read the series back, with its name."""
        series = _load_frame(self).iloc[:, 0]
        if series.name == _UNNAMED_SERIES:
            series.name = None
        return series

    def extract_metadata(self, data: pd.Series[Any]) -> dict[str, Any]:
        """The length, dtype and name ('' when it has none)."""
        name = "" if data.name is None else str(data.name)
        return {"length": len(data), "dtype": str(data.dtype), "name": name}

    def save_visualizations(self, data: pd.Series[Any]) -> list[SavedVisualization]:
        """The first 100 values as CSV."""
        return [_preview(self, data)]


def _save_frame(materializer: Materializer, frame: pd.DataFrame) -> None:
    import pandas as pd
    import pyarrow as pa

    # Parquet stores column names as strings: mixed-type names would come back changed.
    mixed_names = not isinstance(frame.columns, pd.MultiIndex) and (
        pd.api.types.infer_dtype(frame.columns).startswith("mixed")
    )
    if not mixed_names:
        try:
            with materializer.fs.open(materializer.file_path(_PARQUET_FILE), "wb") as file:
                frame.to_parquet(file, engine="pyarrow")
            return
        except (pa.ArrowException, TypeError):
            if materializer.fs.exists(materializer.file_path(_PARQUET_FILE)):
                materializer.fs.rm(materializer.file_path(_PARQUET_FILE))
    with materializer.fs.open(materializer.file_path(_PICKLE_FILE), "wb") as file:
        frame.to_pickle(file)


def _load_frame(materializer: Materializer) -> pd.DataFrame:
    import pandas as pd

    pickle_path = materializer.file_path(_PICKLE_FILE)
    if materializer.fs.exists(pickle_path):
        with materializer.fs.open(pickle_path, "rb") as file:
            frame: pd.DataFrame = pd.read_pickle(file)
            return frame
    with materializer.fs.open(materializer.file_path(_PARQUET_FILE), "rb") as file:
        return pd.read_parquet(file, engine="pyarrow")


def _preview(materializer: Materializer, data: pd.DataFrame | pd.Series[Any]) -> SavedVisualization:
    head = data.head(_PREVIEW_ROWS).to_csv().encode()
    return materializer.write_visualization("preview", "csv", head, extension="csv")
