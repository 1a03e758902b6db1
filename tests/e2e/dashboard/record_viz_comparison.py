"""Record runs for the side-by-side stories into HEADWATER_HOME (run as a module).

    python -m tests.e2e.dashboard.record_viz_comparison

Two loss curves of different lengths and ranges, nine more (eleven: one more than fit side
by side), and two digits forests of different sizes.
"""

from __future__ import annotations

from tests.e2e.dashboard.viz_comparison_pipelines import curves, forest_sizes

if __name__ == "__main__":
    curves(learning_rate=0.1, epochs=12)
    curves(learning_rate=0.3, epochs=8)
    for index in range(9):
        curves(learning_rate=round(0.05 * (index + 1), 2), epochs=5 + index)
    forest_sizes(n_estimators=3)
    forest_sizes(n_estimators=60)
