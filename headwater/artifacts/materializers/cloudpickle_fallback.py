"""The last resort for a type no materializer knows: cloudpickle, with a warning."""

from __future__ import annotations

import warnings
from typing import Any

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.materializers.class_paths import import_path

_FILE_NAME = "data.pkl"


class PickleFallbackWarning(UserWarning):
    """A value was saved with cloudpickle because no materializer handles its type."""


class CloudpickleMaterializer(Materializer):
    """Any value, pickled with cloudpickle into `data.pkl`.

    Pickles are tied to the Python and library versions that wrote them and may run code
    when loaded, so saving one warns with `PickleFallbackWarning`.
    """

    ASSOCIATED_TYPES = (object,)

    def save(self, data: Any) -> None:
        """Warn that the value is pickled, then pickle it."""
        type_path = import_path(type(data))
        warnings.warn(
            f"No materializer handles the type '{type_path}', so Headwater saved the value "
            f"with cloudpickle, which may fail to load under other Python or library "
            f"versions. Write a Materializer subclass for '{type_path}' and call "
            f"register_materializer(YourMaterializer), or pass it to one step with "
            f"@step(output_materializers=YourMaterializer).",
            PickleFallbackWarning,
            stacklevel=2,
        )
        import cloudpickle  # imported here: it takes about 40 ms

        with self.fs.open(self.file_path(_FILE_NAME), "wb") as file:
            cloudpickle.dump(data, file)

    def load(self, data_type: type) -> Any:
        """Unpickle the value."""
        import cloudpickle

        with self.fs.open(self.file_path(_FILE_NAME), "rb") as file:
            return cloudpickle.load(file)
