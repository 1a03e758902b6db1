"""Generating `sqlite_statements.py`: the SQLite SQL of every named prepared statement.

python -m headwater.store.sql.sqlite_generation          # or: make recorder-sql
python -m headwater.store.sql.sqlite_generation --check  # fails when out of date
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from headwater.store.sql.compiling import sqlite_spec
from headwater.store.sql.prepared import STATEMENTS

GENERATED_MODULE = Path(__file__).with_name("sqlite_statements.py")
# The modules whose named statements are generated: everything a local run records with.
# Every module that defines named statements: the recording path's, and SqlStore's others.
STATEMENT_MODULES = ("headwater.store.sql.recording.methods", "headwater.store.sql.store")


def render_sqlite_statements() -> str:
    """The text of `sqlite_statements.py` for the named statements of today's code.

    Run it in a fresh process: statements named later at run time would join the list.
    """
    for module in STATEMENT_MODULES:
        importlib.import_module(module)
    _declare_table_statements()
    lines = [
        '"""The SQLite SQL of every named prepared statement: generated, do not edit.',
        "",
        "Made from the Core statements by `python -m headwater.store.sql.sqlite_generation`",
        "(`make recorder-sql`); a test checks it matches them. Each entry: the SQL, the",
        "bound names in order with their conversion kinds (`sqlite_values`), literal",
        "values, and the result columns with their kinds.",
        '"""',
        "",
        "from typing import Any",
        "",
        "# fmt: off",
        "STATEMENTS: dict[str, tuple[str, tuple[tuple[str, str | None], ...], dict[str, Any], "
        "tuple[tuple[str | None, str | None], ...]]] = {",
    ]
    for name in sorted(STATEMENTS):
        prepared = STATEMENTS[name]
        sql, binders, literals, results = sqlite_spec(prepared.build("sqlite"))
        lines.append(f"    {name!r}: (")
        lines.append(f"        {sql!r},")
        lines.append(f"        {binders!r},")
        lines.append(f"        {literals!r},")
        lines.append(f"        {results!r},")
        lines.append("    ),")
    lines.append("}")
    from headwater.store.sql.store import SqlStore

    lines.append("# The public names of `SqlStore`, which `LocalSqliteStore` forwards to it.")
    lines.append("SQL_STORE_NAMES: frozenset[str] = frozenset((")
    lines.extend(f"    {name!r}," for name in sorted(dir(SqlStore)) if not name.startswith("_"))
    lines.extend(["))", "# fmt: on", ""])
    return "\n".join(lines)


def _declare_table_statements() -> None:
    """Make the per-table statements that the recording path builds on first use."""
    from headwater.store.sql.recording.metadata import METADATA_KEY
    from headwater.store.sql.recording.rows import (
        declare_ensure_row,
        insert_ignoring_duplicates,
        upsert,
    )
    from headwater.store.sql.recording.tags import declare_tag_statements

    declare_ensure_row("projects", ("name",))
    declare_ensure_row("users", ("name",))
    declare_ensure_row("pipelines", ("project_id", "name"))
    declare_ensure_row("tags", ("name",))
    insert_ignoring_duplicates("artifacts")
    insert_ignoring_duplicates("model_version_artifacts")
    upsert("metadata_entries", METADATA_KEY)
    insert_ignoring_duplicates("model_version_runs")
    for link in ("run_tags", "artifact_tags", "artifact_version_tags", "model_tags"):
        declare_tag_statements(link)


def main() -> None:
    """Write the generated module (or, with --check, fail when it is out of date)."""
    text = render_sqlite_statements()
    if "--check" in sys.argv[1:]:
        if GENERATED_MODULE.read_text() != text:
            sys.exit(f"{GENERATED_MODULE} is out of date: run 'make recorder-sql'.")
        return
    GENERATED_MODULE.write_text(text)


if __name__ == "__main__":
    main()
