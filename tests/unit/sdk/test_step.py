from __future__ import annotations

from headwater.sdk.step import Step, step


@step
def add(a: int, b: int = 2) -> int:
    return a + b


@step(name="renamed", enable_cache=False, extra={"salt": 1})
def configured() -> int:
    return 1


def test_a_step_called_outside_a_pipeline_is_a_plain_call():
    assert add(1) == 3


def test_decorator_without_arguments_keeps_the_function_name():
    assert isinstance(add, Step)
    assert add.name == "add"
    assert add.__doc__ is None or isinstance(add.__doc__, str)


def test_decorator_with_arguments_records_options():
    assert configured.name == "renamed"
    assert configured.options.enable_cache is False
    assert configured.options.extra == {"salt": 1}


def test_with_options_returns_a_changed_copy():
    cached = configured.with_options(enable_cache=True)

    assert cached.options.enable_cache is True
    assert configured.options.enable_cache is False
