"""`SqlStore`: the `Store` protocol on SQLite or PostgreSQL.

This class owns the engines and the transactions; the SQL itself lives in one module per
concept (`runs`, `steps`, `artifacts`, `pipelines`, ...), whose functions take an open
connection. Every write is one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from headwater.store.events import EventChange, EventEntity
from headwater.store.filters import ListQuery
from headwater.store.models import utc_now
from headwater.store.sql import (
    artifacts,
    dag,
    events,
    pipelines,
    runs,
    step_queries,
)
from headwater.store.sql import stack_components as components
from headwater.store.sql import stacks as stack_rows
from headwater.store.sql.access_methods import SqlAccessMethods
from headwater.store.sql.activation_links import SqlActivationLinkMethods
from headwater.store.sql.catalog_methods import SqlCatalogMethods
from headwater.store.sql.comparison_methods import SqlComparisonMethods
from headwater.store.sql.driver import (
    StatementDataError,
    StatementError,
    StatementIntegrityError,
)
from headwater.store.sql.engine import create_engines, parse_store_url
from headwater.store.sql.metadata_methods import SqlMetadataMethods
from headwater.store.sql.migration import ensure_current_schema
from headwater.store.sql.model_methods import SqlModelMethods
from headwater.store.sql.recording import artifacts as recorded_artifacts
from headwater.store.sql.recording import events as recorded_events
from headwater.store.sql.recording.failures import invalid_value, store_failed
from headwater.store.sql.recording.methods import Explain, RecorderMethods
from headwater.store.sql.recording.opening import has_plain_secrets
from headwater.store.sql.saved_views import SqlSavedViewMethods
from headwater.store.sql.service_accounts import SqlServiceAccountMethods
from headwater.store.sql.service_connectors import SqlServiceConnectorMethods
from headwater.store.sql.user_accounts import SqlUserAccountMethods
from headwater.store.sql.users import SqlLoginMethods

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.engine import Connection

    from headwater.store.dag import RunDag
    from headwater.store.events import StoreEvent
    from headwater.store.models import (
        ArtifactVersion,
        Page,
        Pipeline,
        PipelineRun,
        PipelineVersion,
        PipelineVersionSummary,
        StepRun,
    )
    from headwater.store.sql.driver import DriverConnection
    from headwater.store.stack_models import (
        RunStack,
        Stack,
        StackComponent,
        StackComponentCreate,
        StackComponentType,
        StackComponentUpdate,
        StackCreate,
        StackUpdate,
    )


class SqlStore(
    RecorderMethods,
    SqlCatalogMethods,
    SqlComparisonMethods,
    SqlModelMethods,
    SqlMetadataMethods,
    SqlLoginMethods,
    SqlAccessMethods,
    SqlServiceAccountMethods,
    SqlUserAccountMethods,
    SqlActivationLinkMethods,
    SqlSavedViewMethods,
    SqlServiceConnectorMethods,
):
    """Everything Headwater remembers, in a SQLite file or a PostgreSQL database.

    Safe to share between threads (a heartbeat thread and the main thread, say): each
    call takes its own pooled connection.
    """

    def __init__(self, url: str) -> None:
        """Open the database at `url`, migrating it to the current schema if needed.

        Raises:
            ConfigurationError: the URL is not a supported database URL.
            StoreError: the database cannot be reached or migrated.
        """
        parsed = parse_store_url(url)
        self.url = parsed.render_as_string(hide_password=True)
        self._engines = create_engines(parsed)
        try:
            ensure_current_schema(self._engines, self.url)
            self._seal_plain_secrets()
        except BaseException:
            self._engines.dispose()
            raise

    def __repr__(self) -> str:
        return f"SqlStore('{self.url}')"

    def _seal_plain_secrets(self) -> None:
        # Secrets written before they were encrypted at rest are sealed once, on open.
        with self._fast(is_write=False) as executor:
            if not has_plain_secrets(executor):
                return
        with self._write() as connection:
            components.seal_plain_secrets(connection)

    # --- runs -----------------------------------------------------------------------

    def get_run(self, run_id_or_name: uuid.UUID | str) -> PipelineRun:
        """See `Store.get_run`."""
        with self._read() as connection:
            return runs.get_run(connection, run_id_or_name)

    def list_runs(self, query: ListQuery) -> Page[PipelineRun]:
        """See `Store.list_runs`."""
        with self._read() as connection:
            return runs.list_runs(connection, query)

    def delete_run(self, run_id: uuid.UUID) -> None:
        """See `Store.delete_run`."""
        now = utc_now()
        with self._write() as connection:
            runs.delete_run(connection, run_id)
            recorded_events.record_event(
                connection,
                entity=EventEntity.RUN,
                entity_id=run_id,
                run_id=run_id,
                name=None,
                change=EventChange.DELETED,
                status=None,
                now=now,
            )

    def get_run_dag(self, run_id: uuid.UUID) -> RunDag:
        """See `Store.get_run_dag`."""
        with self._read() as connection:
            return dag.get_run_dag(connection, run_id)

    def get_run_dag_steps(self, run_id: uuid.UUID, step_run_ids: Sequence[uuid.UUID]) -> RunDag:
        """See `Store.get_run_dag_steps`."""
        with self._read() as connection:
            return dag.get_run_dag_steps(connection, run_id, step_run_ids)

    # --- events ---------------------------------------------------------------------

    def list_events(
        self, *, after: int, limit: int = 500, run_id: uuid.UUID | None = None
    ) -> list[StoreEvent]:
        """See `Store.list_events`."""
        with self._read() as connection:
            return events.list_events(connection, after=after, limit=limit, run_id=run_id)

    def last_event_id(self, *, run_id: uuid.UUID | None = None) -> int:
        """See `Store.last_event_id`."""
        with self._read() as connection:
            return events.last_event_id(connection, run_id=run_id)

    # --- pipelines ------------------------------------------------------------------

    def get_pipeline(self, name_or_id: uuid.UUID | str) -> Pipeline:
        """See `Store.get_pipeline`."""
        with self._read() as connection:
            return pipelines.get_pipeline(connection, name_or_id)

    def list_pipelines(self, query: ListQuery) -> Page[Pipeline]:
        """See `Store.list_pipelines`."""
        with self._read() as connection:
            return pipelines.list_pipelines(connection, query)

    def get_pipeline_version(self, version_id: uuid.UUID) -> PipelineVersion:
        """See `Store.get_pipeline_version`."""
        with self._read() as connection:
            return pipelines.get_pipeline_version(connection, version_id)

    def list_pipeline_versions(self, query: ListQuery) -> Page[PipelineVersionSummary]:
        """See `Store.list_pipeline_versions`."""
        with self._read() as connection:
            return pipelines.list_pipeline_versions(connection, query)

    # --- step runs ------------------------------------------------------------------

    def list_step_runs(self, query: ListQuery) -> Page[StepRun]:
        """See `Store.list_step_runs`."""
        with self._read() as connection:
            return step_queries.list_step_runs(connection, query)

    # --- artifacts ------------------------------------------------------------------

    def get_artifact_version(self, artifact_version_id: uuid.UUID) -> ArtifactVersion:
        """See `Store.get_artifact_version`."""
        with self._read() as connection:
            return artifacts.get_artifact_version(connection, artifact_version_id)

    def get_artifact_versions(
        self, artifact_version_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, ArtifactVersion]:
        """See `Store.get_artifact_versions`."""
        if not artifact_version_ids:
            return {}
        distinct = set(artifact_version_ids)
        if len(distinct) == 1:  # a step's one output, as a cache hit reads it: hot path
            (version_id,) = distinct
            with self._fast(is_write=False) as executor:
                found = recorded_artifacts.get_one_artifact_version(executor, version_id)
            return {} if found is None else {version_id: found}
        with self._read() as connection:
            return artifacts.get_artifact_versions(connection, artifact_version_ids)

    def list_artifact_versions(self, query: ListQuery) -> Page[ArtifactVersion]:
        """See `Store.list_artifact_versions`."""
        with self._read() as connection:
            return artifacts.list_artifact_versions(connection, query)

    # --- metadata -------------------------------------------------------------------

    # --- stacks and stack components -------------------------------------------------

    def create_stack_component(self, component: StackComponentCreate) -> StackComponent:
        """See `Store.create_stack_component`."""
        with self._write() as connection:
            return components.create_stack_component(connection, component, utc_now())

    def get_stack_component(
        self, name_or_id: uuid.UUID | str, component_type: StackComponentType | None = None
    ) -> StackComponent:
        """See `Store.get_stack_component`."""
        with self._read() as connection:
            return components.get_stack_component(connection, name_or_id, component_type)

    def list_stack_components(self, query: ListQuery) -> Page[StackComponent]:
        """See `Store.list_stack_components`."""
        with self._read() as connection:
            return components.list_stack_components(connection, query)

    def update_stack_component(
        self, component_id: uuid.UUID, update: StackComponentUpdate
    ) -> StackComponent:
        """See `Store.update_stack_component`."""
        with self._write() as connection:
            return components.update_stack_component(connection, component_id, update)

    def delete_stack_component(self, component_id: uuid.UUID) -> None:
        """See `Store.delete_stack_component`."""
        with self._write() as connection:
            components.delete_stack_component(connection, component_id)

    def get_stack_component_secrets(self, component_id: uuid.UUID) -> dict[str, str]:
        """See `Store.get_stack_component_secrets`."""
        with self._read() as connection:
            return components.read_secrets(connection, component_id)

    def create_stack(self, stack: StackCreate) -> Stack:
        """See `Store.create_stack`."""
        with self._write() as connection:
            return stack_rows.create_stack(connection, stack, utc_now())

    def list_stacks(self, query: ListQuery) -> Page[Stack]:
        """See `Store.list_stacks`."""
        with self._read() as connection:
            return stack_rows.list_stacks(connection, query)

    def update_stack(self, stack_id: uuid.UUID, update: StackUpdate) -> Stack:
        """See `Store.update_stack`."""
        with self._write() as connection:
            return stack_rows.update_stack(connection, stack_id, update)

    def delete_stack(self, stack_id: uuid.UUID) -> None:
        """See `Store.delete_stack`."""
        with self._write() as connection:
            stack_rows.delete_stack(connection, stack_id)

    def get_run_stack(self, run_id: uuid.UUID) -> RunStack | None:
        """See `Store.get_run_stack`."""
        with self._read() as connection:
            return stack_rows.get_run_stack(connection, run_id)

    def close(self) -> None:
        """See `Store.close`: closes every pooled connection."""
        self._engines.dispose()

    # --- transactions ---------------------------------------------------------------

    @contextmanager
    def _write(self, explain_conflict: Explain | None = None) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite), committed on success."""
        with self._translated(explain_conflict), self._engines.writes.begin() as connection:
            yield connection

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read-only transaction over a consistent snapshot, rolled back at the end."""
        with self._translated(), self._engines.reads.connect() as connection:
            yield connection

    @contextmanager
    def _fast(
        self, *, is_write: bool, explain_conflict: Explain | None = None
    ) -> Iterator[DriverConnection]:
        """Like `_write` or `_read`, for prepared statements only: the runner's hot path."""
        with (
            self._translated(explain_conflict),
            self._engines.driver_transaction(is_write=is_write) as executor,
        ):
            yield executor

    @contextmanager
    def _translated(self, explain_conflict: Explain | None = None) -> Iterator[None]:
        """Turn database errors into `StoreError`s.

        A constraint violation is explained by `explain_conflict`, which looks at the
        database on a fresh connection after the rollback. A value the database cannot
        hold (PostgreSQL's data exceptions, SQLite's integer overflow) is the caller's
        mistake, never an unavailable store.
        """
        try:
            yield
        except (DataError, StatementDataError) as exc:
            raise invalid_value(exc.orig) from exc
        except OverflowError as exc:
            raise invalid_value(exc) from exc
        except (IntegrityError, StatementIntegrityError) as exc:
            if explain_conflict is None:
                raise store_failed(self.url, exc.orig) from exc
            with self._read() as connection:
                raise explain_conflict(connection) from exc
        except (DBAPIError, StatementError) as exc:
            raise store_failed(self.url, exc.orig) from exc
