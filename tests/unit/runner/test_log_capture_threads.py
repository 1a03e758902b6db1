"""The log capture shared by threads: their steps take turns, bystanders stay out."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator

import pytest

from headwater.runner.logs import LogCapture, parse_log_lines


@pytest.fixture
def capture() -> Iterator[LogCapture]:
    capture = LogCapture()
    yield capture
    capture.close()


def _messages(sink: io.BytesIO) -> list[str]:
    return [line.message for line in parse_log_lines(sink.getvalue())]


def test_a_step_of_another_thread_waits_its_turn_instead_of_failing(capture):
    first, second = io.BytesIO(), io.BytesIO()
    errors: list[BaseException] = []

    def other_step() -> None:
        try:
            with capture.step(second):
                print("second step")
        except BaseException as exc:
            errors.append(exc)

    with capture.step(first):
        print("first step")
        other = threading.Thread(target=other_step)
        other.start()
    other.join(timeout=60)

    assert errors == []
    assert _messages(first) == ["first step"]
    assert _messages(second) == ["second step"]


def test_a_pipeline_thread_outside_its_steps_writes_into_no_other_threads_step(capture):
    sink = io.BytesIO()

    def bystander() -> None:
        with capture.pipeline_thread():
            print("between the bystander's steps")
            logging.getLogger("bystander").warning("a warning of the bystander")

    with capture.step(sink):
        print("mine")
        thread = threading.Thread(target=bystander)
        thread.start()
        thread.join(timeout=60)

    assert _messages(sink) == ["mine"]


def test_threads_a_step_starts_itself_are_still_captured(capture):
    sink = io.BytesIO()

    def helper() -> None:
        print("from the step's own thread")

    with capture.pipeline_thread(), capture.step(sink):
        thread = threading.Thread(target=helper)
        thread.start()
        thread.join(timeout=60)

    assert _messages(sink) == ["from the step's own thread"]
