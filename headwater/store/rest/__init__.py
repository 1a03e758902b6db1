"""The REST store: the `Store` protocol over HTTP, talking to a Headwater server."""

from headwater.store.rest.store import RestStore

__all__ = ["RestStore"]
