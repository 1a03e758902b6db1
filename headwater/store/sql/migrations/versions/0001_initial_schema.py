"""Create every table of the first schema.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copies of the column types in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)
JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "metadata_entries",
        sa.Column("target_kind", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("value", JSON_VALUE, nullable=False),
        sa.Column("value_number", sa.Float(), nullable=True),
        sa.Column("value_text", sa.Text(), nullable=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("target_kind", "target_id", "key", name="pk_metadata_entries"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        sa.UniqueConstraint("name", name="uq_projects_name"),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "artifacts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("version_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_artifacts_project_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_artifacts"),
        sa.UniqueConstraint("project_id", "name", name="uq_artifacts_project_id_name"),
    )
    op.create_table(
        "models",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("version_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_models_project_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_models_user_id", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_models"),
        sa.UniqueConstraint("project_id", "name", name="uq_models_project_id_name"),
    )
    op.create_table(
        "pipelines",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("run_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_pipelines_project_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_pipelines"),
        sa.UniqueConstraint("project_id", "name", name="uq_pipelines_project_id_name"),
    )
    op.create_table(
        "stack_components",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("flavor", sa.String(length=255), nullable=False),
        sa.Column("settings", JSON_VALUE, nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name="fk_stack_components_project_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stack_components"),
        sa.UniqueConstraint(
            "project_id", "type", "name", name="uq_stack_components_project_id_type_name"
        ),
    )
    op.create_table(
        "stacks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_stacks_project_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stacks"),
        sa.UniqueConstraint("project_id", "name", name="uq_stacks_project_id_name"),
    )
    op.create_table(
        "artifact_tags",
        sa.Column("artifact_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artifact_id"],
            ["artifacts.id"],
            name="fk_artifact_tags_artifact_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_artifact_tags_tag_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("artifact_id", "tag_id", name="pk_artifact_tags"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_artifact_tags_tag_id", "artifact_tags", ["tag_id"], unique=False)
    op.create_table(
        "model_tags",
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["model_id"], ["models.id"], name="fk_model_tags_model_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_model_tags_tag_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("model_id", "tag_id", name="pk_model_tags"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_model_tags_tag_id", "model_tags", ["tag_id"], unique=False)
    op.create_table(
        "model_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("stage", sa.String(length=32), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["model_id"], ["models.id"], name="fk_model_versions_model_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_model_versions_user_id", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_model_versions"),
        sa.UniqueConstraint("model_id", "name", name="uq_model_versions_model_id_name"),
        sa.UniqueConstraint("model_id", "number", name="uq_model_versions_model_id_number"),
    )
    op.create_table(
        "pipeline_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("pipeline_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("spec_hash", sa.String(length=128), nullable=False),
        sa.Column("spec", JSON_VALUE, nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["pipeline_id"],
            ["pipelines.id"],
            name="fk_pipeline_versions_pipeline_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_pipeline_versions"),
        sa.UniqueConstraint(
            "pipeline_id", "spec_hash", name="uq_pipeline_versions_pipeline_id_spec_hash"
        ),
        sa.UniqueConstraint(
            "pipeline_id", "version", name="uq_pipeline_versions_pipeline_id_version"
        ),
    )
    op.create_table(
        "stack_component_links",
        sa.Column("stack_id", sa.Uuid(), nullable=False),
        sa.Column("component_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["stack_components.id"],
            name="fk_stack_component_links_component_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stack_id"],
            ["stacks.id"],
            name="fk_stack_component_links_stack_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stack_id", "component_id", name="pk_stack_component_links"),
    )
    op.create_index(
        "ix_stack_component_links_component_id",
        "stack_component_links",
        ["component_id"],
        unique=False,
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("pipeline_id", sa.Uuid(), nullable=False),
        sa.Column("pipeline_version_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("started", TIMESTAMP, nullable=True),
        sa.Column("ended", TIMESTAMP, nullable=True),
        sa.Column("heartbeat", TIMESTAMP, nullable=True),
        sa.Column("config", JSON_VALUE, nullable=False),
        sa.Column("orchestrator", sa.String(length=255), nullable=False),
        sa.Column("exception", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["pipeline_id"], ["pipelines.id"], name="fk_runs_pipeline_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["pipeline_version_id"],
            ["pipeline_versions.id"],
            name="fk_runs_pipeline_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_runs_project_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_runs_user_id", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sa.UniqueConstraint("project_id", "name", name="uq_runs_project_id_name"),
    )
    op.create_index("ix_runs_created_id", "runs", ["created", "id"], unique=False)
    op.create_index("ix_runs_pipeline_id_created", "runs", ["pipeline_id", "created"], unique=False)
    op.create_index("ix_runs_status", "runs", ["status"], unique=False)
    op.create_table(
        "stage_transitions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("model_version_id", sa.Uuid(), nullable=False),
        sa.Column("from_stage", sa.String(length=32), nullable=True),
        sa.Column("to_stage", sa.String(length=32), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["model_version_id"],
            ["model_versions.id"],
            name="fk_stage_transitions_model_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_stage_transitions_user_id", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stage_transitions"),
    )
    op.create_index(
        "ix_stage_transitions_model_version_id_created",
        "stage_transitions",
        ["model_version_id", "created"],
        unique=False,
    )
    op.create_table(
        "model_version_runs",
        sa.Column("model_version_id", sa.Uuid(), nullable=False),
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["model_version_id"],
            ["model_versions.id"],
            name="fk_model_version_runs_model_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_model_version_runs_run_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("model_version_id", "run_id", name="pk_model_version_runs"),
    )
    op.create_index("ix_model_version_runs_run_id", "model_version_runs", ["run_id"], unique=False)
    op.create_table(
        "run_stacks",
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("stack_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_run_stacks_run_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stack_id"], ["stacks.id"], name="fk_run_stacks_stack_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("run_id", name="pk_run_stacks"),
    )
    op.create_index("ix_run_stacks_stack_id", "run_stacks", ["stack_id"], unique=False)
    op.create_table(
        "run_tags",
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_run_tags_run_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_run_tags_tag_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("run_id", "tag_id", name="pk_run_tags"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_run_tags_tag_id", "run_tags", ["tag_id"], unique=False)
    op.create_table(
        "step_runs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("started", TIMESTAMP, nullable=True),
        sa.Column("ended", TIMESTAMP, nullable=True),
        sa.Column("cache_key", sa.String(length=128), nullable=False),
        sa.Column("cache_components", JSON_VALUE, nullable=False),
        sa.Column("parameters", JSON_VALUE, nullable=False),
        sa.Column("source_code", sa.Text(), nullable=False),
        sa.Column("original_step_run_id", sa.Uuid(), nullable=True),
        sa.Column("log_uri", sa.Text(), nullable=True),
        sa.Column("cpu_seconds", sa.Float(), nullable=True),
        sa.Column("peak_memory_bytes", sa.BigInteger(), nullable=True),
        sa.Column("exception", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["original_step_run_id"],
            ["step_runs.id"],
            name="fk_step_runs_original_step_run_id",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_step_runs_run_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_step_runs"),
    )
    op.create_index("ix_step_runs_cache_key", "step_runs", ["cache_key"], unique=False)
    op.create_index(
        "ix_step_runs_original_step_run_id", "step_runs", ["original_step_run_id"], unique=False
    )
    op.create_index("ix_step_runs_run_id_name", "step_runs", ["run_id", "name"], unique=False)
    op.create_table(
        "artifact_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artifact_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=128), nullable=False),
        sa.Column("data_type", sa.Text(), nullable=False),
        sa.Column("materializer", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("visualizations", JSON_VALUE, nullable=False),
        sa.Column("producer_step_run_id", sa.Uuid(), nullable=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["artifact_id"],
            ["artifacts.id"],
            name="fk_artifact_versions_artifact_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["producer_step_run_id"],
            ["step_runs.id"],
            name="fk_artifact_versions_producer_step_run_id",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_artifact_versions"),
        sa.UniqueConstraint(
            "artifact_id", "version", name="uq_artifact_versions_artifact_id_version"
        ),
    )
    op.create_index(
        "ix_artifact_versions_created_id", "artifact_versions", ["created", "id"], unique=False
    )
    op.create_index(
        "ix_artifact_versions_producer_step_run_id",
        "artifact_versions",
        ["producer_step_run_id"],
        unique=False,
    )
    op.create_table(
        "artifact_version_tags",
        sa.Column("artifact_version_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artifact_version_id"],
            ["artifact_versions.id"],
            name="fk_artifact_version_tags_artifact_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_artifact_version_tags_tag_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("artifact_version_id", "tag_id", name="pk_artifact_version_tags"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_artifact_version_tags_tag_id", "artifact_version_tags", ["tag_id"], unique=False
    )
    op.create_table(
        "model_version_artifacts",
        sa.Column("model_version_id", sa.Uuid(), nullable=False),
        sa.Column("artifact_version_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artifact_version_id"],
            ["artifact_versions.id"],
            name="fk_model_version_artifacts_artifact_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["model_version_id"],
            ["model_versions.id"],
            name="fk_model_version_artifacts_model_version_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "model_version_id", "artifact_version_id", name="pk_model_version_artifacts"
        ),
    )
    op.create_index(
        "ix_model_version_artifacts_artifact_version_id",
        "model_version_artifacts",
        ["artifact_version_id"],
        unique=False,
    )
    op.create_table(
        "step_run_inputs",
        sa.Column("step_run_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("artifact_version_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artifact_version_id"],
            ["artifact_versions.id"],
            name="fk_step_run_inputs_artifact_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_run_id"],
            ["step_runs.id"],
            name="fk_step_run_inputs_step_run_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("step_run_id", "name", name="pk_step_run_inputs"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_step_run_inputs_artifact_version_id",
        "step_run_inputs",
        ["artifact_version_id"],
        unique=False,
    )
    op.create_table(
        "step_run_outputs",
        sa.Column("step_run_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("artifact_version_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artifact_version_id"],
            ["artifact_versions.id"],
            name="fk_step_run_outputs_artifact_version_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_run_id"],
            ["step_runs.id"],
            name="fk_step_run_outputs_step_run_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("step_run_id", "name", name="pk_step_run_outputs"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_step_run_outputs_artifact_version_id",
        "step_run_outputs",
        ["artifact_version_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_step_run_outputs_artifact_version_id", table_name="step_run_outputs")
    op.drop_table("step_run_outputs")
    op.drop_index("ix_step_run_inputs_artifact_version_id", table_name="step_run_inputs")
    op.drop_table("step_run_inputs")
    op.drop_index(
        "ix_model_version_artifacts_artifact_version_id", table_name="model_version_artifacts"
    )
    op.drop_table("model_version_artifacts")
    op.drop_index("ix_artifact_version_tags_tag_id", table_name="artifact_version_tags")
    op.drop_table("artifact_version_tags")
    op.drop_index("ix_artifact_versions_producer_step_run_id", table_name="artifact_versions")
    op.drop_index("ix_artifact_versions_created_id", table_name="artifact_versions")
    op.drop_table("artifact_versions")
    op.drop_index("ix_step_runs_run_id_name", table_name="step_runs")
    op.drop_index("ix_step_runs_original_step_run_id", table_name="step_runs")
    op.drop_index("ix_step_runs_cache_key", table_name="step_runs")
    op.drop_table("step_runs")
    op.drop_index("ix_run_tags_tag_id", table_name="run_tags")
    op.drop_table("run_tags")
    op.drop_index("ix_run_stacks_stack_id", table_name="run_stacks")
    op.drop_table("run_stacks")
    op.drop_index("ix_model_version_runs_run_id", table_name="model_version_runs")
    op.drop_table("model_version_runs")
    op.drop_index("ix_stage_transitions_model_version_id_created", table_name="stage_transitions")
    op.drop_table("stage_transitions")
    op.drop_index("ix_runs_status", table_name="runs")
    op.drop_index("ix_runs_pipeline_id_created", table_name="runs")
    op.drop_index("ix_runs_created_id", table_name="runs")
    op.drop_table("runs")
    op.drop_index("ix_stack_component_links_component_id", table_name="stack_component_links")
    op.drop_table("stack_component_links")
    op.drop_table("pipeline_versions")
    op.drop_table("model_versions")
    op.drop_index("ix_model_tags_tag_id", table_name="model_tags")
    op.drop_table("model_tags")
    op.drop_index("ix_artifact_tags_tag_id", table_name="artifact_tags")
    op.drop_table("artifact_tags")
    op.drop_table("stacks")
    op.drop_table("stack_components")
    op.drop_table("pipelines")
    op.drop_table("models")
    op.drop_table("artifacts")
    op.drop_table("users")
    op.drop_table("tags")
    op.drop_table("projects")
    op.drop_table("metadata_entries")
