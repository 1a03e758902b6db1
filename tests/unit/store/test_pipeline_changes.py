"""Comparing two pipeline structures: steps added, removed, changed; edges added, removed."""

from __future__ import annotations

from typing import Any

from headwater.store.pipeline_changes import (
    PipelineEdge,
    compare_structures,
    list_edges,
    read_step_parameters,
)


def structure(*steps: tuple[str, str, list[list[str]]]) -> dict[str, Any]:
    """A stored structure from (name, source hash, inputs as [input, step, output])."""
    return {
        "name": "p",
        "steps": [
            {"name": name, "source_hash": source, "inputs": inputs, "upstream": []}
            for name, source, inputs in steps
        ],
    }


V1 = structure(
    ("prepare", "a", []),
    ("fit", "b", [["values", "prepare", "output"]]),
    ("report", "c", [["values", "prepare", "output"]]),
)
V2 = structure(
    ("prepare", "a", []),
    ("clean", "d", [["values", "prepare", "output"]]),
    ("fit", "b", [["values", "clean", "output"]]),
)


def test_steps_only_in_the_new_version_are_added_and_only_in_the_old_removed() -> None:
    changes = compare_structures(V1, V2)

    assert changes.steps_added == ["clean"]
    assert changes.steps_removed == ["report"]


def test_edges_are_compared_output_to_input() -> None:
    changes = compare_structures(V1, V2)

    assert changes.edges_added == [
        PipelineEdge(source_step="prepare", output="output", target_step="clean", input="values"),
        PipelineEdge(source_step="clean", output="output", target_step="fit", input="values"),
    ]
    assert [(e.source_step, e.target_step) for e in changes.edges_removed] == [
        ("prepare", "fit"),
        ("prepare", "report"),
    ]


def test_a_step_with_new_source_is_changed() -> None:
    after = structure(("prepare", "a", []), ("fit", "z", [["values", "prepare", "output"]]))
    before = structure(("prepare", "a", []), ("fit", "b", [["values", "prepare", "output"]]))

    changes = compare_structures(before, after)

    assert [(c.name, c.is_source_changed) for c in changes.steps_changed] == [("fit", True)]
    assert changes.edges_added == changes.edges_removed == []


def test_changed_parameters_are_named_when_both_versions_ran() -> None:
    changes = compare_structures(
        V1,
        V1,
        parameters_before={"fit": {"rate": 0.1, "epochs": 3}, "prepare": {"rows": 10}},
        parameters_after={"fit": {"rate": 0.5, "seed": 1}, "prepare": {"rows": 10}},
    )

    assert len(changes.steps_changed) == 1
    assert changes.steps_changed[0].name == "fit"
    assert changes.steps_changed[0].is_source_changed is False
    assert changes.steps_changed[0].changed_parameters == ["rate", "seed", "epochs"]


def test_unknown_parameters_compare_as_unchanged() -> None:
    changes = compare_structures(V1, V1, parameters_before=None, parameters_after={"fit": {}})

    assert changes.steps_changed == []


def test_a_malformed_structure_has_no_steps_or_edges() -> None:
    assert list_edges({"steps": "nonsense"}) == []
    assert compare_structures({}, V1).steps_added == ["prepare", "fit", "report"]


def test_step_parameters_are_read_from_a_runs_compiled_spec() -> None:
    config = {"spec": {"steps": [{"name": "fit", "parameters": {"rate": 0.5}}, {"name": "x"}]}}

    assert read_step_parameters(config) == {"fit": {"rate": 0.5}}
    assert read_step_parameters({}) == {}
