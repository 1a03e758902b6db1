"""Alembic's entry point: runs the migrations on the connection the store handed over.

The store opens the transaction (and takes the migration lock) itself, so this only
configures Alembic on that connection; there is no alembic.ini and no offline mode.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

connection: Connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
