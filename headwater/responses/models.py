"""Navigable views of models and their versions: `model_version.get_artifact("clf").load()`.

Like `runs.py`, each wraps a frozen domain value (`.model`) and reads related
entities from the store only when asked.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from headwater.errors import EntityNotFoundError
from headwater.responses import ArtifactVersionResponse, PipelineRunResponse
from headwater.store.filters import ListQuery
from headwater.store.metadata import decode_metadata, encode_metadata
from headwater.store.model_registry import (
    Model,
    ModelStage,
    ModelVersion,
    PromotionRule,
    StageChange,
    StageTransition,
)
from headwater.store.models import ArtifactType, MetadataTarget

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.session import Session
    from headwater.store.base import Store

# More than any model's versions or history in one query.
_ALL = 10_000


class ModelVersionResponse:
    """One version of a model: its stage, artifacts, runs and stage history."""

    def __init__(self, model: ModelVersion, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def number(self) -> int:
        return self.model.number

    @property
    def model_name(self) -> str:
        return self.model.model_name

    @property
    def model_id(self) -> uuid.UUID:
        return self.model.model_id

    @property
    def description(self) -> str | None:
        return self.model.description

    @property
    def created(self) -> dt.datetime:
        return self.model.created

    @property
    def stage(self) -> ModelStage:
        """none, staging, production or archived."""
        return self.model.stage

    @property
    def metadata(self) -> dict[str, Any]:
        """Metadata logged to this version, with types restored."""
        return decode_metadata(self.model.metadata)

    @property
    def run_metadata(self) -> dict[str, Any]:
        """ZenML's name for `metadata`."""
        return self.metadata

    @property
    def artifacts(self) -> dict[str, ArtifactVersionResponse]:
        """Artifact name -> the newest linked version of it, whatever its kind."""
        return self._artifacts_of(None)

    @property
    def data_artifacts(self) -> dict[str, ArtifactVersionResponse]:
        """Like `artifacts`, only those linked as data."""
        return self._artifacts_of(ArtifactType.DATA)

    @property
    def model_artifacts(self) -> dict[str, ArtifactVersionResponse]:
        """Like `artifacts`, only those linked as models."""
        return self._artifacts_of(ArtifactType.MODEL)

    @property
    def deployment_artifacts(self) -> dict[str, ArtifactVersionResponse]:
        """Like `artifacts`, only those linked as deployments."""
        return self._artifacts_of(ArtifactType.DEPLOYMENT)

    def get_artifact(self, name: str, version: int | None = None) -> ArtifactVersionResponse:
        """The linked artifact version called `name` (the newest, or `version`).

        Raises:
            EntityNotFoundError: no artifact of that name (and version) is linked.
        """
        links = self._session.store.get_model_version_links(self.id).artifacts
        matching = [
            link for link in links if link.artifact_name == name and version in (None, link.version)
        ]
        if not matching:
            known = sorted({link.artifact_name for link in links})
            raise EntityNotFoundError(
                f"Model '{self.model_name}' version {self.number} has no artifact '{name}'"
                f"{'' if version is None else f' version {version}'}. Its artifacts are "
                f"{', '.join(repr(k) for k in known) or 'none'}."
            )
        newest = max(matching, key=lambda link: link.version)
        return ArtifactVersionResponse(
            self._session.store.get_artifact_version(newest.artifact_version_id), self._session
        )

    def load_artifact(self, name: str, version: int | None = None) -> Any:
        """Load the value of a linked artifact: `get_artifact(name, version).load()`."""
        return self.get_artifact(name, version).load()

    @property
    def runs(self) -> list[PipelineRunResponse]:
        """The runs linked to this version, oldest first."""
        run_ids = self._session.store.get_model_version_links(self.id).run_ids
        if not run_ids:
            return []
        page = self._session.store.list_runs(
            ListQuery(
                filters={"id": f"oneof:[{','.join(str(i) for i in run_ids)}]"},
                sort_by="asc:created",
                size=len(run_ids),
            )
        )
        return [PipelineRunResponse(run, self._session) for run in page.items]

    @property
    def history(self) -> list[StageTransition]:
        """Every recorded stage change, refusal and rule decision, oldest first."""
        page = self._session.store.list_stage_transitions(
            ListQuery(filters={"model_version_id": str(self.id)}, sort_by="asc:created", size=_ALL)
        )
        return list(page.items)

    def set_stage(
        self, stage: ModelStage | str, force: bool = False, *, reason: str | None = None
    ) -> ModelVersionResponse:
        """Move this version to `stage`; with `force`, the current holder goes to archived.

        Raises:
            StageConflictError: another version holds the stage and `force` is False.
        """
        change = StageChange(stage=ModelStage(stage), force=force, reason=reason)
        self.model = self._session.store.set_model_version_stage(self.id, change)
        return self

    def log_metadata(self, metadata: Mapping[str, Any]) -> None:
        """Attach typed metadata to this version (promotion rules read it)."""
        entries = encode_metadata(dict(metadata))
        self._session.store.add_metadata(MetadataTarget.MODEL_VERSION, self.id, entries)
        self.model = self._session.store.get_model_version(None, self.id)

    def refresh(self) -> ModelVersionResponse:
        """The same version, read again from the store."""
        return ModelVersionResponse(
            self._session.store.get_model_version(None, self.id), self._session
        )

    def _artifacts_of(self, kind: ArtifactType | None) -> dict[str, ArtifactVersionResponse]:
        links = self._session.store.get_model_version_links(self.id).artifacts
        newest: dict[str, uuid.UUID] = {}
        for link in links:  # sorted by name, then version: the last one wins
            if kind is None or link.artifact_type is kind:
                newest[link.artifact_name] = link.artifact_version_id
        versions = self._session.store.get_artifact_versions(list(newest.values()))
        return {
            name: ArtifactVersionResponse(versions[vid], self._session)
            for name, vid in newest.items()
            if vid in versions
        }

    def __repr__(self) -> str:
        return f"<model '{self.model_name}' version {self.number} ({self.stage})>"


class StepModel(ModelVersionResponse):
    """`get_step_context().model`, shaped like ZenML's `Model`: `.name` is the model's
    name and `.version` the version's (on a `ModelVersionResponse`, `.name` is the
    version's, as on ZenML's)."""

    @property
    def name(self) -> str:
        return self.model.model_name

    @property
    def version(self) -> str:
        """The version's name (its number as text unless the `Model` named it)."""
        return self.model.name

    def refresh(self) -> StepModel:
        """The same version, read again from the store."""
        return StepModel(self._session.store.get_model_version(None, self.id), self._session)


class ModelResponse:
    """A model: its versions, newest first, and its promotion rules."""

    def __init__(self, model: Model, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def description(self) -> str | None:
        return self.model.description

    @property
    def tags(self) -> tuple[str, ...]:
        return self.model.tags

    @property
    def created(self) -> dt.datetime:
        return self.model.created

    @property
    def promotion_rules(self) -> tuple[PromotionRule, ...]:
        """The rules evaluated when a run of one of its versions completes."""
        return self.model.promotion_rules

    @property
    def versions(self) -> list[ModelVersionResponse]:
        """Every version, newest first."""
        page = self._session.store.list_model_versions(
            ListQuery(filters={"model_id": str(self.id)}, sort_by="desc:number", size=_ALL)
        )
        return [ModelVersionResponse(v, self._session) for v in page.items]

    @property
    def latest_version(self) -> ModelVersionResponse:
        """The version with the highest number.

        Raises:
            EntityNotFoundError: the model has no versions yet.
        """
        version = self._session.store.get_model_version(self.id, "latest")
        return ModelVersionResponse(version, self._session)

    def __repr__(self) -> str:
        return f"<model '{self.name}'>"


def step_model_view(
    store: Store, artifact_store: ArtifactStore
) -> Callable[[ModelVersion], ModelVersionResponse]:
    """What a running step's `get_step_context().model` answers: its model version, whose
    artifacts load from the step's own artifact store first."""
    from headwater.config import load_settings
    from headwater.session import Session

    def view(version: ModelVersion) -> ModelVersionResponse:
        session = Session.with_artifact_store(load_settings(), store, artifact_store)
        return StepModel(version, session)

    return view
