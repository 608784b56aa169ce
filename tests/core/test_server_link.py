"""The window learns how it reaches the server: encrypted, verified, or in the clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server_records import ServerAddress


def _open(url: str) -> Newsroom:
    return Newsroom.open(url)


def test_a_store_file_has_no_server_link(store_path: Path):
    newsroom = Newsroom.open(store_path)
    try:
        assert newsroom.server_link() is None
    finally:
        newsroom.close()


@pytest.mark.parametrize(
    ("mode", "encrypted", "verified", "exposed"),
    [
        ("verify-full", True, True, False),  # a CA file: the server proved who it is
        ("require", True, False, False),  # encrypted, but anyone could pose as the server
        ("disable", False, False, True),  # in the clear: the status bar warns
    ],
)
def test_how_the_line_to_the_server_is_protected(pg_database, mode, encrypted, verified, exposed):
    url = make_url(pg_database)
    query = {"sslmode": mode}
    if mode == "verify-full":
        query["sslrootcert"] = str(url.query["sslrootcert"])
    url = url.set(query=query)
    newsroom = _open(url.render_as_string(hide_password=False))
    try:
        link = newsroom.server_link()
        assert link is not None
        assert (link.encrypted, link.verified, link.exposed) == (encrypted, verified, exposed)
        assert link.server == f"127.0.0.1:{url.port}/{url.database}"
        assert link.login == url.username
        assert not link.local
    finally:
        newsroom.close()


def test_an_address_is_kept_without_its_password_and_read_back():
    address = ServerAddress(
        host="db.toasoan.vn", database="tòa soạn", login="ngọc.hậu", port=5433, ca_file="/a b.crt"
    )
    kept = address.text
    url = make_url(kept)
    assert url.password is None and url.username == "ngọc.hậu"
    assert url.database == "tòa soạn" and url.port == 5433
    assert url.query["sslmode"] == "verify-full" and url.query["sslrootcert"] == "/a b.crt"
    assert ServerAddress.from_text(kept) == address
    assert ServerAddress.from_text("/home/ngoc/tin.sqlite") is None
    plain = ServerAddress(host="db", database="toasoan", login="x")
    assert "sslmode" not in plain.text  # no CA file: libpq's default, and the status bar warns
