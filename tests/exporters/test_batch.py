"""Exporting from a newsroom: publish on export, previews, strict refusals, batches, cancel."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.core.models import Article, StatusEvent
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.manifest import MANIFEST_NAME, Placement
from newsroom_desktop.jobs.export_pool import MIN_ARTICLES, worker_pool
from newsroom_desktop.jobs.exports import article_ids, export_article, export_many
from tests.conftest import EDITOR

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def set_status(newsroom, article_id: str, status: str) -> None:
    # On a server only the workflow function moves an article: the set-up writes as its owner.
    with getattr(newsroom, "owner", newsroom).store.write() as session:
        session.get(Article, article_id).status = status


def events(newsroom, article_id: str) -> list[StatusEvent]:
    with newsroom.store.read() as session:
        return list(
            session.scalars(select(StatusEvent).where(StatusEvent.article_id == article_id))
        )


def new_article(newsroom, headline: str, **fields) -> str:
    values = {"headline": headline, "lead": "Sapo.", "byline": "Ngọc Hậu", "body": "Thân bài.\n"}
    return newsroom.articles.create(values | fields).id


def test_exporting_an_approved_article_publishes_it(newsroom, sample_doc, tmp_path):
    set_status(newsroom, sample_doc.id, "ready")
    newsroom.act_as(EDITOR)
    result = export_article(newsroom, sample_doc.id, "html", tmp_path, ExportOptions())
    assert result.ok
    assert result.published
    doc = newsroom.articles.get(sample_doc.id)
    assert doc.status == "published"
    assert doc.published_at is not None
    assert doc.published_at == doc.exported_at
    assert doc.version == sample_doc.version  # the text did not change
    (event,) = events(newsroom, sample_doc.id)
    assert (event.from_status, event.to_status) == ("ready", "published")
    assert (event.actor_name, event.actor_role) == ("Phương Nam", "editor")
    assert event.note == "exported as html"
    assert event.created_at == doc.published_at


def test_exporting_anything_else_is_a_preview(newsroom, sample_doc, tmp_path):
    result = export_article(newsroom, sample_doc.id, "txt", tmp_path, ExportOptions())
    assert result.ok
    assert not result.published
    doc = newsroom.articles.get(sample_doc.id)
    assert doc.status == "draft"
    assert doc.published_at is None
    assert doc.exported_at is not None
    assert events(newsroom, sample_doc.id) == []


def test_a_preview_of_an_approved_article_records_nothing(newsroom, sample_doc, tmp_path):
    set_status(newsroom, sample_doc.id, "ready")
    result = export_article(newsroom, sample_doc.id, "txt", tmp_path, ExportOptions(preview=True))
    assert result.ok
    assert not result.published
    doc = newsroom.articles.get(sample_doc.id)
    assert (doc.status, doc.exported_at) == ("ready", None)


def test_strict_refuses_an_article_with_problems(newsroom, tmp_path):
    article_id = new_article(newsroom, "Tin TK", lead="")
    set_status(newsroom, article_id, "ready")
    out = tmp_path / "out"
    out.mkdir()
    result = export_article(newsroom, article_id, "html", out, ExportOptions(strict=True))
    assert not result.ok
    assert result.error_code == "check_failed"
    assert "The lead is empty." in result.error
    assert [p.code for p in result.problems] == ["empty_lead", "placeholder"]
    assert list(out.iterdir()) == []
    assert newsroom.articles.get(article_id).status == "ready"
    loose = export_article(newsroom, article_id, "html", out, ExportOptions())
    assert loose.ok
    assert len(loose.problems) == 2


def test_export_many_reports_progress_and_names_files_from_slugs(newsroom, tmp_path):
    ids = [new_article(newsroom, "Cùng tiêu đề"), new_article(newsroom, "Cùng tiêu đề")]
    ids.append(new_article(newsroom, "Khác"))
    seen = []
    report = export_many(
        newsroom,
        ids,
        "md",
        tmp_path,
        options=ExportOptions(),
        progress=lambda *a: seen.append(a) or True,
    )
    assert [r.ok for r in report.results] == [True, True, True]
    assert seen == [(0, 3, ""), (1, 3, "Cùng tiêu đề"), (2, 3, "Cùng tiêu đề"), (3, 3, "Khác")]
    names = sorted(p.name for p in tmp_path.glob("*.md"))
    assert names == sorted(["cung-tieu-de.md", f"cung-tieu-de-{ids[1][:8]}.md", "khac.md"])


def test_cancel_stops_between_articles(newsroom, tmp_path):
    ids = [new_article(newsroom, f"Bài {n}") for n in range(4)]
    out = tmp_path / "out"
    report = export_many(
        newsroom, ids, "txt", out, options=ExportOptions(), progress=lambda done, total, _: done < 2
    )
    assert report.cancelled
    assert len(report.results) == 2
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST_NAME) == [
        "bai-0.txt",
        "bai-1.txt",
    ]


# A store file can lose an original; a server cannot (blobs are never deleted), and a desk's
# lost cached copy is fetched again (tests/core/test_photo_blobs.py).
@pytest.mark.backends("sqlite")
def test_one_failure_does_not_stop_the_batch(newsroom, sample_doc, tmp_path):
    sample_doc.photos[0].file.unlink()  # the store lost an original
    other = new_article(newsroom, "Còn lại")
    report = export_many(newsroom, [sample_doc.id, "nonexistent", other], "html", tmp_path)
    assert [r.ok for r in report.results] == [False, False, True]
    assert "DSC_0001.jpg" in report.results[0].error
    assert report.results[1].error_code == "not_found"
    assert [r.id for r in report.exported] == [other]


def test_trashed_articles_are_not_exported(newsroom, tmp_path):
    article_id = new_article(newsroom, "Đã xóa")
    newsroom.articles.trash(article_id)
    (result,) = export_many(newsroom, [article_id], "txt", tmp_path).results
    assert result.error_code == "trashed"


def test_unknown_format_fails_before_writing(newsroom, tmp_path):
    with pytest.raises(ExportFailedError, match="Unknown export format 'rtf'"):
        export_many(newsroom, [], "rtf", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_article_ids_lists_a_status(newsroom):
    ready = [new_article(newsroom, f"R{n}") for n in range(3)]
    new_article(newsroom, "Nháp")
    for article_id in ready:
        set_status(newsroom, article_id, "ready")
    assert sorted(article_ids(newsroom, "ready")) == sorted(ready)


def test_a_worker_thread_exports_with_its_own_newsroom(newsroom, store_location, tmp_path):
    ids = [new_article(newsroom, f"Luồng {n}") for n in range(3)]
    reports = []

    # On a server the worker signs in with the editor's own login.
    where = newsroom.url_for(EDITOR) if isinstance(store_location, str) else store_location

    def work() -> None:
        own = Newsroom.open(where, actor=EDITOR)
        try:
            reports.append(export_many(own, ids, "html", tmp_path))
        finally:
            own.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert [r.ok for r in reports[0].results] == [True, True, True]


def test_a_batch_is_recorded_at_once_and_publishes_what_was_approved(newsroom, tmp_path):
    ids = [new_article(newsroom, f"Tin {n}") for n in range(3)]
    set_status(newsroom, ids[1], "ready")
    newsroom.act_as(EDITOR)
    report = export_many(newsroom, ids, "html", tmp_path, options=ExportOptions())
    assert [(r.ok, r.published) for r in report.results] == [
        (True, False),
        (True, True),
        (True, False),
    ]
    docs = [newsroom.articles.get(i) for i in ids]
    assert [d.status for d in docs] == ["draft", "published", "draft"]
    assert len({d.exported_at for d in docs}) == 1  # one time: one transaction
    assert docs[1].published_at == docs[1].exported_at
    assert [e.note for e in events(newsroom, ids[1])] == ["exported as html"]


def _tree(folder) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def many(newsroom) -> list[str]:
    """More articles than a batch needs to use worker processes: a few refused or alike."""
    ids = [
        new_article(newsroom, f"Tin số {n % 60}", body=f"Đoạn {n}.\n\n## Mục\n\n*Nhấn* {n}.\n")
        for n in range(MIN_ARTICLES + 6)
    ]
    newsroom.articles.save(ids[3], {"lead": "Còn TK"})
    newsroom.articles.trash(ids[5])
    return ids


def test_worker_processes_write_what_one_process_writes(newsroom, many, tmp_path):
    options = ExportOptions(strict=True)
    one = export_many(newsroom, many, "html", tmp_path / "one", options=options)
    two = export_many(newsroom, many, "html", tmp_path / "two", options=options, workers=2)
    assert [(r.id, r.error_code, r.problems) for r in two.results] == [
        (r.id, r.error_code, r.problems) for r in one.results
    ]
    assert [r.error_code for r in two.results[:6]] == ["", "", "", "check_failed", "", "trashed"]
    pages_two, pages_one = _tree(tmp_path / "two"), _tree(tmp_path / "one")
    record_two, record_one = pages_two.pop(MANIFEST_NAME), pages_one.pop(MANIFEST_NAME)
    assert pages_two == pages_one
    # The folder's record: the same line for each file (the workers append in their own order).
    assert sorted(record_two.splitlines()) == sorted(record_one.splitlines())
    assert len(record_two.splitlines()) == len(pages_two)
    assert [p.name for p in (tmp_path / "two").iterdir() if p.name.startswith(".newsroom-s")] == []


def test_worker_processes_keep_the_users_files_as_one_process_does(newsroom, many, tmp_path):
    """A page the user wrote in the folder is kept: its article fails, the others are placed."""
    reports = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        out.mkdir()
        (out / "tin-so-1.html").write_text("<p>Trang của tôi</p>", encoding="utf-8")
        report = export_many(newsroom, many, "html", out, workers=workers)
        assert (out / "tin-so-1.html").read_text(encoding="utf-8") == "<p>Trang của tôi</p>"
        reports[workers] = report
    one, two = reports[1], reports[2]
    assert [(r.id, r.error_code) for r in two.results] == [
        (r.id, r.error_code) for r in one.results
    ]
    assert [r.error_code for r in two.failed] == ["export_would_overwrite", "trashed"]
    pages_two, pages_one = _tree(tmp_path / "out2"), _tree(tmp_path / "out1")
    assert sorted(pages_two.pop(MANIFEST_NAME).splitlines()) == sorted(
        pages_one.pop(MANIFEST_NAME).splitlines()
    )
    assert pages_two == pages_one


def test_worker_exports_are_recorded_as_they_come_in(newsroom, many, tmp_path, monkeypatch):
    """Killed late in a long export, what was placed early is already recorded in the store."""
    monkeypatch.setattr("newsroom_desktop.jobs.exports.RECORD_SLICE", 20)
    seen: dict[int, bool] = {}

    def progress(done: int, total: int, headline: str) -> bool:
        if done in (10, 50):  # the first slice's articles, as another reader sees them
            seen[done] = newsroom.articles.get(many[0]).exported_at is not None
        return True

    report = export_many(newsroom, many, "md", tmp_path, progress=progress, workers=2)
    assert seen == {10: False, 50: True}
    assert all(newsroom.articles.get(r.id).exported_at is not None for r in report.exported)


def test_cancelling_worker_processes_keeps_what_was_placed(newsroom, many, tmp_path):
    """Workers stop at the cancel; what they had already placed is reported and recorded."""
    seen: list[int] = []
    report = export_many(
        newsroom,
        many,
        "md",
        tmp_path,
        options=ExportOptions(),
        progress=lambda done, *_: seen.append(done) or done < 10,
        workers=2,
    )
    assert report.cancelled
    assert seen[-1] == 10  # asked no more after the cancel
    assert len(report.results) >= 10
    assert [r.id for r in report.results[:10]] == many[:10]
    # Every page in the folder is an article the report says was exported, and recorded.
    assert sorted(p.name for p in tmp_path.glob("*.md")) == sorted(
        f.name for r in report.exported for f in r.files
    )
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".newsroom-s")] == []
    exported = {r.id for r in report.exported}
    for article_id in many:
        assert (newsroom.articles.get(article_id).exported_at is not None) == (
            article_id in exported
        )
    assert many[5] not in exported  # trashed


def test_a_cancelled_pool_starts_no_further_article(newsroom, many, tmp_path):
    out = tmp_path / "out"
    placement = Placement(out)
    docs = newsroom.exports.documents(many)
    try:
        with worker_pool("md", 2, len(docs), placement) as pool:
            assert pool is not None
            first = pool.write("md", [(doc, ExportOptions(), True) for doc in docs[:5]]).result()
            assert [len(w.files) for w in first] == [1] * 5
            written = sorted(out.glob("*.md"))
            pool.cancel()
            assert pool.cancelled
            later = [
                pool.write("md", [(doc, ExportOptions(), True) for doc in docs[k : k + 25]])
                for k in range(5, len(docs), 25)
            ]
            finished = [task.result() for task in later if not task.cancelled()]
    finally:
        placement.close()
    assert [w for part in finished for w in part] == []
    assert sorted(out.glob("*.md")) == written


def test_workers_are_forked_for_large_batches_of_formats_without_qt():
    with worker_pool("html", 2, MIN_ARTICLES) as pool:
        assert pool is not None
    for args in (("html", 1, 1000), ("html", 2, MIN_ARTICLES - 1), ("pdf", 2, 1000)):
        with worker_pool(*args) as pool:
            assert pool is None
