"""User stories of the settings area on a team server (`headwater up --auth`)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import (
    REPO,
    RESULTS,
    finish,
    headwater_env,
    record,
    wait_until_serving,
)

PASSWORD = "correct horse battery"
SHOTS = RESULTS / "screenshots" / "settings"
SETTINGS_PAGES = (
    "profile",
    "members",
    "users",
    "teams",
    "roles",
    "service-accounts",
    "audit",
    "access",
)
RUNNER_PERMISSIONS = ("project:read", "pipeline:read", "run:read", "step:read", "artifact:read")
UP_ARGUMENTS = ("up", "--blocking", "--port", "0", "--auth")


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


def _headwater(home: Path, *args: str) -> None:
    done = _run_cli(home, *args)
    assert done.returncode == 0, done.stderr


@dataclass(frozen=True)
class TeamServer:
    """A running `headwater up --auth`, and the home it serves."""

    url: str
    home: Path


@pytest.fixture(scope="module")
def team_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamServer]:
    """`headwater up --auth` with the admin 'root', the viewer 'vic' and the member
    'tess'; the small runs in 'default' and one more project, 'ops', with runs too."""
    home = tmp_path_factory.mktemp("settings-e2e") / "home"
    finish(record(home, "small"), timeout=120)
    finish(record_in_project(home, "ops"), timeout=120)
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
        yield TeamServer(wait_until_serving(home, server), home)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


def record_in_project(home: Path, project: str) -> subprocess.Popen[bytes]:
    """Record the small runs into `project` (made if new) of the home's database."""
    env = {**headwater_env(home), "HEADWATER_PROJECT": project}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.dashboard.record_runs", "small"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _logged_in(
    browser: Browser, url: str, user: str, scheme: str = "light", width: int = 1280
) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)  # type: ignore[arg-type]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{url}/login")
    page.get_by_role("textbox", name="Username").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=f"Account: {user}")).to_be_visible()
    return page


def test_an_admin_asks_why_a_viewer_may_read_runs(browser: Browser, team_server: TeamServer):
    page = _logged_in(browser, team_server.url, "root")

    page.goto(f"{team_server.url}/settings/access")
    page.get_by_role("textbox", name="User", exact=True).fill("vic")
    page.get_by_role("textbox", name="Permission", exact=True).fill("run:read")
    page.get_by_role("textbox", name="Resource", exact=True).fill("default")
    page.get_by_role("button", name="Explain").click()

    answer = page.get_by_role("status").filter(has_text="Allowed")
    expect(answer).to_contain_text("role 'viewer'")
    page.context.close()


def test_the_explainer_says_when_nothing_allows_it(browser: Browser, team_server: TeamServer):
    page = _logged_in(browser, team_server.url, "root")

    page.goto(f"{team_server.url}/settings/access")
    page.get_by_role("textbox", name="User", exact=True).fill("vic")
    page.get_by_role("textbox", name="Permission", exact=True).fill("run:delete")
    page.get_by_role("textbox", name="Resource", exact=True).fill("default")
    page.get_by_role("button", name="Explain").click()

    expect(page.get_by_role("status").filter(has_text="Not allowed")).to_contain_text(
        "none of their roles grants it"
    )
    page.context.close()


def test_a_viewer_sees_only_the_settings_it_may_see(browser: Browser, team_server: TeamServer):
    page = _logged_in(browser, team_server.url, "vic")

    page.goto(f"{team_server.url}/settings/profile")

    nav = page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("link", name="Profile")).to_be_visible()
    expect(nav.get_by_role("link", name="Users")).to_have_count(0)
    expect(nav.get_by_role("link", name="Service accounts")).to_have_count(0)
    page.context.close()


def test_logging_out_everywhere_ends_the_session(browser: Browser, team_server: TeamServer):
    page = _logged_in(browser, team_server.url, "vic")

    page.goto(f"{team_server.url}/settings/profile")
    page.get_by_role("button", name="Log out everywhere").click()
    page.get_by_role("dialog").get_by_role("button", name="Log out everywhere").click()

    expect(page).to_have_url(f"{team_server.url}/login")
    assert page.request.get(f"{team_server.url}/api/v1/me").status == 401
    page.context.close()


def _api_token(url: str, user: str) -> str:
    answer = httpx.post(f"{url}/api/v1/login", json={"username": user, "password": PASSWORD})
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def _api_get(url: str, token: str, path: str, **params: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.get(f"{url}/api/v1{path}", params=params, headers=headers, timeout=30)


def _create_project(page: Page, url: str, name: str) -> None:
    page.goto(f"{url}/settings/members")
    page.get_by_role("textbox", name="Project name").fill(name)
    page.get_by_role("button", name="Create project").click()
    expect(page.get_by_role("heading", name=f"Members of {name}")).to_be_visible()
    expect(page).to_have_url(re.compile(f"project={name}"))


def _create_user(page: Page, url: str, name: str, role: str) -> None:
    page.goto(f"{url}/settings/users")
    form = page.get_by_role("form", name="Create a user")
    form.get_by_role("textbox", name="New user's name").fill(name)
    form.get_by_label("Initial password").fill(PASSWORD)
    form.get_by_role("combobox", name="New user's server role").select_option(role)
    form.get_by_role("button", name="Create user").click()
    expect(page.get_by_role("table", name="Users")).to_contain_text(name)


def _create_team(page: Page, url: str, name: str, member: str) -> None:
    page.goto(f"{url}/settings/teams")
    form = page.get_by_role("form", name="Create a team")
    form.get_by_role("textbox", name="Team name").fill(name)
    form.get_by_role("textbox", name="Team members").fill(member)
    form.get_by_role("button", name="Create team").click()
    expect(page.get_by_role("article", name=f"Team {name}")).to_contain_text(member)


def _create_role(page: Page, url: str, name: str, permissions: tuple[str, ...]) -> None:
    page.goto(f"{url}/settings/roles")
    page.get_by_role("button", name="New role").click()
    editor = page.get_by_role("form", name="New role")
    editor.get_by_role("textbox", name="Role name").fill(name)
    for permission in permissions:
        editor.get_by_role("checkbox", name=permission, exact=True).check()
    expect(editor.get_by_role("status", name="What saving changes")).to_contain_text(
        f"Adds {permissions[0]}"
    )
    editor.get_by_role("button", name="Create role").click()
    expect(page.get_by_role("region", name="Custom roles")).to_contain_text(name)


def _grant_team(page: Page, url: str, project: str, team: str, role: str) -> None:
    page.goto(f"{url}/settings/members?project={project}")
    grant = page.get_by_role("form", name="Grant a role")
    grant.get_by_role("combobox", name="Member kind").select_option("team")
    grant.get_by_label("Member name").fill(team)
    grant.get_by_label("Role to grant").select_option(role)
    grant.get_by_role("button", name="Grant").click()
    expect(page.get_by_role("combobox", name=f"Role of {team}")).to_have_value(role)


def _explain(page: Page, url: str, user: str, permission: str, resource: str) -> None:
    page.goto(f"{url}/settings/access")
    page.get_by_role("textbox", name="User", exact=True).fill(user)
    page.get_by_role("textbox", name="Permission", exact=True).fill(permission)
    page.get_by_role("textbox", name="Resource", exact=True).fill(resource)
    page.get_by_role("button", name="Explain").click()


def test_a_team_given_a_custom_role_in_a_new_project_sees_its_runs_and_no_others(
    browser: Browser, team_server: TeamServer
):
    url = team_server.url
    admin = _logged_in(browser, url, "root")
    _create_project(admin, url, "lab")
    finish(record_in_project(team_server.home, "lab"), timeout=120)
    _create_user(admin, url, "tess", "viewer")
    _create_team(admin, url, "crew", "tess")
    _create_role(admin, url, "runner", RUNNER_PERMISSIONS)
    _grant_team(admin, url, "lab", "crew", "runner")

    _explain(admin, url, "tess", "run:read", "lab")
    expect(admin.get_by_role("status").filter(has_text="Allowed")).to_contain_text(
        "custom role 'runner' of team 'crew'"
    )
    admin.goto(f"{url}/settings/users?user=tess")
    expect(admin.get_by_role("table", name="Project roles of tess")).to_contain_text(
        "through team 'crew'"
    )

    tess = _logged_in(browser, url, "tess")
    tess.goto(f"{url}/runs?project=lab")
    expect(tess.get_by_role("combobox", name="Project")).to_have_value("lab")
    expect(tess.get_by_role("table", name="Runs").locator("tbody tr")).to_have_count(3)
    # The header's choice follows the user from list to list.
    tess.get_by_role("navigation").get_by_role("link", name="Pipelines").click()
    expect(tess).to_have_url(re.compile(r"/pipelines\?project=lab"))
    expect(tess.get_by_role("table", name="Pipelines").locator("tbody tr")).to_have_count(2)
    # 'ops' is not hers to choose, and none of its runs reaches her.
    options = tess.get_by_role("combobox", name="Project").locator("option")
    expect(options).to_have_text(["All projects", "default", "lab"])
    tess.goto(f"{url}/runs?project=ops")
    expect(tess.get_by_role("table", name="Runs")).to_have_count(0)
    root_token = _api_token(url, "root")
    ops = _api_get(url, root_token, "/projects/ops").json()["id"]
    ops_run = _api_get(url, root_token, "/runs", project_id=ops).json()["items"][0]["id"]
    assert tess.request.get(f"{url}/api/v1/runs/{ops_run}").status == 404
    assert tess.request.get(f"{url}/api/v1/runs?project_id={ops}").json()["total"] == 0
    tess.context.close()

    admin.goto(f"{url}/settings/audit?user=root")
    trail = admin.get_by_role("table", name="Audit events")
    for operation in (
        "create_project",
        "create_user",
        "create_team",
        "create_role",
        "grant_project_role",
    ):
        expect(trail.get_by_role("row").filter(has_text=operation)).to_contain_text("root")
    admin.context.close()


def test_an_api_key_is_shown_once_works_from_the_cli_and_stops_when_revoked(
    browser: Browser, team_server: TeamServer, tmp_path: Path
):
    url = team_server.url
    admin = _logged_in(browser, url, "root")
    admin.goto(f"{url}/settings/service-accounts")
    form = admin.get_by_role("form", name="Create a service account")
    form.get_by_role("textbox", name="Account name").fill("nightly")
    form.get_by_role("combobox", name="Account's server role").select_option("viewer")
    form.get_by_role("button", name="Create account").click()
    keys = admin.get_by_role("region", name="API keys of nightly")
    keys.get_by_role("textbox", name="Key name").fill("ci")
    keys.get_by_role("button", name="Create key").click()

    shown = admin.get_by_role("alert", name="New API key")
    expect(shown).to_contain_text("shown only once")
    shown.get_by_role("button", name="Copy").click()
    expect(shown.get_by_role("button", name="Copied")).to_be_visible()
    key = str(admin.evaluate("navigator.clipboard.readText()"))
    expect(shown.get_by_role("textbox", name="API key")).to_have_value(key)

    client_home = tmp_path / "ci-home"
    _headwater(client_home, "login", url, "--api-key", key)
    listed = _run_cli(client_home, "runs", "list")
    assert listed.returncode == 0, listed.stderr
    assert "small_training" in listed.stdout

    shown.get_by_role("button", name="I have stored it").click()
    expect(admin.get_by_role("alert", name="New API key")).to_have_count(0)
    # The secret never comes back: not in the page, not in the list of keys.
    expect(admin.get_by_text(key)).to_have_count(0)
    keys.get_by_role("button", name="Revoke ci").click()
    admin.get_by_role("dialog").get_by_role("button", name="Revoke").click()
    expect(keys.get_by_role("table", name="API keys")).to_contain_text("revoked")

    refused = _run_cli(client_home, "runs", "list")
    assert refused.returncode != 0
    # The server's 401, told as one line.
    assert "The API key is invalid, revoked or expired" in refused.stderr
    assert "Traceback" not in refused.stderr

    admin.goto(f"{url}/settings/audit?resource=user")
    trail = admin.get_by_role("table", name="Audit events")
    for operation in ("create_service_account", "create_api_key", "revoke_api_key"):
        expect(trail.get_by_role("row").filter(has_text=operation)).to_contain_text("root")
    admin.context.close()


def test_a_viewer_sees_settings_without_controls_it_cannot_use(
    browser: Browser, team_server: TeamServer
):
    url = team_server.url
    page = _logged_in(browser, url, "vic")

    page.goto(f"{url}/settings/members")
    expect(page.get_by_role("heading", name="Members of default")).to_be_visible()
    expect(page.get_by_role("form", name="Grant a role")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Revoke"))).to_have_count(0)
    expect(page.get_by_role("form", name="Create a project")).to_have_count(0)
    page.goto(f"{url}/settings/teams")
    expect(page.get_by_role("heading", name="Teams")).to_be_visible()
    expect(page.get_by_role("form", name="Create a team")).to_have_count(0)
    page.goto(f"{url}/settings/roles")
    expect(page.get_by_role("region", name="Built-in roles")).to_be_visible()
    expect(page.get_by_role("button", name="New role")).to_have_count(0)
    page.goto(f"{url}/settings/users")
    expect(page.get_by_text("Only server admins manage users")).to_be_visible()
    expect(page.get_by_role("form", name="Create a user")).to_have_count(0)
    page.context.close()


def test_a_role_edit_previews_who_it_reaches_before_saving(
    browser: Browser, team_server: TeamServer
):
    url = team_server.url
    page = _logged_in(browser, url, "root")
    _create_role(page, url, "reader", ("project:read", "run:read"))
    page.goto(f"{url}/settings/members?project=default")
    grant = page.get_by_role("form", name="Grant a role")
    # Granted to the admin, so other stories' users keep the roles they hold in 'default'.
    grant.get_by_label("Member name").fill("root")
    grant.get_by_label("Role to grant").select_option("reader")
    grant.get_by_role("button", name="Grant").click()
    expect(page.get_by_role("combobox", name="Role of root")).to_have_value("reader")

    page.goto(f"{url}/settings/roles")
    page.get_by_role("button", name="Edit reader").click()
    editor = page.get_by_role("form", name="Edit role reader")
    editor.get_by_role("checkbox", name="artifact:read", exact=True).check()
    preview = editor.get_by_role("status", name="What saving changes")
    expect(preview).to_contain_text("Adds artifact:read")
    expect(preview).to_contain_text("1 user and 0 teams may do in 1 project (default)")
    editor.get_by_role("button", name="Save role").click()

    expect(page.get_by_role("region", name="Custom roles")).to_contain_text("artifact:read")
    page.context.close()


def _seed_screenshot_data(url: str) -> None:
    """A team, a custom role, a service account with a key: so no page shows only its
    empty state (made through the API, each once per server)."""
    headers = {"Authorization": f"Bearer {_api_token(url, 'root')}"}
    with httpx.Client(base_url=f"{url}/api/v1", headers=headers, timeout=30) as api:
        api.post("/teams", json={"name": "platform", "members": ["root"]})
        api.post("/roles", json={"name": "auditor", "permissions": ["project:read", "audit:read"]})
        api.put(
            "/projects/default/members",
            json={"kind": "team", "name": "platform", "role": "auditor"},
        )
        api.post("/service-accounts", json={"name": "scheduler", "description": "nightly jobs"})
        api.post(
            "/service-accounts/scheduler/api-keys", json={"name": "cron", "expires_in_days": 90}
        )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_every_settings_page(browser: Browser, team_server: TeamServer, scheme: str):
    _seed_screenshot_data(team_server.url)
    page = _logged_in(browser, team_server.url, "root", scheme, width=1440)
    SHOTS.mkdir(parents=True, exist_ok=True)
    extra = {
        "users": "?user=vic",
        "service-accounts": "?account=scheduler",
        "roles": "?role=auditor",
    }

    for section in SETTINGS_PAGES:
        page.goto(f"{team_server.url}/settings/{section}{extra.get(section, '')}")
        expect(page.get_by_role("heading", name="Settings")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SHOTS / f"{section}-{scheme}.png"), full_page=True)
        assert (SHOTS / f"{section}-{scheme}.png").stat().st_size > 0
    page.context.close()


def _seed_more_data(url: str) -> None:
    """Two dozen users, six teams and roles, four projects granted to them: a server in
    use, for the larger screenshots (made through the API; repeats answer 409)."""
    headers = {"Authorization": f"Bearer {_api_token(url, 'root')}"}
    people = [f"user-{n:02d}" for n in range(24)]
    with httpx.Client(base_url=f"{url}/api/v1", headers=headers, timeout=60) as api:
        for n, name in enumerate(people):
            role = ("viewer", "member", "admin")[n % 3]
            api.post("/users", json={"name": name, "password": PASSWORD, "role": role})
        for t in range(6):
            api.post("/teams", json={"name": f"team-{t}", "members": people[t * 4 : t * 4 + 4]})
            api.post(
                "/roles",
                json={
                    "name": f"role-{t}",
                    "permissions": ["project:read", "run:read"][: 1 + t % 2],
                },
            )
        for p in range(4):
            project = f"area-{p}"
            api.post("/projects", json={"name": project})
            for t in range(6):
                grant = {"kind": "team", "name": f"team-{t}", "role": f"role-{(t + p) % 6}"}
                api.put(f"/projects/{project}/members", json=grant)
            for name in people[p::4]:
                grant = {"kind": "user", "name": name, "role": "developer"}
                api.put(f"/projects/{project}/members", json=grant)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_settings_pages_with_more_data(
    browser: Browser, team_server: TeamServer, scheme: str
):
    _seed_more_data(team_server.url)
    page = _logged_in(browser, team_server.url, "root", scheme, width=1440)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "members": "?project=area-1",
        "users": "?user=user-05",
        "teams": "",
        "roles": "?role=role-1",
        "audit": "",
        "access": "",
    }

    for section, search in pages.items():
        page.goto(f"{team_server.url}/settings/{section}{search}")
        expect(page.get_by_role("heading", name="Settings")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
        page.wait_for_load_state("networkidle")
        shot = SHOTS / f"{section}-{scheme}-larger.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
    page.context.close()


@pytest.mark.parametrize(("button", "suffix"), [("CSV", "csv"), ("JSON Lines", "jsonl")])
def test_the_filtered_audit_trail_exports_as_a_file(
    browser: Browser, team_server: TeamServer, button: str, suffix: str
):
    url = team_server.url
    headers = {"Authorization": f"Bearer {_api_token(url, 'root')}"}
    team = f"export-{suffix}"
    httpx.post(f"{url}/api/v1/teams", json={"name": team, "members": []}, headers=headers)
    page = _logged_in(browser, url, "root")
    page.goto(f"{url}/settings/audit?resource=team&action=create")
    expect(page.get_by_role("table", name="Audit events")).to_contain_text("create_team")

    with page.expect_download() as download:
        page.get_by_role("button", name=button, exact=True).click()
    text = Path(download.value.path()).read_text()

    assert download.value.suggested_filename == f"audit-events.{suffix}"
    lines = text.strip().splitlines()
    if suffix == "csv":
        assert lines[0].startswith("id,created,user_name,action,resource")
        lines = lines[1:]
    assert lines
    assert all("create_team" in line and "root" in line for line in lines)
    page.context.close()
