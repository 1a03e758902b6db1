"""Output sent to a pipe or a file is never cut to fit a screen that is not there."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.cli.test_component_commands import _register_disk


def test_a_piped_table_keeps_every_character_of_a_long_value(headwater, tmp_path):
    deep = tmp_path / ("a-folder-name-long-enough-to-overflow-eighty-columns-" * 3)
    _register_disk(headwater, "deep-disk", deep)
    # 80 columns: what a pytest-xdist worker (and Rich, unset) says the screen is.
    env = {**os.environ, "COLUMNS": "80"}

    piped = subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", "component", "describe", "deep-disk"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )

    assert piped.returncode == 0, piped.stderr
    assert str(deep) in piped.stdout
