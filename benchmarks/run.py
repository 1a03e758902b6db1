"""`make bench`: run every benchmark and print the figures as tables."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from benchmarks import (
    core,
    lineage,
    listing,
    models,
    process_phases,
    recorder_statements,
    stacks,
    whole_process,
)


def main() -> None:
    console = Console()
    measurements, imports = core.run_all()
    table = Table(title="Per-step overhead, embedded SQLite store (median of 5 runs)")
    for column in ("case", "steps", "run ms", "ms per step", "CPU ms per step"):
        table.add_column(column, justify="right" if column != "case" else "left")
    for m in measurements:
        cpu = "" if m.cpu_per_step_ms is None else f"{m.cpu_per_step_ms:.3f}"
        table.add_row(m.case, str(m.steps), f"{m.run_ms:.1f}", f"{m.per_step_ms:.3f}", cpu)
    console.print(table)
    import_table = Table(title="Import time (median of 5 fresh interpreters)")
    import_table.add_column("statement")
    import_table.add_column("ms", justify="right")
    for statement, ms in imports.items():
        import_table.add_row(statement, f"{ms:.1f}")
    console.print(import_table)
    process_table = Table(
        title=f"`python p.py`, trivial uncached steps, in a home that exists "
        f"(median of {whole_process.REPEATS} processes)"
    )
    for column in ("steps", "whole ms", "less interpreter ms", "CPU ms", "run ms per step"):
        process_table.add_column(column, justify="right")
    interpreter = whole_process.interpreter_ms(
        sys.executable, whole_process.child_environment(Path(tempfile.gettempdir())), Path.cwd()
    )
    for figure in whole_process.measure_headwater((1, 50)):
        process_table.add_row(
            str(figure.steps),
            f"{figure.wall_ms:.0f}",
            f"{figure.minus(interpreter):.0f}",
            f"{figure.cpu_ms:.0f}",
            f"{figure.run_ms_per_step:.3f}",
        )
    console.print(process_table)
    phase_table = Table(
        title=f"Where `python p.py` spends its time (median of {process_phases.REPEATS})"
    )
    for column in ("phase", "wall ms", "CPU ms"):
        phase_table.add_column(column, justify="left" if column == "phase" else "right")
    for phase, (wall_ms, cpu_ms) in process_phases.measure().items():
        phase_table.add_row(phase, f"{wall_ms:.1f}", f"{cpu_ms:.1f}")
    console.print(phase_table)
    statement_table = Table(title="SQL statements per recorded step, SQLite (51 steps less 1)")
    for column in ("case", "statements", "transactions", "by kind"):
        statement_table.add_column(
            column, justify="left" if column in ("case", "by kind") else "right"
        )
    for counted in recorder_statements.measure():
        kinds = ", ".join(f"{kind} {n:g}" for kind, n in counted.per_step.items() if n)
        statement_table.add_row(
            counted.case, f"{counted.total:g}", f"{counted.transactions:g}", kinds
        )
    console.print(statement_table)
    listing_table = Table(
        title=f"list_runs over {listing.RUNS:,} runs, SQLite (median of {listing.REPEATS})"
    )
    for column in ("case", "size", "page", "ms"):
        listing_table.add_column(column, justify="left" if column == "case" else "right")
    for figure in listing.run_all():
        listing_table.add_row(figure.case, str(figure.size), str(figure.page), f"{figure.ms:.1f}")
    console.print(listing_table)
    lineage_table = Table(title="Lineage picture of one run, embedded SQLite (median of 5)")
    for column in ("case", "nodes", "load ms", "graph ms", "cytoscape ms", "html ms", "html KiB"):
        lineage_table.add_column(column, justify="left" if column == "case" else "right")
    for f in lineage.run_all():
        lineage_table.add_row(
            f.case,
            str(f.nodes),
            *(f"{value:.1f}" for value in (f.load_ms, f.graph_ms, f.cytoscape_ms, f.html_ms)),
            f"{f.html_kib:.0f}",
        )
    console.print(lineage_table)
    stack_table = Table(title="Choosing the stack, embedded SQLite (medians)")
    stack_table.add_column("case")
    stack_table.add_column("ms", justify="right")
    for figure in stacks.run_all():
        stack_table.add_row(figure.case, f"{figure.ms:.2f}")
    console.print(stack_table)
    model_table = Table(title="Models and stages, embedded SQLite (medians)")
    model_table.add_column("case")
    model_table.add_column("ms", justify="right")
    for figure in models.run_all():
        model_table.add_row(figure.case, f"{figure.ms:.2f}")
    console.print(model_table)


if __name__ == "__main__":
    main()
