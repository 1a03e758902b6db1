"""Pipelines whose second step is interrupted or whose end cannot be recorded."""

from __future__ import annotations

from headwater import get_step_context, log_metadata, pipeline, step


class Halt(BaseException):
    """A `BaseException` of the user's own, neither Exception nor an interpreter exit."""


_INTERRUPTIONS: dict[str, BaseException] = {
    "keyboard": KeyboardInterrupt(),
    "exit": SystemExit(3),
    "halt": Halt("halted by the user"),
}


@step
def begin() -> int:
    return 1


@step(enable_cache=False)
def interrupt(value: int, how: str = "keyboard") -> int:
    raise _INTERRUPTIONS[how]


@step(enable_cache=False)
def annotate(value: int, size: int = 1, has_nul: bool = False) -> int:
    # Made here, not passed in: parameters are recorded when the run starts.
    log_metadata({"note": "x" * size + ("\x00" if has_nul else "")})
    return value


@step(enable_cache=False)
def mislabel(value: int) -> int:
    get_step_context().add_output_metadata({"owner": object()})
    return value


@pipeline
def mislabeled() -> None:
    mislabel(begin())


@pipeline
def interrupted(how: str = "keyboard") -> None:
    interrupt(begin(), how=how)


@pipeline
def annotated(size: int = 1, has_nul: bool = False) -> None:
    annotate(begin(), size=size, has_nul=has_nul)
