"""`Materializer`: how one kind of value is saved, loaded, described and visualized."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from headwater.artifacts.materializers.class_paths import find_loaded_class, import_path
from headwater.artifacts.visualization import SavedVisualization
from headwater.errors import VisualizationError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from headwater.artifacts.chart_spec import Chart
    from headwater.artifacts.filesystem import FileSystem
    from headwater.artifacts.table_spec import Table
    from headwater.artifacts.visualization import VisualizationKind

VISUALIZATIONS_FOLDER = "_visualizations"


class Materializer:
    """Saves values of its `ASSOCIATED_TYPES` into a folder, and loads them back.

    Subclass it for a type Headwater does not know, then register it:

    ```python
    class PointMaterializer(Materializer):
        ASSOCIATED_TYPES = ("mylib.geometry.Point",)  # a string keeps the import lazy

        def save(self, data: Point) -> None:
            with self.fs.open(self.file_path("point.txt"), "wb") as file:
                file.write(f"{data.x},{data.y}".encode())

        def load(self, data_type: type) -> Point:
            x, y = self.fs.cat_file(self.file_path("point.txt")).decode().split(",")
            return data_type(float(x), float(y))

    register_materializer(PointMaterializer)
    ```

    `ASSOCIATED_TYPES` holds classes, or their import paths as strings ('numpy.ndarray')
    so that the library is imported only when such a value is saved or loaded.

    Args:
        uri: The artifact's folder: write and read files below it.
        fs: The filesystem the folder is on, with fsspec's method names.
    """

    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = ()

    def __init__(self, uri: str, fs: FileSystem) -> None:
        self.uri = uri
        self.fs = fs

    # User values pass through save, load and extract_metadata, hence `Any`.
    def save(self, data: Any) -> None:
        """Write `data` into files below `self.uri`."""
        raise NotImplementedError(f"{type(self).__qualname__} does not implement save()")

    def load(self, data_type: type) -> Any:
        """Read the files below `self.uri` back into a value of `data_type`."""
        raise NotImplementedError(f"{type(self).__qualname__} does not implement load()")

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        """Describe `data` with metadata (shape, length, ...); the store adds its size."""
        return {}

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        """Views of `data` for the dashboard; by default there are none.

        Write new files with `write_visualization` (they go below `<uri>/_visualizations/`
        and are not part of the content hash), charts and tables with `write_chart` and
        `write_table`, or offer a data file with `show_file`.
        """
        return []

    @classmethod
    def can_handle(cls, data_type: type) -> bool:
        """Whether `data_type` is, or derives from, one of the `ASSOCIATED_TYPES`."""
        mro_paths = {import_path(klass) for klass in data_type.__mro__}
        for associated in cls.ASSOCIATED_TYPES:
            if isinstance(associated, str):
                loaded = find_loaded_class(associated)
                if associated in mro_paths or (
                    loaded is not None and issubclass(data_type, loaded)
                ):
                    return True
            elif issubclass(data_type, associated):
                return True
        return False

    def file_path(self, name: str) -> str:
        """The path of a file called `name` in the artifact's folder."""
        return f"{self.uri}/{name}"

    def write_visualization(
        self, name: str, kind: VisualizationKind, content: bytes, *, extension: str
    ) -> SavedVisualization:
        """Write `content` as `<uri>/_visualizations/<name>.<extension>` and describe it."""
        folder = self.file_path(VISUALIZATIONS_FOLDER)
        self.fs.makedirs(folder, exist_ok=True)
        path = f"{folder}/{name}.{extension}"
        self.fs.pipe_file(path, content)
        return SavedVisualization(type=kind, uri=path, name=name)

    def show_file(self, name: str, kind: VisualizationKind, file_name: str) -> SavedVisualization:
        """Offer a data file itself as a visualization, without writing a copy."""
        return SavedVisualization(type=kind, uri=self.file_path(file_name), name=name)

    def write_chart(self, name: str, chart: Chart | Mapping[str, Any]) -> SavedVisualization:
        """Write a declarative chart (a `Chart`, or a dict of its fields) as a view.

        Raises:
            VisualizationError: the chart is malformed; the message lists every problem.
        """
        # Imported here: pydantic loads only when a chart is written, not with the store.
        from headwater.artifacts.chart_spec import Chart

        content = _checked_json(Chart, chart, name)
        return self.write_visualization(name, "chart", content, extension="json")

    def write_table(self, name: str, table: Table | Mapping[str, Any]) -> SavedVisualization:
        """Write a table (a `Table`, or a dict of its fields) as a view.

        Raises:
            VisualizationError: the table is malformed; the message lists every problem.
        """
        from headwater.artifacts.table_spec import Table

        content = _checked_json(Table, table, name)
        return self.write_visualization(name, "table", content, extension="json")


def _checked_json(model: type[BaseModel], value: object, name: str) -> bytes:
    from pydantic import ValidationError

    try:
        checked = value if isinstance(value, model) else model.model_validate(value)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or model.__name__}: {error['msg']}"
            for error in exc.errors()
        )
        raise VisualizationError(
            f"The {model.__name__.lower()} '{name}' is malformed: {problems}. Fix its fields "
            f"(see headwater.{model.__name__})."
        ) from None
    return checked.model_dump_json(exclude_none=True).encode()
