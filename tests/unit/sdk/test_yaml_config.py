"""`pipeline.with_options(config_path="x.yaml")`: ZenML's YAML run configuration sets
parameters, caching, step parameters and caching, the model, extra, tags and run name."""

from __future__ import annotations

from headwater import get_pipeline_context, pipeline, step


@step
def load(dataset_name: str) -> str:
    return dataset_name


@step
def train(data: str, learning_rate: float = 0.1) -> str:
    return f"{data}:{learning_rate}"


@pipeline
def training(dataset_name: str = "small") -> None:
    train(load(dataset_name), learning_rate=get_pipeline_context().extra.get("lr", 0.1))


def test_a_yaml_config_sets_parameters_steps_model_extra_tags_and_run_name(tmp_path):
    config = tmp_path / "training.yaml"
    config.write_text(
        "enable_cache: false\n"
        "run_name: yaml-run\n"
        "tags: [from-yaml]\n"
        "extra: {lr: 0.5}\n"
        "parameters: {dataset_name: big}\n"
        "model: {name: clf, description: from yaml, tags: [cv]}\n"
        "steps:\n  train:\n    parameters: {learning_rate: 0.01}\n    enable_cache: true\n"
    )

    spec, _ = training.with_options(config_path=str(config)).compile()

    assert spec.parameters == {"dataset_name": "big"}
    assert spec.step("load").parameters == {"dataset_name": "big"}
    assert spec.step("train").parameters == {"learning_rate": 0.01}
    assert (spec.step("load").enable_cache, spec.step("train").enable_cache) == (False, True)
    assert (spec.run_name, spec.tags) == ("yaml-run", ("from-yaml",))
    assert (spec.model.name, spec.model.description) == ("clf", "from yaml")
