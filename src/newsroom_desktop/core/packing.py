"""Revision text kept compressed in a store file, and the SQL function that reads it back.

A revision's body is written to a store file as a zlib stream (a BLOB) when that is smaller,
as plain TEXT otherwise; revisions are read far less often than they are kept. A revision
whose body is its article's body as the article row holds it (the newest one, most often) keeps
no copy at all: an empty BLOB says "the article's body", and a trigger (migration 0008) writes
the text into the revision before the article's body changes. Every connection the app opens
registers ``unpack_text(x)``, and the view ``revision_texts`` gives every revision with its
text plain, so a query such as ``SELECT body FROM revision_texts WHERE article_id = ?`` reads
it like any column. On a newsroom server the column stays TEXT: PostgreSQL compresses long
values itself (TOAST).
"""

from __future__ import annotations

import sqlite3
import zlib
from typing import Any

from sqlalchemy import Dialect, Text
from sqlalchemy.types import TypeDecorator

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


class PackedText(TypeDecorator[str]):
    """Text stored compressed in SQLite (see ``pack_text``), plain on other databases."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or dialect.name != "sqlite":
            return value
        if isinstance(value, ArticleBody):
            return b""
        return pack_text(str(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return unpack_text(value)
