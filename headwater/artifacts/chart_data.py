"""Numeric arrays as chart data the dashboard draws: JSON, downsampled to a bounded size.

A 1-D array becomes a line (at most `LINE_MAX_POINTS` points: the lowest and highest
value of each bucket, so peaks survive); a 2-D array a heatmap of at most
`HEATMAP_MAX_CELLS` cells a side, each the mean of the block of values it covers.
Non-finite values (NaN, infinities) are left out of means and sent as null.
Imported only when an array is saved: it imports numpy at the top.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import numpy.typing as npt

LINE_MAX_POINTS = 5_000
HEATMAP_MAX_CELLS = 200
_SIGNIFICANT_DIGITS = 6


def line_chart_json(array: npt.NDArray[np.generic]) -> bytes:
    """A line chart of a 1-D numeric array as JSON: `x` indices and `y` values."""
    values = np.asarray(array, dtype=np.float64)
    # Two points (lowest, highest) per bucket keep a long array within the budget.
    bucket = 1 if values.size <= LINE_MAX_POINTS else -(-values.size // (LINE_MAX_POINTS // 2))
    x = np.arange(values.size) if bucket == 1 else _bucket_extremes(values, bucket)
    document = {
        "kind": "line",
        "shape": [int(values.size)],
        # 1 when every value is there; else each point is a bucket's minimum or maximum.
        "bucket": int(bucket),
        "x": x.tolist(),
        "y": _numbers(values[x]),
        **_range(values),
    }
    return _json(document)


def heatmap_json(array: npt.NDArray[np.generic]) -> bytes:
    """A heatmap of a 2-D numeric array as JSON: `values[row][column]`, block means."""
    values = np.asarray(array, dtype=np.float64)
    rows, columns = values.shape
    block = (-(-rows // HEATMAP_MAX_CELLS), -(-columns // HEATMAP_MAX_CELLS))
    means = _block_means(values, block)
    document = {
        "kind": "heatmap",
        "shape": [int(rows), int(columns)],
        # Each cell is the mean of a block of this many rows and columns (1, 1: exact).
        "block": [int(block[0]), int(block[1])],
        "values": [_numbers(row) for row in means],
        **_range(values),
    }
    return _json(document)


def _bucket_extremes(values: npt.NDArray[np.float64], bucket: int) -> npt.NDArray[np.intp]:
    """Indices of each bucket's lowest and highest finite value, in index order."""
    padded = np.full(-(-values.size // bucket) * bucket, np.nan)
    padded[: values.size] = values
    grid = padded.reshape(-1, bucket)
    finite = np.isfinite(grid)
    lowest = np.argmin(np.where(finite, grid, np.inf), axis=1)
    highest = np.argmax(np.where(finite, grid, -np.inf), axis=1)
    starts = np.arange(grid.shape[0]) * bucket
    has_values = finite.any(axis=1)
    pairs = np.stack([starts + lowest, starts + highest], axis=1)[has_values]
    return np.unique(pairs.ravel())


def _block_means(
    values: npt.NDArray[np.float64], block: tuple[int, int]
) -> npt.NDArray[np.float64]:
    """Means of the finite values of each block; NaN where a block has none."""
    rows, columns = values.shape
    out_rows, out_columns = -(-rows // block[0]), -(-columns // block[1])
    padded = np.full((out_rows * block[0], out_columns * block[1]), np.nan)
    padded[:rows, :columns] = values
    blocks = padded.reshape(out_rows, block[0], out_columns, block[1])
    finite = np.isfinite(blocks)
    sums = np.where(finite, blocks, 0.0).sum(axis=(1, 3))
    counts = finite.sum(axis=(1, 3))
    means = np.full(sums.shape, np.nan)
    np.divide(sums, counts, out=means, where=counts > 0)
    return means


def _numbers(values: npt.NDArray[np.float64]) -> list[float | None]:
    return [
        float(f"{value:.{_SIGNIFICANT_DIGITS}g}") if math.isfinite(value) else None
        for value in values.tolist()
    ]


def _range(values: npt.NDArray[np.float64]) -> dict[str, Any]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return {"min": None, "max": None}
    return {"min": float(finite.min()), "max": float(finite.max())}


def _json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, separators=(",", ":"), allow_nan=False).encode()
