"""The server's settings messages match the dashboard's, case by case.

`dashboard/src/test/settings-messages.json` holds real flavor descriptions and bad values
with the message each should get; this test checks the server says it (and that the
fixture's schemas are the flavors' own), and a Vitest test checks the browser's ajv says
it too. Rewrite the fixture with `HEADWATER_WRITE_FIXTURES=1` after changing a flavor.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pydantic import Field

from headwater.errors import StackValidationError
from headwater.stacks.alerters import WebhookAlerterFlavor
from headwater.stacks.flavors import Flavor, FlavorDescription, FlavorSettings
from headwater.stacks.settings import validate_settings
from headwater.store.stack_models import StackComponentType

FIXTURE = Path(__file__).parents[3] / "dashboard" / "src" / "test" / "settings-messages.json"


class Limits(FlavorSettings):
    """Bounds on one side of a union."""

    low: int = Field(default=0, ge=0)


class UnionSettings(FlavorSettings):
    """Constructs no built-in flavor has yet: a union of a number and text, an optional
    nested object, and an optional bounded string."""

    size: int | str = Field(default=1, description="A number, or a name such as 'large'.")
    limits: Limits | None = None
    label: str | None = Field(default=None, min_length=2, max_length=5)


class UnionFlavor(Flavor):
    name = "unions"
    type = StackComponentType.EXPERIMENT_TRACKER
    settings_class = UnionSettings


_URL = {"url": "https://example.org/hook"}
_CASES = {
    "webhook": (
        WebhookAlerterFlavor,
        [
            ({**_URL, "timeout_seconds": 100}, "timeout_seconds", "must be <= 60"),
            ({**_URL, "timeout_seconds": 0}, "timeout_seconds", "must be > 0"),
            ({**_URL, "delivery": {"retries": 11}}, "delivery.retries", "must be <= 10"),
            (
                {**_URL, "delivery": {"backoff_seconds": 45.5}},
                "delivery.backoff_seconds",
                "must be <= 30",
            ),
            ({**_URL, "delivery": {"retries": 1.5}}, "delivery.retries", "must be integer"),
            ({"url": "ftp://x"}, "url", 'must match pattern "^https?://\\S+$"'),
            ({**_URL, "events": []}, "events", "must NOT have fewer than 1 items"),
            (
                {**_URL, "events": ["started"]},
                "events.0",
                "must be equal to one of the allowed values",
            ),
            (
                {**_URL, "secret_header_name": "Bad Header"},
                "secret_header_name",
                'must match pattern "^[A-Za-z0-9-]+$"',
            ),
            ({}, "url", "is required"),
        ],
    ),
    "unions": (
        UnionFlavor,
        [
            ({"label": "x"}, "label", "must NOT have fewer than 2 characters"),
            ({"label": "toolong"}, "label", "must NOT have more than 5 characters"),
            ({"limits": {"low": -1}}, "limits.low", "must be >= 0"),
        ],
    ),
}


def _fixture() -> dict:
    return {
        name: {
            "flavor": FlavorDescription.of(flavor).model_dump(mode="json"),
            "cases": [{"settings": s, "path": p, "message": m} for s, p, m in cases],
        }
        for name, (flavor, cases) in _CASES.items()
    }


def test_the_fixture_holds_the_flavors_as_the_server_describes_them():
    if os.environ.get("HEADWATER_WRITE_FIXTURES"):
        FIXTURE.write_text(json.dumps(_fixture(), indent=2) + "\n")

    assert json.loads(FIXTURE.read_text()) == _fixture()


@pytest.mark.parametrize(
    ("flavor", "settings", "path", "message"),
    [(flavor, *case) for flavor, cases in _CASES.values() for case in cases],
)
def test_the_server_says_what_the_browser_says(flavor, settings, path, message):
    with pytest.raises(StackValidationError) as caught:
        validate_settings(flavor, settings, component="c")

    assert f"'{path}' {message}" in str(caught.value)
