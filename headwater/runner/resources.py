"""`ResourceMeter`: the CPU time and peak memory of the current process while a step runs.

CPU time is the change of `os.times()` over the step: user and system time of this
process plus that of child processes the step waited for.

Peak memory is the highest resident set size (RSS) of the process during the step, not
its growth. Two ways to find it, the better one chosen once per process:

- `HighWaterMarkTracker` (Linux): the kernel keeps the RSS high-water mark (``VmHWM`` in
  ``/proc/self/status``) and resets it to the current RSS when ``5`` is written to
  ``/proc/self/clear_refs``. Reset at the start, read at the end: the exact peak, even of
  an allocation that lived a microsecond, for about 15 microseconds a step and no thread.
  The kernel folds the current RSS into the mark before it unmaps or zaps pages, so
  memory freed by ``free``/``munmap``/``madvise`` is counted; pages the kernel reclaims or
  swaps out under memory pressure may lower it unseen.
- `SamplingTracker` (elsewhere, or where ``clear_refs`` is not writable): RSS through
  psutil at the start and end, plus one shared thread sampling every 20 ms while a step
  runs. A step shorter than the interval costs no sampling; a peak that lives less than
  the interval may be missed.

The mark is per process, so both trackers let meters overlap (threads running steps):
a reset first folds the current mark into every running meter.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from headwater.errors import HeadwaterError

if TYPE_CHECKING:
    import psutil

_KIB = 1024


@dataclass(frozen=True, slots=True)
class ResourceFigures:
    """What one step used: CPU seconds and the process's peak resident memory in bytes."""

    cpu_seconds: float
    peak_memory_bytes: int


class PeakWatch:
    """One running meter's highest RSS in bytes seen so far by its tracker."""

    __slots__ = ("peak",)

    def __init__(self, peak: int) -> None:
        self.peak = peak


class PeakMemoryTracker(Protocol):
    """Finds the peak RSS between `begin` and `end`; meters may overlap."""

    def begin(self) -> PeakWatch:
        """Start watching the peak."""

    def end(self, watch: PeakWatch) -> int:
        """Stop watching; the peak RSS in bytes since `begin`."""


class HighWaterMarkTracker:
    """The kernel's RSS high-water mark, reset per step (Linux); see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watches: set[PeakWatch] = set()
        self._pid = -1
        self._clear_refs_fd = -1
        self._status_fd = -1

    @classmethod
    def open(cls) -> HighWaterMarkTracker | None:
        """A tracker, or None where the mark cannot be read and reset."""
        tracker = cls()
        try:
            with tracker._lock:
                tracker._reset()
                tracker._read()
        except (OSError, ValueError):
            tracker._close_files()
            return None
        return tracker

    def begin(self) -> PeakWatch:
        watch = PeakWatch(0)
        with self._lock:
            if self._watches:
                mark = self._read()
                for running in self._watches:
                    running.peak = max(running.peak, mark)
            self._reset()
            self._watches.add(watch)
        return watch

    def end(self, watch: PeakWatch) -> int:
        with self._lock:
            self._watches.discard(watch)
            return max(watch.peak, self._read())

    def _reset(self) -> None:
        self._open_files()
        os.write(self._clear_refs_fd, b"5")

    def _read(self) -> int:
        self._open_files()
        size = 4096
        while True:
            # pread at 0 makes the kernel render the file afresh on every read.
            status = os.pread(self._status_fd, size, 0)
            start = status.find(b"VmHWM:")
            end = status.find(b"kB", start)
            if start >= 0 and end >= 0:
                return int(status[start + len(b"VmHWM:") : end]) * _KIB
            if len(status) < size:
                raise ValueError("/proc/self/status has no VmHWM line")
            size *= 4  # a very long Groups line pushed VmHWM further down

    def _open_files(self) -> None:
        # /proc/self is resolved when opened: a forked child must open its own files.
        pid = os.getpid()
        if self._pid == pid:
            return
        self._close_files()  # in a child, the copies of the parent's descriptors
        self._clear_refs_fd = os.open("/proc/self/clear_refs", os.O_WRONLY | os.O_CLOEXEC)
        self._status_fd = os.open("/proc/self/status", os.O_RDONLY | os.O_CLOEXEC)
        self._pid = pid

    def _close_files(self) -> None:
        for fd in (self._clear_refs_fd, self._status_fd):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._pid, self._clear_refs_fd, self._status_fd = -1, -1, -1


class SamplingTracker:
    """RSS at both ends plus a shared sampler thread; see the module docstring."""

    interval_seconds = 0.02

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._watches: set[PeakWatch] = set()
        self._sampler: threading.Thread | None = None
        self._process: psutil.Process | None = None
        self._pid = -1

    def begin(self) -> PeakWatch:
        watch = PeakWatch(self._rss())
        with self._condition:
            self._watches.add(watch)
            if self._sampler is None or not self._sampler.is_alive():
                self._sampler = threading.Thread(
                    target=self._sample, name="headwater-memory-sampler", daemon=True
                )
                self._sampler.start()
            self._condition.notify()
        return watch

    def end(self, watch: PeakWatch) -> int:
        rss = self._rss()
        with self._condition:
            self._watches.discard(watch)
        return max(watch.peak, rss)

    def _sample(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: bool(self._watches))
            time.sleep(self.interval_seconds)
            rss = self._rss()
            with self._condition:
                for watch in self._watches:
                    watch.peak = max(watch.peak, rss)

    def _rss(self) -> int:
        process = self._process
        if process is None or self._pid != os.getpid():
            import psutil  # only here: importing psutil costs milliseconds

            self._pid = os.getpid()
            process = self._process = psutil.Process()
        return int(process.memory_info().rss)


_tracker: PeakMemoryTracker | None = None
_tracker_lock = threading.Lock()


def get_peak_memory_tracker() -> PeakMemoryTracker:
    """The process-wide tracker: the kernel's high-water mark where it can be reset."""
    global _tracker
    with _tracker_lock:
        if _tracker is None:
            _tracker = HighWaterMarkTracker.open() or SamplingTracker()
        return _tracker


class ResourceMeter:
    """Measures one step: call `start()` before it and `stop()` after it.

    Example:
        >>> meter = ResourceMeter()
        >>> meter.start()
        >>> figures = meter.stop()  # ResourceFigures(cpu_seconds=..., peak_memory_bytes=...)
    """

    __slots__ = ("_cpu_start", "_figures", "_tracker", "_watch")

    def __init__(self, *, tracker: PeakMemoryTracker | None = None) -> None:
        self._tracker = tracker
        self._watch: PeakWatch | None = None
        self._cpu_start = 0.0
        self._figures: ResourceFigures | None = None

    def start(self) -> None:
        """Begin measuring the current process."""
        if self._tracker is None:
            self._tracker = get_peak_memory_tracker()
        self._figures = None
        self._watch = self._tracker.begin()
        self._cpu_start = _cpu_seconds()

    def stop(self) -> ResourceFigures:
        """Stop measuring; calling it again returns the same figures.

        Raises:
            HeadwaterError: `start()` was never called.
        """
        if self._figures is not None:
            return self._figures
        if self._watch is None or self._tracker is None:
            raise HeadwaterError(
                "ResourceMeter.stop() was called before start(). Call start() right before "
                "the step runs and stop() once it has finished."
            )
        cpu_seconds = _cpu_seconds() - self._cpu_start
        peak = self._tracker.end(self._watch)
        self._watch = None
        self._figures = ResourceFigures(cpu_seconds=max(cpu_seconds, 0.0), peak_memory_bytes=peak)
        return self._figures


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system
