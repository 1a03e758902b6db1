"""How the Dash visualizer treats the process it runs in: alive only when asked to be."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from headwater.integrations.dash.visualizers.pipeline_run_lineage_visualizer import (
        PipelineRunLineageVisualizer,
    )
    from tests.pipelines.diamond import diamond

    run = diamond()
    PipelineRunLineageVisualizer(port=0).visualize(run, block={block})
    {after}
    """
)


def run_script(
    *, block: bool, after: str = "", port_variable: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a small visualizing script in a fresh process without a display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if port_variable is not None:
        env["HEADWATER_LINEAGE_PORT"] = port_variable
    code = SCRIPT.format(block=block, after=after)
    if port_variable is not None:
        code = code.replace("(port=0)", "()")
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def test_non_blocking_visualize_prints_the_address_and_lets_the_script_end():
    result = run_script(block=False)

    assert result.returncode == 0, result.stderr
    assert "Headwater's lineage visualizer: open http://127.0.0.1:" in result.stderr
    assert "press Ctrl-C" not in result.stderr


def test_a_script_that_crashes_after_visualizing_exits_instead_of_serving():
    result = run_script(block=True, after="raise ValueError('boom')")

    assert result.returncode == 1
    assert "ValueError: boom" in result.stderr
    assert "press Ctrl-C" not in result.stderr


def test_a_taken_port_is_reported_with_a_way_out():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = run_script(block=False, port_variable=str(port))

    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "PipelineRunLineageVisualizer(port=8051)" in result.stderr
