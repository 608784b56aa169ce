"""Revisions kept compressed in a store file (migration 0008) read back exactly as written."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config

from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.packing import pack_text, register_functions, unpack_text
from newsroom_desktop.core.store import SCHEMA_HEAD, Store, migrations_dir
from tests.conftest import REPORTER, SAMPLE_TEXT

BODIES = [
    SAMPLE_TEXT.read_text(encoding="utf-8"),  # a real article: packed
    "Ngắn.",  # a few words: kept plain
    "",
    "Tiếng Việt dựng sẵn: Đảng " * 400,  # very repetitive: packs a lot
    "Cafe\u0301 NFD stays as typed, and 🇻🇳 emoji too. " * 3,
]


def _revision_rows(path: Path) -> list[tuple[str, str, str]]:
    """Return (id, typeof(body), body through the view) for every revision, by plain SQLite."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        register_functions(conn)
        return conn.execute(
            "SELECT r.id, typeof(r.body), v.body FROM revisions r "
            "JOIN revision_texts v ON v.id = r.id ORDER BY r.id"
        ).fetchall()


def _fill(store_path: Path) -> dict[str, list[RevisionInfo]]:
    nr = Newsroom.open(store_path, actor=REPORTER)
    try:
        ids = []
        for body in BODIES:
            doc = nr.articles.create({"headline": "Tin nén", "lead": "Mở đầu.", "body": body})
            nr.articles.save(doc.id, {"body": body + "\n\nĐoạn thêm."})
            ids.append(doc.id)
        return {aid: nr.history.list(aid) for aid in ids}
    finally:
        nr.close()


def _migrate(store_path: Path, revision: str, *, down: bool) -> None:
    store = Store.open(store_path)
    try:
        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        with store._write_engine.begin() as conn:
            config.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        store.close()


def test_pack_keeps_short_text_plain_and_unpacks_byte_identical():
    for body in BODIES:
        packed = pack_text(body)
        assert unpack_text(packed) == body
        if isinstance(packed, bytes):
            assert len(packed) < len(body.encode())
        else:
            assert packed is body
    assert isinstance(pack_text(BODIES[0]), bytes)
    assert pack_text("Ngắn.") == "Ngắn."
    assert unpack_text(None) is None


def test_new_revisions_are_stored_packed_and_read_plain_through_the_view(store_path: Path):
    before = _fill(store_path)
    rows = _revision_rows(store_path)
    assert len(rows) == 2 * len(BODIES)
    assert {kind for _id, kind, _body in rows} == {"blob", "text"}
    stored = {r.id: r.body for revs in before.values() for r in revs}
    assert {rid: body for rid, _kind, body in rows} == stored


def test_an_old_store_migrates_and_every_revision_reads_back_byte_identical(store_path: Path):
    before = _fill(store_path)
    _migrate(store_path, "0006", down=True)  # the store as the app before 0008 left it
    with contextlib.closing(sqlite3.connect(store_path)) as conn:
        kinds = {k for (k,) in conn.execute("SELECT typeof(body) FROM revisions")}
        assert kinds == {"text"}
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0006",)
    nr = Newsroom.open(store_path, actor=REPORTER)  # migrates on open
    try:
        assert nr.store.schema_revision() == SCHEMA_HEAD
        for aid, revs in before.items():
            assert nr.history.list(aid) == revs
            old, new = revs[-1], revs[0]
            assert nr.diffs.compare(aid, old.id, new.id).changed
            restored = nr.history.restore(aid, old.id)
            assert restored.body == old.body
    finally:
        nr.close()
    rows = _revision_rows(store_path)
    assert "blob" in {kind for _id, kind, _body in rows}
    stored = {r.id: r.body for revs in before.values() for r in revs}
    assert {rid: body for rid, _kind, body in rows if rid in stored} == stored


def _stored(path: Path, revision_id: str) -> tuple[str, int]:
    """Return how a revision's body is stored: its SQLite type and length."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        row = conn.execute(
            "SELECT typeof(body), length(body) FROM revisions WHERE id = ?", (revision_id,)
        ).fetchone()
    return row[0], row[1]


def test_a_body_the_article_holds_is_a_reference_until_the_article_changes(store_path: Path):
    body = SAMPLE_TEXT.read_text(encoding="utf-8")
    nr = Newsroom.open(store_path, actor=REPORTER)
    try:
        doc = nr.articles.create({"headline": "Tham chiếu", "body": body})
        texts = [doc.body]
        first = nr.history.list(doc.id)[0]
        assert _stored(store_path, first.id) == ("blob", 0)  # no copy: the article has it
        nr.articles.save(doc.id, {"body": body + "\n\nHai."}, reason="autosave")
        texts.append(nr.articles.get(doc.id).body)
        # The article's body changed: the trigger wrote the old text into the revision.
        assert _stored(store_path, first.id)[0] == "blob"
        second = nr.history.list(doc.id)[0]
        assert _stored(store_path, second.id) == ("blob", 0)
        nr.articles.save(doc.id, {"body": body + "\n\nBa."}, reason="autosave")
        assert len(nr.history.list(doc.id)) == 2  # an autosave soon after: no new revision
        assert _stored(store_path, second.id)[0] == "text"  # written plain by the trigger
        nr.articles.save(doc.id, {"body": body + "\n\nBốn."})
        texts.append(nr.articles.get(doc.id).body)
        # The next revision packs what the trigger wrote plain.
        assert _stored(store_path, second.id)[0] == "blob"
        assert [r.body for r in nr.history.list(doc.id)] == texts[::-1]
        assert len(set(texts)) == 3
    finally:
        nr.close()
    # Any SQLite client may change the article: the revisions keep their text.
    with contextlib.closing(sqlite3.connect(store_path)) as conn:
        conn.execute("UPDATE articles SET body = 'Sửa ngoài app.' WHERE id = ?", (doc.id,))
        conn.commit()
    rows = {rid: text for rid, _kind, text in _revision_rows(store_path)}
    assert rows[first.id] == texts[0] and rows[second.id] == texts[1]
