"""Every exception Headwater defines descends from HeadwaterError and lives in errors.py."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import headwater
from headwater import errors


def _modules():
    for info in pkgutil.walk_packages(headwater.__path__, "headwater."):
        if ".migrations." in info.name or ".integrations.dash" in info.name:
            continue  # Alembic scripts run only inside a migration; Dash is optional
        yield importlib.import_module(info.name)


def _exception_classes_defined_outside_errors():
    for module in _modules():
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and not issubclass(value, Warning)  # warned, never raised
                and value.__module__ == module.__name__
                and module is not errors
                and not name.startswith("_")
            ):
                yield f"{module.__name__}.{name}"


def test_no_public_exception_is_defined_outside_errors_py():
    assert list(_exception_classes_defined_outside_errors()) == []


def test_every_error_in_errors_py_descends_from_headwater_error():
    defined = [
        value
        for value in vars(errors).values()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == errors.__name__
    ]
    assert len(defined) > 20
    assert [c.__name__ for c in defined if not issubclass(c, errors.HeadwaterError)] == []


def test_the_tree_in_the_docstring_names_every_error():
    documented = errors.__doc__ or ""
    missing = [
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value)
        and issubclass(value, errors.HeadwaterError)
        and name not in documented
    ]
    assert missing == []
