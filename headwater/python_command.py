"""The command line that starts a Python child process on this installation's Headwater.

`python -m headwater...` puts the current folder first on `sys.path`, so a child started
from a folder that holds a `headwater/` directory would import that one instead of the
installed package (issue 17). `-P` (Python 3.11's safe path) leaves the folder out; a
worker that needs the user's modules from it appends it, after the installed packages.
"""

from __future__ import annotations

import sys


def python_module_command(module: str, *arguments: str) -> list[str]:
    """`python -P -m module arguments...` with this process's interpreter."""
    return [sys.executable, "-P", "-m", module, *arguments]
