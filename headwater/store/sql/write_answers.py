"""The answers of keyed writes, saved in the write's transaction (see `store.idempotency`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, select

from headwater.errors import RepeatedWriteError
from headwater.store.idempotency import ANSWERS_KEPT_FOR, WriteAnswer, current_write_key
from headwater.store.sql.driver import StatementIntegrityError
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.schema import write_answers

if TYPE_CHECKING:
    from pydantic import BaseModel
    from sqlalchemy.engine import Connection

_INSERT = PreparedStatement(write_answers.insert(), name="write_answers.insert")
_SELECT = PreparedStatement(
    select(write_answers.c.fingerprint, write_answers.c.answer).where(
        write_answers.c.key == bindparam("key")
    ),
    name="write_answers.select",
)
_TRIM = write_answers.delete().where(write_answers.c.created < bindparam("cutoff"))


def save_answer(executor: Executor, answer: BaseModel | None, now: dt.datetime) -> None:
    """Save the answer of the write being done under the current key (if it has one).

    Raises:
        RepeatedWriteError: a write with this key was applied already (by an earlier try
            whose answer was lost, or one still running); the caller's transaction must
            roll back.
    """
    key = current_write_key()
    if key is None:
        return
    row = {
        "key": key.key,
        "fingerprint": key.fingerprint,
        "answer": None if answer is None else answer.model_dump_json(),
        "created": now,
    }
    try:
        _INSERT.execute(executor, row)
    except StatementIntegrityError as exc:
        raise RepeatedWriteError(
            f"The write with idempotency key '{key.key}' was applied already; it is "
            f"answered with its first answer instead of being applied again."
        ) from exc


def find_answer(executor: Executor, key: str) -> WriteAnswer | None:
    """The saved answer of the write with `key`, if it was applied."""
    found = _SELECT.first(executor, {"key": key})
    if found is None:
        return None
    return WriteAnswer(fingerprint=found["fingerprint"], answer=found["answer"])


def trim_answers(connection: Connection, now: dt.datetime) -> None:
    """Forget answers older than any retry could be (`ANSWERS_KEPT_FOR`)."""
    connection.execute(_TRIM, {"cutoff": now - ANSWERS_KEPT_FOR})
