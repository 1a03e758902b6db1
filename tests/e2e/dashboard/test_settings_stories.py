"""User stories of the settings area on a team server (`headwater up --auth`)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import REPO, finish, headwater_env, record, wait_until_serving

PASSWORD = "correct horse battery"
SHOTS = Path("/work/shots/access-ui")
UP_ARGUMENTS = ("up", "--blocking", "--port", "0", "--auth")


def _headwater(home: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        cwd=REPO,
        env=headwater_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def team_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up --auth` with the admin 'root' and the viewer 'vic'; yields its URL."""
    home = tmp_path_factory.mktemp("settings-e2e") / "home"
    finish(record(home, "small"), timeout=120)
    _headwater(home, "users", "create", "root", "--role", "admin", "--password", PASSWORD)
    _headwater(home, "users", "create", "vic", "--role", "viewer", "--password", PASSWORD)
    log = (home / "e2e-server.log").open("wb")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "headwater"), *UP_ARGUMENTS],
        cwd=REPO,
        env=headwater_env(home),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield wait_until_serving(home, server)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


def _logged_in(browser: Browser, url: str, user: str, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)  # type: ignore[arg-type]
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{url}/login")
    page.get_by_role("textbox", name="Username").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=f"Account: {user}")).to_be_visible()
    return page


def test_an_admin_asks_why_a_viewer_may_read_runs(browser: Browser, team_server: str):
    page = _logged_in(browser, team_server, "root")

    page.goto(f"{team_server}/settings/access")
    page.get_by_role("textbox", name="User", exact=True).fill("vic")
    page.get_by_role("textbox", name="Permission", exact=True).fill("run:read")
    page.get_by_role("textbox", name="Resource", exact=True).fill("default")
    page.get_by_role("button", name="Explain").click()

    answer = page.get_by_role("status").filter(has_text="Allowed")
    expect(answer).to_contain_text("role 'viewer'")
    page.context.close()


def test_the_explainer_says_when_nothing_allows_it(browser: Browser, team_server: str):
    page = _logged_in(browser, team_server, "root")

    page.goto(f"{team_server}/settings/access")
    page.get_by_role("textbox", name="User", exact=True).fill("vic")
    page.get_by_role("textbox", name="Permission", exact=True).fill("run:delete")
    page.get_by_role("textbox", name="Resource", exact=True).fill("default")
    page.get_by_role("button", name="Explain").click()

    expect(page.get_by_role("status").filter(has_text="Not allowed")).to_contain_text(
        "none of their roles grants it"
    )
    page.context.close()


def test_a_viewer_sees_only_the_settings_it_may_see(browser: Browser, team_server: str):
    page = _logged_in(browser, team_server, "vic")

    page.goto(f"{team_server}/settings/profile")

    nav = page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("link", name="Profile")).to_be_visible()
    expect(nav.get_by_role("link", name="Users")).to_have_count(0)
    expect(nav.get_by_role("link", name="Service accounts")).to_have_count(0)
    page.context.close()


def test_logging_out_everywhere_ends_the_session(browser: Browser, team_server: str):
    page = _logged_in(browser, team_server, "vic")

    page.goto(f"{team_server}/settings/profile")
    page.get_by_role("button", name="Log out everywhere").click()
    page.get_by_role("dialog").get_by_role("button", name="Log out everywhere").click()

    expect(page).to_have_url(f"{team_server}/login")
    assert page.request.get(f"{team_server}/api/v1/me").status == 401
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_every_settings_page(browser: Browser, team_server: str, scheme: str):
    page = _logged_in(browser, team_server, "root", scheme)
    SHOTS.mkdir(parents=True, exist_ok=True)

    for section in ("profile", "access"):
        page.goto(f"{team_server}/settings/{section}")
        expect(page.get_by_role("heading", name="Settings")).to_be_visible()
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SHOTS / f"{section}-{scheme}.png"), full_page=True)

    assert (SHOTS / f"access-{scheme}.png").stat().st_size > 0
    page.context.close()
