"""A real `headwater up` server over real recorded runs, and headless Chromium to drive it.

The runs are recorded once per session (the 1,000-step run in the background while the
first tests run) and one browser serves every test of a module.
A failing test leaves a screenshot in test-results/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from headwater.server.process import find_running

REPO = Path(__file__).resolve().parents[3]
RESULTS = REPO / "test-results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LARGE_RUN_STEPS = 1000
READY_SECONDS = 60


def headwater_env(home: Path) -> dict[str, str]:
    """The environment of a process that records into, or serves, `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWATER_")}
    env["HEADWATER_HOME"] = str(home)
    return env


def record(home: Path, *args: str) -> subprocess.Popen[bytes]:
    """Start recording runs (see record_runs.py) in a child process."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.dashboard.record_runs", *args],
        cwd=REPO,
        env=headwater_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait for a recording process and fail loudly with its stderr if it failed."""
    _, stderr = process.communicate(timeout=timeout)
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a recording process if it still runs, and close its pipe."""
    if process.poll() is None:
        process.kill()
    process.communicate()


@dataclass(frozen=True)
class Dashboard:
    """The served dashboard: its URL and the home its runs are recorded in."""

    url: str
    home: Path

    def api(self, path: str) -> httpx.Response:
        """GET an API path (relative to /api/v1) and fail on an error status."""
        response = httpx.get(f"{self.url}/api/v1{path}", timeout=30)
        response.raise_for_status()
        return response


@pytest.fixture(scope="session")
def dashboard_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HEADWATER_HOME every end-to-end process shares."""
    return tmp_path_factory.mktemp("dashboard-e2e") / "home"


@pytest.fixture(scope="session")
def large_run(dashboard_home: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The 1,000-step run, recorded in the background from the session's start."""
    process = record(dashboard_home, "large", str(LARGE_RUN_STEPS))
    yield process
    stop(process)


@pytest.fixture(scope="session")
def dashboard(dashboard_home: Path, large_run: subprocess.Popen[bytes]) -> Iterator[Dashboard]:
    """`headwater up --blocking --port 0` over the small, rerun and failing runs."""
    finish(record(dashboard_home, "small"), timeout=120)
    with serve_home(dashboard_home) as served:
        yield served


def headwater_cli(home: Path, *args: str) -> None:
    """Run `headwater ARGS...` over `home` in its own process; it must succeed."""
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


def serve_url(home: Path, *flags: str) -> Iterator[str]:
    """For a module fixture: the URL of `headwater up FLAGS...` over `home`, stopped after."""
    with serve_home(home, *flags) as served:
        yield served.url


@contextmanager
def serve_home(home: Path, *flags: str) -> Iterator[Dashboard]:
    """`headwater up --blocking --port 0 FLAGS...` over `home`, stopped on leaving the block."""
    log = (home / "e2e-server.log").open("wb")
    up = [str(Path(sys.executable).parent / "headwater"), "up", "--blocking", "--port", "0"]
    server = subprocess.Popen(
        [*up, *flags],
        cwd=REPO,
        env=headwater_env(home),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield Dashboard(url=wait_until_serving(home, server), home=home)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


def wait_until_serving(home: Path, server: subprocess.Popen[bytes]) -> str:
    """The server's URL once its health endpoint answers."""
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, (home / "e2e-server.log").read_text(errors="replace")
        running = find_running(home)
        if running is not None:
            try:
                if httpx.get(f"{running.url}/api/v1/health", timeout=2).status_code == 200:
                    return running.url
            except httpx.TransportError:
                pass
        time.sleep(0.1)
    raise AssertionError(f"The server did not answer within {READY_SECONDS} s.")


# Module scope: Playwright's sync API runs an event loop, and another module's tests may
# start their own once this module is done.
@pytest.fixture(scope="module")
def playwright_session() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless (never a downloaded browser)."""
    browser = playwright_session.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember each phase's report on the test item, for the screenshot on failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser: Browser, dashboard: Dashboard, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh light-theme page at 1440x900; screenshot into test-results/ on failure."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="light")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()
