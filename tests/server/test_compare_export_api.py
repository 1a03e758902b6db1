"""`POST /api/v1/runs/compare/export`: the dashboard's export, byte for byte the CLI's."""

from __future__ import annotations

import csv
import io

from tests.cli.invoke import run_headwater
from tests.pipelines.sweep import sweep


def test_csv_export_is_the_same_bytes_as_the_cli_for_the_same_view(api, capsys, monkeypatch):
    runs = [sweep(learning_rate=0.1), sweep(learning_rate=0.2), sweep(optimizer="sgd")]
    names = [runs[2].name, runs[0].name]

    answer = api.post(
        "/runs/compare/export",
        json={"runs": names, "baseline": runs[0].name, "diff_only": True, "format": "csv"},
    )
    cli = run_headwater(
        capsys, monkeypatch, "runs", "compare", *names, "--baseline", runs[0].name,
        "--diff-only", "-o", "csv",
    )  # fmt: skip

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    assert cli.exit_code == 0, cli.stderr
    assert answer.content == cli.stdout.encode()
    assert next(csv.reader(io.StringIO(answer.text))) == ["group", "key", *names]


def test_export_keeps_only_the_rows_on_screen_in_the_tables_order(api):
    first, second = sweep(learning_rate=0.1), sweep(learning_rate=0.2, optimizer="sgd")
    shown = [
        {"group": "step metadata", "key": "train.accuracy"},
        {"group": "parameters", "key": "train.learning_rate"},
    ]

    answer = api.post(
        "/runs/compare/export",
        json={"runs": [first.name, second.name], "rows": shown, "format": "csv"},
    )
    as_json = api.post(
        "/runs/compare/export",
        json={"runs": [first.name, second.name], "rows": shown, "format": "json"},
    )

    lines = list(csv.reader(io.StringIO(answer.text)))
    assert [line[:2] for line in lines[1:]] == [
        ["parameters", "train.learning_rate"],
        ["step metadata", "train.accuracy"],
    ]
    assert [row["key"] for row in as_json.json()["rows"]] == [
        "train.learning_rate",
        "train.accuracy",
    ]
    assert as_json.json()["baseline"] == str(first.id)


def test_an_export_of_a_row_the_comparison_lacks_answers_400_naming_it(api):
    first, second = sweep(), sweep(learning_rate=0.3)

    answer = api.post(
        "/runs/compare/export",
        json={
            "runs": [first.name, second.name],
            "rows": [{"group": "parameters", "key": "train.no_such_key"}],
        },
    )

    assert answer.status_code == 400
    assert "train.no_such_key" in answer.json()["message"]
