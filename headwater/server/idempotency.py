"""`Idempotency-Key` on the server: a write sent again is answered, not applied again.

The mechanism is described in `headwater.store.idempotency`. Routes take `WriteKeyDep`
and do their write through `apply_once`:

```python
@router.post("/step-runs")
def start_step_run(step: StepRunCreate, session: SessionDep, key: WriteKeyDep) -> StepRun:
    return apply_once(session.store, key, StepRun, lambda: session.store.start_step(step))
```
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

from fastapi import Depends, Header, Request
from pydantic import BaseModel

from headwater.errors import ApiError, RepeatedWriteError
from headwater.store.idempotency import (
    MAX_KEY_LENGTH,
    WriteAnswer,
    WriteAnswers,
    WriteKey,
    fingerprint,
    keyed_write,
)

if TYPE_CHECKING:
    from headwater.store.base import Store

Answer = TypeVar("Answer", bound=BaseModel)


async def write_key(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            max_length=MAX_KEY_LENGTH,
            description="A key for this write, sent again with each retry of it: a write "
            "whose key was applied already gets its first answer instead of being applied "
            "twice.",
        ),
    ] = None,
) -> WriteKey | None:
    """The request's write key with a fingerprint of its method, path and body."""
    if idempotency_key is None:
        return None
    body = await request.body()
    return WriteKey(idempotency_key, fingerprint(request.method, request.url.path, body))


WriteKeyDep = Annotated[WriteKey | None, Depends(write_key)]


def apply_once(
    store: Store, key: WriteKey | None, answer_type: type[Answer], write: Callable[[], Answer]
) -> Answer:
    """Do `write` unless a write with `key` was applied already; either way, its answer.

    Raises:
        ApiError: 422, the key was used before for a different request.
    """
    if key is None or not isinstance(store, WriteAnswers):
        return write()
    saved = store.find_write_answer(key.key)
    if saved is None:
        try:
            with keyed_write(key):
                return write()
        except RepeatedWriteError:
            # Another try of this write committed while this one ran: answer with its.
            saved = store.find_write_answer(key.key)
            if saved is None:
                raise
    return _replayed(saved, key, answer_type)


def _replayed(saved: WriteAnswer, key: WriteKey, answer_type: type[Answer]) -> Answer:
    if saved.fingerprint != key.fingerprint or saved.answer is None:
        raise ApiError(
            422,
            "idempotency_key_reused",
            f"The Idempotency-Key '{key.key}' was sent before with a different request. "
            f"Send a new key with each write, and the same key only with its retries.",
        )
    return answer_type.model_validate_json(saved.answer)
