"""The filter language (`store/filter_language.py`) in SQL, for lists of runs.

Each condition becomes `run id IN (the runs whose metadata matches)`: the subquery reads
one range of the (kind, key, number, target) index, where a correlated EXISTS would look
up every listed run's entries one by one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, assert_never

from sqlalchemy import ColumnElement, Select, and_, not_, or_, select

from headwater.store.filter_language import (
    And,
    Comparison,
    Exists,
    Expression,
    KeyRef,
    KeyScope,
    Not,
    Or,
)
from headwater.store.filters import Condition
from headwater.store.models import MetadataTarget
from headwater.store.sql.metadata_entries import value_clause
from headwater.store.sql.schema import metadata_entries, step_run_outputs, step_runs

if TYPE_CHECKING:
    from collections.abc import Callable

_entries = metadata_entries.c


def run_expression_filter(
    run_id: ColumnElement[Any],
) -> Callable[[Expression], ColumnElement[bool]]:
    """Build the WHERE clause of an expression over runs whose id is `run_id`."""
    return lambda expression: expression_clause(expression, run_id)


def expression_clause(expression: Expression, run_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """The clause that holds for a run (by its id column) when the expression does."""
    match expression:
        case Comparison(key=key, operator=operator, value=value):
            condition = value_clause(Condition(key.name, operator, value))
            return run_id.in_(_matching_runs(key, condition))
        case Exists(key=key):
            return run_id.in_(_matching_runs(key, None))
        case Not(operand=operand):
            return not_(expression_clause(operand, run_id))
        case And(operands=operands):
            return and_(*(expression_clause(one, run_id) for one in operands))
        case Or(operands=operands):
            return or_(*(expression_clause(one, run_id) for one in operands))
        case _:
            assert_never(expression)


def _matching_runs(key: KeyRef, condition: ColumnElement[bool] | None) -> Select[Any]:
    """The ids of the runs whose run, step or artifact metadata has the key (matching)."""
    clauses = [_entries.key == key.name]
    if condition is not None:
        clauses.append(condition)
    match key.scope:
        case KeyScope.RUN:
            return select(_entries.target_id).where(
                _entries.target_kind == MetadataTarget.RUN.value, *clauses
            )
        case KeyScope.STEP:
            return (
                select(step_runs.c.run_id)
                .select_from(metadata_entries.join(step_runs, step_runs.c.id == _entries.target_id))
                .where(_entries.target_kind == MetadataTarget.STEP_RUN.value, *clauses)
            )
        case KeyScope.ARTIFACT:
            outputs = metadata_entries.join(
                step_run_outputs, step_run_outputs.c.artifact_version_id == _entries.target_id
            ).join(step_runs, step_runs.c.id == step_run_outputs.c.step_run_id)
            return (
                select(step_runs.c.run_id)
                .select_from(outputs)
                .where(_entries.target_kind == MetadataTarget.ARTIFACT_VERSION.value, *clauses)
            )
        case _:
            assert_never(key.scope)
