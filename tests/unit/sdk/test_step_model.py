"""`get_step_context().model` reads as ZenML's `Model`: `.name` is the model's name and
`.version` the version's, `.number` its number."""

from __future__ import annotations

from headwater import Model, get_step_context, pipeline, step


@step(enable_cache=False)
def describe() -> dict:
    model = get_step_context().model
    return {"name": model.name, "version": model.version, "number": model.number}


def test_the_step_model_is_named_after_the_model_and_carries_its_version():
    @pipeline(model=Model(name="churn"))
    def training() -> None:
        describe()

    training()
    run = training()

    assert run.steps["describe"].output.load() == {"name": "churn", "version": "2", "number": 2}
