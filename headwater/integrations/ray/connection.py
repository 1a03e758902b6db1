"""What a Ray worker needs to reach a run's stores, and the check that it can.

A worker gets the metadata store's URL (with the token for a server, so it reads nothing
from its own `~/.headwater`) and the artifact store's URL. A worker on another machine
cannot open this machine's SQLite file or artifact folder: such a run is refused before
its first step, with what to use instead.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.errors import RunRefusedError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from headwater.store.base import Store

_SERVER_PREFIXES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class WorkerConnection:
    """The stores of a run as a worker opens them: URLs, and the server's token."""

    store_url: str
    artifact_store_url: str
    # The token a worker sends to a server store; None for a database URL.
    token: str | None = None
    # How long a worker's REST store retries a call while the server does not answer.
    rest_retry_seconds: float | None = None

    def open_store(self) -> Store:
        """The metadata store, opened from the URL and token alone."""
        if self.store_url.startswith(_SERVER_PREFIXES):
            from headwater.store.rest import RestStore

            return RestStore(self.store_url, self.token, retry_seconds=self.rest_retry_seconds)
        from headwater.store.factory import open_store

        return open_store(self.store_url)

    @property
    def is_store_on_this_machine(self) -> bool:
        """True for an embedded SQLite file, which only this machine can open."""
        return self.store_url.startswith("sqlite:")

    @property
    def is_artifact_store_on_this_machine(self) -> bool:
        """True for a folder on this machine's disk (no URL scheme, or `file://`)."""
        scheme, separator, _ = self.artifact_store_url.partition("://")
        return not separator or scheme in ("file", "local")


def check_workers_can_reach(
    connection: WorkerConnection, node_addresses: Iterable[str], local_addresses: Iterable[str]
) -> None:
    """Refuse a cluster with nodes on other machines when a store is on this one.

    Raises:
        RunRefusedError: naming each store a remote worker could not open, and what to
            use instead (the run is stopped before its first step).
    """
    mine = set(local_addresses)
    remote = sorted(a for a in set(node_addresses) if not _is_this_machine(a, mine))
    if not remote:
        return
    problems = []
    if connection.is_store_on_this_machine:
        problems.append(
            "the metadata store is this machine's SQLite file; use a server "
            "(`headwater login URL`) or PostgreSQL (HEADWATER_STORE_URL)"
        )
    if connection.is_artifact_store_on_this_machine:
        problems.append(
            f"the artifact store is the local folder '{connection.artifact_store_url}'; "
            f"use a shared artifact store (any fsspec URL, such as s3://bucket/prefix)"
        )
    if problems:
        raise RunRefusedError(
            f"The Ray cluster has nodes on other machines ({', '.join(remote)}), whose "
            f"workers could not reach this run's stores: {'; '.join(problems)}."
        )


def _is_this_machine(address: str, local_addresses: set[str]) -> bool:
    try:
        if ipaddress.ip_address(address).is_loopback:
            return True
    except ValueError:
        pass  # a host name: compare it as given
    return address in local_addresses
