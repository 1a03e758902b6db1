"""`WebhookAlerter`: posts a JSON message about a finished run, retrying with backoff.

It raises on a delivery that failed every attempt; the runner logs that and leaves the
run as it ended (see `runner/alerts.py`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import httpx

from headwater.errors import ConfigurationError
from headwater.store.models import ExecutionStatus

if TYPE_CHECKING:
    from headwater.stacks.alerters import WebhookAlerterSettings
    from headwater.store.models import PipelineRun

# The part of a failed run's traceback a message carries: enough to recognise it.
_EXCEPTION_CHARACTERS = 2000


class WebhookAlerter:
    """Tells a URL that a run ended, for the endings its settings name."""

    def __init__(self, settings: WebhookAlerterSettings) -> None:
        self.settings = settings

    def run_finished(self, run: PipelineRun) -> None:
        """Post `run`'s ending, if it is one of the settings' events.

        Raises:
            ConfigurationError: every attempt failed; the message says how the last did.
        """
        event = _event_of(run.status)
        if event is None or event not in self.settings.events:
            return
        body = message_of(run, event)
        attempts = self.settings.delivery.retries + 1
        failure = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.settings.delivery.backoff_seconds * 2 ** (attempt - 1))
            failure = self._post(body)
            if not failure:
                return
        raise ConfigurationError(
            f"The webhook '{self.settings.url}' did not take the message about run "
            f"'{run.name}' after {attempts} attempt(s): {failure}. Check the URL and that "
            f"the receiver is up."
        )

    def _post(self, body: dict[str, Any]) -> str:
        """Post once; the failure in words, or '' when the receiver took it."""
        headers = {}
        if self.settings.secret is not None:
            headers[self.settings.secret_header_name] = self.settings.secret.get_secret_value()
        try:
            answer = httpx.post(
                self.settings.url, json=body, headers=headers, timeout=self.settings.timeout_seconds
            )
        except httpx.HTTPError as exc:
            return f"{type(exc).__name__}: {exc}"
        if answer.is_success:
            return ""
        return f"it answered HTTP {answer.status_code}"


def message_of(run: PipelineRun, event: str) -> dict[str, Any]:
    """The JSON body posted for a run's ending."""
    return {
        "event": f"run.{event}",
        "text": f"Run '{run.name}' of pipeline '{run.pipeline_name}' {event}.",
        "run": {
            "id": str(run.id),
            "name": run.name,
            "pipeline_name": run.pipeline_name,
            "status": run.status.value,
            "started": run.started.isoformat() if run.started else None,
            "ended": run.ended.isoformat() if run.ended else None,
            "exception": (run.exception or "")[-_EXCEPTION_CHARACTERS:] or None,
        },
    }


def _event_of(status: ExecutionStatus) -> str | None:
    if status is ExecutionStatus.FAILED:
        return "failed"
    if status is ExecutionStatus.COMPLETED:
        return "completed"
    return None
