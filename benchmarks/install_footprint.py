"""What a core install costs: its size on disk and `import headwater` time (issue 17).

Builds the wheel from this tree, installs it with no extras into a clean virtual
environment, and measures the environment's site-packages (all of it, and Headwater's own
share) and the median time of `import headwater` (lazy: names load on first use) and of the
first names a script touches, each in fresh interpreters.

    python -m benchmarks.install_footprint
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMPORT_REPEATS = 7


def _size_mib(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def _import_ms(python: Path, statement: str) -> float:
    """Median time of `statement` in fresh interpreters, timed inside each one."""
    code = (
        "import time; start = time.perf_counter(); "
        f"{statement}; print((time.perf_counter() - start) * 1000)"
    )
    times = [
        float(
            subprocess.run(
                [str(python), "-P", "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(IMPORT_REPEATS)
    ]
    return statistics.median(times)


def _largest(site: Path, count: int) -> str:
    sizes = {
        p.name: _size_mib(p) for p in site.iterdir() if p.is_dir() and "dist-info" not in p.name
    }
    top = sorted(sizes.items(), key=lambda item: -item[1])[:count]
    return ", ".join(f"{name} {size:.1f}" for name, size in top)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        build = [sys.executable, "-m", "build", "--wheel", "--outdir", str(root), str(REPO)]
        subprocess.run(build, check=True, capture_output=True)
        (wheel,) = root.glob("headwater-*.whl")
        environment = root / "venv"
        venv.create(environment, with_pip=True)
        python = environment / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
        (site,) = environment.glob("lib/python*/site-packages")
        pip_share = sum(_size_mib(p) for p in site.glob("pip*"))
        print(f"wheel: {wheel.stat().st_size / 2**20:.1f} MiB")
        print(f"core install, site-packages without pip: {_size_mib(site) - pip_share:.1f} MiB")
        print(
            f"  of which headwater/ (dashboard included): {_size_mib(site / 'headwater'):.1f} MiB"
        )
        print(f"  largest (MiB): {_largest(site, 6)}")
        for statement in ("import headwater", "from headwater import Client, pipeline, step"):
            ms = _import_ms(python, statement)
            print(f"{statement}: {ms:.1f} ms (median of {IMPORT_REPEATS} fresh interpreters)")


if __name__ == "__main__":
    main()
