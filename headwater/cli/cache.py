"""`headwater cache explain RUN STEP`: why a step was cached or ran again."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption

app = typer.Typer(help="Cache decisions.", no_args_is_help=True)


@app.command("explain")
def explain(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    step: Annotated[str, typer.Argument(help="Step name.")],
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Say why a step was cached, or which cache key components made it rerun."""
    from headwater.client import Client

    client = Client()
    response = client.get_pipeline_run(run)
    step_run = response.steps.get(step)
    if step_run is None:
        from headwater.errors import EntityNotFoundError

        raise EntityNotFoundError(
            f"Run '{response.name}' has no step '{step}'. Its steps are "
            f"{', '.join(repr(s) for s in response.steps) or 'none'}."
        )
    explanation = client.explain_cache(step_run)
    if output is OutputFormat.JSON:
        render.print_json(
            {
                "step_name": explanation.step_name,
                "status": explanation.status.value,
                "reasons": explanation.reasons,
                "changed_components": [c.name for c in explanation.changes],
                "baseline_step_run_id": explanation.baseline_step_run_id,
            }
        )
        return
    render.console.print(f"Step '{step}' was {render.status(explanation.status)}:")
    for reason in explanation.reasons:
        render.console.print(f"  - {reason}")
