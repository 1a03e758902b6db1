"""The tables of the metadata store, as SQLAlchemy Core `Table`s.

This is the shape the queries are written against; the Alembic migrations in
`migrations/versions` create it, and a contract test checks the two agree. Only runs,
step runs, artifacts, metadata and tags have store methods today; models, stacks and
stage transitions are here so later features add methods without reshaping tables.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)

from headwater.store.sql.column_types import JsonValue, UtcDateTime
from headwater.store.value_types import NAME_LENGTH

# Named constraints let later migrations alter them on SQLite (batch mode) by name.
store_schema = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

NAME = NAME_LENGTH
STATUS = 32
# Tables that are only their primary key (links, metadata) are stored as that key on
# SQLite (WITHOUT ROWID): one B-tree to update per insert instead of two.
_CLUSTERED: dict[str, Any] = {"sqlite_with_rowid": False}
# The stages at most one version of a model may hold (see ModelStage.is_exclusive).
EXCLUSIVE_STAGES = "stage IN ('staging', 'production')"


def _id() -> Column[Any]:
    return Column("id", Uuid(), primary_key=True)


def _created() -> Column[Any]:
    return Column("created", UtcDateTime(), nullable=False)


def _ref(
    name: str, target: str, *, nullable: bool = False, on_delete: str = "CASCADE"
) -> Column[Any]:
    return Column(name, Uuid(), ForeignKey(target, ondelete=on_delete), nullable=nullable)


# --- projects and users ---------------------------------------------------------------

projects = Table(
    "projects",
    store_schema,
    _id(),
    Column("name", String(NAME), nullable=False, unique=True),
    _created(),
)

users = Table(
    "users",
    store_schema,
    _id(),
    Column("name", String(NAME), nullable=False, unique=True),
    _created(),
)

# --- pipelines and runs ---------------------------------------------------------------

pipelines = Table(
    "pipelines",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    # Counts the runs named `<pipeline>-<n>`; bumped with the row locked.
    Column("run_count", Integer(), nullable=False, server_default="0"),
    _created(),
    UniqueConstraint("project_id", "name"),
)

pipeline_versions = Table(
    "pipeline_versions",
    store_schema,
    _id(),
    _ref("pipeline_id", "pipelines.id"),
    Column("version", Integer(), nullable=False),
    Column("spec_hash", String(128), nullable=False),
    Column("spec", JsonValue(), nullable=False),
    _created(),
    UniqueConstraint("pipeline_id", "version"),
    UniqueConstraint("pipeline_id", "spec_hash"),
)

runs = Table(
    "runs",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    _ref("pipeline_id", "pipelines.id"),
    _ref("pipeline_version_id", "pipeline_versions.id"),
    _ref("user_id", "users.id", nullable=True, on_delete="SET NULL"),
    Column("name", String(NAME), nullable=False),
    Column("status", String(STATUS), nullable=False),
    _created(),
    Column("started", UtcDateTime(), nullable=True),
    Column("ended", UtcDateTime(), nullable=True),
    Column("heartbeat", UtcDateTime(), nullable=True),
    # How often the run's process beats; it is stale after STALE_AFTER_BEATS missed beats.
    Column("heartbeat_seconds", Float(), nullable=True),
    Column("config", JsonValue(), nullable=False),
    Column("orchestrator", String(NAME), nullable=False),
    Column("exception", Text(), nullable=True),
    UniqueConstraint("project_id", "name"),
    # (created, id) is the default order and the key a keyset page would resume from.
    Index(None, "created", "id"),
    Index(None, "pipeline_id", "created", "id"),
    Index(None, "name", "id"),
    # Lists filtered by status (and pipeline): counted and paged from the index alone.
    Index(None, "status", "created", "id"),
    Index(None, "pipeline_id", "status", "created", "id"),
)

# --- step runs ------------------------------------------------------------------------

step_runs = Table(
    "step_runs",
    store_schema,
    _id(),
    _ref("run_id", "runs.id"),
    Column("name", String(NAME), nullable=False),
    Column("status", String(STATUS), nullable=False),
    _created(),
    Column("started", UtcDateTime(), nullable=True),
    Column("ended", UtcDateTime(), nullable=True),
    Column("cache_key", String(128), nullable=False),
    Column("cache_components", JsonValue(), nullable=False),
    Column("parameters", JsonValue(), nullable=False),
    Column("source_code", Text(), nullable=False),
    _ref("original_step_run_id", "step_runs.id", nullable=True, on_delete="SET NULL"),
    Column("log_uri", Text(), nullable=True),
    Column("cpu_seconds", Float(), nullable=True),
    Column("peak_memory_bytes", BigInteger(), nullable=True),
    Column("exception", Text(), nullable=True),
    # Few indexes on purpose: every one costs each step's two commits a page. Step runs
    # are read by run, by cache key, and found by original when a run is deleted.
    Index(None, "run_id", "name"),
    Index(None, "cache_key"),
    Index(None, "original_step_run_id"),
)

# --- artifacts ------------------------------------------------------------------------

artifacts = Table(
    "artifacts",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    # The highest version number given out; bumped with the row locked.
    Column("version_count", Integer(), nullable=False, server_default="0"),
    _created(),
    UniqueConstraint("project_id", "name"),
)

artifact_versions = Table(
    "artifact_versions",
    store_schema,
    _id(),
    _ref("artifact_id", "artifacts.id"),
    Column("version", Integer(), nullable=False),
    Column("uri", Text(), nullable=False),
    Column("content_hash", String(128), nullable=False),
    Column("data_type", Text(), nullable=False),
    Column("materializer", Text(), nullable=False),
    Column("size_bytes", BigInteger(), nullable=False),
    Column("visualizations", JsonValue(), nullable=False),
    _ref("producer_step_run_id", "step_runs.id", nullable=True, on_delete="SET NULL"),
    _created(),
    UniqueConstraint("artifact_id", "version"),
    Index(None, "created", "id"),
    Index(None, "producer_step_run_id"),
)

step_run_inputs = Table(
    "step_run_inputs",
    store_schema,
    _ref("step_run_id", "step_runs.id"),
    Column("name", String(NAME), nullable=False),
    _ref("artifact_version_id", "artifact_versions.id"),
    # Keeps the order the step declares its inputs in.
    Column("position", Integer(), nullable=False),
    PrimaryKeyConstraint("step_run_id", "name"),
    Index(None, "artifact_version_id"),
    **_CLUSTERED,
)

# Who is about to rely on (or delete) the bytes at a URI, outside any record yet: a saver
# from before it publishes until its outputs are recorded, a prune from its commit until
# its bytes are gone. Shared by every writer and pruner, whatever the artifact store
# (`headwater/store/sql/artifact_claims.py`).
artifact_claims = Table(
    "artifact_claims",
    store_schema,
    Column("claim_id", Uuid(), nullable=False),
    Column("uri", Text(), nullable=False),
    Column("kind", String(8), nullable=False),
    _created(),
    PrimaryKeyConstraint("claim_id", "uri"),
    Index(None, "uri"),
)

# Failed (or not yet checked) logins per user name and client address, shared by every
# server worker process (`headwater/server/login_throttle.py`); `at` is Unix seconds.
login_failures = Table(
    "login_failures",
    store_schema,
    Column("attempt_id", Uuid(), nullable=False),
    Column("key", Text(), nullable=False),
    Column("at", Float(), nullable=False),
    PrimaryKeyConstraint("attempt_id", "key"),
    Index(None, "key", "at"),
    Index(None, "at"),
)

step_run_outputs = Table(
    "step_run_outputs",
    store_schema,
    _ref("step_run_id", "step_runs.id"),
    Column("name", String(NAME), nullable=False),
    _ref("artifact_version_id", "artifact_versions.id"),
    # Keeps the order the step declares its outputs in.
    Column("position", Integer(), nullable=False),
    PrimaryKeyConstraint("step_run_id", "name"),
    Index(None, "artifact_version_id"),
    **_CLUSTERED,
)

# --- metadata -------------------------------------------------------------------------

# One row per (target kind, target id, key). `value` keeps the JSON value; the two typed
# columns copy it in comparable form so list filters such as "accuracy >= 0.9" are SQL.
metadata_entries = Table(
    "metadata_entries",
    store_schema,
    Column("target_kind", String(STATUS), nullable=False),
    Column("target_id", Uuid(), nullable=False),
    Column("key", String(NAME), nullable=False),
    Column("type", String(STATUS), nullable=False),
    Column("value", JsonValue(), nullable=False),
    Column("value_number", Float(), nullable=True),
    Column("value_text", Text(), nullable=True),
    _created(),
    PrimaryKeyConstraint("target_kind", "target_id", "key"),
    # The key catalog groups by (key, type) and filters find the entities whose key holds
    # a number in a range, both from this index alone (migration 0013).
    Index(
        "ix_metadata_entries_kind_key_type_number",
        "target_kind",
        "key",
        "type",
        "value_number",
        "target_id",
        "created",
    ),
    **_CLUSTERED,
)

# The key catalog's summary: one row per (resource type, key, value type), kept by every
# write and delete of `metadata_entries` in the same transaction (migration 0017), so the
# catalog of 10,000 keys reads 10,000 rows instead of grouping every entry.
metadata_keys = Table(
    "metadata_keys",
    store_schema,
    Column("target_kind", String(STATUS), nullable=False),
    Column("key", String(NAME), nullable=False),
    Column("type", String(STATUS), nullable=False),
    Column("entity_count", BigInteger(), nullable=False),
    Column("first_seen", UtcDateTime(), nullable=False),
    Column("last_seen", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("target_kind", "key", "type"),
    **_CLUSTERED,
)

# Saved views of the runs list, shared per project (migration 0018).
saved_views = Table(
    "saved_views",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    _ref("owner_id", "users.id", nullable=True, on_delete="SET NULL"),
    Column("columns", JsonValue(), nullable=False),
    Column("search", JsonValue(), nullable=False),
    _created(),
    Column("updated", UtcDateTime(), nullable=False),
    UniqueConstraint("project_id", "name"),
)

# --- tags -----------------------------------------------------------------------------

tags = Table(
    "tags",
    store_schema,
    _id(),
    Column("name", String(NAME), nullable=False, unique=True),
    _created(),
)


def _tag_link(name: str, target_column: str, target: str) -> Table:
    return Table(
        name,
        store_schema,
        _ref(target_column, target),
        _ref("tag_id", "tags.id"),
        PrimaryKeyConstraint(target_column, "tag_id"),
        Index(None, "tag_id"),
        **_CLUSTERED,
    )


run_tags = _tag_link("run_tags", "run_id", "runs.id")
artifact_tags = _tag_link("artifact_tags", "artifact_id", "artifacts.id")
artifact_version_tags = _tag_link(
    "artifact_version_tags", "artifact_version_id", "artifact_versions.id"
)
model_tags = _tag_link("model_tags", "model_id", "models.id")

# --- models ---------------------------------------------------------------------------

models = Table(
    "models",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    Column("description", Text(), nullable=True),
    _ref("user_id", "users.id", nullable=True, on_delete="SET NULL"),
    # The highest version number given out; bumped with the row locked.
    Column("version_count", Integer(), nullable=False, server_default="0"),
    _created(),
    UniqueConstraint("project_id", "name"),
)

model_versions = Table(
    "model_versions",
    store_schema,
    _id(),
    _ref("model_id", "models.id"),
    Column("number", Integer(), nullable=False),
    Column("name", String(NAME), nullable=False),
    Column("description", Text(), nullable=True),
    Column("stage", String(STATUS), nullable=True),
    _ref("user_id", "users.id", nullable=True, on_delete="SET NULL"),
    _created(),
    UniqueConstraint("model_id", "number"),
    UniqueConstraint("model_id", "name"),
    # At most one version of a model in each exclusive stage, whatever the writers do.
    # Migration 0004 makes it partial on PostgreSQL too; naming `postgresql_where` here
    # would import SQLAlchemy's PostgreSQL dialect into every SQLite process (issue 19),
    # and nothing but the migrations builds indexes.
    Index(
        "uq_model_versions_exclusive_stage",
        "model_id",
        "stage",
        unique=True,
        sqlite_where=text(EXCLUSIVE_STAGES),
    ),
)

model_version_artifacts = Table(
    "model_version_artifacts",
    store_schema,
    _ref("model_version_id", "model_versions.id"),
    _ref("artifact_version_id", "artifact_versions.id"),
    # data, model or deployment
    Column("artifact_type", String(STATUS), nullable=False, server_default="data"),
    PrimaryKeyConstraint("model_version_id", "artifact_version_id"),
    Index(None, "artifact_version_id"),
)

model_version_runs = Table(
    "model_version_runs",
    store_schema,
    _ref("model_version_id", "model_versions.id"),
    _ref("run_id", "runs.id"),
    PrimaryKeyConstraint("model_version_id", "run_id"),
    Index(None, "run_id"),
)

stage_transitions = Table(
    "stage_transitions",
    store_schema,
    _id(),
    _ref("model_version_id", "model_versions.id"),
    Column("from_stage", String(STATUS), nullable=True),
    Column("to_stage", String(STATUS), nullable=True),
    _ref("user_id", "users.id", nullable=True, on_delete="SET NULL"),
    Column("reason", Text(), nullable=True),
    # applied, refused or skipped; and who asked: user, rule or demotion.
    Column("outcome", String(STATUS), nullable=False, server_default="applied"),
    Column("trigger", String(STATUS), nullable=False, server_default="user"),
    _created(),
    # The approval request it belongs to; no foreign key, so it reads the same after the
    # request's version is deleted.
    Column("request_id", Uuid(), nullable=True),
    Index(None, "model_version_id", "created"),
)

# "Promote to <stage> when metadata <key> <operator> <threshold>", in declared order.
model_promotion_rules = Table(
    "model_promotion_rules",
    store_schema,
    _ref("model_id", "models.id"),
    Column("position", Integer(), nullable=False),
    Column("stage", String(STATUS), nullable=False),
    Column("metadata_key", String(NAME), nullable=False),
    Column("operator", String(STATUS), nullable=False),
    Column("threshold", Float(), nullable=False),
    PrimaryKeyConstraint("model_id", "position"),
)

# "Changes of <stage> need <n> approvals", one row per protected stage of a model.
model_approval_policies = Table(
    "model_approval_policies",
    store_schema,
    _ref("model_id", "models.id"),
    Column("stage", String(STATUS), nullable=False),
    Column("required_approvals", Integer(), nullable=False),
    PrimaryKeyConstraint("model_id", "stage"),
)

# A stage change or deletion waiting for approvals, or decided; it outlives a version an
# approved deletion removed (then `model_version_id` is null).
approval_requests = Table(
    "approval_requests",
    store_schema,
    _id(),
    _ref("model_id", "models.id"),
    _ref("model_version_id", "model_versions.id", nullable=True, on_delete="SET NULL"),
    Column("version_number", Integer(), nullable=False),
    # stage_change or deletion; pending, applied, rejected or refused.
    Column("kind", String(STATUS), nullable=False),
    Column("to_stage", String(STATUS), nullable=True),
    Column("force", Boolean(), nullable=False),
    Column("reason", Text(), nullable=True),
    _ref("user_id", "users.id", nullable=True, on_delete="SET NULL"),
    Column("required_approvals", Integer(), nullable=False),
    Column("status", String(STATUS), nullable=False),
    _created(),
    Column("decided", UtcDateTime(), nullable=True),
    Index(None, "model_id", "status"),
    Index(None, "status", "created"),
)

approval_votes = Table(
    "approval_votes",
    store_schema,
    _ref("request_id", "approval_requests.id"),
    _ref("user_id", "users.id"),
    Column("approve", Boolean(), nullable=False),
    Column("comment", Text(), nullable=True),
    _created(),
    # One vote per approver and request, whatever the writers do.
    PrimaryKeyConstraint("request_id", "user_id"),
)

# --- stacks ---------------------------------------------------------------------------

stacks = Table(
    "stacks",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    _created(),
    UniqueConstraint("project_id", "name"),
)

stack_components = Table(
    "stack_components",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    Column("type", String(64), nullable=False),
    Column("flavor", String(NAME), nullable=False),
    Column("settings", JsonValue(), nullable=False),
    _created(),
    UniqueConstraint("project_id", "type", "name"),
)

stack_component_links = Table(
    "stack_component_links",
    store_schema,
    _ref("stack_id", "stacks.id"),
    _ref("component_id", "stack_components.id"),
    PrimaryKeyConstraint("stack_id", "component_id"),
    Index(None, "component_id"),
)

# Secret settings live apart from `stack_components.settings`, so no listing or get
# query can return them by accident; only the runner reads them, by component id.
stack_component_secrets = Table(
    "stack_component_secrets",
    store_schema,
    _ref("component_id", "stack_components.id"),
    Column("secrets", JsonValue(), nullable=False),
    PrimaryKeyConstraint("component_id"),
)

# Named credentials components use (`connector: NAME` in their settings). `settings`
# holds the plain settings and `secret_fields` every secret field of the type; the set
# values live in `service_connector_secrets`, encrypted like components' secrets.
service_connectors = Table(
    "service_connectors",
    store_schema,
    _id(),
    _ref("project_id", "projects.id"),
    Column("name", String(NAME), nullable=False),
    Column("type", String(64), nullable=False),
    Column("settings", JsonValue(), nullable=False),
    Column("secret_fields", JsonValue(), nullable=False),
    _created(),
    Column("created_by", String(NAME), nullable=False),
    Column("updated", UtcDateTime(), nullable=False),
    Column("updated_by", String(NAME), nullable=False),
    UniqueConstraint("project_id", "name"),
)

service_connector_secrets = Table(
    "service_connector_secrets",
    store_schema,
    _ref("connector_id", "service_connectors.id"),
    Column("secrets", JsonValue(), nullable=False),
    PrimaryKeyConstraint("connector_id"),
)

# What a run executed on: the stack (SET NULL when it is deleted) and a copy of its
# components' flavors and settings (secrets masked) as they were when the run started.
run_stacks = Table(
    "run_stacks",
    store_schema,
    _ref("run_id", "runs.id"),
    _ref("stack_id", "stacks.id", nullable=True, on_delete="SET NULL"),
    Column("stack_name", String(NAME), nullable=False),
    Column("components", JsonValue(), nullable=False),
    PrimaryKeyConstraint("run_id"),
    Index(None, "stack_id"),
)

# --- events ---------------------------------------------------------------------------

# An outbox of run and step changes, written in the transaction of each change, so any
# process's writes reach the server's live stream. Ids only grow (AUTOINCREMENT on
# SQLite; on PostgreSQL writers serialize their event inserts until commit).
events = Table(
    "events",
    store_schema,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    _created(),
    Column("entity", String(STATUS), nullable=False),
    Column("entity_id", Uuid(), nullable=False),
    Column("run_id", Uuid(), nullable=False),
    Column("name", String(NAME), nullable=True),
    Column("change", String(STATUS), nullable=False),
    Column("status", String(STATUS), nullable=True),
    Index(None, "run_id", "id"),
    sqlite_autoincrement=True,
)

# The answer of each write sent with an `Idempotency-Key`, saved in the write's own
# transaction so that a retry is answered instead of applied again (see
# `headwater.store.idempotency`). Trimmed by age.
write_answers = Table(
    "write_answers",
    store_schema,
    Column("key", String(100), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("answer", Text(), nullable=True),
    _created(),
    Index(None, "created"),
)

# --- logins ---------------------------------------------------------------------------

# A user who can log in to a server: the Argon2 hash of their password and their
# server-level role (admin, member or viewer). Users without a row here cannot log in.
user_logins = Table(
    "user_logins",
    store_schema,
    Column("user_id", Uuid(), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("password_hash", String(NAME), nullable=False),
    Column("role", String(STATUS), nullable=False),
    Column("updated", UtcDateTime(), nullable=False),
    # "user" logs in with a password; "service_account" only with an API key (its
    # password hash is empty, which no password matches).
    Column("kind", String(STATUS), nullable=False, server_default="user"),
    Column("description", Text(), nullable=True),
    # Set when an admin deactivates the account: it can no longer authenticate at all.
    Column("deactivated", UtcDateTime(), nullable=True),
    # Bumped when the password changes; a token carries the epoch it was issued in, and
    # one from an older epoch is refused, so a new password logs every old token out.
    Column("token_epoch", Integer(), nullable=False, server_default="0"),
)

# An access token ended before its expiry (a browser logged out): refused from then on.
# Kept until the token would have expired anyway, when it can be forgotten.
revoked_tokens = Table(
    "revoked_tokens",
    store_schema,
    Column("token_id", String(64), primary_key=True),
    _ref("user_id", "users.id"),
    Column("expires", UtcDateTime(), nullable=False),
    Index(None, "expires"),
)

# An API key of a service account: `hwk_<id hex>_<secret>`. Only the SHA-256 of the
# secret is kept (the secret is 256 random bits, so a slow hash adds nothing but cost to
# every request); the raw key is shown once, when it is made.
api_keys = Table(
    "api_keys",
    store_schema,
    _id(),
    _ref("user_id", "users.id"),
    Column("name", String(NAME), nullable=False),
    Column("secret_hash", String(128), nullable=False),
    _created(),
    Column("expires", UtcDateTime(), nullable=True),
    Column("last_used", UtcDateTime(), nullable=True),
    Column("revoked", UtcDateTime(), nullable=True),
    # Set when the key was replaced by a new one: it may not be rotated again.
    Column("rotated", UtcDateTime(), nullable=True),
    Index(None, "user_id", "created"),
)

# A one-time link that lets a new user set their own password: `hwa_<id hex>_<secret>`.
# Only the SHA-256 of the secret is kept (256 random bits, as for API keys); `used` is
# set once the password is set, and the link never works again.
activation_links = Table(
    "activation_links",
    store_schema,
    _id(),
    _ref("user_id", "users.id"),
    Column("secret_hash", String(128), nullable=False),
    _created(),
    Column("expires", UtcDateTime(), nullable=False),
    Column("used", UtcDateTime(), nullable=True),
    Index(None, "user_id"),
)

# --- access: project members, teams, custom roles, audit trail ------------------------

teams = Table(
    "teams",
    store_schema,
    _id(),
    Column("name", String(NAME), nullable=False, unique=True),
    _created(),
)

team_members = Table(
    "team_members",
    store_schema,
    _ref("team_id", "teams.id"),
    _ref("user_id", "users.id"),
    PrimaryKeyConstraint("team_id", "user_id"),
    Index(None, "user_id"),
    **_CLUSTERED,
)

# Custom project roles; the built-in ones live in `headwater.store.permissions`.
roles = Table(
    "roles",
    store_schema,
    _id(),
    Column("name", String(NAME), nullable=False, unique=True),
    # Sorted `resource:action` texts.
    Column("permissions", JsonValue(), nullable=False),
    _created(),
)

# The role (built-in or custom, by name) a user or a team holds in a project.
project_user_roles = Table(
    "project_user_roles",
    store_schema,
    _ref("project_id", "projects.id"),
    _ref("user_id", "users.id"),
    Column("role", String(NAME), nullable=False),
    _created(),
    PrimaryKeyConstraint("project_id", "user_id"),
    Index(None, "user_id"),
)

project_team_roles = Table(
    "project_team_roles",
    store_schema,
    _ref("project_id", "projects.id"),
    _ref("team_id", "teams.id"),
    Column("role", String(NAME), nullable=False),
    _created(),
    PrimaryKeyConstraint("project_id", "team_id"),
    Index(None, "team_id"),
)

# Every successful change made through the API. No foreign keys: the trail outlives the
# users, projects and entities it names.
audit_events = Table(
    "audit_events",
    store_schema,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    _created(),
    Column("user_id", Uuid(), nullable=True),
    Column("user_name", String(NAME), nullable=False),
    Column("action", String(STATUS), nullable=False),
    Column("resource", String(STATUS), nullable=False),
    Column("resource_id", String(NAME), nullable=True),
    Column("project_id", Uuid(), nullable=True),
    Column("operation", String(NAME), nullable=False),
    # The name of what was changed, as it was then (a team, a service account, a key):
    # the trail outlives the entity, so the name is kept, not looked up (issue 14).
    Column("resource_name", String(NAME), nullable=True),
    Index(None, "created"),
    Index(None, "project_id", "created"),
    # The audit page's filters (actor, action, resource type), newest first: a filtered
    # page of a million events stays well under 300 ms (benchmarks/audit_trail.py).
    Index(None, "user_name", "created"),
    Index(None, "action", "created"),
    Index(None, "resource", "action", "created"),
    # Actor and project together (the audit page's most narrow filter): SQLite keeps no
    # statistics unless ANALYZE ran, so without this it walked the project's index and
    # counted every event of the project (303 ms at a million events).
    Index(None, "user_name", "project_id", "created"),
    sqlite_autoincrement=True,
)
