"""The flavor registry: which flavors of stack components this process knows.

The registry is open. Register a flavor from Python with `register_flavor(MyFlavor)`, or
make it known to every process (the CLI included) in either of two ways:

- an entry point in the `headwater.flavors` group of your package's metadata:
  `[project.entry-points."headwater.flavors"] my_flavor = "my_pkg.flavors:MyFlavor"`;
- the `HEADWATER_FLAVORS` variable: `my_pkg.flavors:MyFlavor,other.mod:OtherFlavor`.
"""

from __future__ import annotations

import importlib
import os
import threading
from importlib.metadata import EntryPoint, distributions
from typing import Any

from pydantic import BaseModel

from headwater.errors import ConfigurationError, StackValidationError
from headwater.stacks import builtin_flavors
from headwater.stacks.flavors import Flavor
from headwater.store.stack_models import StackComponentType

FLAVORS_VARIABLE = "HEADWATER_FLAVORS"
ENTRY_POINT_GROUP = "headwater.flavors"

_registry: dict[tuple[StackComponentType, str], type[Flavor]] = {}
_lock = threading.Lock()
_loaded_entry_points = False
# The HEADWATER_FLAVORS value whose flavors are registered (reloaded when it changes).
_loaded_variable: str | None = None


def register_flavor(flavor: type[Flavor]) -> type[Flavor]:
    """Make a flavor available to components; usable as a class decorator.

    Registering a flavor again under the same type and name replaces it.

    Raises:
        ConfigurationError: the class is not a `Flavor` with a name, type and settings.
    """
    _check_flavor_class(flavor)
    with _lock:
        _registry[(flavor.type, flavor.name)] = flavor
    return flavor


def get_flavor(component_type: StackComponentType, name: str) -> type[Flavor]:
    """The registered flavor of a component type by name.

    Raises:
        StackValidationError: no flavor of that type has the name; the message lists those
            that exist.
    """
    flavors = _flavors()
    found = flavors.get((component_type, name))
    if found is None:
        known = sorted(n for t, n in flavors if t is component_type)
        raise StackValidationError(
            f"There is no {component_type.value} flavor named '{name}'. Use one of: "
            f"{', '.join(repr(n) for n in known) or 'none registered'} "
            f"(`headwater component flavors`), or register your own flavor."
        )
    return found


def list_flavors(component_type: StackComponentType | None = None) -> list[type[Flavor]]:
    """Every registered flavor (of one type, when given), by type then name."""
    flavors = _flavors()
    order = list(StackComponentType)
    return [
        flavors[key]
        for key in sorted(flavors, key=lambda k: (order.index(k[0]), k[1]))
        if component_type is None or key[0] is component_type
    ]


def _flavors() -> dict[tuple[StackComponentType, str], type[Flavor]]:
    global _loaded_entry_points, _loaded_variable
    if not _loaded_entry_points:
        # Built-ins first, so a plugin may replace one on purpose.
        for flavor in builtin_flavors.BUILTIN_FLAVORS:
            _registry.setdefault((flavor.type, flavor.name), flavor)
        for entry_point in _flavor_entry_points():
            origin = f"entry point '{entry_point.name}'"
            register_flavor(_import_flavor(entry_point.value, origin))
        _loaded_entry_points = True
    variable = os.environ.get(FLAVORS_VARIABLE, "")
    if variable != _loaded_variable:
        for path in (p.strip() for p in variable.split(",")):
            if path:
                register_flavor(_import_flavor(path, FLAVORS_VARIABLE))
        _loaded_variable = variable
    with _lock:
        return dict(_registry)


def _flavor_entry_points() -> list[EntryPoint]:
    """The `headwater.flavors` entry points of the installed distributions.

    What `entry_points(group=...)` answers, for a third of its cost: every run resolves
    its stack's flavors, and parsing every distribution's entry points (a few hundred in
    an ML environment) was a visible part of a local run's start (issue 19). Only files
    that name the group are parsed; the first distribution of a name wins, as there.
    """
    found: list[EntryPoint] = []
    seen: set[str] = set()
    header = f"[{ENTRY_POINT_GROUP}]"
    for distribution in distributions():
        text = distribution.read_text("entry_points.txt")
        if not text or header not in text:
            continue
        name = distribution.metadata["Name"].lower().replace("-", "_")
        if name not in seen:
            seen.add(name)
            found.extend(distribution.entry_points.select(group=ENTRY_POINT_GROUP))
    return found


def _import_flavor(path: str, origin: str) -> type[Flavor]:
    module_name, _, qualname = path.partition(":")
    try:
        target: Any = importlib.import_module(module_name)
        for part in qualname.split(".") if qualname else ():
            target = getattr(target, part)
    except (ImportError, AttributeError) as exc:
        raise ConfigurationError(
            f"Cannot import the flavor '{path}' named by {origin}: {exc}. Write it as "
            f"'package.module:ClassName' and make sure the package is installed."
        ) from exc
    flavor: type[Flavor] = target
    return flavor


def _check_flavor_class(flavor: Any) -> None:
    problems = []
    if not (isinstance(flavor, type) and issubclass(flavor, Flavor)):
        problems.append("it must be a subclass of headwater.stacks.Flavor")
    else:
        if not isinstance(getattr(flavor, "name", None), str) or not flavor.name:
            problems.append("it needs a `name`")
        if not isinstance(getattr(flavor, "type", None), StackComponentType):
            problems.append("its `type` must be a StackComponentType")
        settings = getattr(flavor, "settings_class", None)
        if not (isinstance(settings, type) and issubclass(settings, BaseModel)):
            problems.append("its `settings_class` must be a pydantic model")
    if problems:
        raise ConfigurationError(
            f"Cannot register the flavor {flavor!r}: {'; '.join(problems)}. See the "
            f"example in the docstring of headwater.stacks.Flavor."
        )
