"""Materializers for Python's scalar types: None, bool, int, float, str and bytes."""

from __future__ import annotations

import json
from typing import Any

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.visualization import SavedVisualization

# Past this size a string's markdown view would be too slow for the dashboard to render.
_LARGEST_MARKDOWN_VIEW = 1_000_000


class BuiltInMaterializer(Materializer):
    """None, bool, int and float as one JSON value in `data.json`.

    JSON keeps the kinds apart (`null`, `true`, `1`, `1.0`), so equal bytes mean an equal
    value of the same kind. Subclasses such as `IntEnum` members are rebuilt from the value.
    """

    ASSOCIATED_TYPES = (type(None), bool, int, float)
    FILE_NAME = "data.json"

    def save(self, data: Any) -> None:
        """Write the value as JSON."""
        with self.fs.open(self.file_path(self.FILE_NAME), "wb") as file:
            file.write(json.dumps(data).encode())

    def load(self, data_type: type) -> Any:
        """Read the JSON value, rebuilt as `data_type`."""
        with self.fs.open(self.file_path(self.FILE_NAME), "rb") as file:
            value = json.loads(file.read())
        if value is None or type(value) is data_type:
            return value
        return data_type(value)


class StrMaterializer(Materializer):
    """A string as UTF-8 text in `data.txt`, shown as markdown."""

    ASSOCIATED_TYPES = (str,)
    FILE_NAME = "data.txt"

    def save(self, data: str) -> None:
        """Write the string as UTF-8 (lone surrogates kept)."""
        with self.fs.open(self.file_path(self.FILE_NAME), "wb") as file:
            file.write(data.encode("utf-8", "surrogatepass"))

    def load(self, data_type: type) -> Any:
        """Read the text back, as `data_type` when that is a `str` subclass."""
        with self.fs.open(self.file_path(self.FILE_NAME), "rb") as file:
            text = file.read().decode("utf-8", "surrogatepass")
        return text if data_type is str else data_type(text)

    def extract_metadata(self, data: str) -> dict[str, Any]:
        """The string's length in characters."""
        return {"length": len(data)}

    def save_visualizations(self, data: str) -> list[SavedVisualization]:
        """The text itself, rendered as markdown, unless it is very long."""
        if len(data) > _LARGEST_MARKDOWN_VIEW:
            return []
        return [self.show_file("preview", "markdown", self.FILE_NAME)]


class BytesMaterializer(Materializer):
    """Bytes and bytearrays, as they are, in `data.bin`."""

    ASSOCIATED_TYPES = (bytes, bytearray)
    FILE_NAME = "data.bin"

    def save(self, data: bytes | bytearray) -> None:
        """Write the bytes."""
        with self.fs.open(self.file_path(self.FILE_NAME), "wb") as file:
            file.write(data)

    def load(self, data_type: type) -> Any:
        """Read the bytes back, as `data_type` (bytes or bytearray)."""
        with self.fs.open(self.file_path(self.FILE_NAME), "rb") as file:
            content = file.read()
        return content if data_type is bytes else data_type(content)

    def extract_metadata(self, data: bytes | bytearray) -> dict[str, Any]:
        """The number of bytes."""
        return {"length": len(data)}
