"""Verifying a location: write, read back and delete a probe object, and say what failed.

Used on a service connector (with the location to try) and on an artifact store
component (its own location and connector). Every failure is an answer, never an
exception: which step failed and why, in one of a few kinds a person can act on.
"""

from __future__ import annotations

import errno
import uuid
from typing import TYPE_CHECKING

from headwater.artifacts.location import open_location
from headwater.errors import HeadwaterError, StackValidationError
from headwater.stacks.connector_options import named_connector, storage_options_for
from headwater.stacks.runtime import component_settings
from headwater.store.connector_models import (
    Verification,
    VerificationFailure,
    VerificationStep,
)
from headwater.store.filters import ListQuery
from headwater.store.stack_models import StackComponentType

if TYPE_CHECKING:
    from collections.abc import Iterator

    from headwater.store.base import Store
    from headwater.store.connector_models import ServiceConnector
    from headwater.store.stack_models import StackComponent

_PROBE_FOLDER = ".headwater-verify"
# Error codes of object stores (S3's, as s3fs keeps them in its messages) by failure kind.
_AUTH_CODES = frozenset(
    {"InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken"}
)
_UNREACHABLE_WORDS = ("Could not connect", "Connect timeout", "ConnectionError", "Name or service")


def verify_connector_locations(
    store: Store, connector: ServiceConnector, *, location: str | None, default_url: str
) -> list[Verification]:
    """Verify a connector under `location`, or under each artifact store that uses it.

    Raises:
        StackValidationError: no location is given and no artifact store uses it.
    """
    locations = (
        [location]
        if location is not None
        else _locations_using(store, connector, default_url=default_url)
    )
    if not locations:
        raise StackValidationError(
            f"No artifact store uses the service connector '{connector.name}', so there is "
            f"no location to verify. Give one, such as 's3://bucket/prefix' "
            f"(`headwater connector verify {connector.name} --location URL`)."
        )
    return [verify_connector(store, connector, location=where) for where in locations]


def verify_connector(store: Store, connector: ServiceConnector, *, location: str) -> Verification:
    """Verify that the connector's credentials can write, read and delete under `location`."""
    try:
        options = storage_options_for(store, connector, url=location)
    except HeadwaterError as exc:
        return _failed(location, VerificationStep.OPEN, exc)
    return verify_location(location, options)


def verify_artifact_store(
    store: Store, component: StackComponent, *, default_url: str
) -> Verification:
    """Verify an artifact store component's location, with its connector if it names one.

    Raises:
        StackValidationError: the component is not an artifact store.
    """
    if component.type is not StackComponentType.ARTIFACT_STORE:
        raise StackValidationError(
            f"'{component.name}' is a {component.type.value}, and only artifact stores have "
            f"a location to verify. Verify an artifact store, or a service connector."
        )
    url = str(component.settings.get("path") or default_url)
    try:
        settings = component_settings(store, component)
        url = str(getattr(settings, "path", None) or default_url)
        connector_name = named_connector(settings)
        if connector_name is None:
            return verify_location(url)
        connector = store.get_service_connector(connector_name)
    except HeadwaterError as exc:
        return _failed(url, VerificationStep.OPEN, exc)
    return verify_connector(store, connector, location=url)


def _locations_using(store: Store, connector: ServiceConnector, *, default_url: str) -> list[str]:
    """Where the artifact stores naming the connector keep their artifacts, each once."""
    stores = store.list_stack_components(
        ListQuery(filters={"type": StackComponentType.ARTIFACT_STORE.value}, size=10_000)
    ).items
    found = [
        str(c.settings.get("path") or default_url)
        for c in stores
        if c.project_id == connector.project_id and c.settings.get("connector") == connector.name
    ]
    return list(dict.fromkeys(found))


def verify_location(url: str, storage_options: dict[str, object] | None = None) -> Verification:
    """Write, read back and delete a probe object under `url`."""
    step = VerificationStep.OPEN
    try:
        location = open_location(url, dict(storage_options or {}))
        probe = location.join(_PROBE_FOLDER, f"{uuid.uuid4().hex}.txt")
        content = f"headwater verify {uuid.uuid4()}".encode()
        step = VerificationStep.WRITE
        if location.is_local:
            location.fs.makedirs(location.join(_PROBE_FOLDER), exist_ok=True)
        location.fs.pipe_file(probe, content)
        step = VerificationStep.READ
        read_back = location.fs.cat_file(probe)
        step = VerificationStep.DELETE
        location.fs.rm(probe)
        if location.is_local:  # object stores have no folders to leave behind
            location.fs.rm(location.join(_PROBE_FOLDER), recursive=True)
    except (HeadwaterError, Exception) as exc:
        return _failed(url, step, exc)
    if read_back != content:
        return Verification(
            ok=False,
            location=url,
            failed_step=VerificationStep.READ,
            failure=VerificationFailure.NOT_READABLE,
            message=f"A probe object written under '{url}' read back different bytes. Check "
            f"that nothing rewrites objects there (a proxy or a lifecycle rule).",
        )
    return Verification(
        ok=True,
        location=url,
        message=f"'{url}' is reachable and writable: a probe object was written, read back "
        f"and deleted.",
    )


def _failed(url: str, step: VerificationStep, exc: BaseException) -> Verification:
    failure = _kind_of(step, exc)
    return Verification(
        ok=False,
        location=url,
        failed_step=step,
        failure=failure,
        message=f"Cannot {_DOING[step]} '{url}': {_explained(exc)}. {_ADVICE[failure]}",
    )


def _kind_of(step: VerificationStep, exc: BaseException) -> VerificationFailure:
    text = _explained(exc)
    codes = _error_codes(exc)
    if step is VerificationStep.OPEN:
        return VerificationFailure.INVALID
    if codes & _AUTH_CODES:
        return VerificationFailure.AUTH
    if isinstance(exc, FileNotFoundError) or "NoSuchBucket" in codes:
        return VerificationFailure.MISSING_BUCKET
    if isinstance(exc, PermissionError):
        return VerificationFailure.NOT_WRITABLE
    if _is_unreachable(exc, text):
        return VerificationFailure.UNREACHABLE
    if step is VerificationStep.READ:
        return VerificationFailure.NOT_READABLE
    return VerificationFailure.NOT_WRITABLE


def _error_codes(exc: BaseException) -> frozenset[str]:
    """The object store's error codes along the exception's chain (botocore's
    `ClientError.response`, which s3fs raises its OSErrors from)."""
    codes: set[str] = set()
    for link in _chain(exc):
        response = getattr(link, "response", None)
        if isinstance(response, dict):
            codes.add(str(response.get("Error", {}).get("Code", "")))
    return frozenset(codes)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and those it was raised from or during, each once."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        yield link
        link = link.__cause__ or link.__context__


def _is_unreachable(exc: BaseException, text: str) -> bool:
    for link in _chain(exc):
        if isinstance(link, ConnectionError | TimeoutError) or (
            isinstance(link, OSError) and link.errno in (errno.ECONNREFUSED, errno.EHOSTUNREACH)
        ):
            return True
    return any(word in text for word in _UNREACHABLE_WORDS)


def _explained(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.rstrip(".")


_DOING = {
    VerificationStep.OPEN: "open",
    VerificationStep.WRITE: "write a probe object under",
    VerificationStep.READ: "read a probe object back from",
    VerificationStep.DELETE: "delete the probe object under",
}
_ADVICE = {
    VerificationFailure.AUTH: "The credentials were refused: check the connector's key "
    "and secret (`headwater connector update`).",
    VerificationFailure.MISSING_BUCKET: "The bucket or folder does not exist: create it, or "
    "fix the location.",
    VerificationFailure.NOT_WRITABLE: "The credentials may not write there: grant them write "
    "and delete access to the location.",
    VerificationFailure.NOT_READABLE: "The credentials may write but not read: grant them "
    "read access to the location.",
    VerificationFailure.UNREACHABLE: "The endpoint did not answer: check its URL "
    "(`endpoint_url`) and that the server can reach it.",
    VerificationFailure.INVALID: "Fix the location (a local folder or an fsspec URL whose "
    "package is installed) or the connector's settings.",
}
