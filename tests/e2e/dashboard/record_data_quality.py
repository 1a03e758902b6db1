"""Records the demo's data quality run: drift report, validation, profiles compared."""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))
    from data_quality import data_quality

    data_quality()
