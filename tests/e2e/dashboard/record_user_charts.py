"""Records the user-registered chart pipeline and the demo's digits evaluation."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.pipelines.user_charts import rainfall

if __name__ == "__main__":
    rainfall()
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples"))
    from digits_evaluation import digits_evaluation

    digits_evaluation()
