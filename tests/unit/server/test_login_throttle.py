"""Failed logins counted per user name and per client address, in a sliding window."""

from __future__ import annotations

import pytest

from headwater.errors import ConfigurationError, TooManyLoginAttempts
from headwater.server.login_throttle import LoginLimits, LoginThrottle

LIMITS = LoginLimits(max_failures_per_user=3, max_failures_per_address=5, window_seconds=60)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _fail(throttle: LoginThrottle, username: str, address: str = "10.0.0.1") -> None:
    throttle.begin_attempt(username, address)


def test_a_user_name_is_refused_after_its_failures_until_the_oldest_leaves_the_window():
    clock = Clock()
    throttle = LoginThrottle(LIMITS, clock=clock)
    for step in range(3):
        clock.now += step * 10
        _fail(throttle, "ada")

    with pytest.raises(TooManyLoginAttempts, match="3 failed logins for user 'ada'") as refused:
        _fail(throttle, "ada", "10.0.0.2")
    clock.now = 1000.0 + 60
    _fail(throttle, "ada")

    assert refused.value.retry_after_seconds == 30
    assert refused.value.status_code == 429


def test_a_success_resets_the_user_counter_and_does_not_count_for_the_address():
    throttle = LoginThrottle(LIMITS, clock=Clock())
    for _ in range(2):
        _fail(throttle, "ada")

    throttle.begin_attempt("ada", "10.0.0.1").succeeded()
    for _ in range(2):
        _fail(throttle, "ada")

    # 4 failures from the address so far (the success gave its slot back): one more fits.
    _fail(throttle, "bob")
    with pytest.raises(TooManyLoginAttempts, match=r"from address '10\.0\.0\.1'"):
        _fail(throttle, "eve")


def test_one_address_guessing_many_names_is_refused():
    throttle = LoginThrottle(LIMITS, clock=Clock())
    for index in range(5):
        _fail(throttle, f"name-{index}")

    with pytest.raises(TooManyLoginAttempts, match="5 failed logins from address"):
        _fail(throttle, "name-5")


def test_a_refused_attempt_does_not_extend_the_wait():
    clock = Clock()
    throttle = LoginThrottle(LIMITS, clock=clock)
    for _ in range(3):
        _fail(throttle, "ada")
    clock.now += 30
    for _ in range(10):
        with pytest.raises(TooManyLoginAttempts):
            _fail(throttle, "ada")

    clock.now += 30

    _fail(throttle, "ada")


def test_tracking_many_names_forgets_the_oldest_first():
    clock = Clock()
    throttle = LoginThrottle(LIMITS, clock=clock, max_tracked=10)
    for index in range(3):
        _fail(throttle, "ada", f"10.0.1.{index}")
    for index in range(30):
        clock.now += 1
        _fail(throttle, f"spray-{index}", f"10.0.2.{index}")

    assert throttle.tracked_count() <= 10
    _fail(throttle, "ada", "10.0.3.1")


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("HEADWATER_LOGIN_MAX_FAILURES_PER_USER", "2")
    monkeypatch.setenv("HEADWATER_LOGIN_MAX_FAILURES_PER_ADDRESS", "9")
    monkeypatch.setenv("HEADWATER_LOGIN_WINDOW_SECONDS", "30")
    monkeypatch.setenv("HEADWATER_PASSWORD_HASHING_THREADS", "4")

    limits = LoginLimits.from_environment()

    assert limits == LoginLimits(
        max_failures_per_user=2,
        max_failures_per_address=9,
        window_seconds=30,
        hashing_threads=4,
    )


def test_the_defaults_hold_without_the_environment(monkeypatch):
    for name in ("PER_USER", "PER_ADDRESS"):
        monkeypatch.delenv(f"HEADWATER_LOGIN_MAX_FAILURES_{name}", raising=False)
    monkeypatch.delenv("HEADWATER_LOGIN_WINDOW_SECONDS", raising=False)
    monkeypatch.delenv("HEADWATER_PASSWORD_HASHING_THREADS", raising=False)

    assert LoginLimits.from_environment() == LoginLimits()


def test_a_limit_that_is_not_a_positive_whole_number_is_named(monkeypatch):
    monkeypatch.setenv("HEADWATER_LOGIN_WINDOW_SECONDS", "soon")
    monkeypatch.setenv("HEADWATER_PASSWORD_HASHING_THREADS", "0")

    with pytest.raises(
        ConfigurationError,
        match=r"WINDOW_SECONDS is 'soon'.*HEADWATER_PASSWORD_HASHING_THREADS is '0'",
    ):
        LoginLimits.from_environment()
