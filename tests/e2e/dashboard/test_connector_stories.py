"""User stories of service connectors in the dashboard (issue 13), against a real
S3-compatible server on loopback (moto's server mode): register an aws connector from its
form and verify it, register an S3 artifact store that names it and verify that too; a
wrong secret says what failed; a connector in use is not deleted; a viewer sees no edit
controls; a stack's missing component is registered without leaving the stack form.
Secrets never appear in an answer the dashboard gets."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, Response, expect
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.dashboard.conftest import (
    RESULTS,
    headwater_cli,
    serve_url,
)
from tests.integration.s3_server import S3Server, running_s3_server

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """One S3-compatible server for the module; each test writes under its own prefix."""
    yield from running_s3_server(tmp_path_factory.mktemp("moto") / "server.log")


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up` in local mode over a fresh home (just the default stack)."""
    home = tmp_path_factory.mktemp("connectors-e2e") / "home"
    headwater_cli(home, "stack", "list")  # makes the default stack
    yield from serve_url(home)


@pytest.fixture(scope="module")
def team_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headwater up --auth` with the viewer 'vera' and one generic connector."""
    home = tmp_path_factory.mktemp("connectors-auth-e2e") / "home"
    headwater_cli(home, "stack", "list")
    headwater_cli(home, "users", "create", "vera", "--role", "viewer", "--password", PASSWORD)
    headwater_cli(home, "connector", "register", "shared", "--type", "generic", "-s", "values={}")
    yield from serve_url(home, "--auth")


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh light-theme page; screenshot into test-results/ on failure."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, color_scheme="light")
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def _api(url: str) -> httpx.Client:
    return httpx.Client(base_url=f"{url}/api/v1", timeout=60)


def _unique(stem: str) -> str:
    return f"{stem}-{uuid.uuid4().hex[:6]}"


def _register_connector(url: str, name: str, settings: dict[str, str]) -> dict:
    secret_names = {"aws_access_key_id", "aws_secret_access_key"}
    body = {
        "name": name,
        "type": "aws",
        "settings": {k: v for k, v in settings.items() if k not in secret_names},
        "secrets": {k: v for k, v in settings.items() if k in secret_names},
        "project_name": "default",
    }
    with _api(url) as api:
        created = api.post("/service-connectors", json=body)
    assert created.status_code == 201, created.text
    return created.json()


def _register_store(url: str, name: str, location: str, connector: str) -> dict:
    body = {
        "name": name,
        "type": "artifact_store",
        "flavor": "fsspec",
        "settings": {"path": location, "connector": connector},
        "project_name": "default",
    }
    with _api(url) as api:
        created = api.post("/stack-components", json=body)
    assert created.status_code == 201, created.text
    return created.json()


def _record_answers(page: Page) -> list[str]:
    answers: list[str] = []

    def keep(response: Response) -> None:
        if "/api/v1/" not in response.url:
            return
        # A response still arriving as the test closes its page has no body to read.
        with contextlib.suppress(PlaywrightError):
            answers.append(response.text())

    page.on("response", keep)
    return answers


def test_an_aws_connector_from_its_form_verifies_and_an_s3_store_using_it_verifies_too(
    page: Page, local_server: str, s3: S3Server
) -> None:
    name, store = _unique("team-s3"), _unique("team-bucket")
    location = f"s3://{s3.bucket}/{_unique('story')}"
    answers = _record_answers(page)
    page.goto(f"{local_server}/connectors/new")
    page.get_by_role("button", name=re.compile(r"^AWS")).click()
    page.get_by_role("textbox", name="Name", exact=True).fill(name)
    page.get_by_label("Access key id").fill(s3.writer.key_id)
    page.get_by_label("Secret access key").fill(s3.writer.secret)
    page.get_by_label("Endpoint URL").fill(s3.endpoint_url)
    page.get_by_label("Region").fill("us-east-1")
    page.get_by_role("button", name="Register connector").click()

    expect(page).to_have_url(re.compile(rf"/connectors/{name}$"))
    settings = page.get_by_role("definition")
    expect(settings.filter(has_text="secret: set")).to_have_count(2)
    expect(settings.filter(has_text=s3.endpoint_url)).to_have_count(1)
    page.get_by_label("Location").fill(location)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("status").filter(has_text="OK in")).to_contain_text(location)

    page.goto(f"{local_server}/components/new?type=artifact_store&flavor=fsspec")
    page.get_by_role("textbox", name="Name", exact=True).fill(store)
    page.get_by_label("Path").fill(location)
    page.get_by_label("Connector").select_option(label=f"{name} (aws)")
    page.get_by_role("button", name="Register component").click()
    expect(page).to_have_url(re.compile(rf"/components/{store}\?type=artifact_store$"))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("status").filter(has_text="OK in")).to_contain_text(location)

    page.get_by_role("link", name="Connectors").click()
    row = page.get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text(store)
    expect(row).to_contain_text("OK in")
    with _api(local_server) as api:
        made = api.get(f"/stack-components/{store}").json()
        connector = api.get(f"/service-connectors/{name}").json()
        for path in ("/service-connectors", "/service-connector-types", "/stack-components"):
            answers.append(api.get(path).text)
    assert made["settings"] == {"path": location, "connector": name}
    assert connector["secrets"] == {
        "aws_access_key_id": "set",
        "aws_secret_access_key": "set",
        "aws_session_token": "not set",
    }
    assert len(answers) > 8
    assert not [a for a in answers if s3.writer.secret in a or s3.writer.key_id in a]
    assert s3.object_keys(location.removeprefix(f"s3://{s3.bucket}/")) == []  # probes deleted


def test_a_wrong_secret_makes_verify_name_the_failure(
    page: Page, local_server: str, s3: S3Server
) -> None:
    name = _unique("wrong-key")
    wrong = {**s3.connector_settings(), "aws_secret_access_key": "not-the-secret"}
    _register_connector(local_server, name, wrong)
    location = f"s3://{s3.bucket}/{_unique('wrong')}"
    answers = _record_answers(page)
    page.goto(f"{local_server}/connectors/{name}")

    page.get_by_label("Location").fill(location)
    page.get_by_role("button", name="Verify").click()

    result = page.get_by_role("status").filter(has_text="Failed")
    expect(result).to_contain_text("Failed: credentials refused")
    expect(result).to_contain_text(f"Cannot write a probe object under '{location}'")
    assert not [a for a in answers if "not-the-secret" in a]


def test_an_edit_that_leaves_the_secrets_empty_keeps_them(
    page: Page, local_server: str, s3: S3Server
) -> None:
    name = _unique("edited")
    _register_connector(local_server, name, s3.connector_settings())
    answers = _record_answers(page)
    page.goto(f"{local_server}/connectors/{name}")

    page.get_by_role("link", name="Edit").click()
    secret = page.get_by_label("Secret access key")
    expect(secret).to_have_attribute("type", "password")
    expect(secret).to_have_value("")
    page.get_by_label("Region").fill("eu-west-1")
    page.get_by_role("button", name="Save changes").click()

    expect(page).to_have_url(re.compile(rf"/connectors/{name}$"))
    expect(page.get_by_role("definition").filter(has_text="eu-west-1")).to_have_count(1)
    with _api(local_server) as api:
        stored = api.get(f"/service-connectors/{name}").json()
        kept = api.get(f"/service-connectors/{stored['id']}/secrets").json()
    assert stored["secrets"]["aws_secret_access_key"] == "set"
    assert kept["aws_secret_access_key"] == s3.writer.secret
    assert not [a for a in answers if s3.writer.secret in a]


def test_deleting_a_connector_a_component_names_is_refused_naming_it(
    page: Page, local_server: str, s3: S3Server
) -> None:
    name, store = _unique("kept"), _unique("keeps-it")
    connector = _register_connector(local_server, name, s3.connector_settings())
    _register_store(local_server, store, f"s3://{s3.bucket}/{store}", name)
    page.goto(f"{local_server}/connectors/{name}")
    expect(page.get_by_role("link", name=re.compile(store))).to_be_visible()

    page.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete connector").click()

    expect(page.get_by_role("alert")).to_contain_text(
        f"Cannot delete service connector '{name}': the component artifact_store '{store}' uses it"
    )
    with _api(local_server) as api:
        assert api.get(f"/service-connectors/{connector['id']}").status_code == 200


def test_a_component_registered_from_the_stack_form_is_chosen_in_its_slot(
    page: Page, local_server: str
) -> None:
    hook = _unique("pager")
    page.goto(f"{local_server}/stacks/new")
    page.get_by_role("textbox", name="Name", exact=True).fill(_unique("inline"))

    page.get_by_role("button", name="Register a new alerter").click()
    dialog = page.get_by_role("dialog", name="Register a new alerter")
    dialog.get_by_role("button", name=re.compile(r"^webhook")).click()
    dialog.get_by_role("textbox", name="Name", exact=True).fill(hook)
    dialog.get_by_label("URL").fill("https://example.org/hooks/inline")
    dialog.get_by_role("button", name="Register alerter").click()

    expect(page.get_by_role("dialog")).to_have_count(0)
    chosen = page.get_by_role("combobox", name="Alerter")
    expect(chosen.locator("option:checked")).to_have_text(f"{hook} (webhook)")
    with _api(local_server) as api:
        assert api.get(f"/stack-components/{hook}", params={"type": "alerter"}).status_code == 200


def test_a_viewer_sees_connectors_but_no_edit_controls(page: Page, team_server: str) -> None:
    page.goto(f"{team_server}/connectors")
    page.get_by_role("textbox", name="Username").fill("vera")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("table", name="Connectors")).to_contain_text("shared")
    expect(page.get_by_role("link", name="Register connector")).to_have_count(0)
    page.get_by_role("link", name="shared", exact=True).click()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    for name in ("Verify", "Delete"):
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    page.goto(f"{team_server}/components/default?type=artifact_store")
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    expect(page.get_by_role("button", name="Verify")).to_have_count(0)
