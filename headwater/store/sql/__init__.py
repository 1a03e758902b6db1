"""The SQLAlchemy implementation of the `Store` protocol (SQLite and PostgreSQL)."""
