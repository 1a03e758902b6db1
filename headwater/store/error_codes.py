"""Stable codes for our errors, so an error crosses HTTP and comes back as the same class.

The server answers a failed request with `{"code": ...}`; the REST store raises the
class the code names, with the server's message, so callers of any `Store` catch the
same exceptions.
"""

from __future__ import annotations

import re

from headwater import errors
from headwater.errors import HeadwaterError

# Codes kept short where HTTP clients (the dashboard) match on them; every other error
# class gets its snake_case name, such as 'entity_in_use'.
_NAMED_CODES: dict[type[HeadwaterError], str] = {
    errors.EntityNotFoundError: "not_found",
    errors.EntityExistsError: "conflict",
    errors.FilterError: "bad_filter",
    errors.MetadataError: "bad_metadata",
    errors.ArtifactError: "artifact_unavailable",
    errors.StoreError: "store_unavailable",
    errors.NotAuthenticatedError: "unauthorized",
    errors.PermissionDeniedError: "forbidden",
}
# What an answer without one of our codes stands for, by its HTTP status.
_CLASS_BY_STATUS: dict[int, type[HeadwaterError]] = {
    401: errors.NotAuthenticatedError,
    403: errors.PermissionDeniedError,
    404: errors.EntityNotFoundError,
    409: errors.EntityExistsError,
}


def error_code(error_type: type[HeadwaterError]) -> str:
    """The stable code of an error class."""
    named = _NAMED_CODES.get(error_type)
    if named is not None:
        return named
    name = error_type.__name__.removesuffix("Error") or error_type.__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def error_class(code: str) -> type[HeadwaterError] | None:
    """The error class a code names, if it names one of ours."""
    return _classes_by_code().get(code)


def error_class_of_status(status_code: int) -> type[HeadwaterError] | None:
    """The error class an HTTP status stands for when its code names none of ours."""
    return _CLASS_BY_STATUS.get(status_code)


def _classes_by_code() -> dict[str, type[HeadwaterError]]:
    found: dict[str, type[HeadwaterError]] = {}
    pending: list[type[HeadwaterError]] = [HeadwaterError]
    while pending:
        current = pending.pop()
        found.setdefault(error_code(current), current)
        pending.extend(current.__subclasses__())
    return found
