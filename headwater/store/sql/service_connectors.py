"""Service connectors in SQL, secrets apart, and the `SqlStore` mixin that serves them.

The `settings` column holds the plain settings and `secret_fields` the names of every
secret field of the connector's type; the set values live in `service_connector_secrets`,
encrypted (`secret_box`), which only `read_secrets` reads and decrypts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from headwater.errors import EntityExistsError, EntityInUseError, EntityNotFoundError
from headwater.store.connector_models import (
    SecretState,
    ServiceConnector,
    ServiceConnectorCreate,
    ServiceConnectorType,
    ServiceConnectorUpdate,
)
from headwater.store.listings import SERVICE_CONNECTORS
from headwater.store.models import Page, utc_now
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    listed_rows,
    project_column,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import (
    service_connector_secrets,
    service_connectors,
    stack_components,
)
from headwater.store.sql.secret_box import open_secrets, seal_secrets

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

# The setting by which a component names the connector it uses.
CONNECTOR_SETTING = "connector"

_connectors = service_connectors.c
_LISTING = Listing(
    declared=SERVICE_CONNECTORS,
    filters={
        "id": ColumnFilter(_connectors.id, FieldKind.ID),
        "name": ColumnFilter(_connectors.name, FieldKind.TEXT),
        "type": ColumnFilter(_connectors.type, FieldKind.TEXT),
        "created": ColumnFilter(_connectors.created, FieldKind.DATETIME),
        "updated": ColumnFilter(_connectors.updated, FieldKind.DATETIME),
        "created_by": ColumnFilter(_connectors.created_by, FieldKind.TEXT),
    },
    sort_columns={
        "created": _connectors.created,
        "name": _connectors.name,
        "type": _connectors.type,
        "updated": _connectors.updated,
    },
    id_column=_connectors.id,
    project=project_column(_connectors.project_id),
)


def create_service_connector(
    connection: Connection, connector: ServiceConnectorCreate, now: dt.datetime
) -> ServiceConnector:
    """Insert a connector (and its set secrets, apart).

    Raises:
        EntityExistsError: a connector of the project already has the name.
    """
    project_id = pipeline_rows.ensure_project(connection, connector.project_name, now)
    _check_name_free(connection, project_id, connector.name)
    connector_id = new_id()
    values: dict[str, Any] = {
        "id": connector_id,
        "project_id": project_id,
        "name": connector.name,
        "type": connector.type.value,
        "settings": connector.settings,
        "secret_fields": sorted(connector.secrets),
        "created": now,
        "created_by": connector.user_name,
        "updated": now,
        "updated_by": connector.user_name,
    }
    try:
        connection.execute(service_connectors.insert(), values)
    except IntegrityError as exc:  # another process registered the name a moment ago
        raise _name_taken(connector.name) from exc
    _write_secrets(connection, connector_id, connector.secrets)
    return _load(connection, connector_id)


def get_service_connector(connection: Connection, name_or_id: uuid.UUID | str) -> ServiceConnector:
    """A connector by id or name.

    Raises:
        EntityNotFoundError: no connector has that id or name.
    """
    connector_id = pipeline_rows.as_id(name_or_id)
    statement = select(_connectors.id)
    if connector_id is not None:
        statement = statement.where(_connectors.id == connector_id)
    else:
        statement = statement.where(_connectors.name == str(name_or_id))
    found = connection.execute(statement.order_by(_connectors.created).limit(1)).scalar()
    if found is None:
        raise _not_found(name_or_id)
    return _load(connection, found)


def list_service_connectors(connection: Connection, query: ListQuery) -> Page[ServiceConnector]:
    """A page of connectors matching the query."""
    rows, total = listed_rows(connection, service_connectors, _LISTING, query)
    set_keys = _set_secret_keys(connection, [row.id for row in rows])
    items = tuple(_connector(row, set_keys.get(row.id, frozenset())) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)


def update_service_connector(
    connection: Connection,
    connector_id: uuid.UUID,
    change: ServiceConnectorUpdate,
    now: dt.datetime,
) -> ServiceConnector:
    """Replace a connector's settings and/or secrets.

    Raises:
        EntityNotFoundError: no connector has the id.
    """
    _load(connection, connector_id)
    values: dict[str, Any] = {"updated": now, "updated_by": change.user_name}
    if change.settings is not None:
        values["settings"] = change.settings
    if change.secrets is not None:
        values["secret_fields"] = sorted(change.secrets)
        _write_secrets(connection, connector_id, change.secrets)
    connection.execute(
        update(service_connectors).where(_connectors.id == connector_id).values(values)
    )
    return _load(connection, connector_id)


def delete_service_connector(connection: Connection, connector_id: uuid.UUID) -> None:
    """Delete a connector that no component names.

    Raises:
        EntityNotFoundError: no connector has the id.
        EntityInUseError: components name it; the message lists them.
    """
    connector = _load(connection, connector_id)
    users = components_using(connection, connector.project_id, connector.name)
    if users:
        listed = ", ".join(f"{kind} '{name}'" for kind, name in users)
        (subject, verb, them) = (
            ("components", "use", "them") if len(users) > 1 else ("component", "uses", "it")
        )
        raise EntityInUseError(
            f"Cannot delete service connector '{connector.name}': the {subject} {listed} "
            f"{verb} it. Point {them} at another connector (`headwater component update "
            f"NAME -s connector=OTHER`) or delete {them} first."
        )
    connection.execute(delete(service_connectors).where(_connectors.id == connector_id))


def components_using(
    connection: Connection, project_id: uuid.UUID, connector_name: str
) -> list[tuple[str, str]]:
    """The (type, name) of every component of the project whose settings name the
    connector, sorted; read in Python, as the databases' JSON operators differ."""
    rows = connection.execute(
        select(stack_components.c.type, stack_components.c.name, stack_components.c.settings).where(
            stack_components.c.project_id == project_id
        )
    )
    return sorted(
        (row.type, row.name)
        for row in rows
        if dict(row.settings).get(CONNECTOR_SETTING) == connector_name
    )


def read_secrets(connection: Connection, connector_id: uuid.UUID) -> dict[str, str]:
    """A connector's set secrets in clear (empty when none is set).

    Raises:
        EntityNotFoundError: no connector has the id.
    """
    connector = _load(connection, connector_id)
    found = connection.execute(
        select(service_connector_secrets.c.secrets).where(
            service_connector_secrets.c.connector_id == connector_id
        )
    ).scalar()
    return open_secrets(dict(found or {}), component=f"service connector '{connector.name}'")


def _load(connection: Connection, connector_id: uuid.UUID) -> ServiceConnector:
    row = connection.execute(
        select(service_connectors).where(_connectors.id == connector_id)
    ).first()
    if row is None:
        raise _not_found(connector_id)
    return _connector(row, _set_secret_keys(connection, [connector_id]).get(row.id, frozenset()))


def _set_secret_keys(
    connection: Connection, connector_ids: list[uuid.UUID]
) -> dict[uuid.UUID, frozenset[str]]:
    if not connector_ids:
        return {}
    rows = connection.execute(
        select(service_connector_secrets).where(
            service_connector_secrets.c.connector_id.in_(connector_ids)
        )
    )
    # Only the keys leave this function; the values are dropped here.
    return {row.connector_id: frozenset(row.secrets) for row in rows}


def _write_secrets(
    connection: Connection, connector_id: uuid.UUID, secrets: dict[str, str | None]
) -> None:
    connection.execute(
        delete(service_connector_secrets).where(
            service_connector_secrets.c.connector_id == connector_id
        )
    )
    given = {name: value for name, value in secrets.items() if value is not None}
    if given:
        connection.execute(
            service_connector_secrets.insert(),
            {"connector_id": connector_id, "secrets": seal_secrets(given)},
        )


def _check_name_free(connection: Connection, project_id: uuid.UUID, name: str) -> None:
    taken = connection.execute(
        select(_connectors.id).where(_connectors.project_id == project_id, _connectors.name == name)
    ).first()
    if taken is not None:
        raise _name_taken(name)


def _connector(row: Row[*tuple[Any, ...]], set_keys: frozenset[str]) -> ServiceConnector:
    return ServiceConnector(
        id=row.id,
        project_id=row.project_id,
        name=row.name,
        type=ServiceConnectorType(row.type),
        settings=dict(row.settings),
        secrets={
            name: SecretState.SET if name in set_keys else SecretState.NOT_SET
            for name in row.secret_fields
        },
        created=row.created,
        created_by=row.created_by,
        updated=row.updated,
        updated_by=row.updated_by,
    )


def _name_taken(name: str) -> EntityExistsError:
    return EntityExistsError(
        f"A service connector named '{name}' is already registered. Choose another name, "
        f"or change the existing one with `headwater connector update`."
    )


def _not_found(name_or_id: uuid.UUID | str) -> EntityNotFoundError:
    return EntityNotFoundError(
        f"No service connector with id or name '{name_or_id}'. List connectors with "
        f"`headwater connector list`."
    )


class SqlServiceConnectorMethods:
    """`ServiceConnectorStore` on SQL; mixed into `SqlStore`, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def create_service_connector(self, connector: ServiceConnectorCreate) -> ServiceConnector:
        """See `ServiceConnectorStore.create_service_connector`."""
        with self._write() as connection:
            return create_service_connector(connection, connector, utc_now())

    def get_service_connector(self, name_or_id: uuid.UUID | str) -> ServiceConnector:
        """See `ServiceConnectorStore.get_service_connector`."""
        with self._read() as connection:
            return get_service_connector(connection, name_or_id)

    def list_service_connectors(self, query: ListQuery) -> Page[ServiceConnector]:
        """See `ServiceConnectorStore.list_service_connectors`."""
        with self._read() as connection:
            return list_service_connectors(connection, query)

    def update_service_connector(
        self, connector_id: uuid.UUID, update: ServiceConnectorUpdate
    ) -> ServiceConnector:
        """See `ServiceConnectorStore.update_service_connector`."""
        with self._write() as connection:
            return update_service_connector(connection, connector_id, update, utc_now())

    def delete_service_connector(self, connector_id: uuid.UUID) -> None:
        """See `ServiceConnectorStore.delete_service_connector`."""
        with self._write() as connection:
            delete_service_connector(connection, connector_id)

    def get_service_connector_secrets(self, connector_id: uuid.UUID) -> dict[str, str]:
        """See `ServiceConnectorStore.get_service_connector_secrets`."""
        with self._read() as connection:
            return read_secrets(connection, connector_id)
