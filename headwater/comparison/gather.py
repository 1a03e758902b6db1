"""Read what a comparison needs from a store: the runs, then their steps, narrowly.

Two reads whatever the number of runs (after finding runs given by name): the runs, and
`read_compared_steps`, which answers plain values (decoded metadata, output hashes)
instead of full step runs: a comparison of 100 runs reads 50,000 metadata values.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from headwater.comparison.table import RunComparison, build_comparison
from headwater.errors import ComparisonError
from headwater.store.collection_pause import collection_paused
from headwater.store.filters import ListQuery

if TYPE_CHECKING:
    from headwater.store.base import ComparisonReader, Store
    from headwater.store.models import PipelineRun

MIN_RUNS = 2
MAX_RUNS = 500


def compare_runs(
    store: ComparisonReader,
    runs: Sequence[PipelineRun],
    *,
    baseline: PipelineRun | None = None,
) -> RunComparison:
    """Compare 2 to 500 runs; `baseline` (one of them) defaults to the first.

    Raises:
        ComparisonError: too few or too many runs, the same run twice, or a baseline
            that is not among them.
    """
    _check(runs, baseline)
    ids = [run.id for run in runs]
    with collection_paused():  # 100 runs x 500 keys build 50,000 cells
        steps = store.read_compared_steps(ids)
        index = 0 if baseline is None else ids.index(baseline.id)
        return build_comparison(runs, steps, baseline=index)


def find_runs(store: Store, refs: Sequence[str]) -> list[PipelineRun]:
    """The runs `refs` name (ids or names), in order, read in two lists, not one by one.

    A ref the lists do not settle (an unknown or repeated name, an id in another
    spelling) goes through `get_run`, which says what is wrong with it.

    Raises:
        EntityNotFoundError: a ref names no run.
    """
    ids = [ref for ref in refs if _is_uuid(ref)]
    names = [ref for ref in refs if not _is_uuid(ref)]
    found: dict[str, PipelineRun] = {}
    repeated: set[str] = set()
    for field, values in (("id", ids), ("name", names)):
        for start in range(0, len(values), MAX_RUNS):
            chunk = values[start : start + MAX_RUNS]
            query = ListQuery(filters={field: f"oneof:{json.dumps(chunk)}"}, size=len(chunk) * 2)
            for run in store.list_runs(query).items:
                key = str(run.id) if field == "id" else run.name
                if key in found:
                    repeated.add(key)
                found[key] = run
    return [
        found[ref] if ref in found and ref not in repeated else store.get_run(ref) for ref in refs
    ]


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _check(runs: Sequence[PipelineRun], baseline: PipelineRun | None) -> None:
    if not MIN_RUNS <= len(runs) <= MAX_RUNS:
        raise ComparisonError(
            f"Compare {MIN_RUNS} to {MAX_RUNS} runs at a time; {len(runs)} were given."
        )
    seen: set[uuid.UUID] = set()
    for run in runs:
        if run.id in seen:
            raise ComparisonError(f"Run '{run.name}' is given more than once; name each run once.")
        seen.add(run.id)
    if baseline is not None and baseline.id not in seen:
        raise ComparisonError(
            f"The baseline '{baseline.name}' is not one of the compared runs; add it to them."
        )
