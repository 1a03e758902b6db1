"""User stories of logging in to a team server (`headwater up --auth`) in the dashboard."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import (
    RESULTS,
    finish,
    headwater_cli,
    record,
    serve_url,
)

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def team_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up --auth` over the small runs, with the member 'ada'; yields its URL."""
    home = tmp_path_factory.mktemp("login-e2e") / "home"
    finish(record(home, "small"), timeout=120)
    headwater_cli(home, "users", "create", "ada", "--role", "member", "--password", PASSWORD)
    yield from serve_url(home, "--auth")


@pytest.fixture
def visitor(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page with no cookies; screenshot into test-results/ on failure."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="light")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def log_in(page: Page, password: str = PASSWORD) -> None:
    page.get_by_role("textbox", name="Username").fill("ada")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_visitor_logs_in_sees_the_runs_and_logs_out(visitor: Page, team_server: str) -> None:
    visitor.goto(f"{team_server}/runs")
    expect(visitor).to_have_url(re.compile(r"/login\?next=%2Fruns"))

    log_in(visitor)

    expect(visitor).to_have_url(re.compile(r"/runs$"))
    expect(visitor.get_by_role("table", name="Runs").get_by_role("row")).to_have_count(4)
    visitor.get_by_role("button", name="Account: ada").click()
    menu = visitor.get_by_role("menu", name="Account")
    expect(menu).to_contain_text("member")
    menu.get_by_role("menuitem", name="Log out").click()
    expect(visitor).to_have_url(re.compile(r"/login"))
    visitor.goto(f"{team_server}/runs")
    expect(visitor).to_have_url(re.compile(r"/login\?next=%2Fruns"))


def test_a_wrong_password_says_so_and_keeps_the_login_page(visitor: Page, team_server: str) -> None:
    visitor.goto(f"{team_server}/login")

    log_in(visitor, password="not the password")

    expect(visitor.get_by_role("alert")).to_have_text("Wrong username or password.")
    expect(visitor).to_have_url(re.compile(r"/login"))


def test_after_logging_in_the_dashboard_returns_to_the_page_that_asked(
    visitor: Page, team_server: str
) -> None:
    visitor.goto(f"{team_server}/pipelines")
    expect(visitor).to_have_url(re.compile(r"/login\?next=%2Fpipelines"))

    log_in(visitor)

    expect(visitor).to_have_url(re.compile(r"/pipelines$"))
    expect(visitor.get_by_role("heading", name="Pipelines")).to_be_visible()


def test_a_logged_in_member_deletes_a_run_through_the_csrf_protected_session(
    visitor: Page, team_server: str
) -> None:
    visitor.goto(f"{team_server}/login?next=%2Fruns")
    log_in(visitor)
    rows = visitor.get_by_role("table", name="Runs").get_by_role("row")
    expect(rows).to_have_count(4)

    rows.nth(1).get_by_role("checkbox").check()
    visitor.get_by_role("button", name="Delete 1 run").click()
    visitor.get_by_role("dialog").get_by_role("button", name="Delete 1 run").click()

    expect(visitor.get_by_text("Deleted 1 run.")).to_be_visible()
    expect(rows).to_have_count(3)


def test_a_local_server_shows_no_login_and_no_account_menu(page: Page, dashboard) -> None:
    page.goto(f"{dashboard.url}/runs")

    expect(page.get_by_role("heading", name="Runs")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Account"))).to_have_count(0)
    assert httpx.get(f"{dashboard.url}/api/v1/me", timeout=30).json()["auth_mode"] == "local"
