"""Checking settings against a flavor: every problem at once, secrets split and hidden."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from headwater.errors import StackValidationError
from headwater.stacks.settings import merge_settings, validate_settings
from headwater.store.stack_models import SECRET_MASK, StackComponent, StackComponentType
from tests.stacks_fixtures.webhook_flavor import WebhookAlerterFlavor


def _stored(settings, secret_keys=()):
    return StackComponent(
        id=uuid.uuid4(),
        project_id=uuid.uuid4(),
        name="hook",
        type=StackComponentType.ALERTER,
        flavor="token-hook",
        settings=settings,
        secret_keys=secret_keys,
        created=dt.datetime.now(dt.UTC),
    )


def test_valid_settings_are_split_into_plain_values_and_secrets():
    split = validate_settings(
        WebhookAlerterFlavor, {"url": "https://x", "token": "t0k", "retries": "5"}, component="hook"
    )

    assert split.plain == {"url": "https://x", "retries": 5}
    assert split.secrets == {"token": "t0k"}


def test_every_problem_is_listed_in_one_error():
    with pytest.raises(StackValidationError) as caught:
        validate_settings(WebhookAlerterFlavor, {"retries": "many", "colour": 1}, component="hook")

    message = str(caught.value)
    assert message.startswith("The settings of alerter 'hook' (flavor 'token-hook') are invalid:")
    for problem in (
        "'url' is required",
        "'token' is required",
        "'retries' must be integer",
        "'colour' is not a setting of this flavor",
        "The flavor's settings are: 'url', 'token', 'retries'",
    ):
        assert problem in message


def test_a_rejected_secret_value_never_appears_in_the_error():
    with pytest.raises(StackValidationError) as caught:
        validate_settings(
            WebhookAlerterFlavor, {"url": "u", "token": ["leaked-secret"]}, component="hook"
        )

    assert "leaked-secret" not in str(caught.value)
    assert "'token'" in str(caught.value)


def test_merging_updates_keeps_other_settings_and_a_masked_secret():
    current = _stored({"url": "a", "retries": 3, "token": SECRET_MASK}, ("token",))

    merged = merge_settings(current, {"token": "real"}, {"url": "b", "token": SECRET_MASK})

    assert merged == {"url": "b", "retries": 3, "token": "real"}


def test_merging_an_update_to_none_removes_the_setting():
    current = _stored({"url": "a", "retries": 5})

    assert merge_settings(current, {}, {"retries": None}) == {"url": "a"}
