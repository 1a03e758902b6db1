"""The materializer for dict, list, tuple, set and frozenset: JSON, or a pickle if need be."""

from __future__ import annotations

import json
from typing import Any

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.visualization import SavedVisualization

_JSON_SCALARS = (type(None), bool, int, float, str)
_PICKLE_FILE = "data.pkl"
# Past this size a JSON view would be too slow for the dashboard to render.
_LARGEST_JSON_VIEW = 1_000_000


class ContainerMaterializer(Materializer):
    """Collections as `<kind>.json` when JSON holds them exactly, else as `data.pkl`.

    The file name carries the kind ('list.json', 'tuple.json', 'set.json', ...), so a tuple
    comes back as a tuple and a set as a set, and `[1]` and `(1,)` never share bytes. Sets
    are written sorted, so equal sets give equal bytes. Contents JSON would change (tuples
    inside, non-string dict keys, other types) and subclasses such as `namedtuple` or
    `defaultdict` go through cloudpickle instead.
    """

    ASSOCIATED_TYPES = (dict, list, tuple, set, frozenset)

    def save(self, data: Any) -> None:
        """Write the collection as JSON when that is exact, else pickle it."""
        if not _is_exact_json(data):
            import cloudpickle  # imported here: it takes about 40 ms

            with self.fs.open(self.file_path(_PICKLE_FILE), "wb") as file:
                cloudpickle.dump(data, file)
            return
        items = sorted(data, key=json.dumps) if isinstance(data, set | frozenset) else data
        with self.fs.open(self.file_path(_json_file(type(data))), "wb") as file:
            file.write(json.dumps(items, ensure_ascii=False).encode())

    def load(self, data_type: type) -> Any:
        """Read the collection back as `data_type`."""
        pickle_path = self.file_path(_PICKLE_FILE)
        if self.fs.exists(pickle_path):
            import cloudpickle

            with self.fs.open(pickle_path, "rb") as file:
                return cloudpickle.load(file)
        with self.fs.open(self.file_path(_json_file(data_type)), "rb") as file:
            items = json.loads(file.read())
        return items if data_type in (list, dict) else data_type(items)

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        """The number of items."""
        return {"length": len(data)}

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        """The JSON file itself, when the collection was saved as JSON and is not huge."""
        name = _json_file(type(data))
        path = self.file_path(name)
        if not self.fs.exists(path) or self.fs.size(path) > _LARGEST_JSON_VIEW:
            return []
        return [self.show_file("preview", "json", name)]


def _json_file(data_type: type) -> str:
    return f"{data_type.__name__}.json"


def _is_exact_json(data: Any) -> bool:
    kind = type(data)
    if kind is set or kind is frozenset:
        return all(type(item) in _JSON_SCALARS for item in data)
    if kind is tuple:
        return all(_is_json_value(item) for item in data)
    return kind in (dict, list) and _is_json_value(data)


def _is_json_value(value: Any) -> bool:
    # Exact types only: JSON would turn a tuple inside into a list, an IntEnum into an int.
    kind = type(value)
    if kind in _JSON_SCALARS:
        return True
    if kind is list:
        return all(_is_json_value(item) for item in value)
    if kind is dict:
        return all(type(key) is str and _is_json_value(item) for key, item in value.items())
    return False
