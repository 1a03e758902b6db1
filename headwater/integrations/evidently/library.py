"""Importing Evidently the way Headwater needs it: offline, and beside pandas 3.

Evidently 0.7.23 (its latest release) imports `infer_dtype_from_object` from
`pandas.core.dtypes.common`, which pandas 3 removed; it is used by one legacy test
(column types). When pandas lacks it, a replacement with the same contract (a dtype or
type in, the numpy scalar type out) is put there before Evidently is imported.
Telemetry is off unless the user turned it on, and the deprecation warnings Evidently's
own code raises under pandas 3 are not shown (they are not the user's to fix).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy


def _infer_dtype_from_object(dtype: Any) -> type:
    """pandas 2's helper: the numpy scalar type of a dtype, type or type name."""
    if isinstance(dtype, type) and issubclass(dtype, numpy.generic):
        return dtype
    scalar: type = numpy.dtype(dtype).type
    return scalar


# Evidently's API is untyped to mypy (no stubs), hence `Any`.
def import_evidently() -> Any:
    """The `evidently` module, with its telemetry off and pandas 3 supported.

    Raises:
        IntegrationError: Evidently is not installed; the message names the command.
    """
    from headwater.integrations.registry import require_integration

    require_integration("evidently")
    os.environ.setdefault("EVIDENTLY_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    import pandas.core.dtypes.common as pandas_dtypes

    if not hasattr(pandas_dtypes, "infer_dtype_from_object"):
        pandas_dtypes.infer_dtype_from_object = _infer_dtype_from_object  # type: ignore[attr-defined]
    with evidently_warnings_hidden():
        import evidently

    return evidently


@contextmanager
def evidently_warnings_hidden() -> Iterator[None]:
    """Hide the deprecation warnings Evidently's own code raises under pandas 3."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        yield
