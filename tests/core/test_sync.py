"""Offline desks and their server: sync sends, receives, and never overwrites either side."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from newsroom_desktop.core.body import blocks_text
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.core.tracked import track_paragraphs
from tests import pg

BODY = "Tăng cường sự lãnh đạo của Đảng đối với công tác dân vận.\n\nĐoạn hai của bài."
HAU = BODY + "\n\nThêm của Hậu."
NAM = BODY + "\n\nThêm của Nam."


def stored(body: str) -> str:
    """Return a body as the store keeps it (one newline at the end)."""
    return body + "\n"


class Desk:
    """A laptop: its own store file, joined to the server as one person."""

    def __init__(self, path: Path, url: str) -> None:
        self.path = path
        self.url = url
        self.nr = Newsroom.open(path, settings=Settings())
        self.nr.sync.join(url)

    def sync(self):
        return self.nr.sync.sync(server_url=self.url)

    def reopen(self) -> None:
        self.nr.close()
        self.nr = Newsroom.open(self.path, settings=Settings())

    def headlines(self) -> set[str]:
        return {a.headline for a in self.nr.articles.list()}


@pytest.fixture
def desks(
    tmp_path: Path, server_person: Callable[[str, str], str]
) -> Iterator[Callable[[str, str], Desk]]:
    made: list[Desk] = []
    urls: dict[str, str] = {}

    def make(name: str, role: str = "reporter") -> Desk:
        if name not in urls:
            urls[name] = server_person(name, role)
        desk = Desk(tmp_path / f"desk-{len(made)}.sqlite", urls[name])
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.nr.close()


def _server_rows(owner_url: str, sql: str) -> list[tuple]:
    with pg.connect(owner_url) as conn:
        return list(conn.execute(sql).fetchall())


def test_an_article_written_offline_reaches_the_other_desk(desks):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    assert hau.nr.actor == Actor("Ngọc Hậu", "reporter")
    doc = hau.nr.articles.create({"headline": "Cầu Cần Thơ", "body": BODY})
    report = hau.sync()
    assert report.sent == ["Cầu Cần Thơ"]
    nam.sync()
    got = nam.nr.articles.get(doc.id)
    assert (got.headline, got.body, got.owner) == ("Cầu Cần Thơ", stored(BODY), "Ngọc Hậu")
    # The editor's desk finds it by search without diacritics, in step with what it received.
    assert [a.id for a in nam.nr.articles.search("cau can tho")] == [doc.id]


def test_edits_on_two_desks_keep_both_and_converge(desks, pg_database):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Bài gốc", "body": BODY})
    hau.sync()
    nam.sync()
    hau.nr.articles.save(doc.id, {"body": HAU})
    nam.nr.articles.save(doc.id, {"body": NAM})
    first = nam.sync()
    second = hau.sync()
    assert first.conflicts == [] and second.conflicts == ["Bài gốc"]
    nam.sync()
    on_a, on_b = hau.nr.articles.get(doc.id), nam.nr.articles.get(doc.id)
    assert on_a.body == on_b.body == stored(NAM)
    bodies = {r.body for r in hau.nr.history.list(doc.id)}
    assert stored(HAU) in bodies and stored(NAM) in bodies
    assert {r.body for r in nam.nr.history.list(doc.id)} == bodies
    assert hau.nr.sync.status().conflicts == nam.nr.sync.status().conflicts == 1
    server_bodies = {r[0] for r in _server_rows(pg_database, "SELECT body FROM revisions")}
    assert bodies == server_bodies


def test_a_second_sync_moves_nothing_and_sending_twice_is_harmless(desks, pg_database):
    hau = desks("Ngọc Hậu")
    hau.nr.articles.create({"headline": "Một lần", "body": BODY})
    hau.sync()
    again = hau.sync()
    assert again.sent == [] and again.conflicts == []
    assert hau.nr.sync.status().waiting == 0
    (count,) = _server_rows(pg_database, "SELECT count(*) FROM revisions")[0]
    assert count == 1


def test_the_desk_clock_changes_nothing_about_order(desks, pg_database, monkeypatch):
    from datetime import timedelta

    import newsroom_desktop.core.models as models

    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Đồng hồ sai", "body": BODY})
    hau.sync()
    nam.sync()
    real = models.utcnow
    # Hậu's laptop runs two days ahead: its edit still loses to the one the server took first.
    monkeypatch.setattr(models, "utcnow", lambda: real() + timedelta(days=2))
    hau.nr.articles.save(doc.id, {"headline": "Bản của Hậu"})
    monkeypatch.setattr(models, "utcnow", real)
    nam.nr.articles.save(doc.id, {"headline": "Bản của Nam"})
    nam.sync()
    report = hau.sync()
    assert report.conflicts == ["Bản của Hậu"]
    assert hau.nr.articles.get(doc.id).headline == "Bản của Nam"


def test_an_approval_stands_and_the_reporters_offline_text_is_kept_flagged(desks, pg_database):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Duyệt rồi", "body": BODY})
    hau.nr.workflow.apply(doc.id, "submit")
    hau.sync()
    nam.sync()
    nam.nr.workflow.apply(doc.id, "approve")
    nam.sync()
    # Offline, Hậu's desk still shows "submitted"... he returns it to himself? No: he only
    # writes; the server's rules (a reporter edits drafts only) decide when it arrives.
    hau.nr.act_as(Actor("Ngọc Hậu", "reporter"))
    with hau.nr.store.write() as session:  # the desk had it as a draft when he wrote offline
        session.execute(text("UPDATE articles SET status = 'draft' WHERE id = :i"), {"i": doc.id})
    hau.nr.articles.save(doc.id, {"body": HAU})
    report = hau.sync()
    assert report.conflicts == ["Duyệt rồi"]
    got = hau.nr.articles.get(doc.id)
    assert got.status == "ready" and got.body == stored(BODY)
    assert stored(HAU) in {r.body for r in hau.nr.history.list(doc.id)}
    assert hau.nr.sync.article_info(doc.id).conflicts
    statuses = _server_rows(pg_database, f"SELECT status FROM articles WHERE id = '{doc.id}'")
    assert statuses == [("ready",)]


def test_a_status_change_and_a_note_made_offline_arrive_once(desks, pg_database):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Gửi duyệt", "body": BODY})
    hau.nr.workflow.apply(doc.id, "submit")
    hau.sync()
    hau.sync()
    nam.sync()
    assert nam.nr.articles.get(doc.id).status == "submitted"
    note = nam.nr.notes.add(doc.id, "Kiểm tra lại số liệu.")
    nam.nr.workflow.apply(doc.id, "take")
    nam.sync()
    nam.sync()
    hau.sync()
    assert [n.text for n in hau.nr.notes.list(doc.id)] == ["Kiểm tra lại số liệu."]
    assert hau.nr.articles.get(doc.id).status == "editing"
    hau.nr.notes.resolve(note.id)
    hau.sync()
    nam.sync()
    assert nam.nr.notes.get(note.id).resolved
    done = _server_rows(
        pg_database,
        f"SELECT action FROM audit_events WHERE article_id = '{doc.id}' AND outcome = 'done'",
    )
    assert sorted(a for (a,) in done) == ["submit", "take"]


def test_an_accepted_tracked_change_travels_to_the_other_desk_once(desks, pg_database):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Gửi duyệt", "body": BODY})
    hau.nr.workflow.apply(doc.id, "submit")
    hau.sync()
    nam.sync()
    nam.nr.workflow.apply(doc.id, "take")
    nam.nr.articles.save(doc.id, {"body": BODY.replace("công tác", "việc")})
    base = nam.nr.history.submitted_revision(doc.id)
    assert base is not None
    old = blocks_text(base.body)
    new = blocks_text(nam.nr.articles.get(doc.id).body)
    keys = [c.key for c in track_paragraphs(old, new)]
    assert nam.nr.accepts.accept(doc.id, base.id, keys[:1]) == 1
    nam.sync()
    nam.sync()
    hau.sync()
    assert hau.nr.accepts.accepted(doc.id, base.id) == {keys[0]}
    rows = _server_rows(
        pg_database, f"SELECT count(*) FROM tracked_accepts WHERE article_id = '{doc.id}'"
    )
    assert rows == [(1,)]
    # An accept alone, with no other change to the article, travels too.
    assert nam.nr.accepts.accept(doc.id, base.id, keys[1:]) == 1
    nam.sync()
    hau.sync()
    assert hau.nr.accepts.accepted(doc.id, base.id) == set(keys)


def test_a_conflict_is_resolved_paragraph_by_paragraph_and_closed_everywhere(desks):
    hau = desks("Ngọc Hậu", "editor")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Hai bản", "body": BODY})
    hau.sync()
    nam.sync()
    hau.nr.articles.save(doc.id, {"body": HAU})
    nam.nr.articles.save(doc.id, {"body": NAM})
    nam.sync()
    hau.sync()
    versions = hau.nr.sync.conflict(doc.id)
    assert versions is not None and versions.kept_is_mine
    assert (versions.kept.body, versions.current.body) == (stored(HAU), stored(NAM))
    merged = BODY + "\n\nThêm của Hậu.\n\nThêm của Nam."
    hau.nr.sync.resolve(doc.id, versions.conflict_id, {"body": merged})
    assert hau.nr.sync.status().conflicts == 0
    hau.sync()
    nam.sync()
    assert nam.nr.sync.status().conflicts == 0
    assert nam.nr.articles.get(doc.id).body == stored(merged)


def test_a_check_out_shows_on_other_desks_and_an_editor_breaks_it(desks):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    lan = desks("Thu Lan", "editor")
    doc = hau.nr.articles.create({"headline": "Đang sửa", "body": BODY})
    hau.sync()
    nam.sync()
    nam.nr.leases.check_out(doc.id, server_url=nam.url)
    assert nam.nr.sync.article_info(doc.id).lease_by == "Phương Nam"
    hau.sync()
    assert hau.nr.sync.article_info(doc.id).lease_by == "Phương Nam"
    # It never stops the reporter drafting.
    hau.nr.articles.save(doc.id, {"lead": "Vẫn viết được."})
    from newsroom_desktop.core.errors import WorkflowError

    with pytest.raises(WorkflowError, match="Only editors"):
        hau.nr.leases.check_out(doc.id, server_url=hau.url)
    lan.sync()
    with pytest.raises(WorkflowError, match="Being edited by Phương Nam"):
        lan.nr.leases.check_out(doc.id, server_url=lan.url)
    lan.nr.leases.release(doc.id, server_url=lan.url)
    lan.nr.leases.check_out(doc.id, server_url=lan.url)
    hau.sync()
    assert hau.nr.sync.article_info(doc.id).lease_by == "Thu Lan"


def test_offline_the_desk_works_and_says_what_waits(desks, tmp_path):
    from newsroom_desktop.core.errors import StoreError

    hau = desks("Ngọc Hậu")
    hau.nr.articles.create({"headline": "Trên đường", "body": BODY})
    hau.sync()
    hau.url = (
        hau.url.replace("@127.0.0.1:", "@127.0.0.1:1") if "@127.0.0.1:1" not in hau.url else hau.url
    )
    waiting = hau.nr.articles.create({"headline": "Không có mạng", "body": BODY})
    with pytest.raises(StoreError) as caught:
        hau.sync()
    assert caught.value.code == "sync_offline"
    status = hau.nr.sync.status()
    assert status.waiting == 1 and status.last_sync is not None
    assert hau.nr.sync.article_info(waiting.id).waiting
    synced = next(a for a in hau.nr.articles.list() if a.headline == "Trên đường")
    assert not hau.nr.sync.article_info(synced.id).waiting


def test_the_cli_joins_syncs_and_says_what_moved(desks, server_person, tmp_path, capsys):
    from newsroom_desktop.cli.main import main

    url = server_person("Ngọc Hậu", "reporter")
    store = str(tmp_path / "cli.sqlite")
    # Written before the desk joined, under the laptop's own profile name.
    assert main(["--store", store, "--as", "hau", "new", "--headline", "Từ dòng lệnh"]) == 0
    assert main(["--store", store, "--as", "Lan", "new", "--headline", "Của người khác"]) == 0
    assert main(["--store", store, "--as", "hau", "server", "join", url]) == 0
    out = capsys.readouterr().out
    assert "joined to" in out and "Ngọc Hậu (reporter)" in out
    assert "Sent 1: Từ dòng lệnh" in out and "Của người khác" not in out
    assert make_url(url).password not in out
    assert main(["--store", store, "sync", "--server", url]) == 0
    out = capsys.readouterr().out
    assert "Sent" not in out and "Synced" in out


def test_a_trashed_article_stays_trashed_and_reaches_the_server(desks):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Bỏ đi", "body": BODY})
    hau.sync()
    nam.sync()
    hau.nr.articles.trash(doc.id)
    assert hau.nr.sync.status().waiting == 1
    hau.sync()
    assert hau.nr.articles.get(doc.id).deleted_at is not None
    nam.sync()
    assert nam.nr.articles.get(doc.id).deleted_at is not None
    nam.nr.articles.restore_from_trash(doc.id)
    nam.sync()
    hau.sync()
    assert hau.nr.articles.get(doc.id).deleted_at is None


PHOTO = Path(__file__).parents[1] / "data" / "photos" / "mei_Photoshop_3.jpg"


def test_a_photo_original_goes_up_once_and_a_cut_upload_resumes(desks, pg_database):
    import hashlib

    from newsroom_desktop.core import uploads

    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    data = PHOTO.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    server = hau.nr.sync.open_server(hau.url)
    try:

        class Cut(Exception):
            pass

        def cut_after_two(done: int, size: int) -> None:
            if done >= 2 * 4096:
                raise Cut

        with pytest.raises(Cut):
            uploads.upload_original(server, sha, PHOTO, chunk_bytes=4096, sent=cut_after_two)
        counted: list[int] = []
        sent = uploads.upload_original(
            server, sha, PHOTO, chunk_bytes=4096, sent=lambda d, s: counted.append(d)
        )
        assert sent == len(data) - 2 * 4096 and counted[0] == 3 * 4096
        assert uploads.upload_original(server, sha, PHOTO) == 0  # once is enough
    finally:
        server.close()
    (stored,) = _server_rows(pg_database, f"SELECT bytes FROM photo_blobs WHERE sha256 = '{sha}'")[
        0
    ]
    assert bytes(stored) == data
    assert _server_rows(pg_database, "SELECT count(*) FROM photo_upload_parts") == [(0,)]
    # A photo placed offline reaches the other desk with its original and caption.
    doc = hau.nr.articles.create({"headline": "Có ảnh", "body": BODY})
    hau.nr.photos.add(doc.id, [PHOTO])
    report = hau.sync()
    assert report.photos_sent == 0  # the server had it already, by its SHA-256
    nam.sync()
    (photo,) = nam.nr.articles.get(doc.id).photos
    assert photo.sha256 == sha and photo.file is not None and photo.file.read_bytes() == data
    assert photo.caption == hau.nr.articles.get(doc.id).photos[0].caption


def test_a_damaged_upload_is_refused_and_the_next_one_starts_afresh(desks, pg_database):
    import hashlib

    from newsroom_desktop.core import uploads
    from newsroom_desktop.core.errors import StoreError

    hau = desks("Ngọc Hậu")
    data = PHOTO.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    with pg.connect(pg_database) as conn:  # a first chunk that went wrong on the way
        conn.execute(
            'INSERT INTO photo_upload_parts (sha256, "offset", bytes) VALUES (%s, 0, %s)',
            (sha, b"\0" * 4096),
        )
    server = hau.nr.sync.open_server(hau.url)
    try:
        with pytest.raises(StoreError) as caught:
            uploads.upload_original(server, sha, PHOTO, chunk_bytes=4096)
        assert caught.value.code == "original_damaged"
        assert _server_rows(pg_database, "SELECT count(*) FROM photo_blobs") == [(0,)]
        assert uploads.upload_original(server, sha, PHOTO, chunk_bytes=4096) == len(data)
    finally:
        server.close()
    (stored,) = _server_rows(pg_database, f"SELECT bytes FROM photo_blobs WHERE sha256 = '{sha}'")[
        0
    ]
    assert bytes(stored) == data


def test_a_role_changed_on_the_server_reaches_the_desk(desks, pg_database):
    from newsroom_desktop.core.server_people import set_role

    hau = desks("Ngọc Hậu")
    set_role(pg_database, "Ngọc Hậu", "editor")
    hau.sync()
    assert hau.nr.actor == Actor("Ngọc Hậu", "editor")
    hau.reopen()
    assert hau.nr.actor == Actor("Ngọc Hậu", "editor")


def test_an_article_the_server_refuses_waits_and_never_holds_the_others_back(
    tmp_path, server_person
):
    url = server_person("Ngọc Hậu", "reporter")
    nr = Newsroom.open(tmp_path / "laptop.sqlite", actor=Actor("Ngọc Hậu"), settings=Settings())
    try:
        shared = nr.articles.create({"headline": "Sửa chung", "body": BODY})
        nr.act_as(Actor("Thu Lan", "editor"))  # a colleague edited it on this laptop
        nr.articles.save(shared.id, {"lead": "Lan thêm sapo."})
        nr.act_as(Actor("Ngọc Hậu"))
        nr.articles.create({"headline": "Của riêng Hậu", "body": BODY})
        nr.sync.join(url)
        report = nr.sync.sync(server_url=url)
        assert report.sent == ["Của riêng Hậu"]
        assert [r.split(":")[0] for r in report.refused] == ["Sửa chung"]
        assert nr.sync.status().waiting == 1
        assert nr.articles.get(shared.id).lead == "Lan thêm sapo."  # nothing lost here
    finally:
        nr.close()


def test_the_sample_article_stays_on_the_desk_that_joins(tmp_path, server_person, pg_database):
    from newsroom_desktop.sample import create_sample

    url = server_person("Ngọc Hậu", "reporter")
    nr = Newsroom.open(tmp_path / "new.sqlite", actor=Actor("Ngọc Hậu"), settings=Settings())
    try:
        sample = create_sample(nr)
        mine = nr.articles.create({"headline": "Bài thật", "body": BODY})
        nr.sync.join(url)
        report = nr.sync.sync(server_url=url)
        assert report.sent == ["Bài thật"]
        assert nr.sync.status().waiting == 0
        assert nr.articles.get(sample.id).headline  # still here, on this desk
        ids = {i for (i,) in _server_rows(pg_database, "SELECT id FROM articles")}
        assert ids == {mine.id}
    finally:
        nr.close()


def test_older_articles_come_on_demand(desks, pg_database):
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Bài cũ", "body": BODY})
    hau.sync()
    with pg.connect(pg_database) as conn:  # written 40 days ago
        conn.execute(
            "UPDATE articles SET updated_at = now() - interval '40 days' WHERE id = %s", (doc.id,)
        )
    nam.sync()
    assert "Bài cũ" not in nam.headlines()  # older than the 14 days a desk holds
    assert nam.nr.sync.fetch_older(30, server_url=nam.url).received == []
    assert nam.nr.sync.fetch_older(60, server_url=nam.url).received == ["Bài cũ"]
    assert "Bài cũ" in nam.headlines()


def test_a_refused_sign_in_is_not_called_offline(desks):
    from newsroom_desktop.core.errors import StoreError

    hau = desks("Ngọc Hậu")
    wrong = make_url(hau.url).set(password="not-her-password")
    with pytest.raises(StoreError) as caught:
        hau.nr.sync.sync(server_url=wrong.render_as_string(hide_password=False))
    assert caught.value.code == "sync_sign_in"
    assert "not-her-password" not in str(caught.value)
    with pytest.raises(StoreError) as caught:  # no password kept, none given
        hau.nr.sync.sync()
    assert caught.value.code == "sync_sign_in"


def test_the_same_photo_added_on_two_desks_offline_is_one_photo_on_the_server(desks, pg_database):
    hau = desks("Ngọc Hậu")
    lan = desks("Thu Lan")
    nam = desks("Phương Nam", "editor")
    first = hau.nr.articles.create({"headline": "Ảnh ở bài một", "body": BODY})
    second = lan.nr.articles.create({"headline": "Ảnh ở bài hai", "body": BODY})
    hau.nr.photos.add(first.id, [PHOTO])
    lan.nr.photos.add(second.id, [PHOTO])  # the same file: its own id on Lan's desk
    hau.sync()
    report = lan.sync()
    assert report.sent == ["Ảnh ở bài hai"] and report.refused == []
    assert lan.nr.sync.status().waiting == 0
    (photo,) = lan.nr.articles.get(second.id).photos
    assert photo.photo_id == hau.nr.articles.get(first.id).photos[0].photo_id
    assert photo.file is not None and photo.file.read_bytes() == PHOTO.read_bytes()
    assert _server_rows(pg_database, "SELECT count(*) FROM photos") == [(1,)]
    nam.sync()
    assert {p.caption for p in nam.nr.articles.get(second.id).photos} == {photo.caption}
