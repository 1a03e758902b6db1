from __future__ import annotations

from typing import Annotated

import pytest

from headwater.compiler.artifact_config import ArtifactConfig
from headwater.compiler.signature import read_signature
from headwater.errors import DefinitionError


def test_single_return_is_one_output_named_output():
    def f(x: int) -> float:
        return 1.0

    signature = read_signature(f)

    assert [o.name for o in signature.outputs] == ["output"]
    assert signature.outputs[0].annotation is float


def test_tuple_of_annotated_returns_names_each_output():
    def f() -> tuple[Annotated[int, "X"], Annotated[str, "y"]]:
        return 1, "a"

    signature = read_signature(f)

    assert [o.name for o in signature.outputs] == ["X", "y"]


def test_unnamed_tuple_members_get_numbered_names():
    def f() -> tuple[int, Annotated[int, "b"], int]:
        return 1, 2, 3

    assert [o.name for o in read_signature(f).outputs] == ["output_0", "b", "output_2"]


def test_none_return_means_no_outputs():
    def f() -> None:
        return None

    assert read_signature(f).outputs == ()


def test_artifact_config_names_and_tags_the_output():
    def f() -> Annotated[float, ArtifactConfig(name="score", tags=["eval"])]:
        return 0.9

    (output,) = read_signature(f).outputs

    assert (output.name, output.artifact_name, output.tags) == ("score", "score", ("eval",))


def test_duplicate_output_names_are_rejected():
    def f() -> tuple[Annotated[int, "a"], Annotated[int, "a"]]:
        return 1, 2

    with pytest.raises(DefinitionError, match="names more than one output 'a'"):
        read_signature(f)


def test_parameters_record_defaults():
    def f(x: int, gamma: float = 0.5) -> None:
        return None

    signature = read_signature(f)

    assert signature.parameter("gamma") is not None
    assert signature.parameter("gamma").default == 0.5  # type: ignore[union-attr]
    assert not signature.parameter("x").has_default  # type: ignore[union-attr]
