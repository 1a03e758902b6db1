"""`get_pipeline_context()`: what the pipeline function can read while it is composed
(ZenML: name, enable_cache, extra, model)."""

from __future__ import annotations

import pytest

from headwater import Model, get_pipeline_context, pipeline, step
from headwater.errors import HeadwaterError


@step
def fit(kind: str) -> str:
    return kind


def test_the_pipeline_function_reads_its_name_extra_and_model_while_composed():
    seen = {}

    @pipeline(
        name="search",
        enable_cache=False,
        extra={"kinds": ["tree", "forest"]},
        model=Model(name="clf"),
    )
    def search() -> None:
        context = get_pipeline_context()
        seen.update(name=context.name, cache=context.enable_cache, model=context.model.name)
        for kind in context.extra["kinds"]:
            fit(kind)

    spec, _ = search.compile()

    assert seen == {"name": "search", "cache": False, "model": "clf"}
    assert [s.parameters["kind"] for s in spec.steps] == ["tree", "forest"]


def test_get_pipeline_context_outside_a_pipeline_says_where_to_call_it():
    with pytest.raises(HeadwaterError, match="inside a @pipeline function"):
        get_pipeline_context()
