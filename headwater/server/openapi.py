"""Print the server's OpenAPI schema without starting a server or opening a store.

    python -m headwater.server.openapi > openapi.json

The dashboard generates its TypeScript types from this output (`make api-types`).
"""

from __future__ import annotations

import json
import sys

from headwater.server.app import openapi_document


def main() -> None:
    """Write the schema as indented JSON with sorted keys to stdout."""
    sys.stdout.write(json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
