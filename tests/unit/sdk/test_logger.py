"""`headwater.logger.get_logger`: ZenML's `zenml.logger.get_logger`, which most files of
a real ZenML project import; its INFO lines land in the running step's log."""

from __future__ import annotations

import logging

from headwater import pipeline, step
from headwater.logger import get_logger

logger = get_logger(__name__)


@step
def chatty() -> int:
    logger.info("Training on %d rows", 42)
    return 1


def test_get_logger_is_a_standard_logger_that_shows_info_lines_in_the_step_log():
    @pipeline
    def talk() -> None:
        chatty()

    run = talk()

    assert isinstance(logger, logging.Logger)
    assert logger.name == __name__
    messages = [line.message for line in run.steps["chatty"].logs()]
    assert any("Training on 42 rows" in message for message in messages)
