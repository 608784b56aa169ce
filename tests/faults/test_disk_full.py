"""A full disk: the save is refused with a clear message, nothing is half-written, the edit is kept.

The real case runs on a 2 MB tmpfs (mounted as root). Where mounting is not allowed, the same
test fills the store with SQLite's page limit instead (SQLITE_FULL, the same error path).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.recovery import apply_recovery, pending_recoveries, save_recovery
from newsroom_desktop.core.text import normalise_body
from tests.conftest import REPORTER
from tests.faults.conftest import can_mount, integrity, small_disk

PARAGRAPH = "Mưa lớn kéo dài khiến nhiều tuyến đường ở Cần Thơ ngập sâu. " * 20


@contextlib.contextmanager
def page_limit(nr: Newsroom, extra_pages: int) -> Iterator[None]:
    """Let the store grow by only ``extra_pages`` pages, as a nearly full disk would."""
    engine = nr.store.engine
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def limit(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    engine.dispose()
    event.listen(engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(engine, "connect", limit)
        engine.dispose()


def _fill_until_full(nr: Newsroom, article_id: str) -> tuple[list[str], dict, StoreError]:
    """Append paragraphs with autosaves until the disk is full; return what was committed."""
    committed: list[str] = []
    body = nr.articles.get(article_id).body
    for n in range(5000):
        fields = {"body": body + f"\n\n{n}. {PARAGRAPH}"}
        version = nr.articles.get(article_id).version
        try:
            doc = nr.articles.save(
                article_id, fields, expected_version=version, reason="autosave"
            ).article
        except StoreError as exc:
            return committed, fields, exc
        body = doc.body
        committed.append(doc.body)
    raise AssertionError("the disk never filled up")


def _check_refusal(nr: Newsroom, store_path: Path, article_id: str, committed, fields, exc) -> None:
    assert exc.code == "store_disk_full"
    assert "is full" in exc.message and "was not saved" in exc.message
    assert "Free some space" in exc.message
    stored = nr.articles.get(article_id)
    assert stored.body == committed[-1]  # the last commit is whole; the refused one left no trace
    kept = save_recovery(store_path, article_id, fields, stored.version, exc)
    assert kept.exists()


def test_full_disk_on_a_real_small_filesystem(tmp_path: Path):
    if not can_mount():
        # No mount here (not root, or a sandbox): the injected full disk of the test below
        # covers the same path; this says so instead of passing silently.
        pytest.fail("cannot mount a tmpfs here; run as root to test a real full disk")
    disk = tmp_path / "disk"
    with small_disk(disk, "2m"):
        store_path = disk / "newsroom.sqlite"
        ballast = disk / "other-files.bin"
        ballast.write_bytes(os.urandom(700_000))  # what else the user keeps on that disk
        nr = Newsroom.open(store_path, actor=REPORTER)
        doc = nr.articles.create({"headline": "Ngập", "body": "Mở đầu.\n"})
        committed, fields, exc = _fill_until_full(nr, doc.id)
        _check_refusal(nr, store_path, doc.id, committed, fields, exc)
        (info,) = pending_recoveries(store_path)
        assert not info.path.is_relative_to(disk)  # the full disk could not take it
        assert integrity(store_path) == "ok"
        ballast.unlink()  # the user frees some space
        outcome = apply_recovery(nr, info)
        assert not outcome.conflict
        assert nr.articles.get(doc.id).body == normalise_body(fields["body"])
        nr.close()
        assert integrity(store_path) == "ok"


def test_full_disk_injected_with_a_page_limit(newsroom: Newsroom, store_path: Path):
    doc = newsroom.articles.create({"headline": "Ngập", "body": "Mở đầu.\n"})
    with page_limit(newsroom, 40):
        committed, fields, exc = _fill_until_full(newsroom, doc.id)
        _check_refusal(newsroom, store_path, doc.id, committed, fields, exc)
        with pytest.raises(StoreError) as again:
            newsroom.articles.create({"headline": "Thêm", "body": PARAGRAPH * 200})
        assert again.value.code == "store_disk_full"
    assert integrity(store_path) == "ok"
    (info,) = pending_recoveries(store_path)
    assert apply_recovery(newsroom, info).conflict is False
    assert newsroom.articles.get(doc.id).body == normalise_body(info.fields["body"])
    assert store_path.stat().st_size > 0
