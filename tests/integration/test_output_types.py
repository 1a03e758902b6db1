"""A step whose returned value is not of its declared type fails at once."""

from __future__ import annotations

import pytest

from headwater import Client
from headwater.errors import OutputTypeError
from tests.pipelines.mistyped import mistyped, mistyped_tuple, well_typed


def test_a_step_returning_another_type_than_declared_fails_naming_both_types():
    with pytest.raises(
        OutputTypeError,
        match=r"Step 'count' .* output 'output' is declared as 'int' but the step "
        r"returned a 'str'",
    ):
        mistyped()

    run = Client().get_pipeline("mistyped").last_run
    assert run.status == "failed"
    assert {name: s.status for name, s in run.steps.items()} == {"count": "failed"}
    assert "declared as 'int'" in run.steps["count"].exception
    assert Client().list_artifact_versions().total == 0


def test_each_named_output_of_a_tuple_is_checked():
    with pytest.raises(
        OutputTypeError,
        match=r"output 'rate' is declared as 'float' but the step returned a 'str'",
    ) as caught:
        mistyped_tuple()

    assert "'train'" not in str(caught.value)


def test_an_int_for_a_float_and_none_for_an_optional_are_accepted():
    run = well_typed()

    assert run.status == "completed"
    assert run.steps["widened"].outputs["rate"].load() == 1
    assert run.steps["widened"].outputs["limit"].load() is None
