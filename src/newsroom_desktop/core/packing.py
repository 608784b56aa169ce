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

from typing import Any

from sqlalchemy import Dialect, Text
from sqlalchemy.types import TypeDecorator

from newsroom_desktop.core.packed_text import (
    PACK_FROM,
    SAME_AS_ARTICLE,
    UNPACK_FUNCTION,
    ArticleBody,
    pack_text,
    register_functions,
    unpack_text,
)

__all__ = [
    "PACK_FROM",
    "SAME_AS_ARTICLE",
    "UNPACK_FUNCTION",
    "ArticleBody",
    "PackedText",
    "pack_text",
    "register_functions",
    "unpack_text",
]


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
