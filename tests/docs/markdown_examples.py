"""Run every ```python block of one Markdown page in order, in one namespace.

    python -m tests.docs.markdown_examples docs/getting-started.md

Exits non-zero naming the page's line where the failing block starts. Run in a child
process per page, so a page's registrations (materializers, flavors) stay its own.
"""

from __future__ import annotations

import re
import sys
import traceback
import types
from pathlib import Path

FENCE = re.compile(r"^```python\s*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """Each ```python block with the line its code starts on."""
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in FENCE.finditer(text)]


def main(page: Path) -> int:
    # A real module, so dataclasses and pickling find the examples' classes by name.
    module = types.ModuleType("docs_example")
    sys.modules[module.__name__] = module
    namespace = module.__dict__
    for line, code in python_blocks(page.read_text()):
        # Blank lines in front keep tracebacks pointing at the page's own line numbers.
        source = "\n" * (line - 1) + code
        try:
            exec(compile(source, str(page), "exec"), namespace)
        except Exception:
            traceback.print_exc()
            sys.stderr.write(f"The example at {page}:{line} failed.\n")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
