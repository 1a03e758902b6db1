"""Showing lineage in Jupyter: detecting a notebook kernel and displaying HTML inline."""

from __future__ import annotations

import importlib
import sys
from typing import Any


def in_notebook() -> bool:
    """True inside a Jupyter kernel (IPython is imported only where it already runs)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def display_inline(value: Any) -> None:
    """Display an object with `_repr_html_` (or an IPython display object) in the notebook."""
    # Imported by name: IPython is optional, and typed or not depending on its version.
    display: Any = importlib.import_module("IPython.display").display
    display(value)
