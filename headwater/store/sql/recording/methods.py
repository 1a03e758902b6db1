"""`RecorderMethods`: the recorder's store methods, one implementation for both SQL stores.

`SqlStore` (SQLAlchemy's pool, any dialect) and `LocalSqliteStore` (one `sqlite3`
connection, for a local run) inherit these methods and differ only in `_fast`, which
opens a transaction, hands its executor over and turns driver errors into `StoreError`s.
Every method is one transaction, so a killed process leaves either all of a change or
none of it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from headwater.errors import EntityNotFoundError, StoreError
from headwater.store.events import EventChange, EventEntity
from headwater.store.models import utc_now
from headwater.store.sql.recording import (
    answers,
    artifacts,
    claims,
    events,
    runs,
    stacks,
    step_reads,
    steps,
)
from headwater.store.sql.recording.metadata import metadata_rows, target_exists, write_metadata

if TYPE_CHECKING:
    from headwater.store.idempotency import WriteAnswer
    from headwater.store.models import (
        ArtifactVersion,
        CacheHit,
        ExecutionStatus,
        MetadataEntry,
        MetadataTarget,
        PipelineRun,
        RunCreate,
        StepRun,
        StepRunCreate,
        StepRunEnd,
    )
    from headwater.store.sql.prepared import Executor
    from headwater.store.stack_models import Stack

# Explains a constraint violation, reading the store after the rollback.
Explain = Callable[[Any], StoreError]


class RecorderMethods:
    """What a run records and reads back on its way, over prepared statements."""

    # How many events the outbox keeps (see `recording.events`).
    events_kept: int = events.EVENTS_KEPT

    def _fast(
        self, *, is_write: bool, explain_conflict: Explain | None = None
    ) -> AbstractContextManager[Executor]:
        """One transaction (a write one locks for writing), committed if the block ends
        normally; driver errors come out as `StoreError`s."""
        raise NotImplementedError

    # --- runs -----------------------------------------------------------------------

    def create_run(self, run: RunCreate) -> PipelineRun:
        """See `Store.create_run`."""
        now = utc_now()
        with self._fast(is_write=True) as executor:
            created = runs.create_run(executor, run, now)
            _record_run_event(executor, created, EventChange.CREATED, now)
            events.trim_events(executor, self.events_kept)
            answers.save_answer(executor, created, now)
            answers.trim_answers(executor, now)
            return created

    def update_run_status(
        self,
        run_id: uuid.UUID,
        status: ExecutionStatus,
        *,
        exception: str | None = None,
    ) -> PipelineRun:
        """See `Store.update_run_status`."""
        now = utc_now()
        with self._fast(is_write=True) as executor:
            ended = runs.update_run_status(executor, run_id, status, exception=exception, now=now)
            events.record_events(
                executor,
                events.status_events(
                    entity=EventEntity.STEP_RUN, run_id=run_id, changed=ended, now=now
                ),
            )
            updated = runs.get_run_by_id(executor, run_id)
            assert updated is not None  # updated in this transaction
            _record_run_event(executor, updated, EventChange.STATUS, now)
            answers.save_answer(executor, updated, now)
            return updated

    def heartbeat(self, run_id: uuid.UUID) -> None:
        """See `Store.heartbeat`."""
        with self._fast(is_write=True) as executor:
            runs.heartbeat(executor, run_id, utc_now())

    def stop_stale_runs(
        self, *, older_than: dt.timedelta, watched_since: dt.datetime | None = None
    ) -> int:
        """See `StaleRunSweeper.stop_stale_runs`."""
        # Look without the write lock first, as usually nothing is stale.
        with self._fast(is_write=False) as executor:
            stale = runs.find_stale_runs(
                executor, utc_now(), default_after=older_than, watched_since=watched_since
            )
        if not stale:
            return 0
        now = utc_now()
        with self._fast(is_write=True) as executor:
            stopped = runs.stop_runs(executor, stale, now=now)
            events.record_events(
                executor,
                events.status_events(
                    entity=EventEntity.RUN, run_id=uuid.UUID(int=0), changed=stopped, now=now
                ),
            )
            return len(stopped)

    def claim_artifact_uris(self, claim_id: uuid.UUID, uris: Sequence[str]) -> bool:
        """See `Store.claim_artifact_uris`."""
        with self._fast(is_write=True) as executor:
            return claims.claim_for_save(executor, claim_id, uris, utc_now())

    def release_artifact_claim(self, claim_id: uuid.UUID) -> None:
        """See `Store.release_artifact_claim`."""
        with self._fast(is_write=True) as executor:
            claims.release_claim(executor, claim_id)

    def find_write_answer(self, key: str) -> WriteAnswer | None:
        """See `WriteAnswers.find_write_answer`."""
        with self._fast(is_write=False) as executor:
            return answers.find_answer(executor, key)

    # --- step runs ------------------------------------------------------------------

    def start_step(self, step: StepRunCreate) -> StepRun:
        """See `Store.start_step`."""

        def explain(executor: Executor) -> StoreError:
            return steps.explain_missing_reference(executor, step)

        now = utc_now()
        with self._fast(is_write=True, explain_conflict=explain) as executor:
            started = steps.start_step(executor, step, now)
            _record_step_event(executor, started, EventChange.CREATED, now)
            answers.save_answer(executor, started, now)
            return started

    def finish_step(self, step_run_id: uuid.UUID, end: StepRunEnd) -> StepRun:
        """See `Store.finish_step`."""
        now = utc_now()
        with self._fast(is_write=True) as executor:
            finished = steps.finish_step(executor, step_run_id, end, now)
            _record_step_event(executor, finished, EventChange.STATUS, now)
            answers.save_answer(executor, finished, now)
            return finished

    def get_step_run(self, step_run_id: uuid.UUID) -> StepRun:
        """See `Store.get_step_run`."""
        with self._fast(is_write=False) as executor:
            return step_reads.get_step_run(executor, step_run_id)

    def find_cached_step_run(self, cache_key: str) -> StepRun | None:
        """See `Store.find_cached_step_run`."""
        with self._fast(is_write=False) as executor:
            return step_reads.find_cached_step_run(executor, cache_key)

    def find_cache_hit(self, cache_key: str) -> CacheHit | None:
        """See `Store.find_cache_hit`."""
        with self._fast(is_write=False) as executor:
            return step_reads.find_cache_hit(executor, cache_key)

    def find_previous_step_run(
        self, step_name: str, pipeline_name: str, *, before: dt.datetime
    ) -> StepRun | None:
        """See `Store.find_previous_step_run`."""
        with self._fast(is_write=False) as executor:
            return step_reads.find_previous_step_run(executor, step_name, pipeline_name, before)

    def get_one_artifact_version(self, version_id: uuid.UUID) -> ArtifactVersion | None:
        """One artifact version, as a cache hit reads its original's output."""
        with self._fast(is_write=False) as executor:
            return artifacts.get_one_artifact_version(executor, version_id)

    # --- metadata and stacks --------------------------------------------------------

    def add_metadata(
        self,
        target: MetadataTarget,
        target_id: uuid.UUID,
        entries: list[MetadataEntry],
    ) -> None:
        """See `Store.add_metadata`."""
        rows = metadata_rows(target, target_id, entries, utc_now())
        with self._fast(is_write=True) as executor:
            if not target_exists(executor, target, target_id):
                raise EntityNotFoundError(
                    f"Cannot attach metadata to {target.replace('_', ' ')} '{target_id}': "
                    f"there is none with that id. Check the id you passed."
                )
            write_metadata(executor, rows)

    def get_stack(self, name_or_id: uuid.UUID | str) -> Stack:
        """See `Store.get_stack`."""
        with self._fast(is_write=False) as executor:
            return stacks.get_stack(executor, name_or_id)


def _record_run_event(
    executor: Executor, run: PipelineRun, change: EventChange, now: dt.datetime
) -> None:
    events.record_event(
        executor,
        entity=EventEntity.RUN,
        entity_id=run.id,
        run_id=run.id,
        name=run.name,
        change=change,
        status=run.status,
        now=now,
    )


def _record_step_event(
    executor: Executor, step: StepRun, change: EventChange, now: dt.datetime
) -> None:
    events.record_event(
        executor,
        entity=EventEntity.STEP_RUN,
        entity_id=step.id,
        run_id=step.run_id,
        name=step.name,
        change=change,
        status=step.status,
        now=now,
    )
