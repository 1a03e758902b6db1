"""Per-step log capture: every stream lands in the step's log, in order, and fds come back."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from headwater.errors import HeadwaterError
from headwater.runner.logs import (
    LogCapture,
    LogLine,
    get_log_capture,
    iter_log_lines,
    parse_log_lines,
)
from headwater.runner.logs.lines import MAX_LINE_BYTES


@pytest.fixture
def capture() -> Iterator[LogCapture]:
    capture = LogCapture()
    yield capture
    capture.close()


def _lines(sink: io.BytesIO) -> list[tuple[str, str]]:
    return [(line.stream, line.message) for line in parse_log_lines(sink.getvalue())]


def _same_file(first: int, second: int) -> bool:
    a, b = os.fstat(first), os.fstat(second)
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def test_print_lands_in_the_log_as_stdout(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        print("hello")

    assert _lines(sink) == [("stdout", "hello")]


def test_writes_to_sys_stderr_land_in_the_log_as_stderr(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        sys.stderr.write("careful\n")

    assert _lines(sink) == [("stderr", "careful")]


def test_writes_to_file_descriptors_one_and_two_land_in_the_log(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        os.write(1, b"from fd 1\n")
        os.write(2, b"from fd 2\n")

    assert sorted(_lines(sink)) == [("stderr", "from fd 2"), ("stdout", "from fd 1")]


def test_child_process_output_lands_in_the_log(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        subprocess.run(["echo", "hi"], check=True)
        subprocess.run(["sh", "-c", "echo oops >&2"], check=True)

    assert sorted(_lines(sink)) == [("stderr", "oops"), ("stdout", "hi")]


def test_logging_records_carry_stream_level_and_logger_name(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        logging.getLogger("x").warning("disk at %d%%", 91)

    [line] = parse_log_lines(sink.getvalue())
    assert (line.stream, line.message, line.level, line.logger) == (
        "log",
        "disk at 91%",
        "WARNING",
        "x",
    )


def test_lines_keep_their_order_across_python_descriptor_and_child_writes(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        print("one")
        os.write(1, b"two\n")
        subprocess.run(["echo", "three"], check=True)
        print("four")
        logging.getLogger("x").error("five")
        print("six")

    assert [message for _, message in _lines(sink)] == [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
    ]


def test_timestamps_are_timezone_aware_utc_and_ascending(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        print("a")
        print("b")

    times = [line.time for line in parse_log_lines(sink.getvalue())]
    assert all(time.utcoffset() == dt.timedelta(0) for time in times)
    assert times == sorted(times)


def test_two_consecutive_steps_do_not_mix_their_lines(capture):
    first, second = io.BytesIO(), io.BytesIO()

    with capture.step(first):
        print("first step")
        os.write(1, b"first step via fd\n")
    with capture.step(second):
        print("second step")

    assert _lines(first) == [("stdout", "first step"), ("stdout", "first step via fd")]
    assert _lines(second) == [("stdout", "second step")]


def test_partial_last_line_without_newline_is_kept(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        sys.stdout.write("progress: 50%")
        os.write(2, b"no newline on fd 2")

    assert sorted(_lines(sink)) == [("stderr", "no newline on fd 2"), ("stdout", "progress: 50%")]


def test_exception_inside_the_step_restores_descriptors_and_streams(capture):
    before_fds = [os.dup(1), os.dup(2)]
    before_streams = (sys.stdout, sys.stderr)
    sink = io.BytesIO()

    def failing_step() -> None:
        with capture.step(sink):
            print("about to fail")
            raise ZeroDivisionError("step failed")

    with pytest.raises(ZeroDivisionError):
        failing_step()

    assert _same_file(1, before_fds[0])
    assert _same_file(2, before_fds[1])
    assert (sys.stdout, sys.stderr) == before_streams
    assert _lines(sink) == [("stdout", "about to fail")]
    for fd in before_fds:
        os.close(fd)


def test_output_is_still_copied_to_the_original_descriptors(capture, capfd):
    sink = io.BytesIO()

    with capture.step(sink):
        print("to the terminal too")
        os.write(2, b"stderr too\n")
        subprocess.run(["echo", "child too"], check=True)

    seen = capfd.readouterr()
    assert seen.out == "to the terminal too\nchild too\n"
    assert seen.err == "stderr too\n"


def test_prints_are_copied_to_a_sys_stdout_that_does_not_write_to_fd_one(capture):
    sink, replaced = io.BytesIO(), io.StringIO()

    with contextlib.redirect_stdout(replaced), capture.step(sink):
        print("seen by the replacement")

    assert replaced.getvalue() == "seen by the replacement\n"
    assert _lines(sink) == [("stdout", "seen by the replacement")]


def test_prints_reach_pytests_capsys(capture, capsys):
    with capture.step(io.BytesIO()):
        print("for capsys")

    assert capsys.readouterr().out == "for capsys\n"


def test_another_process_can_read_a_running_steps_log(capture, tmp_path):
    log_path = tmp_path / "step.log"
    reader = "import sys; sys.stdout.write(open(sys.argv[1], 'rb').read().decode())"

    with log_path.open("wb") as sink, capture.step(sink):
        print("epoch 1 done")
        seen_while_running = subprocess.run(
            [sys.executable, "-c", reader, str(log_path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert [line.message for line in parse_log_lines(seen_while_running.encode())] == [
        "epoch 1 done"
    ]


def test_very_long_lines_are_split_into_pieces_of_at_most_64_kib(capture):
    sink = io.BytesIO()
    long_line = "é" * MAX_LINE_BYTES  # two bytes each: the cuts must not split a character

    with capture.step(sink):
        print(long_line)

    messages = [message for _, message in _lines(sink)]
    assert "".join(messages) == long_line
    assert all(len(message.encode()) <= MAX_LINE_BYTES for message in messages)


def test_a_step_inside_a_running_step_is_refused(capture):
    with (
        capture.step(io.BytesIO()),
        pytest.raises(HeadwaterError, match="already being captured"),
        capture.step(io.BytesIO()),
    ):
        pass


def test_close_restores_the_descriptors_and_can_be_called_twice(capture):
    before = os.dup(1)
    with capture.step(io.BytesIO()):
        print("x")

    capture.close()
    capture.close()

    assert _same_file(1, before)
    os.close(before)


def test_capture_starts_again_after_close(capture):
    capture.close()
    sink = io.BytesIO()

    with capture.step(sink):
        os.write(1, b"again\n")

    assert _lines(sink) == [("stdout", "again")]


def test_a_forked_child_writes_into_its_parents_step(capture):
    sink = io.BytesIO()

    with capture.step(sink):
        pid = os.fork()
        if pid == 0:
            print("from the forked child")
            sys.stdout.flush()
            os._exit(0)
        os.waitpid(pid, 0)

    assert _lines(sink) == [("stdout", "from the forked child")]


def test_get_log_capture_returns_one_instance_per_process():
    assert get_log_capture() is get_log_capture()


def test_capture_in_a_plain_process_tees_to_a_file_and_shows_unhandled_warnings(tmp_path):
    terminal, log = tmp_path / "terminal.txt", tmp_path / "step.log"
    script = textwrap.dedent(
        f"""
        import logging, os
        from headwater.runner.logs import get_log_capture

        fd = os.open({str(terminal)!r}, os.O_WRONLY | os.O_CREAT)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        with open({str(log)!r}, "wb") as sink, get_log_capture().step(sink):
            print("printed")
            logging.getLogger("app").warning("warned")
        print("after the step")
        """
    )

    subprocess.run([sys.executable, "-c", script], check=True, timeout=30)

    assert terminal.read_text().splitlines() == ["printed", "warned", "after the step"]
    assert [(line.stream, line.message) for line in parse_log_lines(log.read_bytes())] == [
        ("stdout", "printed"),
        ("log", "warned"),
    ]


def test_console_logging_handler_output_reaches_the_terminal_but_not_the_log_twice(tmp_path):
    terminal, log = tmp_path / "terminal.txt", tmp_path / "step.log"
    script = textwrap.dedent(
        f"""
        import logging, os
        from headwater.runner.logs import get_log_capture

        fd = os.open({str(terminal)!r}, os.O_WRONLY | os.O_CREAT)
        os.dup2(fd, 2)
        logging.basicConfig(format="%(levelname)s %(message)s")
        with open({str(log)!r}, "wb") as sink, get_log_capture().step(sink):
            logging.getLogger("app").warning("inside")
        logging.getLogger("app").warning("outside")
        """
    )

    subprocess.run([sys.executable, "-c", script], check=True, timeout=30)

    assert terminal.read_text().splitlines() == ["WARNING inside", "WARNING outside"]
    assert [(line.stream, line.message) for line in parse_log_lines(log.read_bytes())] == [
        ("log", "inside")
    ]


def test_parse_log_lines_skips_a_torn_last_record():
    data = (
        b'{"t":"2026-01-01T00:00:00.000001+00:00","s":"stdout","m":"whole"}\n'
        b'{"t":"2026-01-01T00:00:00.000002+00:00","s":"std'
    )

    lines = parse_log_lines(data)

    assert lines == [LogLine(dt.datetime(2026, 1, 1, 0, 0, 0, 1, tzinfo=dt.UTC), "stdout", "whole")]


def test_iter_log_lines_filters_by_stream_and_text(capture):
    sink = io.BytesIO()
    with capture.step(sink):
        print("loss 0.5")
        print("loss 0.4", file=sys.stderr)
        print("accuracy 0.9")

    lines = iter_log_lines(sink.getvalue(), stream="stdout", grep="loss")

    assert [line.message for line in lines] == ["loss 0.5"]
