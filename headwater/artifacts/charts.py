"""Small PNG charts of numeric arrays, drawn with numpy and Pillow (no plotting library).

Imported only when an array is saved: it imports numpy and Pillow at the top.
"""

from __future__ import annotations

import functools
import io

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

# Viridis, sampled at nine evenly spaced points: perceptually even and colour-blind safe.
_VIRIDIS_ANCHORS = np.array(
    [
        [68, 1, 84],
        [71, 44, 122],
        [59, 81, 139],
        [44, 113, 142],
        [33, 144, 141],
        [39, 173, 129],
        [92, 200, 99],
        [170, 220, 50],
        [253, 231, 37],
    ],
    dtype=np.float64,
)
_MISSING_COLOUR = (160, 160, 160)
_BAR_COLOUR = (33, 144, 141)
_AXIS_COLOUR = (90, 90, 90)
# Heatmaps show at most this many cells per side; bigger arrays are sampled evenly.
_HEATMAP_CELLS = 512
_HEATMAP_MIN_PIXELS = 256
# A narrow array (200 rows of 2 features) would be a one-pixel strip: stretch its short
# side so the picture is never more than this many times longer than it is wide.
_HEATMAP_MAX_ASPECT = 4
# Histograms bin at most this many values, sampled evenly from bigger arrays.
_HISTOGRAM_SAMPLE = 1_000_000
_HISTOGRAM_SIZE = (480, 300)


def draw_heatmap(array: npt.NDArray[np.generic]) -> bytes:
    """A PNG heatmap of a 2-D numeric array; NaN and infinities are grey."""
    step_rows = -(-array.shape[0] // _HEATMAP_CELLS)
    step_columns = -(-array.shape[1] // _HEATMAP_CELLS)
    values = np.asarray(array[::step_rows, ::step_columns], dtype=np.float64)
    finite = np.isfinite(values)
    scaled = np.zeros_like(values)
    if finite.any():
        low, high = values[finite].min(), values[finite].max()
        scaled[finite] = (values[finite] - low) / (high - low) if high > low else 0.5
    pixels = _colour_map()[np.round(scaled * 255).astype(np.uint8)]
    pixels[~finite] = _MISSING_COLOUR
    image = Image.fromarray(pixels)
    size = _heatmap_size(image.width, image.height)
    if size != image.size:
        image = image.resize(size, Image.Resampling.NEAREST)
    return _png(image)


def _heatmap_size(width: int, height: int) -> tuple[int, int]:
    # Whole-number zoom keeps cells square where the aspect allows; then the short side
    # is stretched in whole cells up to a quarter of the long one.
    zoom = max(1, _HEATMAP_MIN_PIXELS // max(width, height))
    width, height = width * zoom, height * zoom
    shortest = max(width, height) // _HEATMAP_MAX_ASPECT
    if width < shortest:
        width = width * -(-shortest // width)
    if height < shortest:
        height = height * -(-shortest // height)
    return width, height


def draw_histogram(array: npt.NDArray[np.generic]) -> bytes:
    """A PNG histogram of a 1-D numeric array's finite values, with its range labelled."""
    step = -(-array.size // _HISTOGRAM_SAMPLE)
    values = np.asarray(array[::step], dtype=np.float64)
    values = values[np.isfinite(values)]
    image = Image.new("RGB", _HISTOGRAM_SIZE, "white")
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = 50, 12, _HISTOGRAM_SIZE[0] - 12, _HISTOGRAM_SIZE[1] - 28
    draw.line([(left, top), (left, bottom), (right, bottom)], fill=_AXIS_COLOUR)
    if values.size == 0:
        draw.text((left + 10, top + 10), "no finite values", fill=_AXIS_COLOUR)
        return _png(image)
    bins = int(min(40, max(1, np.sqrt(values.size))))
    counts, edges = np.histogram(values, bins=bins)
    width = (right - left) / bins
    tallest = int(counts.max())
    for index, count in enumerate(counts):
        if count == 0:
            continue
        height = max(1.0, (bottom - top) * int(count) / tallest)
        x = left + index * width
        draw.rectangle([(x + 1, bottom - height), (x + width - 1, bottom - 1)], fill=_BAR_COLOUR)
    _label(draw, (left, bottom + 6), f"{edges[0]:.4g}")
    _label(draw, (right, bottom + 6), f"{edges[-1]:.4g}", align_right=True)
    _label(draw, (left - 6, top), str(tallest), align_right=True)
    _label(draw, (left - 6, bottom - 12), "0", align_right=True)
    return _png(image)


def _label(
    draw: ImageDraw.ImageDraw, at: tuple[float, float], text: str, *, align_right: bool = False
) -> None:
    # Measured rather than anchored: anchors need a FreeType font, which may be missing.
    x = at[0] - draw.textlength(text) if align_right else at[0]
    draw.text((x, at[1]), text, fill=_AXIS_COLOUR)


@functools.cache
def _colour_map() -> npt.NDArray[np.uint8]:
    positions = np.linspace(0.0, 1.0, len(_VIRIDIS_ANCHORS))
    levels = np.linspace(0.0, 1.0, 256)
    channels = [np.interp(levels, positions, _VIRIDIS_ANCHORS[:, c]) for c in range(3)]
    return np.round(np.stack(channels, axis=1)).astype(np.uint8)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
