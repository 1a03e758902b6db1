"""Alerter flavors: the base class an alerter flavor extends, and the built-in `webhook`
alerter that posts a JSON message when a run ends."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import Field, SecretStr

from headwater.stacks.flavors import Flavor, FlavorSettings
from headwater.store.stack_models import StackComponentType

if TYPE_CHECKING:
    from headwater.runner.alerts import RunAlerter


class AlerterFlavor(Flavor):
    """A flavor of alerter: builds what the runner tells when a run ends."""

    type = StackComponentType.ALERTER

    @classmethod
    def create_alerter(cls, settings: Any) -> RunAlerter:
        """The alerter for validated `settings` (an instance of `settings_class`)."""
        raise NotImplementedError(f"Flavor '{cls.name}' does not build an alerter.")


class WebhookEvent(StrEnum):
    """The run endings a webhook can be told about."""

    FAILED = "failed"
    COMPLETED = "completed"


class WebhookDelivery(FlavorSettings):
    """How hard to try before giving up on one message."""

    retries: int = Field(
        default=2, ge=0, le=10, description="Attempts after the first one fails (0 to 10)."
    )
    backoff_seconds: float = Field(
        default=1.0,
        title="Backoff (seconds)",
        ge=0,
        le=30,
        description="Seconds to wait before each retry, doubling every time (0 to 30).",
    )


class WebhookAlerterSettings(FlavorSettings):
    """Where a `webhook` alerter posts, which endings it reports, and how it delivers."""

    url: str = Field(
        title="URL",
        pattern=r"^https?://\S+$",
        max_length=2048,
        description="The http:// or https:// URL that receives a POST with a JSON body.",
    )
    events: list[WebhookEvent] = Field(
        default=[WebhookEvent.FAILED],
        min_length=1,
        description="Which run endings to report: failed runs, and optionally completed ones.",
    )
    timeout_seconds: float = Field(
        default=5.0,
        title="Timeout (seconds)",
        gt=0,
        le=60,
        description="How long to wait for the receiver's answer, per attempt (at most 60).",
    )
    delivery: WebhookDelivery = Field(
        default_factory=WebhookDelivery,
        title="Delivery",
        description="Retries when the receiver fails.",
    )
    secret_header_name: str = Field(
        default="X-Headwater-Secret",
        pattern=r"^[A-Za-z0-9-]+$",
        max_length=100,
        description="The header that carries the secret, when one is set.",
    )
    secret: SecretStr | None = Field(
        default=None,
        description="Sent in the secret header so the receiver knows the message is ours.",
    )


class WebhookAlerterFlavor(AlerterFlavor):
    """Posts a JSON message to a URL when a run fails (and, if asked, completes)."""

    name = "webhook"
    description = "Posts a JSON message to a URL when a run fails, or completes if asked."
    settings_class = WebhookAlerterSettings

    @classmethod
    def create_alerter(cls, settings: Any) -> RunAlerter:
        """A `WebhookAlerter` posting as `settings` say."""
        from headwater.stacks.webhook import WebhookAlerter

        chosen: WebhookAlerterSettings = settings
        return WebhookAlerter(chosen)
