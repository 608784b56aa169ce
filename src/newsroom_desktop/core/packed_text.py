"""Packing and unpacking revision text with zlib, and the SQL function that unpacks it.

Standard library only, so that short-lived commands reading a store file with sqlite3 alone
(core/store_file.py) can register ``unpack_text`` without loading SQLAlchemy. How the packed
text is stored is told in core/packing.py.
"""

from __future__ import annotations

import sqlite3
import zlib

# Level 6 packs generated news bodies to 41 % of their UTF-8, as level 9 does, a little faster
# (lzma: no smaller, ten times slower).
_LEVEL = 6
# Texts shorter than this are kept plain: a zlib stream of a few words is no smaller.
PACK_FROM = 64
UNPACK_FUNCTION = "unpack_text"
# What a stored body reads as when it is a reference to its article's body (an empty BLOB);
# models.py replaces it with the article's body as the revision loads.
SAME_AS_ARTICLE = "\x00same-as-article\x00"


class ArticleBody(str):
    """A revision body that is its article's body as written: stored as a reference to it."""


def pack_text(value: str) -> str | bytes:
    """Return ``value`` compressed (bytes) when that is smaller, else ``value`` itself."""
    if len(value) < PACK_FROM:
        return value
    raw = value.encode("utf-8")
    packed = zlib.compress(raw, _LEVEL)
    return packed if len(packed) < len(raw) else value


def unpack_text(value: str | bytes | None) -> str | None:
    """Return the text ``pack_text`` gave ``value`` for (plain text passes unchanged)."""
    if value is None or isinstance(value, str):
        return value
    if not value:
        return SAME_AS_ARTICLE
    return zlib.decompress(value).decode("utf-8")


def register_functions(conn: sqlite3.Connection) -> None:
    """Give an SQLite connection ``unpack_text(x)``, which the view revision_texts uses."""
    conn.create_function(UNPACK_FUNCTION, 1, unpack_text, deterministic=True)
