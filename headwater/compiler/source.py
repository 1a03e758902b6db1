"""Hashing a step's code: its own source plus the source of same-package functions it calls.

Editing a helper that a step calls changes the step's source hash, so the step reruns;
editing a library it imports from another package does not.
"""

from __future__ import annotations

import hashlib
import inspect
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a step function lives and what its code hashes to."""

    # "module:qualname", importable from another process when the module is.
    import_path: str
    code: str
    hash: str


@lru_cache(maxsize=4096)
def read_source(function: Callable[..., Any]) -> SourceInfo:
    """Read (once per function) the source and code hash of a step function."""
    hasher = hashlib.sha256()
    for callee in _same_package_functions(function):
        hasher.update(_source_text(callee).encode())
    import_path = f"{function.__module__}:{function.__qualname__}"
    return SourceInfo(import_path, _source_text(function), hasher.hexdigest())


def _source_text(function: Callable[..., Any]) -> str:
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        # Defined in a REPL or by exec: hash the compiled code instead.
        code = getattr(function, "__code__", None)
        return repr((code.co_code, code.co_consts)) if code else repr(function)


def _same_package_functions(root: Callable[..., Any]) -> Iterator[Callable[..., Any]]:
    """The root function, then every function of its package it reaches through globals."""
    package = root.__module__.split(".")[0]
    seen: set[int] = set()
    pending: list[Callable[..., Any]] = [root]
    while pending:
        function = pending.pop()
        if id(function) in seen:
            continue
        seen.add(id(function))
        yield function
        pending.extend(_called_functions(function, package))


def _called_functions(function: Callable[..., Any], package: str) -> Iterator[Callable[..., Any]]:
    code = getattr(function, "__code__", None)
    if code is None:
        return
    namespace = getattr(function, "__globals__", {})
    for name in sorted(_global_names(code)):
        candidate = namespace.get(name)
        candidate = getattr(candidate, "entrypoint", candidate)  # a Step calls its function
        if (
            isinstance(candidate, types.FunctionType)
            and candidate.__module__.split(".")[0] == package
        ):
            yield candidate


def _global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _global_names(constant)
    return names
