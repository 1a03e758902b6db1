"""The materializer for pydantic models: JSON, reloaded into the recorded model class."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer

if TYPE_CHECKING:
    from pydantic import BaseModel

    from headwater.artifacts.visualization import SavedVisualization

_FILE_NAME = "model.json"


class PydanticModelMaterializer(Materializer):
    """A pydantic model as its JSON dump, validated back into the class it was saved as."""

    ASSOCIATED_TYPES = ("pydantic.main.BaseModel",)

    def save(self, data: BaseModel) -> None:
        """Write `model_dump_json()`."""
        with self.fs.open(self.file_path(_FILE_NAME), "wb") as file:
            file.write(data.model_dump_json().encode())

    def load(self, data_type: type) -> Any:
        """Validate the JSON into `data_type`, the recorded model class."""
        from pydantic import BaseModel

        if not issubclass(data_type, BaseModel):
            raise TypeError(f"'{data_type.__qualname__}' is not a pydantic model class")
        with self.fs.open(self.file_path(_FILE_NAME), "rb") as file:
            return data_type.model_validate_json(file.read())

    def save_visualizations(self, data: BaseModel) -> list[SavedVisualization]:
        """The JSON file itself."""
        return [self.show_file("preview", "json", _FILE_NAME)]
