"""The materializer for numpy arrays and numpy scalars: `.npy` files, charts as views."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer

if TYPE_CHECKING:
    import numpy as np

    from headwater.artifacts.visualization import SavedVisualization

_FILE_NAME = "array.npy"
# dtype kinds drawn as charts: booleans, signed and unsigned integers, floats.
_CHARTED_KINDS = "biuf"


class NumpyArrayMaterializer(Materializer):
    """A numpy array (or scalar) in numpy's own `.npy` format.

    Numeric arrays are visualized: 1-D as a histogram image and a line chart, 2-D as a
    heatmap image and a heatmap chart (the charts are downsampled JSON the dashboard
    draws). Arrays of Python objects are pickled inside the `.npy` file, as numpy does.
    """

    ASSOCIATED_TYPES = ("numpy.ndarray", "numpy.generic")

    def save(self, data: np.ndarray[Any, Any] | np.generic) -> None:
        """Write the array with `numpy.save`."""
        import numpy as np

        with self.fs.open(self.file_path(_FILE_NAME), "wb") as file:
            np.save(file, np.asarray(data), allow_pickle=True)

    def load(self, data_type: type) -> Any:
        """Read the array back; a numpy scalar comes back as a scalar."""
        import numpy as np

        with self.fs.open(self.file_path(_FILE_NAME), "rb") as file:
            array = np.load(file, allow_pickle=True)
        return array[()] if issubclass(data_type, np.generic) else array

    def extract_metadata(self, data: np.ndarray[Any, Any] | np.generic) -> dict[str, Any]:
        """The shape and dtype."""
        return {"shape": list(data.shape), "dtype": str(data.dtype)}

    def save_visualizations(
        self, data: np.ndarray[Any, Any] | np.generic
    ) -> list[SavedVisualization]:
        """A histogram and a line chart of a 1-D numeric array, heatmaps of a 2-D one.

        The PNG comes first: it is what notebooks and older dashboards show.
        """
        if data.dtype.kind not in _CHARTED_KINDS or data.size == 0 or data.ndim not in (1, 2):
            return []
        from headwater.artifacts import chart_data, charts

        if data.ndim == 1:
            png = charts.draw_histogram(data)  # type: ignore[arg-type]  # ndim 1: an array
            line = chart_data.line_chart_json(data)  # type: ignore[arg-type]  # an array
            return [
                self.write_visualization("histogram", "image", png, extension="png"),
                self.write_visualization("chart", "chart", line, extension="json"),
            ]
        png = charts.draw_heatmap(data)  # type: ignore[arg-type]  # ndim 2: an array
        cells = chart_data.heatmap_json(data)  # type: ignore[arg-type]  # ndim 2: an array
        return [
            self.write_visualization("heatmap", "image", png, extension="png"),
            self.write_visualization("chart", "chart", cells, extension="json"),
        ]
