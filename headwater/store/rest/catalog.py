"""The catalog calls of `RestStore`: artifacts, tags, users, projects, deleting, pruning."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from headwater.store.catalog_models import ArtifactPrune, Tag
from headwater.store.models import Artifact, Project, User
from headwater.store.rest.query import list_params, page_from
from headwater.store.rest.utc import parse_model

if TYPE_CHECKING:
    from headwater.store.catalog_models import TagTarget
    from headwater.store.filters import ListQuery
    from headwater.store.models import Page
    from headwater.store.rest.transport import Transport


def _segment(value: uuid.UUID | str) -> str:
    return quote(str(value), safe="")


class RestCatalogMethods:
    """`Store`'s catalog methods, each one request."""

    _http: Transport

    def get_artifact(self, name_or_id: uuid.UUID | str) -> Artifact:
        """See `Store.get_artifact`."""
        return parse_model(Artifact, self._http.call("GET", f"/artifacts/{_segment(name_or_id)}"))

    def list_artifacts(self, query: ListQuery) -> Page[Artifact]:
        """See `Store.list_artifacts`."""
        body = self._http.call("GET", "/artifacts", params=list_params(query))
        return page_from(body, tuple(parse_model(Artifact, i) for i in body["items"]))

    def delete_pipeline(self, pipeline_id: uuid.UUID) -> None:
        """See `Store.delete_pipeline`."""
        self._http.call("DELETE", f"/pipelines/{pipeline_id}")

    def prune_artifact_versions(self, *, dry_run: bool, only_versions: bool) -> ArtifactPrune:
        """See `Store.prune_artifact_versions`."""
        body = {"dry_run": dry_run, "only_versions": only_versions}
        found = self._http.call("POST", "/artifact-versions/prune", body=body)
        return parse_model(ArtifactPrune, found)

    def add_tags(self, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> None:
        """See `Store.add_tags`."""
        self._http.call("POST", "/tags/attach", body=_change(target, target_id, names))

    def remove_tags(self, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> None:
        """See `Store.remove_tags`."""
        self._http.call("POST", "/tags/detach", body=_change(target, target_id, names))

    def get_tag(self, name_or_id: uuid.UUID | str) -> Tag:
        """See `Store.get_tag`."""
        return parse_model(Tag, self._http.call("GET", f"/tags/{_segment(name_or_id)}"))

    def list_tags(self, query: ListQuery) -> Page[Tag]:
        """See `Store.list_tags`."""
        body = self._http.call("GET", "/tags", params=list_params(query))
        return page_from(body, tuple(parse_model(Tag, i) for i in body["items"]))

    def get_user(self, name_or_id: uuid.UUID | str) -> User:
        """See `Store.get_user`."""
        return parse_model(User, self._http.call("GET", f"/users/{_segment(name_or_id)}"))

    def list_users(self, query: ListQuery) -> Page[User]:
        """See `Store.list_users`."""
        body = self._http.call("GET", "/users", params=list_params(query))
        return page_from(body, tuple(parse_model(User, i) for i in body["items"]))

    def get_project(self, name_or_id: uuid.UUID | str) -> Project:
        """See `Store.get_project`."""
        return parse_model(Project, self._http.call("GET", f"/projects/{_segment(name_or_id)}"))

    def list_projects(self, query: ListQuery) -> Page[Project]:
        """See `Store.list_projects`."""
        body = self._http.call("GET", "/projects", params=list_params(query))
        return page_from(body, tuple(parse_model(Project, i) for i in body["items"]))


def _change(target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> dict[str, object]:
    listed = [names] if isinstance(names, str) else list(names)
    return {"target": target.value, "target_id": str(target_id), "names": listed}
