"""`Model(license=..., audience=..., use_cases=..., limitations=..., trade_offs=...,
ethics=...)`: ZenML's model-card fields are accepted and kept with the version made."""

from __future__ import annotations

from headwater import Client, Model, pipeline, step


@step
def fit() -> int:
    return 1


def test_model_card_fields_are_kept_on_the_version_the_run_makes():
    card = Model(
        name="cancer",
        license="Apache 2.0",
        audience="clinicians",
        use_cases="triage",
        limitations="one hospital's data",
        trade_offs="recall over precision",
        ethics="a human decides",
    )

    @pipeline(model=card)
    def training() -> None:
        fit()

    training()
    version = Client().get_model_version("cancer", "latest")

    assert version.run_metadata["license"] == "Apache 2.0"
    assert version.run_metadata["ethics"] == "a human decides"
    assert version.run_metadata["trade_offs"] == "recall over precision"
