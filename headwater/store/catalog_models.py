"""Domain models of the catalog around runs: tags and what they attach to, and pruning.

Projects, users and artifacts themselves live in `models.py`; this file holds what the
Client's tag and prune calls exchange with the store.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from headwater.store.models import ArtifactVersion


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TagTarget(StrEnum):
    """What a tag can be attached to."""

    RUN = "run"
    ARTIFACT = "artifact"
    ARTIFACT_VERSION = "artifact_version"
    MODEL = "model"


class Tag(_Frozen):
    """A label on runs, artifacts, artifact versions and models; created on first use."""

    id: uuid.UUID
    name: str
    created: dt.datetime


class ArtifactPrune(_Frozen):
    """What a prune removed (or, on a dry run, would remove).

    `versions` are the artifact versions no step run and no model version uses any more;
    `unreferenced_uris` are the folders of bytes no remaining artifact version points at,
    which the caller deletes from the artifact store once the records are gone, then
    releases `claim_id` (`Store.release_artifact_claim`): until then runs wait before
    saving into those folders. Folders a run is saving into are not among them.
    """

    versions: tuple[ArtifactVersion, ...]
    unreferenced_uris: tuple[str, ...]
    dry_run: bool
    claim_id: uuid.UUID | None = None
