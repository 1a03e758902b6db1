"""A process killed in the middle of a save, as `kill -9` would leave it.

Run as `python -m tests.pipelines.killed_save STORE_URL READY_FILE`: it starts saving a
value into the artifact store, writes half of it, touches READY_FILE and waits to be
killed. `kill_mid_save` does all that and returns once the process is dead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

from headwater.artifacts import ArtifactStore, Materializer

HALF = b"x" * 100_000


class HangingMaterializer(Materializer):
    """Writes half an artifact, says so, and never finishes."""

    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (int,)
    ready_file: ClassVar[Path]

    def save(self, data: int) -> None:
        with self.fs.open(self.file_path("part.bin"), "wb") as file:
            file.write(HALF)
        self.ready_file.touch()
        time.sleep(600)


def start_saving(store_url: str, ready_file: Path) -> subprocess.Popen[bytes]:
    """Start a process that hangs halfway through a save; return once it is there."""
    saver = subprocess.Popen(
        [sys.executable, "-m", "tests.pipelines.killed_save", store_url, str(ready_file)],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    deadline = time.monotonic() + 60
    while not ready_file.exists():
        if saver.poll() is not None or time.monotonic() > deadline:
            saver.kill()
            raise RuntimeError(f"The saving process ended early with code {saver.returncode}.")
        time.sleep(0.05)
    return saver


def kill_mid_save(store_url: str, ready_file: Path) -> None:
    """Start a save in another process and SIGKILL it halfway through."""
    saver = start_saving(store_url, ready_file)
    saver.send_signal(signal.SIGKILL)
    saver.wait()


if __name__ == "__main__":
    HangingMaterializer.ready_file = Path(sys.argv[2])
    ArtifactStore(sys.argv[1]).save(7, HangingMaterializer)
