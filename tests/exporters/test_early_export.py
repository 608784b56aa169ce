"""A large export begun from the store file before the store is opened (the command line's
start): the same documents, files, results and records as the usual way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsroom_desktop.core.file_docs import FileArticles, FileReader
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.manifest import MANIFEST_NAME
from newsroom_desktop.jobs.export_pool import MIN_ARTICLES
from newsroom_desktop.jobs.exports import begin_export, export_many
from tests.conftest import EDITOR
from tests.exporters.conftest import make_jpeg


def read_articles(path: Path, ids: list[str]) -> FileArticles | None:
    reader = FileReader.open(path)
    if reader is None:
        return None
    try:
        return reader.read(ids)
    finally:
        reader.close()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store" / "newsroom.sqlite"


@pytest.fixture
def desk(store: Path, tmp_path: Path):
    """A store of varied articles: sections, tags, people, times, the trash, photos, twins."""
    nr = Newsroom.open(store, actor=EDITOR)
    photo = make_jpeg(tmp_path / "anh.jpg", (800, 600))
    ids = []
    for n in range(MIN_ARTICLES + 10):
        fields = {
            "headline": f"Tin số {n % 50}",  # some share a headline, so a slug
            "lead": f"Sapo {n} của Đảng ủy.",
            "body": f"Đoạn {n}.\n\n## Mục\n\n*Nhấn* {n}.\n",
            "byline": "Ngọc Hậu" if n % 3 else "",
            "section": ["Thời sự", "Quốc tế", ""][n % 3],
            "tags": ["Công an", "Cần Thơ"][: n % 3],
            "target_words": 600 if n % 4 == 0 else None,
        }
        ids.append(nr.articles.create({k: v for k, v in fields.items() if v is not None}).id)
    for n in (2, 30, 51):
        nr.photos.add(ids[n], [photo], place=True)
    nr.articles.trash(ids[7])
    nr.articles.trash(ids[30])  # with a photo, in the trash
    nr.exports.record_exports(ids[:5], "md")
    yield nr, ids
    nr.close()


def test_the_file_reads_the_documents_the_core_reads(desk, store):
    nr, ids = desk
    found = read_articles(store, ids)
    assert found is not None
    core = {doc.id: doc for doc in nr.exports.documents(ids)}
    assert set(found.pictured) == {ids[2], ids[30], ids[51]}
    assert found.pictured[ids[30]].trashed and not found.pictured[ids[2]].trashed
    assert found.pictured[ids[2]].slug == core[ids[2]].slug
    assert set(found.docs) == set(ids) - set(found.pictured)
    for article_id, doc in found.docs.items():
        assert doc == core[article_id]
    assert found.docs[ids[1]].tags == ("Công an",) and found.docs[ids[0]].exported_at


def test_a_store_the_file_cannot_answer_for_is_read_the_usual_way(desk, store, tmp_path):
    _nr, ids = desk
    assert read_articles(tmp_path / "missing.sqlite", ids) is None
    not_a_store = tmp_path / "notes.sqlite"
    not_a_store.write_text("plain text", encoding="utf-8")
    assert read_articles(not_a_store, ids) is None
    older = tmp_path / "older.sqlite"
    with sqlite3.connect(store) as source, sqlite3.connect(older) as copy:
        source.backup(copy)
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0008'")
    assert read_articles(older, ids) is None


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_an_export_begun_early_writes_and_records_what_the_usual_way_does(desk, store, tmp_path):
    nr, ids = desk
    options = ExportOptions(zone=nr.zone)
    usual = export_many(nr, ids, "html", tmp_path / "usual", options=options, workers=2)
    early = begin_export(store, ids, "html", tmp_path / "early", options=options, workers=2)
    assert early is not None
    report = export_many(nr, ids, "html", tmp_path / "early", options=options, early=early)
    assert [(r.id, r.error_code, r.problems, r.headline) for r in report.results] == [
        (r.id, r.error_code, r.problems, r.headline) for r in usual.results
    ]
    assert [r.error_code for r in report.failed] == ["trashed", "trashed"]
    pages, pages_usual = _tree(tmp_path / "early"), _tree(tmp_path / "usual")
    record, record_usual = pages.pop(MANIFEST_NAME), pages_usual.pop(MANIFEST_NAME)
    assert pages == pages_usual  # photos included, twins named alike
    assert sorted(record.splitlines()) == sorted(record_usual.splitlines())
    assert all(nr.articles.get(r.id).exported_at is not None for r in report.exported)
    assert [p for p in (tmp_path / "early").iterdir() if p.name.startswith(".newsroom-s")] == []


def test_an_early_export_of_other_articles_is_ended_and_the_usual_way_runs(desk, store, tmp_path):
    nr, ids = desk
    options = ExportOptions(zone=nr.zone)
    out = tmp_path / "out"
    early = begin_export(store, ids, "md", out, options=options, workers=2)
    assert early is not None
    report = export_many(nr, ids[:-1], "md", out, options=options, early=early, workers=2)
    assert [r.id for r in report.results] == ids[:-1]
    assert len(report.exported) == len(ids) - 3
    assert [p for p in out.iterdir() if p.name.startswith(".newsroom-s")] == []


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda ids, o: (ids[: MIN_ARTICLES - 1], o), "too few for workers"),
        (lambda ids, o: ([*ids, "0" * 36], o), "an unknown id"),
        (lambda ids, o: ([i[:8] for i in ids], o), "prefixes"),
        (lambda ids, o: (ids, ExportOptions(strict=True)), "strict"),
    ],
)
def test_what_is_not_begun_early(desk, store, tmp_path, change, why):
    _nr, ids = desk
    chosen, options = change(ids, ExportOptions())
    out = tmp_path / "out"
    assert begin_export(store, chosen, "html", out, options=options, workers=2) is None, why
    assert not out.exists() or not any(out.iterdir())
