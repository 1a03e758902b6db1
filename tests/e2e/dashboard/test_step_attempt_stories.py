"""User stories of a retried step: its attempts, each with its status and its error."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.dashboard.conftest import Dashboard, finish, record


@pytest.fixture(scope="module")
def retried(dashboard: Dashboard, tmp_path_factory: pytest.TempPathFactory) -> Dashboard:
    """The served dashboard with a run whose step failed twice, then completed."""
    folder = tmp_path_factory.mktemp("attempts")
    finish(record(dashboard.home, "retried", str(folder)), timeout=120)
    return dashboard


def test_a_retried_step_shows_its_attempts_and_opens_each(page: Page, retried: Dashboard):
    run_id = retried.api("/runs/retried_training-1").json()["id"]
    page.goto(f"{retried.url}/runs/{run_id}")
    # The graph draws the step once, as its latest attempt; the run did not fail.
    expect(page.get_by_role("button", name=re.compile(r"^Step flaky_fit"))).to_have_count(1)
    expect(page.get_by_text("This run failed.")).to_have_count(0)
    page.get_by_role("button", name="Step flaky_fit: Completed").click()

    attempts = page.get_by_role("navigation", name="Attempts")
    expect(attempts).to_contain_text("Attempt 3 of 3")
    expect(attempts.get_by_role("button", name=re.compile(r"^Attempt \d"))).to_have_count(3)
    expect(attempts.get_by_role("button", name="Attempt 3: completed")).to_have_attribute(
        "aria-current", "true"
    )
    attempts.get_by_role("button", name="Attempt 1: failed").click()

    expect(attempts).to_contain_text("Attempt 1 of 3")
    expect(page.get_by_role("region", name="Error")).to_contain_text("attempt 1 fails on purpose")
    expect(attempts.get_by_role("button", name="Attempt 1: failed")).to_have_attribute(
        "aria-current", "true"
    )


def test_a_step_that_ran_once_shows_no_attempts(page: Page, retried: Dashboard):
    run_id = retried.api("/runs/small_training-1").json()["id"]
    page.goto(f"{retried.url}/runs/{run_id}")
    page.get_by_role("button", name="Step load_table: Completed").click()

    expect(page.get_by_role("region", name="Parameters")).to_be_visible()
    expect(page.get_by_role("navigation", name="Attempts")).to_have_count(0)
