"""Importing whylogs the way Headwater needs it: offline, and beside numpy 2.

whylogs 1.6.4 (its latest release) sends usage statistics unless `WHYLOGS_NO_ANALYTICS`
is set before it is imported, and one of its modules (`whylogs.core.datatypes`) still
names `numpy.unicode_`, which numpy 2 removed. That module alone gets a view of numpy
that adds the old name back as `numpy.str_`; numpy itself is left untouched.
"""

from __future__ import annotations

import os
import types
from typing import Any

import numpy


class _NumpyWithUnicode(types.ModuleType):
    """numpy, plus the `unicode_` alias whylogs' type matching still uses."""

    unicode_ = numpy.str_

    def __getattr__(self, name: str) -> Any:
        return getattr(numpy, name)


# The module's API is untyped to mypy (no stubs), hence `Any`.
def import_whylogs() -> Any:
    """The `whylogs` module, with its usage statistics off and numpy 2 supported.

    Raises:
        IntegrationError: whylogs is not installed; the message names the command.
    """
    from headwater.integrations.registry import require_integration

    require_integration("whylogs")
    os.environ.setdefault("WHYLOGS_NO_ANALYTICS", "True")
    import whylogs
    import whylogs.core.datatypes as datatypes

    if not hasattr(numpy, "unicode_") and not isinstance(datatypes.np, _NumpyWithUnicode):
        datatypes.np = _NumpyWithUnicode("numpy")
    return whylogs
