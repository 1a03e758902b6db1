"""The store URLs Headwater accepts, as every error about a wrong one describes them."""

from __future__ import annotations

ACCEPTED_STORE_URLS = (
    "'sqlite:///<path to a file>' (for example 'sqlite:////home/me/.headwater/headwater.db') "
    "or 'postgresql+psycopg://<user>:<password>@<host>:<port>/<database>', or a "
    "Headwater server's 'http(s)://<host>:<port>' (see `headwater login`)"
)
