"""Resource figures: CPU seconds and the peak resident memory of the process during a step."""

from __future__ import annotations

import time

import psutil
import pytest

from headwater.errors import HeadwaterError
from headwater.runner.resources import (
    HighWaterMarkTracker,
    ResourceMeter,
    SamplingTracker,
    get_peak_memory_tracker,
)

MIB = 1024 * 1024


def _allocate_and_free(size: int, *, hold_seconds: float = 0.0) -> None:
    block = b"\x01" * size  # written, so every page is resident
    time.sleep(hold_seconds)
    del block


def test_peak_memory_covers_an_allocation_freed_before_the_step_ends():
    meter = ResourceMeter()
    meter.start()

    _allocate_and_free(100 * MIB)
    figures = meter.stop()

    assert figures.peak_memory_bytes >= 100 * MIB
    assert figures.peak_memory_bytes - psutil.Process().memory_info().rss >= 90 * MIB


def test_sampling_tracker_sees_an_allocation_held_longer_than_its_interval():
    meter = ResourceMeter(tracker=SamplingTracker())
    meter.start()

    _allocate_and_free(100 * MIB, hold_seconds=10 * SamplingTracker.interval_seconds)
    figures = meter.stop()

    assert figures.peak_memory_bytes - psutil.Process().memory_info().rss >= 90 * MIB


def test_overlapping_meters_each_keep_their_own_peak():
    tracker = HighWaterMarkTracker.open()
    if tracker is None:
        pytest.skip("the kernel's RSS high-water mark cannot be reset here")
    outer, inner = ResourceMeter(tracker=tracker), ResourceMeter(tracker=tracker)
    outer.start()

    _allocate_and_free(100 * MIB)
    inner.start()  # resets the process-wide mark
    inner_figures = inner.stop()
    outer_figures = outer.stop()

    assert outer_figures.peak_memory_bytes - inner_figures.peak_memory_bytes >= 90 * MIB


def test_cpu_seconds_count_a_busy_loop():
    meter = ResourceMeter()
    meter.start()

    # Spin well past the OS's CPU-time tick (10 ms) so rounding cannot decide the test.
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:
        pass
    figures = meter.stop()

    assert figures.cpu_seconds >= 0.1


def test_stop_twice_returns_the_same_figures():
    meter = ResourceMeter()
    meter.start()

    first, second = meter.stop(), meter.stop()

    assert first is second


def test_stop_before_start_is_refused_with_advice():
    with pytest.raises(HeadwaterError, match=r"stop\(\) was called before start\(\)"):
        ResourceMeter().stop()


def test_the_process_uses_the_kernels_high_water_mark_where_it_can_be_reset():
    expected = HighWaterMarkTracker if HighWaterMarkTracker.open() else SamplingTracker

    assert isinstance(get_peak_memory_tracker(), expected)
