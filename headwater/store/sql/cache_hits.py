"""Finding a cache hit: the newest completed step run with a key, and its outputs.

On every cached step's path, so it is one prepared statement in one read transaction,
and it reads only what the runner uses of the outputs (no metadata, no tags).
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

from headwater.store.models import CachedOutput, CacheHit, ExecutionStatus
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.schema import artifact_versions, step_run_outputs, step_runs

_versions = artifact_versions.c
_ORIGINAL = (
    select(step_runs.c.id)
    .where(
        step_runs.c.cache_key == bindparam("cache_key"),
        step_runs.c.status == ExecutionStatus.COMPLETED.value,
    )
    .order_by(step_runs.c.created.desc(), step_runs.c.id.desc())
    .limit(1)
    .subquery()
)
# Outer joins: a step without outputs is a hit too, and comes back as one row of nulls.
_SELECT_CACHE_HIT = PreparedStatement(
    select(
        _ORIGINAL.c.id.label("original_step_run_id"),
        step_run_outputs.c.name,
        _versions.id.label("artifact_version_id"),
        _versions.uri,
        _versions.content_hash,
        _versions.materializer,
        _versions.data_type,
    )
    .select_from(
        _ORIGINAL.outerjoin(
            step_run_outputs, step_run_outputs.c.step_run_id == _ORIGINAL.c.id
        ).outerjoin(artifact_versions, _versions.id == step_run_outputs.c.artifact_version_id)
    )
    .order_by(step_run_outputs.c.position),
    name="cache_hits.select_cache_hit",
)


def find_cache_hit(executor: Executor, cache_key: str) -> CacheHit | None:
    """The newest completed step run with this cache key and its outputs, if any."""
    rows = _SELECT_CACHE_HIT.execute(executor, {"cache_key": cache_key})
    if not rows:
        return None
    outputs = {
        row["name"]: CachedOutput(
            artifact_version_id=row["artifact_version_id"],
            uri=row["uri"],
            content_hash=row["content_hash"],
            materializer=row["materializer"],
            data_type=row["data_type"],
        )
        for row in rows
        if row["artifact_version_id"] is not None
    }
    return CacheHit(original_step_run_id=rows[0]["original_step_run_id"], outputs=outputs)
