"""`RestStore`: every `Store` call as one request to a Headwater server.

Recording a step costs a bounded number of requests whatever it records: one to find a
cached run, one to start it, one to finish it (outputs, metadata and resources at once).
Artifacts never pass through the server: the runner writes them directly to the artifact
store the server names (`artifact_store_url`).

A server that restarts while a run records costs the run a pause, not its work: calls
are retried for `HEADWATER_REST_RETRY_SECONDS` (see `headwater.store.rest.retries`), and
the writes that create or move something carry an `Idempotency-Key`, so that one retried
after its answer was lost is applied once (see `headwater.store.idempotency`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

from headwater.store.compared_steps import ComparedStep, compared_steps_of
from headwater.store.dag import RunDag
from headwater.store.events import StoreEvent
from headwater.store.filters import ListQuery
from headwater.store.models import (
    ArtifactVersion,
    CachedOutput,
    CacheHit,
    Pipeline,
    PipelineRun,
    PipelineVersion,
    PipelineVersionSummary,
    StepRun,
)
from headwater.store.rest.access import RestAccessMethods
from headwater.store.rest.catalog import RestCatalogMethods
from headwater.store.rest.metadata import RestMetadataMethods
from headwater.store.rest.ml_models import RestModelMethods
from headwater.store.rest.query import list_params, page_from
from headwater.store.rest.retries import RetryPolicy
from headwater.store.rest.service_connectors import RestServiceConnectorMethods
from headwater.store.rest.stacks import RestStackMethods
from headwater.store.rest.transport import Transport, new_idempotency_key
from headwater.store.rest.utc import parse_model

if TYPE_CHECKING:
    from collections.abc import Sequence

    from headwater.store.models import (
        ExecutionStatus,
        MetadataEntry,
        MetadataTarget,
        Page,
        RunCreate,
        StepRunCreate,
        StepRunEnd,
    )


# The largest page of step runs the server lists (`ListQuery.size`).
_STEP_PAGE = 10_000


def _segment(value: uuid.UUID | str) -> str:
    return quote(str(value), safe="")


class RestStore(
    RestStackMethods,
    RestServiceConnectorMethods,
    RestModelMethods,
    RestCatalogMethods,
    RestMetadataMethods,
    RestAccessMethods,
):
    """Everything Headwater remembers, kept by a Headwater server.

    Args:
        url: The server's base URL, such as `http://127.0.0.1:8237`.
        token: An access token or API key, for servers that require a login.
        retry_seconds: How long to retry a call the server does not answer; by default
            `HEADWATER_REST_RETRY_SECONDS` (60). 0 turns retries off.
    """

    def __init__(
        self, url: str, token: str | None = None, *, retry_seconds: float | None = None
    ) -> None:
        retry = None if retry_seconds is None else RetryPolicy(total_seconds=retry_seconds)
        self._http = Transport(url, token, retry=retry)
        self.url = self._http.url

    def __repr__(self) -> str:
        return f"RestStore('{self.url}')"

    @property
    def requests_sent(self) -> int:
        """How many requests this store has sent."""
        return self._http.requests_sent

    def artifact_store_url(self) -> str:
        """Where the server's runs keep their artifacts and logs."""
        info = self._http.call("GET", "/info")
        return str(info["artifact_store_url"])

    # --- runs -----------------------------------------------------------------------

    def create_run(self, run: RunCreate) -> PipelineRun:
        """See `Store.create_run`."""
        body = self._http.call(
            "POST",
            "/runs",
            body=run.model_dump(mode="json"),
            idempotency_key=new_idempotency_key(),
        )
        return parse_model(PipelineRun, body)

    def update_run_status(
        self, run_id: uuid.UUID, status: ExecutionStatus, *, exception: str | None = None
    ) -> PipelineRun:
        """See `Store.update_run_status`."""
        body = {"status": status.value, "exception": exception}
        found = self._http.call(
            "PUT", f"/runs/{run_id}/status", body=body, idempotency_key=new_idempotency_key()
        )
        return parse_model(PipelineRun, found)

    def heartbeat(self, run_id: uuid.UUID) -> None:
        """See `Store.heartbeat`."""
        # Not retried: a missed beat is harmless, and the next one comes soon.
        self._http.call("POST", f"/runs/{run_id}/heartbeat", retry_seconds=0)

    def claim_artifact_uris(self, claim_id: uuid.UUID, uris: Sequence[str]) -> bool:
        """See `Store.claim_artifact_uris`."""
        body = {"uris": list(uris)}
        answer = self._http.call("PUT", f"/artifact-claims/{claim_id}", body=body)
        return bool(answer["claimed"])

    def release_artifact_claim(self, claim_id: uuid.UUID) -> None:
        """See `Store.release_artifact_claim`."""
        self._http.call("DELETE", f"/artifact-claims/{claim_id}")

    def issue_worker_token(self, run_id: uuid.UUID) -> str | None:
        """See `WorkerTokenIssuer.issue_worker_token`."""
        # Repeatable: a second token for the same run does no harm.
        body = self._http.call("POST", f"/runs/{run_id}/worker-token", is_repeatable=True)
        token = body.get("token")
        return None if token is None else str(token)

    def get_run(self, run_id_or_name: uuid.UUID | str) -> PipelineRun:
        """See `Store.get_run`."""
        return parse_model(PipelineRun, self._http.call("GET", f"/runs/{_segment(run_id_or_name)}"))

    def list_runs(self, query: ListQuery) -> Page[PipelineRun]:
        """See `Store.list_runs`."""
        body = self._http.call("GET", "/runs", params=list_params(query))
        return page_from(body, tuple(parse_model(PipelineRun, i) for i in body["items"]))

    def delete_run(self, run_id: uuid.UUID) -> None:
        """See `Store.delete_run`."""
        self._http.call("DELETE", f"/runs/{run_id}")

    def get_run_dag(self, run_id: uuid.UUID) -> RunDag:
        """See `Store.get_run_dag`."""
        body = self._http.call("GET", f"/runs/{run_id}/dag")
        body.pop("pending_steps", None)
        return parse_model(RunDag, body)

    def get_run_dag_steps(self, run_id: uuid.UUID, step_run_ids: Sequence[uuid.UUID]) -> RunDag:
        """See `Store.get_run_dag_steps`."""
        params = {"step_run_id": [str(i) for i in step_run_ids]}
        body = self._http.call("GET", f"/runs/{run_id}/dag/steps", params=params)
        body.pop("pending_steps", None)
        return parse_model(RunDag, body)

    # --- events ---------------------------------------------------------------------

    def list_events(
        self, *, after: int, limit: int = 500, run_id: uuid.UUID | None = None
    ) -> list[StoreEvent]:
        """See `Store.list_events`."""
        params: dict[str, str | int] = {"after": after, "limit": limit}
        if run_id is not None:
            params["run_id"] = str(run_id)
        body = self._http.call("GET", "/events/history", params=params)
        return [parse_model(StoreEvent, item) for item in body]

    def last_event_id(self, *, run_id: uuid.UUID | None = None) -> int:
        """See `Store.last_event_id`."""
        params = {} if run_id is None else {"run_id": str(run_id)}
        return int(self._http.call("GET", "/events/latest", params=params)["id"])

    # --- pipelines ------------------------------------------------------------------

    def get_pipeline(self, name_or_id: uuid.UUID | str) -> Pipeline:
        """See `Store.get_pipeline`."""
        return parse_model(Pipeline, self._http.call("GET", f"/pipelines/{_segment(name_or_id)}"))

    def list_pipelines(self, query: ListQuery) -> Page[Pipeline]:
        """See `Store.list_pipelines`."""
        body = self._http.call("GET", "/pipelines", params=list_params(query))
        return page_from(body, tuple(parse_model(Pipeline, i) for i in body["items"]))

    def get_pipeline_version(self, version_id: uuid.UUID) -> PipelineVersion:
        """See `Store.get_pipeline_version`."""
        body = self._http.call("GET", f"/pipeline-versions/{version_id}")
        return parse_model(PipelineVersion, body)

    def list_pipeline_versions(self, query: ListQuery) -> Page[PipelineVersionSummary]:
        """See `Store.list_pipeline_versions`."""
        body = self._http.call("GET", "/pipeline-versions", params=list_params(query))
        items = tuple(parse_model(PipelineVersionSummary, i) for i in body["items"])
        return page_from(body, items)

    # --- step runs ------------------------------------------------------------------

    def start_step(self, step: StepRunCreate) -> StepRun:
        """See `Store.start_step`."""
        body = self._http.call(
            "POST",
            "/step-runs",
            body=step.model_dump(mode="json"),
            idempotency_key=new_idempotency_key(),
        )
        return parse_model(StepRun, body)

    def finish_step(self, step_run_id: uuid.UUID, end: StepRunEnd) -> StepRun:
        """See `Store.finish_step`."""
        body = self._http.call(
            "POST",
            f"/step-runs/{step_run_id}/end",
            body=end.model_dump(mode="json"),
            idempotency_key=new_idempotency_key(),
        )
        return parse_model(StepRun, body)

    def get_step_run(self, step_run_id: uuid.UUID) -> StepRun:
        """See `Store.get_step_run`."""
        return parse_model(StepRun, self._http.call("GET", f"/step-runs/{step_run_id}"))

    def list_step_runs(self, query: ListQuery) -> Page[StepRun]:
        """See `Store.list_step_runs`."""
        body = self._http.call("GET", "/step-runs", params=list_params(query))
        return page_from(body, tuple(parse_model(StepRun, i) for i in body["items"]))

    def read_compared_steps(self, run_ids: Sequence[uuid.UUID]) -> list[ComparedStep]:
        """See `Store.read_compared_steps`: the server's step runs and their outputs'
        versions, in two requests (more past `_STEP_PAGE` step runs), made plain here."""
        if not run_ids:
            return []
        ids = json.dumps([str(run_id) for run_id in dict.fromkeys(run_ids)])
        steps: list[StepRun] = []
        index, total = 1, 1
        while len(steps) < total:
            query = ListQuery(
                filters={"run_id": f"oneof:{ids}"},
                sort_by="asc:created",
                index=index,
                size=_STEP_PAGE,
            )
            page = self.list_step_runs(query)
            steps.extend(page.items)
            index, total = index + 1, page.total
        outputs = [version for step in steps for version in step.outputs.values()]
        return compared_steps_of(steps, self.get_artifact_versions(outputs))

    def find_cached_step_run(self, cache_key: str) -> StepRun | None:
        """See `Store.find_cached_step_run`."""
        body = self._http.call("GET", "/step-runs/cached", params={"cache_key": cache_key})
        return None if body is None else parse_model(StepRun, body)

    def find_cache_hit(self, cache_key: str) -> CacheHit | None:
        """See `Store.find_cache_hit` (two requests: the server's API has them apart)."""
        original = self.find_cached_step_run(cache_key)
        if original is None:
            return None
        versions = self.get_artifact_versions(list(original.outputs.values()))
        outputs = {
            name: CachedOutput(
                artifact_version_id=version.id,
                uri=version.uri,
                content_hash=version.content_hash,
                materializer=version.materializer,
                data_type=version.data_type,
            )
            for name, version_id in original.outputs.items()
            if (version := versions.get(version_id)) is not None
        }
        return CacheHit(original_step_run_id=original.id, outputs=outputs)

    def find_previous_step_run(
        self, step_name: str, pipeline_name: str, *, before: dt.datetime
    ) -> StepRun | None:
        """See `Store.find_previous_step_run`."""
        params = {"step_name": step_name, "pipeline_name": pipeline_name}
        params["before"] = before.isoformat()
        body = self._http.call("GET", "/step-runs/previous", params=params)
        return None if body is None else parse_model(StepRun, body)

    # --- artifacts ------------------------------------------------------------------

    def get_artifact_version(self, artifact_version_id: uuid.UUID) -> ArtifactVersion:
        """See `Store.get_artifact_version`."""
        body = self._http.call("GET", f"/artifact-versions/{artifact_version_id}")
        return parse_model(ArtifactVersion, body)

    def get_artifact_versions(
        self, artifact_version_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, ArtifactVersion]:
        """See `Store.get_artifact_versions`."""
        if not artifact_version_ids:
            return {}
        ids = [str(i) for i in artifact_version_ids]
        body = self._http.call(
            "POST", "/artifact-versions/lookup", body={"ids": ids}, is_repeatable=True
        )
        return {
            uuid.UUID(key): parse_model(ArtifactVersion, value)
            for key, value in body["items"].items()
        }

    def list_artifact_versions(self, query: ListQuery) -> Page[ArtifactVersion]:
        """See `Store.list_artifact_versions`."""
        body = self._http.call("GET", "/artifact-versions", params=list_params(query))
        return page_from(body, tuple(parse_model(ArtifactVersion, i) for i in body["items"]))

    # --- metadata -------------------------------------------------------------------

    def add_metadata(
        self, target: MetadataTarget, target_id: uuid.UUID, entries: list[MetadataEntry]
    ) -> None:
        """See `Store.add_metadata`."""
        body = {
            "target": target.value,
            "target_id": str(target_id),
            "entries": [entry.model_dump(mode="json") for entry in entries],
        }
        # Repeatable: a key written again replaces its value with the same one.
        self._http.call("POST", "/metadata", body=body, is_repeatable=True)

    def close(self) -> None:
        """See `Store.close`: closes the connection pool."""
        self._http.close()
