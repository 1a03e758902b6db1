"""Turning a `ListQuery` into SQL: WHERE clauses, ORDER BY and the page window.

Each list call describes its entity once as a `Listing` (which fields filter how, which
sort), and the functions here do the rest, collecting every bad filter into one error.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, FromClause, Row, Table, func, literal, select

from headwater.errors import FilterError
from headwater.store.filter_language import Expression, parse_filter
from headwater.store.filters import (
    METADATA_SORT_PREFIX,
    Condition,
    ListQuery,
    Operator,
    SortKey,
    parse_condition,
    parse_sort,
)
from headwater.store.listings import EntityListing
from headwater.store.models import ExecutionStatus

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


class FieldKind(StrEnum):
    """How a filter value is read and which operators make sense for it."""

    TEXT = "text"
    ID = "id"
    STATUS = "status"
    DATETIME = "datetime"
    INTEGER = "integer"


_ALL_OPERATORS = frozenset(Operator)
_ORDER_OPERATORS = frozenset(
    {Operator.EQUALS, Operator.NOT_EQUALS, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE}
)
_MATCH_OPERATORS = frozenset({Operator.EQUALS, Operator.NOT_EQUALS, Operator.ONE_OF})
OPERATORS_BY_KIND: dict[FieldKind, frozenset[Operator]] = {
    FieldKind.TEXT: _ALL_OPERATORS,
    FieldKind.ID: _MATCH_OPERATORS,
    FieldKind.STATUS: _MATCH_OPERATORS,
    FieldKind.DATETIME: _ORDER_OPERATORS,
    FieldKind.INTEGER: _ORDER_OPERATORS | {Operator.ONE_OF},
}


@dataclass(frozen=True, slots=True)
class ColumnFilter:
    """A field that filters one column, its values read as `kind`."""

    column: ColumnElement[Any]
    kind: FieldKind


@dataclass(frozen=True, slots=True)
class RelatedFilter:
    """A field of a related row, such as a run's pipeline name, filtered without a join.

    It becomes `foreign_key IN (SELECT related_id ... WHERE column <op> value)`, so counts
    and page boundaries stay on the listed table's own indexes.
    """

    column: ColumnElement[Any]
    kind: FieldKind
    foreign_key: ColumnElement[Any]
    related_id: ColumnElement[Any]


# A field whose condition is more than a column comparison (tags, metadata).
ConditionBuilder = Callable[[Condition], ColumnElement[bool]]
# The clause of a filter-language expression, for lists that take `where`.
ExpressionBuilder = Callable[[Expression], ColumnElement[bool]]
# "This row belongs to one of these projects", for lists scoped to what a caller may read.
ProjectScope = Callable[[Sequence[uuid.UUID]], ColumnElement[bool]]
# A metadata key (and the connection, when there is one) -> the value a row sorts by.
MetadataSort = Callable[[str, "Connection | None"], ColumnElement[Any]]


def project_column(column: ColumnElement[Any]) -> ProjectScope:
    """The scope of rows that carry their project id in `column`."""
    return lambda ids: column.in_(list(ids))


def project_via(
    foreign_key: ColumnElement[Any], related_id: ColumnElement[Any], related: ProjectScope
) -> ProjectScope:
    """The scope of rows whose `foreign_key` points at a related row within `related`."""
    return lambda ids: foreign_key.in_(select(related_id).where(related(ids)))


@dataclass(frozen=True, slots=True)
class Listing:
    """How the SQL store lists one declared entity: a column for each of its filters."""

    # The entity's one declaration (store/listings.py), which `filters` and
    # `sort_columns` must cover exactly.
    declared: EntityListing
    filters: Mapping[str, ColumnFilter | RelatedFilter | ConditionBuilder]
    sort_columns: Mapping[str, ColumnElement[Any]]
    id_column: ColumnElement[Any]
    # The listed table, and the joins its rows are read from (see `paging.fetch_page`).
    table: Table | None = None
    source: FromClause | None = None
    # How a row's project is found; None for things outside projects (tags, users).
    project: ProjectScope | None = None
    # The value to sort by for `metadata.<key>`, for entities that carry metadata; it may
    # look at the key's recorded types on the connection to pick numbers or text.
    metadata_sort: MetadataSort | None = None

    def __post_init__(self) -> None:
        filters, sorts = set(self.filters), set(self.sort_columns)
        fields, sortable = set(self.declared.fields), set(self.declared.sortable)
        if filters != fields or sorts != sortable:  # caught on import, by any test
            raise AssertionError(
                f"The SQL listing of {self.entity} differs from its declaration: filters "
                f"{sorted(filters ^ fields)}, sort fields {sorted(sorts ^ sortable)}."
            )

    @property
    def entity(self) -> str:
        """What is listed, in words ("runs", "step runs")."""
        return self.declared.entity


def where_clauses(
    listing: Listing,
    query: ListQuery,
    *,
    metadata: ConditionBuilder | None = None,
    where: ExpressionBuilder | None = None,
    connection: Connection | None = None,
) -> list[ColumnElement[bool]]:
    """One clause per filter in `query` (and per metadata filter, when supported).

    With a `connection`, a related field (a run's pipeline name, say) is looked up first
    and becomes a list of ids: one id is an equality the listed table's index can seek
    on, where a subquery would make the database sort every matching row.

    Raises:
        FilterError: listing every filter that names an unknown field or cannot be read.
    """
    clauses: list[ColumnElement[bool]] = []
    problems: list[str] = []
    for name, raw in query.filters.items():
        target = listing.filters.get(name)
        if raw is None:
            continue
        if target is None:
            problems.append(
                f"Cannot filter {listing.entity} by '{name}'. Filter by one of: "
                f"{', '.join(sorted(listing.filters))}."
            )
            continue
        # A list of filters on one field must all hold: created=["gte:2026-01", "lt:2026-02"].
        for one in raw if isinstance(raw, list | tuple) else [raw]:
            try:
                clauses.append(_clause(target, parse_condition(name, one), connection))
            except FilterError as exc:
                problems.append(str(exc))
    problems.extend(_metadata_clauses(listing, query, metadata, clauses))
    problems.extend(_where_clause(listing, query, where, clauses))
    if query.project_ids is not None and listing.project is not None:
        clauses.append(listing.project(query.project_ids))
    if problems:
        raise FilterError(" ".join(problems))
    return clauses


def _metadata_clauses(
    listing: Listing,
    query: ListQuery,
    metadata: ConditionBuilder | None,
    clauses: list[ColumnElement[bool]],
) -> list[str]:
    """Append a clause per metadata filter; return the problems found."""
    active = {key: raw for key, raw in query.metadata.items() if raw is not None}
    if not active:
        return []
    if metadata is None:
        return [f"{listing.entity.capitalize()} cannot be filtered by metadata."]
    problems: list[str] = []
    for key, raw in active.items():
        try:
            clauses.append(metadata(parse_condition(key, raw)))
        except FilterError as exc:
            problems.append(str(exc))
    return problems


def _where_clause(
    listing: Listing,
    query: ListQuery,
    where: ExpressionBuilder | None,
    clauses: list[ColumnElement[bool]],
) -> list[str]:
    """Append the clause of `query.where`, if any; return the problems found."""
    if query.where is None or not query.where.strip():
        return []
    if where is None:
        return [f"{listing.entity.capitalize()} cannot be filtered by a 'where' expression."]
    try:
        clauses.append(where(parse_filter(query.where)))
    except FilterError as exc:
        return [str(exc)]
    return []


def sort_column(
    listing: Listing, sort_by: str, connection: Connection | None = None
) -> tuple[SortKey, ColumnElement[Any]]:
    """The parsed `sort_by` and the column or value it orders by.

    Raises:
        FilterError: the sort key is malformed or names a field that cannot be sorted on.
    """
    by_metadata = listing.metadata_sort is not None
    key = parse_sort(sort_by, frozenset(listing.sort_columns), by_metadata=by_metadata)
    column = listing.sort_columns.get(key.field)
    if column is None:
        assert listing.metadata_sort is not None  # parse_sort allowed only metadata keys
        column = listing.metadata_sort(key.field.removeprefix(METADATA_SORT_PREFIX), connection)
    return key, column


def order_by(
    listing: Listing, sort_by: str, connection: Connection | None = None
) -> list[ColumnElement[Any]]:
    """ORDER BY for `sort_by`, with the id as tiebreaker so pages never overlap.

    Raises:
        FilterError: the sort key is malformed or names a field that cannot be sorted on.
    """
    key, column = sort_column(listing, sort_by, connection)
    # NULLS LAST only where NULLs can be: on a NOT NULL column it would keep SQLite from
    # walking the column's index in order.
    ordered = column.desc() if key.descending else column.asc()
    if is_nullable(column):
        ordered = ordered.nulls_last()
    return [ordered, listing.id_column.desc() if key.descending else listing.id_column.asc()]


def is_nullable(column: ColumnElement[Any]) -> bool:
    """False only for a table column declared NOT NULL."""
    return bool(getattr(column, "nullable", True))


def page_window(query: ListQuery) -> tuple[int, int]:
    """The LIMIT and OFFSET of the requested page."""
    return query.size, (query.index - 1) * query.size


def listed_rows(
    connection: Connection,
    table: Table,
    listing: Listing,
    query: ListQuery,
    columns: Sequence[ColumnElement[Any]] = (),
) -> tuple[Sequence[Row[Any]], int]:
    """One page of `table`'s rows (or of `columns`) matching the query, and how many match
    in all: the count and the page of a plain one-table listing."""
    clauses = where_clauses(listing, query)
    total = connection.execute(select(func.count()).select_from(table).where(*clauses))
    limit, offset = page_window(query)
    selected: list[ColumnElement[Any] | Table] = [*columns] if columns else [table]
    rows: Sequence[Row[Any]] = connection.execute(
        select(*selected)
        .where(*clauses)
        .order_by(*order_by(listing, query.sort_by))
        .limit(limit)
        .offset(offset)
    ).all()
    return rows, total.scalar_one()


def compare(column: ColumnElement[Any], operator: Operator, value: Any) -> ColumnElement[bool]:
    """`column <operator> value`; text matching ignores case the same way on every database."""
    clause: ColumnElement[bool]
    match operator:
        case Operator.EQUALS:
            clause = column == value
        case Operator.NOT_EQUALS:
            clause = column.is_distinct_from(value)
        case Operator.CONTAINS:
            clause = column.icontains(value, autoescape=True)
        case Operator.STARTS_WITH:
            clause = column.istartswith(value, autoescape=True)
        case Operator.ENDS_WITH:
            clause = column.iendswith(value, autoescape=True)
        case Operator.GT:
            clause = column > value
        case Operator.GTE:
            clause = column >= value
        case Operator.LT:
            clause = column < value
        case Operator.LTE:
            clause = column <= value
        case Operator.ONE_OF:
            values = list(value)
            clause = column.in_(values) if values else literal(False)
    return clause


def text_condition(column: ColumnElement[Any], condition: Condition) -> ColumnElement[bool]:
    """A condition on a text column, for builders such as the tag filter."""
    return compare(column, condition.operator, _read(condition, FieldKind.TEXT))


def parse_datetime(field: str, raw: Any) -> dt.datetime:
    """A filter value as an aware datetime (naive values are UTC).

    Raises:
        FilterError: the value is not an ISO date or date and time.
    """
    if isinstance(raw, dt.datetime):
        moment = raw
    else:
        try:
            moment = dt.datetime.fromisoformat(str(raw).strip())
        except ValueError:
            raise FilterError(
                f"Filter on '{field}' needs a date such as '2026-01-31' or "
                f"'2026-01-31T08:00:00+00:00', got '{raw}'."
            ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _clause(
    target: ColumnFilter | RelatedFilter | ConditionBuilder,
    condition: Condition,
    connection: Connection | None,
) -> ColumnElement[bool]:
    if not isinstance(target, ColumnFilter | RelatedFilter):
        return target(condition)
    allowed = OPERATORS_BY_KIND[target.kind]
    if condition.operator not in allowed:
        raise FilterError(
            f"Filter on '{condition.field}' cannot use '{condition.operator}:'; with a "
            f"{target.kind} use one of: {', '.join(sorted(allowed))}."
        )
    clause = compare(target.column, condition.operator, _read(condition, target.kind))
    if not isinstance(target, RelatedFilter):
        return clause
    related = select(target.related_id).where(clause)
    if connection is None:
        return target.foreign_key.in_(related)
    return target.foreign_key.in_(list(connection.execute(related).scalars()))


def _read(condition: Condition, kind: FieldKind) -> Any:
    """The condition's value (each item, for `oneof`) converted for a column of `kind`."""
    if condition.operator is Operator.ONE_OF:
        return [_read_one(condition.field, item, kind) for item in condition.value]
    return _read_one(condition.field, condition.value, kind)


def _read_one(field: str, raw: Any, kind: FieldKind) -> Any:
    match kind:
        case FieldKind.TEXT:
            return str(raw)
        case FieldKind.ID:
            return _parse_id(field, raw)
        case FieldKind.STATUS:
            return _parse_status(field, raw)
        case FieldKind.DATETIME:
            return parse_datetime(field, raw)
        case FieldKind.INTEGER:
            return _parse_integer(field, raw)


def _parse_id(field: str, raw: Any) -> uuid.UUID:
    if isinstance(raw, uuid.UUID):
        return raw
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise FilterError(
            f"Filter on '{field}' needs a full id such as "
            f"'3f2a9c1e-8d4b-4e6f-9a1b-2c3d4e5f6a7b', got '{raw}'."
        ) from None


def _parse_status(field: str, raw: Any) -> str:
    try:
        return ExecutionStatus(str(raw)).value
    except ValueError:
        raise FilterError(
            f"Filter on '{field}' has the unknown status '{raw}'. Use one of: "
            f"{', '.join(s.value for s in ExecutionStatus)}."
        ) from None


def _parse_integer(field: str, raw: Any) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    try:
        return int(str(raw).strip())
    except ValueError:
        raise FilterError(f"Filter on '{field}' needs a whole number, got '{raw}'.") from None
