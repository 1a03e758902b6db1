"""The recording path of the SQL store, importable without SQLAlchemy (issue 19).

What a local run writes and reads (runs, step runs, artifact versions, metadata, events,
claims, the active stack) lives here as functions over prepared statements, each
statement written once as a Core construct that is built only when compiled. `SqlStore`
calls these same functions, and so does `LocalSqliteStore`, which runs the statements'
generated SQLite SQL on a plain `sqlite3` connection.
"""
