"""Importing Great Expectations for Headwater: checked first, and without progress bars."""

from __future__ import annotations

from typing import Any


# GX's API is untyped to mypy (no stubs), hence `Any`.
def import_great_expectations() -> Any:
    """The `great_expectations` module.

    Raises:
        IntegrationError: Great Expectations is not installed; the message names the command.
    """
    from headwater.integrations.registry import require_integration

    require_integration("great-expectations")
    import great_expectations

    return great_expectations
