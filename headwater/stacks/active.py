"""Which stack runs use: `HEADWATER_STACK` if set, else the one `headwater stack set`
chose, else `default`.

The choice is this machine's, like ZenML's: it is kept in `$HEADWATER_HOME/stacks.json`,
one entry per metadata store (keyed by a hash of its URL, so no password is written).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from typing import TYPE_CHECKING

from headwater.errors import ConfigurationError, EntityNotFoundError
from headwater.stacks.default_stack import ensure_default_stack

if TYPE_CHECKING:
    import uuid
    from pathlib import Path

    from headwater.config import Settings
    from headwater.store.base import Store
    from headwater.store.stack_models import Stack

ACTIVE_STACK_VARIABLE = "HEADWATER_STACK"
_FILE_NAME = "stacks.json"

logger = logging.getLogger(__name__)


def resolve_active_stack(store: Store, settings: Settings) -> Stack:
    """The stack runs use now.

    Raises:
        ConfigurationError: `HEADWATER_STACK` names a stack that does not exist.
    """
    chosen = os.environ.get(ACTIVE_STACK_VARIABLE)
    if chosen:
        try:
            return store.get_stack(chosen)
        except EntityNotFoundError:
            raise ConfigurationError(
                f"{ACTIVE_STACK_VARIABLE} names the stack '{chosen}', which does not exist. "
                f"Register it (`headwater stack register`), or unset the variable."
            ) from None
    remembered = read_active_stack_id(settings)
    if remembered is not None:
        try:
            return store.get_stack(remembered)
        except EntityNotFoundError:
            logger.warning(
                "The active stack '%s' no longer exists; using the default stack. Choose "
                "another with `headwater stack set NAME`.",
                remembered,
            )
    return ensure_default_stack(store)


def read_active_stack_id(settings: Settings) -> str | None:
    """The stack id `headwater stack set` remembered for this store, if any."""
    return _read(settings.home).get(_store_key(settings))


def write_active_stack_id(settings: Settings, stack_id: uuid.UUID) -> None:
    """Remember `stack_id` as the active stack for this store (written atomically)."""
    entries = _read(settings.home)
    entries[_store_key(settings)] = str(stack_id)
    path = settings.home / _FILE_NAME
    partial = path.with_suffix(f".{os.getpid()}.tmp")  # one per process: no clobbering
    partial.write_text(json.dumps({"active_stacks": entries}, indent=2))
    partial.replace(path)


def _read(home: Path) -> dict[str, str]:
    path = home / _FILE_NAME
    try:
        content = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"Cannot read the active stack from '{path}': {exc}. Delete the file and choose "
            f"the stack again with `headwater stack set NAME`."
        ) from exc
    entries = content.get("active_stacks", {}) if isinstance(content, dict) else {}
    return {str(k): str(v) for k, v in entries.items()}


def _store_key(settings: Settings) -> str:
    return hashlib.sha256(settings.store_url.encode()).hexdigest()[:16]
