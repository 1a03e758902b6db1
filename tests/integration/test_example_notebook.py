"""examples/notebook.ipynb runs end to end in a real Jupyter kernel, its HTML inline."""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb"


def _html_outputs(cell: nbformat.NotebookNode) -> list[str]:
    return [o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})]


def _cell_running(notebook: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and code in c.source]
    return cell


def test_the_example_notebook_runs_and_shows_lineage_comparison_and_visualizations(
    tmp_path: Path, headwater_home: Path
):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )

    client.execute()

    lineage = _html_outputs(_cell_running(notebook, "second.visualize()"))
    comparison = _html_outputs(_cell_running(notebook, "comparison.to_dataframe()"))
    views = _html_outputs(_cell_running(notebook, '"measurements").visualize()'))
    loaded = _cell_running(notebook, '.outputs["error"].load()').outputs[0]["data"]["text/plain"]
    assert len(lineage) == 1
    assert lineage[0].startswith("<iframe")
    assert "notebook_fit" in lineage[0]
    assert "<table" in comparison[0]
    assert "fit.slope" in comparison[0]
    assert any(",x,y" in view for view in views)
    assert float(loaded) > 0
    assert (headwater_home / "headwater.db").exists()
