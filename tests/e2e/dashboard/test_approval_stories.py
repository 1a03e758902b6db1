"""User stories of approvals on a team server: a promotion to a protected stage becomes a
request, two other members approve it (or one rejects it) in the dashboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.dashboard.conftest import RESULTS, finish, headwater_cli, serve_url
from tests.e2e.dashboard.test_model_stories import PASSWORD, log_in, record_models

MEMBERS = ("ada", "bo", "cy")


@pytest.fixture(scope="module")
def approvals_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up --auth` over 'iris' (v2 in production) whose production needs two
    approvals; members ada, bo and cy, the viewer vera and the admin root."""
    home = tmp_path_factory.mktemp("approvals-e2e") / "home"
    finish(record_models(home, "small"), timeout=180)
    for name in MEMBERS:
        headwater_cli(home, "users", "create", name, "--role", "member", "--password", PASSWORD)
    headwater_cli(home, "users", "create", "vera", "--role", "viewer", "--password", PASSWORD)
    headwater_cli(home, "users", "create", "root", "--role", "admin", "--password", PASSWORD)
    headwater_cli(home, "models", "policy", "set", "iris", "production", "--approvals", "2")
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


def switch_user(page: Page, url: str, user: str) -> None:
    page.context.clear_cookies()
    log_in(page, url, user)


def ask_for_production(page: Page, url: str, number: int, reason: str) -> None:
    """On version `number`'s page, ask to move it to production; the dialog shows the
    request it made, then closes."""
    page.goto(f"{url}/models/iris/versions/{number}")
    page.get_by_role("button", name="Promote or demote…").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("radio", name="production").check()
    expect(dialog.get_by_role("list", name="What will happen")).to_contain_text(
        "pending request that needs 2 approvals"
    )
    dialog.get_by_role("textbox", name=re.compile("Reason")).fill(reason)
    dialog.get_by_role("button", name="Request production (2 approvals)").click()
    sent = page.get_by_role("dialog", name="Approval requested")
    expect(sent.get_by_role("status")).to_contain_text("waits for 2 approvals")
    request = sent.get_by_role("article", name=re.compile(f"Move version {number} to production"))
    expect(request).to_contain_text("0 of 2 approvals")
    expect(request).to_contain_text("Waiting on: bo, cy, root")
    sent.get_by_role("button", name="Close").click()
    expect(page.get_by_role("dialog")).to_have_count(0)


def request_on(page: Page, number: int) -> Locator:
    return page.get_by_role("article", name=re.compile(f"Move version {number} to production"))


def vote(page: Page, number: int, button: str, comment: str) -> None:
    request = request_on(page, number)
    request.get_by_role("textbox", name=re.compile("Comment")).fill(comment)
    request.get_by_role("button", name=button).click()


def test_a_request_approved_by_two_others_puts_the_version_in_production(
    visitor: Page, approvals_server: str
) -> None:
    url = approvals_server
    log_in(visitor, url, "ada")
    ask_for_production(visitor, url, 3, "v3 wins the canary")
    expect(visitor.get_by_role("heading", name=re.compile("Version 3"))).to_contain_text(
        "no stage"
    )
    own = request_on(visitor, 3)
    expect(own.get_by_role("button", name="Approve")).to_have_count(0)
    expect(own).to_contain_text("you may not approve it")
    # Asking again for the same change would be refused: the dialog says so up front.
    visitor.get_by_role("button", name="Promote or demote…").click()
    again = visitor.get_by_role("dialog")
    again.get_by_role("radio", name="production").check()
    expect(again.get_by_role("list", name="What will happen")).to_contain_text(
        "is pending already (0 of 2 approvals)"
    )
    expect(again.get_by_role("button", name="Request production (2 approvals)")).to_be_disabled()
    again.get_by_role("button", name="Cancel").click()
    expect(visitor.get_by_role("dialog")).to_have_count(0)

    switch_user(visitor, url, "bo")
    visitor.goto(f"{url}/models")
    visitor.get_by_role("link", name="Approvals").click()
    expect(visitor.get_by_role("heading", name="Approvals")).to_be_visible()
    vote(visitor, 3, "Approve", "canary looks good")
    expect(request_on(visitor, 3)).to_contain_text("1 of 2 approvals")
    expect(request_on(visitor, 3)).to_contain_text("Waiting on: cy, root")
    expect(request_on(visitor, 3)).to_contain_text("You voted on this request already.")

    switch_user(visitor, url, "cy")
    visitor.goto(f"{url}/models/iris")
    pending = visitor.get_by_role("region", name="Pending approvals")
    expect(pending).to_contain_text("canary looks good")
    vote(visitor, 3, "Approve", "ship it")

    expect(pending).to_contain_text("Nothing waits for approval")
    visitor.goto(f"{url}/models/iris/versions/3")
    expect(visitor.get_by_role("heading", name=re.compile("Version 3"))).to_contain_text(
        "production"
    )
    decided = request_on(visitor, 3)
    expect(decided).to_contain_text("approved and applied")
    expect(decided).to_contain_text("by bo")
    expect(decided).to_contain_text("by cy")
    history = visitor.get_by_role("table", name="Stage history")
    for outcome in ("requested", "approved", "applied"):
        expect(history.get_by_role("cell", name=outcome, exact=True).first).to_be_visible()
    visitor.goto(f"{url}/models/iris")
    expect(visitor.get_by_role("button", name="v3 in production now")).to_be_visible()
    expect(visitor.get_by_label(re.compile(r"^v3 none → production requested"))).to_have_count(1)
    expect(visitor.get_by_label(re.compile(r"^v3 none → production approved"))).to_have_count(2)


def test_a_rejected_request_closes_and_leaves_the_version_where_it_was(
    visitor: Page, approvals_server: str
) -> None:
    url = approvals_server
    log_in(visitor, url, "ada")
    ask_for_production(visitor, url, 1, "roll back to v1")

    switch_user(visitor, url, "bo")
    visitor.goto(f"{url}/models/iris/versions/1")
    vote(visitor, 1, "Reject", "v1 lost on the holdout set")

    rejected = request_on(visitor, 1)
    expect(rejected).to_contain_text("rejected")
    expect(rejected).to_contain_text("v1 lost on the holdout set")
    expect(rejected.get_by_role("button", name="Approve")).to_have_count(0)
    expect(visitor.get_by_role("heading", name=re.compile("Version 1"))).to_contain_text("archived")
    history = visitor.get_by_role("table", name="Stage history")
    expect(
        history.get_by_role("row", name=re.compile("v1 lost on the holdout set"))
    ).to_contain_text("rejected")


def test_a_viewer_reads_requests_and_the_policy_but_may_not_vote_or_edit(
    visitor: Page, approvals_server: str
) -> None:
    url = approvals_server
    log_in(visitor, url, "ada")
    ask_for_production(visitor, url, 2, "re-release v2")
    switch_user(visitor, url, "vera")
    visitor.goto(f"{url}/approvals?show=all")

    request = request_on(visitor, 2)
    expect(request).to_contain_text("Requested by ada")
    expect(request.get_by_role("note")).to_contain_text("needs model_version:promote")
    expect(request.get_by_role("button", name="Approve")).to_have_count(0)
    visitor.goto(f"{url}/models/iris")
    policy = visitor.get_by_role("list", name="Approval policy")
    expect(policy).to_contain_text("needs 2 approvals")
    expect(policy.get_by_role("spinbutton")).to_have_count(0)


def test_an_admin_edits_the_policy_of_staging_on_the_model_page(
    visitor: Page, approvals_server: str
) -> None:
    url = approvals_server
    log_in(visitor, url, "root")
    visitor.goto(f"{url}/models/iris")
    policy = visitor.get_by_role("list", name="Approval policy")

    policy.get_by_role("spinbutton", name="Approvals staging needs").fill("1")
    staging = policy.get_by_role("listitem").filter(has_text="staging")
    staging.get_by_role("button", name="Save").click()
    expect(staging).to_contain_text("needs 1 approval")
    policy.get_by_role("spinbutton", name="Approvals staging needs").fill("0")
    staging.get_by_role("button", name="Save").click()
    expect(staging).to_contain_text("applies at once")


def test_an_admin_tries_an_edited_rule_on_every_version_then_saves_it(
    visitor: Page, approvals_server: str
) -> None:
    url = approvals_server
    log_in(visitor, url, "root")
    visitor.goto(f"{url}/models/iris")
    visitor.get_by_role("button", name="Edit rules…").click()
    threshold = visitor.get_by_role("textbox", name="Threshold of rule 1")

    threshold.fill("high")
    expect(visitor.get_by_text("Rule 1: the threshold must be a number.")).to_be_visible()
    expect(visitor.get_by_role("button", name="Save rules")).to_be_disabled()
    threshold.fill("0.8")
    visitor.get_by_role("button", name="Dry run").click()
    verdicts = visitor.get_by_role("table", name="Dry run")
    expect(verdicts.get_by_role("row")).to_have_count(4)
    expect(verdicts).to_contain_text("accuracy")
    expect(visitor.get_by_role("status").filter(has_text="Nothing was changed")).to_be_visible()
    visitor.get_by_role("button", name="Save rules").click()

    expect(visitor.get_by_role("list", name="Promotion rules")).to_contain_text("accuracy >= 0.8")
    audit = visitor.request.get(f"{url}/api/v1/audit-events?size=50").json()["items"]
    assert "set_promotion_rules" in [event["operation"] for event in audit]
