"""Where Headwater keeps things: the home folder, the metadata store and the artifact store.

Zero configuration by default: everything lives under `$HEADWATER_HOME` (default
`~/.headwater`). `HEADWATER_STORE_URL` and `HEADWATER_ARTIFACT_STORE_URL` override the
two stores, for a PostgreSQL database or a shared fsspec location. `HEADWATER_PROJECT`
(or `headwater projects set NAME`, saved in `config.json`) picks the project runs are
recorded in and the Client lists; it is "default" unless set.
`HEADWATER_REST_RETRY_SECONDS` is how long a REST store waits out a server that does not
answer (a restart, say) before a call fails.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from headwater.errors import ConfigurationError

HOME_VARIABLE = "HEADWATER_HOME"
STORE_URL_VARIABLE = "HEADWATER_STORE_URL"
ARTIFACT_STORE_URL_VARIABLE = "HEADWATER_ARTIFACT_STORE_URL"
HEARTBEAT_VARIABLE = "HEADWATER_HEARTBEAT_SECONDS"
PROJECT_VARIABLE = "HEADWATER_PROJECT"
REST_RETRY_VARIABLE = "HEADWATER_REST_RETRY_SECONDS"
CONFIG_FILE = "config.json"
DEFAULT_PROJECT = "default"
DEFAULT_HEARTBEAT_SECONDS = 5.0
DEFAULT_REST_RETRY_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved locations of everything Headwater reads and writes."""

    home: Path
    store_url: str
    artifact_store_url: str
    # Seconds between a running run's heartbeats; six missed beats mean it died.
    heartbeat_interval: float = DEFAULT_HEARTBEAT_SECONDS
    # The active project: where runs are recorded and what the Client lists by default.
    project: str = DEFAULT_PROJECT
    # How long a REST store retries a call while its server does not answer.
    rest_retry_seconds: float = DEFAULT_REST_RETRY_SECONDS


def load_settings() -> Settings:
    """Resolve settings from the environment, creating the home folder on first use.

    Raises:
        ConfigurationError: the home folder cannot be created, the heartbeat interval is
            not a positive number, or the REST retry window is not a number of seconds.
    """
    home = home_folder()
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigurationError(
            f"Cannot use '{home}' as the Headwater home folder: {exc.strerror}. Set "
            f"{HOME_VARIABLE} to a folder you can write to."
        ) from exc
    store_url = (
        os.environ.get(STORE_URL_VARIABLE)
        or _logged_in_server(home)
        or f"sqlite:///{home / 'headwater.db'}"
    )
    artifact_store_url = os.environ.get(ARTIFACT_STORE_URL_VARIABLE) or str(home / "artifacts")
    return Settings(
        home=home,
        store_url=store_url,
        artifact_store_url=artifact_store_url,
        heartbeat_interval=_heartbeat_interval(),
        project=os.environ.get(PROJECT_VARIABLE) or saved_project(home) or DEFAULT_PROJECT,
        rest_retry_seconds=rest_retry_seconds(),
    )


def home_folder() -> Path:
    """`$HEADWATER_HOME`, or `~/.headwater` (not created here)."""
    return Path(os.environ.get(HOME_VARIABLE) or Path.home() / ".headwater").expanduser()


def _logged_in_server(home: Path) -> str | None:
    """The server `headwater login` saved, whose REST store then is the default."""
    from headwater.credentials import load_credentials

    saved = load_credentials(home)
    return None if saved is None else saved.url


def _heartbeat_interval() -> float:
    raw = os.environ.get(HEARTBEAT_VARIABLE)
    if raw is None:
        return DEFAULT_HEARTBEAT_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise ConfigurationError(
            f"{HEARTBEAT_VARIABLE} is '{raw}', but it must be a positive number of seconds, "
            f"such as 5."
        )
    return value


def rest_retry_seconds() -> float:
    """How long a REST store retries an unanswered call: `HEADWATER_REST_RETRY_SECONDS`.

    Raises:
        ConfigurationError: the variable is not a number of seconds (0 or more).
    """
    raw = os.environ.get(REST_RETRY_VARIABLE)
    if raw is None:
        return DEFAULT_REST_RETRY_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise ConfigurationError(
            f"{REST_RETRY_VARIABLE} is '{raw}', but it must be a number of seconds (0 or "
            f"more), such as 60; 0 turns retries off."
        )
    return value


def saved_project(home: Path) -> str | None:
    """The project `headwater projects set` saved in `home`, if any."""
    try:
        saved = json.loads((home / CONFIG_FILE).read_text())
    except (OSError, ValueError):
        return None
    project = saved.get("project") if isinstance(saved, dict) else None
    return project if isinstance(project, str) and project else None


def save_project(home: Path, project: str) -> None:
    """Make `project` the active one for `home` (kept beside other saved settings)."""
    path = home / CONFIG_FILE
    try:
        saved = json.loads(path.read_text())
    except (OSError, ValueError):
        saved = {}
    saved = saved if isinstance(saved, dict) else {}
    path.write_text(json.dumps({**saved, "project": project}))
