"""User stories of one's own account on a team server: activation links, a new password,
personal API keys (issue 14)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import REPO, finish, headwater_env, record, wait_until_serving

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a password of my own"
# Screenshots of the new pages, for people to look at (the brief's folder, else a temp one).
SHOTS = Path("/work/shots/access")


def _run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        cwd=REPO,
        env=headwater_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up --auth` with the admin 'root', the member 'mia' and the small runs."""
    home = tmp_path_factory.mktemp("account-e2e") / "home"
    finish(record(home, "small"), timeout=120)
    for user, role in (("root", "admin"), ("mia", "member")):
        done = _run_cli(home, "users", "create", user, "--role", role, "--password", PASSWORD)
        assert done.returncode == 0, done.stderr
    log = (home / "e2e-server.log").open("wb")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "headwater"),
            "up",
            "--blocking",
            "--port",
            "0",
            "--auth",
        ],
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


def _page(browser: Browser, url: str, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)  # type: ignore[arg-type]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    context.set_default_timeout(30_000)
    return context.new_page()


def _logged_in(
    browser: Browser, url: str, user: str, password: str = PASSWORD, scheme: str = "light"
) -> Page:
    page = _page(browser, url, scheme)
    page.goto(f"{url}/login")
    page.get_by_role("textbox", name="Username").fill(user)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=f"Account: {user}")).to_be_visible()
    return page


def _shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_admin_hands_out_a_link_and_the_new_user_sets_their_password(
    browser: Browser, server_url: str, scheme: str
):
    name = f"ana-{scheme}"
    admin = _logged_in(browser, server_url, "root", scheme=scheme)
    admin.goto(f"{server_url}/settings/users")
    form = admin.get_by_role("form", name="Create a user")
    form.get_by_role("radio", name="With a one-time activation link").check()
    form.get_by_role("textbox", name="New user's name").fill(name)
    form.get_by_role("button", name="Create user and link").click()

    shown = admin.get_by_role("alert", name="Activation link")
    expect(shown).to_contain_text("shown only once")
    shown.get_by_role("button", name="Copy link").click()
    expect(shown.get_by_role("button", name="Copied")).to_be_visible()
    link = str(admin.evaluate("navigator.clipboard.readText()"))
    assert link.startswith(f"{server_url}/activate?token=hwa_")
    _shoot(admin, f"users-activation-link-{scheme}")

    newcomer = _page(browser, server_url, scheme)
    newcomer.goto(link)
    setting = newcomer.get_by_role("form", name="Set your password")
    expect(setting).to_contain_text(name)
    setting.get_by_label("New password").fill(NEW_PASSWORD)
    setting.get_by_label("Repeat the password").fill(NEW_PASSWORD)
    _shoot(newcomer, f"activate-{scheme}")
    setting.get_by_role("button", name="Set password").click()
    expect(newcomer.get_by_role("status")).to_contain_text("Your password is set")

    newcomer.goto(link)
    dead = newcomer.get_by_role("alert", name="Activation link")
    expect(dead).to_contain_text("works only once")
    _shoot(newcomer, f"activate-used-{scheme}")
    _logged_in(browser, server_url, name, NEW_PASSWORD, scheme)

    admin.goto(f"{server_url}/settings/audit?resource=user")
    trail = admin.get_by_role("table", name="Audit events")
    rows = trail.get_by_role("row").filter(has_text=name)
    # The activation is the new user's own change; the link's creation is the admin's.
    expect(rows.filter(has_text="activate_user")).to_contain_text(name)
    expect(rows.filter(has_text="create_activation_link")).to_contain_text("root")

def test_a_user_changes_their_password_and_stays_logged_in(browser: Browser, server_url: str):
    page = _logged_in(browser, server_url, "mia")
    other_device = httpx.post(
        f"{server_url}/api/v1/login",
        json={"username": "mia", "password": PASSWORD},
        timeout=60,
    ).json()["access_token"]
    page.goto(f"{server_url}/settings/profile")
    form = page.get_by_role("form", name="Change your password")

    form.get_by_label("Current password").fill("not my password")
    form.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    form.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    form.get_by_role("button", name="Change password").click()
    expect(form).to_contain_text("The current password is wrong")
    form.get_by_label("Current password").fill(PASSWORD)
    form.get_by_role("button", name="Change password").click()

    expect(form.get_by_role("status")).to_contain_text("Your other sessions have ended")
    page.reload()
    expect(page.get_by_role("button", name="Account: mia")).to_be_visible()
    refused = httpx.get(
        f"{server_url}/api/v1/me", headers={"Authorization": f"Bearer {other_device}"}
    )
    assert refused.status_code == 401
    _logged_in(browser, server_url, "mia", NEW_PASSWORD)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_user_makes_a_key_uses_it_from_the_cli_and_revokes_it(
    browser: Browser, server_url: str, tmp_path: Path, scheme: str
):
    page = _logged_in(browser, server_url, "root", scheme=scheme)
    page.goto(f"{server_url}/settings/profile")
    keys = page.get_by_role("region", name="Your API keys")
    keys.get_by_role("textbox", name="Key name").fill(f"laptop-{scheme}")
    keys.get_by_role("button", name="Create key").click()

    shown = page.get_by_role("alert", name="New API key")
    shown.get_by_role("button", name="Copy").click()
    expect(shown.get_by_role("button", name="Copied")).to_be_visible()
    key = str(page.evaluate("navigator.clipboard.readText()"))
    _shoot(page, f"profile-{scheme}")
    client_home = tmp_path / "laptop-home"
    logged_in = _run_cli(client_home, "login", server_url, "--api-key", key)
    assert logged_in.returncode == 0, logged_in.stderr
    listed = _run_cli(client_home, "runs", "list")
    assert listed.returncode == 0, listed.stderr
    assert "small_training" in listed.stdout

    shown.get_by_role("button", name="I have stored it").click()
    expect(page.get_by_text(key)).to_have_count(0)
    keys.get_by_role("button", name=f"Revoke laptop-{scheme}").click()
    page.get_by_role("dialog").get_by_role("button", name="Revoke").click()
    expect(keys.get_by_role("table", name="Your API keys")).to_contain_text("revoked")

    refused = _run_cli(client_home, "runs", "list")
    assert refused.returncode != 0
    assert "The API key is invalid, revoked or expired" in refused.stderr
