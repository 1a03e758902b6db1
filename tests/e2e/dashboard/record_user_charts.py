"""Records the user-registered chart and table pipeline (run in the e2e home's process)."""

from __future__ import annotations

from tests.pipelines.user_charts import rainfall

if __name__ == "__main__":
    rainfall()
