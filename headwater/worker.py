"""A worker: execute one step of a run in this process, given only ids and store URLs.

This is what a remote orchestrator ships (see `runner/orchestrators/base.py`):

    python -m headwater.worker RUN_ID STEP_NAME STORE_URL ARTIFACT_STORE_URL

It exits 0 when the step finished, 3 when the step raised (its traceback is recorded)
and 1 with one `Error:` line when the worker could not execute it.
"""

from __future__ import annotations

import os
import sys
import uuid

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.errors import HeadwaterError, StepExecutionError
from headwater.responses.models import step_model_view
from headwater.runner.entrypoint import STEP_FAILED_EXIT_CODE, execute_step_by_ids
from headwater.store.factory import open_store


def main(argv: list[str]) -> int:
    """Run one step from the command line; exit 0 on success, 3 if the step raised."""
    run_id, step_name, store_url, artifact_store_url = argv
    store = open_store(store_url)
    artifact_store = ArtifactStore(artifact_store_url)
    try:
        execute_step_by_ids(
            uuid.UUID(run_id),
            step_name,
            store=store,
            artifact_store=artifact_store,
            model_view=step_model_view(store, artifact_store),
        )
    except StepExecutionError:
        return STEP_FAILED_EXIT_CODE
    except HeadwaterError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 1
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    # Started with `-P` (see python_command.py): the user's modules in the current folder
    # stay importable, after the installed packages, so a local `headwater/` never wins.
    sys.path.append(os.getcwd())
    sys.exit(main(sys.argv[1:]))
