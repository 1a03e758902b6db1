"""`make docs-screenshots`: the dashboard tour's pictures, taken from the demo's runs.

Records `examples/demo.py` into a fresh Headwater home, serves it with `headwater up`, and
has headless Chromium (Debian's) shoot each page of the tour into docs/images/, light
and dark, so the pictures follow every UI change.

    python docs/screenshots.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
# The tour's pages, named as their pictures are.
# Every view says what it is waiting for; a picture is taken once none does.
BUSY = re.compile("Loading|Laying out|Connecting")
PAGES = ("runs", "run", "step", "artifact", "models", "compare")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWATER_")}
        env |= {"HEADWATER_HOME": str(home), "HEADWATER_PROGRESS": "0"}
        demo = [sys.executable, str(REPO / "examples" / "demo.py")]
        subprocess.run(demo, env=env, check=True, stdout=subprocess.DEVNULL)
        headwater = [sys.executable, "-P", "-m", "headwater.cli.main"]
        subprocess.run([*headwater, "up", "--port", "0"], env=env, check=True)
        try:
            url = json.loads((home / "server.json").read_text())["url"]
            shoot(url, _paths(url))
        finally:
            subprocess.run([*headwater, "down"], env=env, check=True)


def _paths(url: str) -> dict[str, str]:
    """The tour's pages, picked from the demo's data through the public API."""
    api = httpx.Client(base_url=f"{url}/api/v1", timeout=30)
    runs = api.get("/runs", params={"sort_by": "desc:created", "size": 50}).json()["items"]
    training = next(r for r in runs if r["pipeline_name"] == "training")
    steps = api.get(f"/runs/{training['id']}/steps").json()["items"]
    artifacts = api.get("/artifact-versions", params={"size": 1}).json()["items"]
    sweep = [r["id"] for r in runs if r["pipeline_name"] == "sweep_training"][:3]
    return {
        "runs": "/runs",
        "run": f"/runs/{training['id']}",
        "step": f"/steps/{steps[-1]['id']}",
        "artifact": f"/artifacts/{artifacts[0]['id']}",
        "models": "/models/iris",
        "compare": "/compare?runs=" + ",".join(sweep),
    }


def shoot(url: str, paths: dict[str, str]) -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for scheme in ("light", "dark"):
            context = browser.new_context(
                viewport={"width": 1440, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            for name in PAGES:
                _settle(page, url + paths[name])
                page.screenshot(path=str(IMAGES / f"{name}-{scheme}.png"))
            context.close()
        browser.close()


def _settle(page: Page, address: str) -> None:
    """Open a page and wait until its data has loaded and its graph has been laid out."""
    page.goto(address)
    # The live event stream keeps the network busy, so wait for the views themselves
    # (polling locators: the page's CSP forbids evaluating a script string).
    busy = page.get_by_text(BUSY)
    deadline = time.monotonic() + 60
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        quiet = quiet + 1 if busy.count() == 0 else 0
        time.sleep(0.3)
    time.sleep(1.0)  # layout and chart animations end after the data arrived


if __name__ == "__main__":
    main()
