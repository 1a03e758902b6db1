"""`POST /api/v1/runs/compare` on a real server: one request, every run a column."""

from __future__ import annotations

from headwater import Client
from tests.pipelines.sweep import sweep


def test_comparing_runs_answers_rows_with_values_and_deltas(api):
    first, second = sweep(learning_rate=0.1), sweep(learning_rate=0.2, optimizer="sgd")

    answer = api.post("/runs/compare", json={"runs": [first.name, str(second.id)]})

    assert answer.status_code == 200, answer.text
    body = answer.json()
    rows = {row["key"]: row for row in body["rows"]}
    assert [run["name"] for run in body["runs"]] == [first.name, second.name]
    assert body["baseline"] == str(first.id)
    assert rows["train.learning_rate"]["values"] == [0.1, 0.2]
    assert rows["train.learning_rate"]["deltas"][1]["absolute"] == 0.1
    assert rows["train.momentum"]["values"] == [None, 0.9]
    assert rows["orchestrator"]["differs"] is False
    local = Client().compare_runs([first, second])
    assert [row["key"] for row in body["rows"]] == [row.key for row in local.rows]


def test_a_baseline_moves_the_deltas(api):
    first, second = sweep(learning_rate=0.1), sweep(learning_rate=0.2)

    body = api.post(
        "/runs/compare", json={"runs": [first.name, second.name], "baseline": second.name}
    ).json()

    rate = next(row for row in body["rows"] if row["key"] == "train.learning_rate")
    assert body["baseline"] == str(second.id)
    assert rate["deltas"][0]["absolute"] == -0.1
    assert rate["deltas"][1] is None


def test_a_comparison_without_deltas_has_the_same_rows_and_no_deltas(api):
    first, second = sweep(learning_rate=0.1), sweep(learning_rate=0.2)
    runs = {"runs": [first.name, second.name]}

    full = api.post("/runs/compare", json=runs).json()
    answer = api.post("/runs/compare", params={"deltas": "false"}, json=runs)

    assert answer.status_code == 200, answer.text
    lean = answer.json()
    assert all(row["deltas"] is None for row in lean["rows"])
    assert [(r["key"], r["values"], r["differs"]) for r in lean["rows"]] == [
        (r["key"], r["values"], r["differs"]) for r in full["rows"]
    ]
    assert len(answer.content) < len(api.post("/runs/compare", json=runs).content)


def test_a_comparison_with_an_unreadable_deltas_flag_answers_422(api):
    first, second = sweep(), sweep()

    answer = api.post(
        "/runs/compare", params={"deltas": "maybe"}, json={"runs": [first.name, second.name]}
    )

    assert answer.status_code == 422
    assert "deltas" in answer.text


def test_bad_comparisons_answer_4xx_saying_what_was_wrong(api):
    only = sweep()

    one = api.post("/runs/compare", json={"runs": [only.name]})
    twice = api.post("/runs/compare", json={"runs": [only.name, only.name]})
    unknown = api.post("/runs/compare", json={"runs": [only.name, "no-such-run"]})
    too_many = api.post("/runs/compare", json={"runs": [only.name] * 501})

    assert one.status_code == 422
    assert twice.status_code == 400
    assert "given more than once" in twice.json()["message"]
    assert unknown.status_code == 404
    assert "no-such-run" in unknown.json()["message"]
    assert too_many.status_code == 422
