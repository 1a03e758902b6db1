"""Import paths of classes: how a type is recorded ("numpy.ndarray") and found again."""

from __future__ import annotations

import builtins
import functools
import importlib
import sys
import types

from headwater.errors import ArtifactError


def import_path(obj: type) -> str:
    """Return the path a class is recorded under, such as 'numpy.ndarray' or 'builtins.int'."""
    return f"{obj.__module__}.{obj.__qualname__}"


@functools.lru_cache(maxsize=512)
def load_class(path: str) -> type:
    """Import the class recorded as `path` ('module.Qualname', nested classes allowed).

    Raises:
        ArtifactError: no importable module and attribute chain gives a class.
    """
    found = _builtin_type(path) if path.startswith("builtins.") else None
    if found is not None:
        return found
    parts = path.split(".")
    problem = "no module in the path can be imported"
    for cut in range(len(parts) - 1, 0, -1):
        module_name = ".".join(parts[:cut])
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            problem = f"importing '{module_name}' failed: {exc}"
            continue
        found = _attribute_chain(module, parts[cut:])
        if found is not None:
            return found
        problem = f"module '{module_name}' has no class '{'.'.join(parts[cut:])}'"
        break
    raise ArtifactError(
        f"Cannot find the class '{path}': {problem}. Install the package that defines it "
        f"and run from a folder where its module imports; classes defined inside functions "
        f"or in another process's '__main__' cannot be found again."
    )


def find_loaded_class(path: str) -> type | None:
    """Return the class at `path` if its module is already imported, without importing."""
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is not None:
            return _attribute_chain(module, parts[cut:])
    return None


def _attribute_chain(root: object, names: list[str]) -> type | None:
    current = root
    for name in names:
        current = getattr(current, name, None)
        if current is None:
            return None
    return current if isinstance(current, type) else None


def _builtin_type(path: str) -> type | None:
    # Some builtin types (NoneType, function, ...) are not names in `builtins`; `types`
    # exposes them under other names, so match them by their qualified name.
    name = path.removeprefix("builtins.")
    found = getattr(builtins, name, None)
    if isinstance(found, type):
        return found
    for value in vars(types).values():
        if (
            isinstance(value, type)
            and value.__module__ == "builtins"
            and value.__qualname__ == name
        ):
            return value
    return None
