"""The answers of keyed writes, saved in the write's transaction (see `store.idempotency`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from headwater.errors import RepeatedWriteError
from headwater.store.idempotency import ANSWERS_KEPT_FOR, WriteAnswer, current_write_key
from headwater.store.sql.driver import StatementIntegrityError
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.recording.rows import table_named

if TYPE_CHECKING:
    from pydantic import BaseModel


def _select(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    answers = table_named("write_answers").c
    return select(answers.fingerprint, answers.answer).where(answers.key == bindparam("key"))


def _trim(_dialect: str) -> Any:
    from sqlalchemy import bindparam

    answers = table_named("write_answers")
    return answers.delete().where(answers.c.created < bindparam("cutoff"))


_INSERT = PreparedStatement(
    lambda _dialect: table_named("write_answers").insert(), name="answers.insert"
)
_SELECT = PreparedStatement(_select, name="answers.select")
_TRIM = PreparedStatement(_trim, name="answers.trim")


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


def trim_answers(executor: Executor, now: dt.datetime) -> None:
    """Forget answers older than any retry could be (`ANSWERS_KEPT_FOR`)."""
    _TRIM.execute_count(executor, {"cutoff": now - ANSWERS_KEPT_FOR})
