"""Runs side by side: which run was best, and what differed (`Client.compare_runs`)."""

from headwater.comparison.gather import MAX_RUNS, MIN_RUNS, compare_runs, find_runs
from headwater.comparison.table import (
    MISSING,
    ComparisonRow,
    Delta,
    RowGroup,
    RunColumn,
    RunComparison,
)

__all__ = [
    "MAX_RUNS",
    "MIN_RUNS",
    "MISSING",
    "ComparisonRow",
    "Delta",
    "RowGroup",
    "RunColumn",
    "RunComparison",
    "compare_runs",
    "find_runs",
]
