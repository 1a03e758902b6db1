"""User stories of the model control plane in the dashboard: models, timeline, compare, promote."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import (
    REPO,
    RESULTS,
    finish,
    headwater_cli,
    headwater_env,
    serve_url,
)
from tests.e2e.dashboard.record_models import FORCE_REASON

PASSWORD = "correct horse battery"


def record_models(home: Path, *args: str) -> subprocess.Popen[bytes]:
    """Start recording the model history (see record_models.py) in a child process."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.dashboard.record_models", *args],
        cwd=REPO,
        env=headwater_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(scope="module")
def model_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local `headwater up` over model 'iris' (record_models.py small); yields its URL."""
    home = tmp_path_factory.mktemp("models-e2e") / "home"
    finish(record_models(home, "small"), timeout=180)
    yield from serve_url(home)


@pytest.fixture(scope="module")
def team_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up --auth` over model 'iris', with the viewer 'vera' and member 'ada'."""
    home = tmp_path_factory.mktemp("models-auth-e2e") / "home"
    finish(record_models(home, "small"), timeout=180)
    headwater_cli(home, "users", "create", "vera", "--role", "viewer", "--password", PASSWORD)
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


def log_in(page: Page, url: str, user: str) -> None:
    page.goto(f"{url}/login")
    page.get_by_role("textbox", name="Username").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


def test_a_user_opens_a_model_and_its_stage_timeline_shows_the_history(
    visitor: Page, model_server: str
) -> None:
    visitor.goto(f"{model_server}/models")

    visitor.get_by_role("navigation", name="Sections").get_by_role("link", name="Models").click()
    models = visitor.get_by_role("table", name="Models")
    expect(models.get_by_role("row", name=re.compile("iris"))).to_contain_text("accuracy 0.93")
    models.get_by_role("link", name="iris").click()

    expect(visitor.get_by_role("heading", name="iris")).to_be_visible()
    expect(visitor.get_by_role("button", name="v1 in production", exact=True)).to_be_visible()
    expect(visitor.get_by_role("button", name="v2 in staging", exact=True)).to_be_visible()
    expect(visitor.get_by_role("button", name="v2 in production now")).to_be_visible()
    expect(
        visitor.get_by_label(re.compile(r"^v2 staging → production moved by hand"))
    ).to_have_count(1)
    expect(visitor.get_by_label(re.compile(r"^v3 none → production refused"))).to_have_count(1)
    expect(
        visitor.get_by_label(re.compile(r"^v3 none → staging not promoted by a rule"))
    ).to_have_count(1)


def test_a_timeline_bar_opens_its_version_with_its_transition_history(
    visitor: Page, model_server: str
) -> None:
    visitor.goto(f"{model_server}/models/iris")

    visitor.get_by_role("button", name="v2 in production now").click()

    expect(visitor.get_by_role("heading", name=re.compile("Version 2"))).to_be_visible()
    history = visitor.get_by_role("table", name="Stage history")
    expect(history.get_by_role("row", name=re.compile(FORCE_REASON))).to_contain_text("applied")
    expect(visitor.get_by_role("list", name="Runs that used it")).to_contain_text("inference")


def test_a_user_compares_two_versions_with_deltas_against_the_first(
    visitor: Page, model_server: str
) -> None:
    visitor.goto(f"{model_server}/models/iris")
    versions = visitor.get_by_role("table", name="Versions")

    versions.get_by_role("checkbox", name="Select version 1").check()
    versions.get_by_role("checkbox", name="Select version 2").check()
    visitor.get_by_role("link", name="Compare 2 versions").click()

    expect(visitor).to_have_url(re.compile(r"/models/iris/compare\?versions=1%2C2"))
    compared = visitor.get_by_role("table", name="Compared versions")
    expect(compared.get_by_role("row", name=re.compile("^accuracy"))).to_contain_text("0.93+0.08")
    expect(compared.get_by_role("row", name=re.compile("^train.quality"))).to_contain_text("0.85")
    expect(compared.get_by_role("row", name=re.compile("^inputs read"))).to_contain_text(
        "features v1 · from another run"
    )


def test_the_versions_table_shows_only_the_stage_chosen(visitor: Page, model_server: str) -> None:
    visitor.goto(f"{model_server}/models/iris")

    visitor.get_by_role("combobox", name="Stage").select_option("archived")

    expect(visitor).to_have_url(re.compile(r"stage=archived"))
    rows = visitor.get_by_role("table", name="Versions").get_by_role("row")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("v1")


def test_a_member_tags_a_model_and_removes_the_tag_again(visitor: Page, model_server: str) -> None:
    visitor.goto(f"{model_server}/models/iris")

    visitor.get_by_role("textbox", name="Add a tag").fill("candidate")
    visitor.get_by_role("textbox", name="Add a tag").press("Enter")

    expect(visitor.get_by_role("button", name="Remove tag candidate")).to_be_visible()
    visitor.goto(f"{model_server}/models")
    expect(visitor.get_by_role("table", name="Models")).to_contain_text("candidate")
    visitor.goto(f"{model_server}/models/iris")
    visitor.get_by_role("button", name="Remove tag candidate").click()
    expect(visitor.get_by_role("button", name="Remove tag candidate")).to_have_count(0)


# This story changes iris's stages: it stays after the stories that read them.
def test_promoting_shows_that_the_holder_is_archived_then_moves_the_version(
    visitor: Page, model_server: str
) -> None:
    visitor.goto(f"{model_server}/models/iris/versions/3")

    visitor.get_by_role("button", name="Promote or demote…").click()
    dialog = visitor.get_by_role("dialog")
    dialog.get_by_role("radio", name="production").check()
    expect(dialog.get_by_role("list", name="What will happen")).to_contain_text(
        "Version 2 leaves production and is archived."
    )
    dialog.get_by_role("textbox", name=re.compile("Reason")).fill("v3 wins the canary")
    dialog.get_by_role("button", name="Move to production").click()

    expect(dialog).to_have_count(0)
    history = visitor.get_by_role("table", name="Stage history")
    expect(history.get_by_role("row", name=re.compile("v3 wins the canary"))).to_contain_text(
        "applied"
    )
    visitor.goto(f"{model_server}/models/iris/versions/2")
    expect(visitor.get_by_role("heading", name=re.compile("Version 2"))).to_contain_text("archived")


def test_a_viewer_on_a_team_server_sees_no_promote_button_but_a_member_does(
    visitor: Page, team_server: str
) -> None:
    log_in(visitor, team_server, "vera")
    visitor.goto(f"{team_server}/models/iris/versions/3")

    expect(visitor.get_by_role("heading", name=re.compile("Version 3"))).to_be_visible()
    expect(visitor.get_by_role("note")).to_contain_text("Your role (viewer)")
    expect(visitor.get_by_role("button", name="Promote or demote…")).to_have_count(0)
    visitor.context.clear_cookies()
    log_in(visitor, team_server, "ada")
    visitor.goto(f"{team_server}/models/iris/versions/3")
    expect(visitor.get_by_role("button", name="Promote or demote…")).to_be_visible()
