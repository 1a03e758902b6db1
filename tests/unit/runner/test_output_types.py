"""The check of returned values against their outputs' declared types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, NewType, Optional, TypedDict

import numpy as np
import pytest

from headwater.compiler.artifact_config import ArtifactConfig
from headwater.errors import OutputTypeError
from headwater.runner.output_types import (
    check_output_types,
    declared_output_types,
    describe_type,
    is_allowed,
)

UserId = NewType("UserId", int)


class Point(TypedDict):
    x: int


@pytest.mark.parametrize(
    ("annotation", "value"),
    [
        (int, 3),
        (float, 3),
        (float, 2.5),
        (float, np.float32(1.5)),
        (int, np.int64(2)),
        (complex, 1.0),
        (str, "text"),
        (Optional[int], None),  # noqa: UP045 - the spelling under test
        (int | None, None),
        (int | str, "either"),
        (list[int], ["not", "checked", "inside"]),
        (dict[str, float], {"a": "b"}),
        (Sequence[int], (1, 2)),
        (tuple[int, ...], (1,)),
        (Annotated[int, "count"], 4),
        (Any, object()),
        (UserId, 7),
        (Point, {"x": 1}),
        (None, None),
    ],
)
def test_a_value_of_the_declared_type_is_allowed(annotation, value):
    assert is_allowed(annotation, value)


@pytest.mark.parametrize(
    ("annotation", "value"),
    [
        (int, "3"),
        (int, 2.5),
        (float, "2.5"),
        (str, 1),
        (Optional[int], "x"),  # noqa: UP045 - the spelling under test
        (int | None, 1.5),
        (list[int], (1, 2)),
        (dict[str, float], [("a", 1.0)]),
        (Annotated[int, "count"], "four"),
        (UserId, "seven"),
        (None, 0),
    ],
)
def test_a_value_of_another_type_is_refused(annotation, value):
    assert not is_allowed(annotation, value)


def test_a_wrong_type_names_the_step_the_output_and_both_types():
    with pytest.raises(
        OutputTypeError,
        match=r"Step 'train' .* output 'output' is declared as 'int' but the step returned "
        r"a 'str'",
    ):
        check_output_types("train", {"output": int}, {"output": "3"})


def test_every_wrong_output_is_listed_at_once():
    declared = {"train": list[int], "test": list[int], "size": int}

    with pytest.raises(OutputTypeError) as caught:
        check_output_types("load", declared, {"train": "a", "test": {}, "size": 3})

    message = str(caught.value)
    assert "output 'train' is declared as 'list[int]' but the step returned a 'str'" in message
    assert "output 'test' is declared as 'list[int]' but the step returned a 'dict'" in message
    assert "'size'" not in message


def test_an_output_type_error_is_also_a_type_error():
    with pytest.raises(TypeError):
        check_output_types("train", {"output": int}, {"output": "3"})


def test_declared_types_come_from_annotated_and_tuple_outputs():
    def load() -> tuple[
        Annotated[list[int], "train"], Annotated[float, ArtifactConfig(name="rate")], str
    ]:
        return [1], 0.5, "x"

    assert declared_output_types(load) == {"train": list[int], "rate": float, "output_2": str}


def test_an_unannotated_step_declares_any():
    def anything():
        return 1

    declared = declared_output_types(anything)

    assert declared == {"output": Any}
    check_output_types("anything", declared, {"output": "whatever"})


@pytest.mark.parametrize(
    ("annotation", "text"),
    [
        (int, "int"),
        (list[int], "list[int]"),
        (Optional[str], "Optional[str]"),  # noqa: UP045 - the spelling under test
        (int | None, "int | None"),
        (np.ndarray, "ndarray"),
    ],
)
def test_types_are_described_as_written(annotation, text):
    assert describe_type(annotation) == text
