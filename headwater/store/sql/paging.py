"""Pages that stay fast deep into a long list: a seek from a boundary key, not an OFFSET.

Page N of a list sorted by (column, id) is read in two steps. First the boundary: the
(column, id) pair of the page's first row, found with `OFFSET` on a query that reads only
the listed table's index on (column, id), never a whole row. Then the page itself: the
`size` rows from that boundary on, a seek the same index answers directly. Joins, tags and
metadata are paid for the page's rows only. The count reads the listed table alone
whenever no filter or sort needs a joined table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, FromClause, Select, and_, func, or_, select, tuple_

from headwater.store.sql.filtering import (
    ColumnFilter,
    Listing,
    is_nullable,
    order_by,
    sort_column,
)

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery


def fetch_page(
    connection: Connection,
    listing: Listing,
    rows: Select[Any],
    query: ListQuery,
    clauses: Sequence[ColumnElement[bool]],
) -> tuple[Sequence[Row[Any]], int]:
    """The rows of the requested page and the total number of matching rows.

    Args:
        connection: An open connection.
        listing: What the list filters and sorts by; its `table` and `source` must be set.
        rows: The SELECT of a full row (with its joins), without WHERE, ORDER or LIMIT.
        query: The filters, sort order and page asked for.
        clauses: The WHERE clauses `where_clauses` made of `query`.
    """
    key, column = sort_column(listing, query.sort_by, connection)
    source = _source(listing, query, column)
    total: int = connection.execute(
        select(func.count()).select_from(source).where(*clauses)
    ).scalar_one()
    ordering = order_by(listing, query.sort_by, connection)
    statement = rows.where(*clauses).order_by(*ordering).limit(query.size)
    offset = (query.index - 1) * query.size
    if offset >= total:
        return [], total
    if offset > 0:
        boundary = connection.execute(
            select(column, listing.id_column)
            .select_from(source)
            .where(*clauses)
            .order_by(*ordering)
            .limit(1)
            .offset(offset)
        ).first()
        if boundary is None:  # rows were deleted between the count and now
            return [], total
        statement = statement.where(
            _from_boundary(column, listing.id_column, tuple(boundary), descending=key.descending)
        )
    return connection.execute(statement).all(), total


def _source(listing: Listing, query: ListQuery, sort_column: ColumnElement[Any]) -> FromClause:
    """The listed table alone when that is enough, else the joins its rows come from."""
    table, source = listing.table, listing.source
    if table is None or source is None:
        raise TypeError(f"Listing of {listing.entity} needs `table` and `source` for paging.")
    joined = [sort_column] + [
        target.column
        for name, target in listing.filters.items()
        if query.filters.get(name) is not None and isinstance(target, ColumnFilter)
    ]
    if all(getattr(column, "table", None) is table for column in joined):
        return table
    return source


def _from_boundary(
    column: ColumnElement[Any],
    id_column: ColumnElement[Any],
    boundary: tuple[Any, ...],
    *,
    descending: bool,
) -> ColumnElement[bool]:
    """Rows at or after `boundary` in the order `order_by` gives (NULLs sort last)."""
    value, boundary_id = boundary
    if value is None:  # deep in the trailing NULLs: only the id orders them
        after_id = id_column <= boundary_id if descending else id_column >= boundary_id
        return and_(column.is_(None), after_id)
    keys, bound = tuple_(column, id_column), (value, boundary_id)
    # A plain tuple on the right: each value is bound with its column's type.
    after = keys <= bound if descending else keys >= bound
    return or_(after, column.is_(None)) if is_nullable(column) else after
