"""ZenML's documented `except KeyError:` around a Client lookup catches our not-found
error, whose message still reads as a sentence (not KeyError's quoted repr)."""

from __future__ import annotations

from headwater import Client
from headwater.errors import EntityNotFoundError


def test_a_missing_model_version_is_caught_by_except_key_error():
    try:
        Client().get_model_version("no-such-model", "staging")
        caught = None
    except KeyError as exc:
        caught = exc

    assert isinstance(caught, EntityNotFoundError)
    assert not str(caught).startswith("'")
