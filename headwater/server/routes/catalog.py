"""`/artifacts`, `/tags`, `/users`, `/projects`, tagging, pruning and deleting pipelines."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from headwater.server.access import CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.directory import scope_users
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.listing import (
    ArtifactListParams,
    ProjectListParams,
    TagListParams,
    UserListParams,
)
from headwater.server.schemas import PageOf
from headwater.store.catalog_models import ArtifactPrune, Tag, TagTarget
from headwater.store.models import Artifact, Project, User
from headwater.store.permissions import Resource

router = APIRouter(tags=["catalog"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


class ArtifactPage(PageOf[Artifact]):
    """A page of artifacts."""


class TagPage(PageOf[Tag]):
    """A page of tags."""


class UserPage(PageOf[User]):
    """A page of users."""


class ProjectPage(PageOf[Project]):
    """A page of projects."""


class TagChange(BaseModel):
    """Tags to attach to (or detach from) one run, artifact, artifact version or model."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    target: TagTarget
    target_id: uuid.UUID
    names: list[str] = Field(min_length=1)


class PruneRequest(BaseModel):
    """What to prune: `dry_run` only lists; `only_versions` keeps empty artifacts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dry_run: bool = True
    only_versions: bool = True


@router.get("/artifacts", operation_id="list_artifacts")
def list_artifacts(
    session: SessionDep, caller: CallerDep, params: Annotated[ArtifactListParams, Query()]
) -> ArtifactPage:
    """List artifacts (named series of versions), filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.ARTIFACT)
    page: ArtifactPage = ArtifactPage.of(session.store.list_artifacts(query))
    return page


@router.get("/artifacts/{artifact_id}", operation_id="get_artifact")
def get_artifact(artifact_id: str, session: SessionDep) -> Artifact:
    """Get an artifact by id or name."""
    return session.store.get_artifact(artifact_id)


@router.post("/artifact-versions/prune", operation_id="prune_artifact_versions")
def prune_artifact_versions(body: PruneRequest, session: SessionDep) -> ArtifactPrune:
    """Delete (or with `dry_run` list) artifact versions no step run or model uses."""
    return session.store.prune_artifact_versions(
        dry_run=body.dry_run, only_versions=body.only_versions
    )


class ArtifactClaimRequest(BaseModel):
    """The byte folders a save is about to publish into or reuse."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    uris: list[str] = Field(max_length=1000)


class ArtifactClaimAnswer(BaseModel):
    """Whether the folders are claimed; False while a prune deletes one of them."""

    model_config = ConfigDict(frozen=True)

    claimed: bool


@router.put("/artifact-claims/{claim_id}", operation_id="claim_artifact_uris")
def claim_artifact_uris(
    claim_id: uuid.UUID, body: ArtifactClaimRequest, session: SessionDep
) -> ArtifactClaimAnswer:
    """Claim byte folders until their artifact versions are recorded (see prune)."""
    return ArtifactClaimAnswer(claimed=session.store.claim_artifact_uris(claim_id, body.uris))


@router.delete(
    "/artifact-claims/{claim_id}", operation_id="release_artifact_claim", status_code=_NO_CONTENT
)
def release_artifact_claim(claim_id: uuid.UUID, session: SessionDep) -> Response:
    """Drop a save's or a prune's claim on byte folders (unknown claims are fine)."""
    session.store.release_artifact_claim(claim_id)
    return Response(status_code=_NO_CONTENT)


@router.delete("/pipelines/{pipeline_id}", operation_id="delete_pipeline", status_code=_NO_CONTENT)
def delete_pipeline(pipeline_id: uuid.UUID, session: SessionDep) -> Response:
    """Delete a pipeline with its versions and runs (artifact versions stay)."""
    session.store.delete_pipeline(pipeline_id)
    return Response(status_code=_NO_CONTENT)


@router.post("/tags/attach", operation_id="add_tags", status_code=_NO_CONTENT)
def add_tags(body: TagChange, session: SessionDep) -> Response:
    """Attach tags (created on first use) to a run, artifact, artifact version or model."""
    session.store.add_tags(body.target, body.target_id, body.names)
    return Response(status_code=_NO_CONTENT)


@router.post("/tags/detach", operation_id="remove_tags", status_code=_NO_CONTENT)
def remove_tags(body: TagChange, session: SessionDep) -> Response:
    """Detach tags from a run, artifact, artifact version or model."""
    session.store.remove_tags(body.target, body.target_id, body.names)
    return Response(status_code=_NO_CONTENT)


@router.get("/tags", operation_id="list_tags")
def list_tags(session: SessionDep, params: Annotated[TagListParams, Query()]) -> TagPage:
    """List tags."""
    page: TagPage = TagPage.of(session.store.list_tags(params.to_query()))
    return page


@router.get("/tags/{tag_id}", operation_id="get_tag")
def get_tag(tag_id: str, session: SessionDep) -> Tag:
    """Get a tag by id or name."""
    return session.store.get_tag(tag_id)


@router.get("/users", operation_id="list_users")
def list_users(
    session: SessionDep, caller: CallerDep, params: Annotated[UserListParams, Query()]
) -> UserPage:
    """List the users the caller may see.

    Server admins see everyone; others themselves and the users of their teams and of
    the projects whose members they may read.
    """
    query = scope_users(params.to_query(), session.store, caller)
    page: UserPage = UserPage.of(session.store.list_users(query))
    return page


@router.get("/users/{user_id}", operation_id="get_user")
def get_user(user_id: str, session: SessionDep) -> User:
    """Get a user by id or name."""
    return session.store.get_user(user_id)


@router.get("/projects", operation_id="list_projects")
def list_projects(
    session: SessionDep, caller: CallerDep, params: Annotated[ProjectListParams, Query()]
) -> ProjectPage:
    """List the projects the caller may read."""
    query = caller.scope(params.to_query(), Resource.PROJECT)
    page: ProjectPage = ProjectPage.of(session.store.list_projects(query))
    return page


@router.get("/projects/{project_id}", operation_id="get_project")
def get_project(project_id: str, session: SessionDep) -> Project:
    """Get a project by id or name."""
    return session.store.get_project(project_id)
