"""Pruning: artifact versions no step run and no model version uses any more.

The records go in one transaction, and the store reports which byte folders no remaining
artifact version points at; the caller deletes those bytes only after the commit, so no
record is ever left pointing at missing bytes. Folders a run is saving into are left
out, and the reported ones are claimed until the caller has deleted them
(`artifact_claims`), so no run records an output into a folder being deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, not_, select

from headwater.store.catalog_models import ArtifactPrune
from headwater.store.models import MetadataTarget, utc_now
from headwater.store.sql.artifact_claims import claim_for_prune, saving_uris
from headwater.store.sql.artifacts import get_artifact_versions
from headwater.store.sql.metadata_entries import delete_metadata
from headwater.store.sql.recording.claims import lock_claims
from headwater.store.sql.schema import (
    artifact_versions,
    artifacts,
    model_version_artifacts,
    step_run_inputs,
    step_run_outputs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_VERSION = artifact_versions.c.id
_UNUSED = select(_VERSION).where(
    not_(exists().where(step_run_inputs.c.artifact_version_id == _VERSION)),
    not_(exists().where(step_run_outputs.c.artifact_version_id == _VERSION)),
    not_(exists().where(model_version_artifacts.c.artifact_version_id == _VERSION)),
)
_EMPTY_ARTIFACTS = delete(artifacts).where(
    not_(exists().where(artifact_versions.c.artifact_id == artifacts.c.id))
)


def prune_artifact_versions(
    connection: Connection, *, dry_run: bool, only_versions: bool
) -> ArtifactPrune:
    """Find (and unless `dry_run`, delete) every unused artifact version.

    Args:
        connection: A connection in a write transaction.
        dry_run: Only report what would go.
        only_versions: Keep artifacts left without versions (their names and tags).
    """
    # Before any read: on PostgreSQL each statement sees what committed before it, so
    # a save that records and then releases its claim is seen doing one or the other.
    lock_claims(connection)
    now = utc_now()
    found = get_artifact_versions(connection, list(connection.execute(_UNUSED).scalars()))
    # A claimed folder's versions stay too: a cached step is about to reuse them.
    claimed = saving_uris(connection, {version.uri for version in found.values()}, now)
    versions = sorted(
        (version for version in found.values() if version.uri not in claimed),
        key=lambda version: (version.artifact_name, version.version),
    )
    ids = [version.id for version in versions]
    uris = {version.uri for version in versions}
    still_used = set()
    if uris:
        still_used = set(
            connection.execute(
                select(artifact_versions.c.uri).where(
                    artifact_versions.c.uri.in_(uris), artifact_versions.c.id.not_in(ids)
                )
            ).scalars()
        )
    claim_id, unreferenced = claim_for_prune(connection, uris - still_used, now, dry_run=dry_run)
    if not dry_run and ids:
        delete_metadata(connection, MetadataTarget.ARTIFACT_VERSION, ids)
        connection.execute(delete(artifact_versions).where(_VERSION.in_(ids)))
    if not dry_run and not only_versions:
        connection.execute(_EMPTY_ARTIFACTS)
    return ArtifactPrune(
        versions=tuple(versions),
        unreferenced_uris=tuple(sorted(unreferenced)),
        dry_run=dry_run,
        claim_id=claim_id,
    )
