"""A user-defined flavor, as a plugin would ship it: an alerter with a secret token."""

from __future__ import annotations

from pydantic import SecretStr

from headwater.stacks import Flavor, FlavorSettings, StackComponentType


class WebhookSettings(FlavorSettings):
    """Where to post, and the token that proves it is us."""

    url: str
    token: SecretStr
    retries: int = 3


class WebhookAlerterFlavor(Flavor):
    """Posts run events to a webhook."""

    name = "token-hook"
    type = StackComponentType.ALERTER
    description = "Posts run events to a webhook."
    settings_class = WebhookSettings
