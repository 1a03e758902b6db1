"""`get_logger`: ZenML's `zenml.logger.get_logger`, so `logger = get_logger(__name__)`
at the top of a ported module works unchanged.

The logger shows INFO and above (`HEADWATER_LOGGING_VERBOSITY` changes the level, like
ZenML's `ZENML_LOGGING_VERBOSITY`). Outside a step its lines go to stderr; inside a step
they go to the step's log, which the step's log capture records from the root logger.
"""

from __future__ import annotations

import logging
import os
from typing import TextIO

VERBOSITY_VARIABLE = "HEADWATER_LOGGING_VERBOSITY"
_FORMAT = "%(message)s"


class _OutsideStepsFilter(logging.Filter):
    """Lets a record through only when no step runs: a step's log capture has it then."""

    def filter(self, record: logging.LogRecord) -> bool:
        from headwater.runner.context import current_step_context

        return current_step_context() is None


def get_logger(logger_name: str) -> logging.Logger:
    """A standard `logging.Logger` named `logger_name`, showing INFO lines by default.

    Example:
        ```python
        from headwater.logger import get_logger

        logger = get_logger(__name__)
        logger.info("Training on %d rows", len(X))
        ```
    """
    logger = logging.getLogger(logger_name)
    logger.setLevel(_level())
    if not any(isinstance(h, _ConsoleHandler) for h in logger.handlers):
        logger.addHandler(_ConsoleHandler())
    return logger


class _ConsoleHandler(logging.StreamHandler[TextIO]):
    """stderr, looked up at each record (tests and notebooks replace `sys.stderr`)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter(_FORMAT))
        self.addFilter(_OutsideStepsFilter())

    def emit(self, record: logging.LogRecord) -> None:
        import sys

        self.setStream(sys.stderr)
        super().emit(record)


def _level() -> int:
    name = os.environ.get(VERBOSITY_VARIABLE, "INFO").upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.INFO
