"""`headwater runs visualize`: a run's lineage as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from headwater.cli import render


def visualize_run(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The HTML file to write; default RUN_NAME.html."),
    ] = None,
) -> None:
    """Write a run's lineage graph to one HTML file that opens offline, without a server."""
    from headwater.client import Client
    from headwater.errors import ConfigurationError
    from headwater.lineage.html import render_html
    from headwater.lineage.loading import load_lineage_graph
    from headwater.session import get_session

    response = Client().get_pipeline_run(run)
    graph = load_lineage_graph(get_session().store, response.id)
    target = output or Path(f"{response.name}.html")
    try:
        target.write_text(render_html(graph), encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(
            f"Cannot write the lineage of run '{response.name}' to '{target}': "
            f"{exc.strerror}. Pick a writable path with -o."
        ) from exc
    render.console.print(f"Wrote the lineage of run '{response.name}' to {target}")
