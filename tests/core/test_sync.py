"""Offline desks and their server: sync sends, receives, and never overwrites either side."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
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
