"""Caption templates and the code roster travel between offline desks through the server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_templates import CaptionTemplate
from newsroom_desktop.core.settings import Settings
from tests import pg

HT = "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an"


class Desk:
    """A laptop: its own store file, joined to the server as one person."""

    def __init__(self, path: Path, url: str) -> None:
        self.url = url
        self.nr = Newsroom.open(path, settings=Settings())
        self.nr.sync.join(url)

    def sync(self) -> None:
        self.nr.sync.sync(server_url=self.url)

    @property
    def templates(self) -> dict[str, str]:
        """Each template's name and its caption text."""
        return {t.name: t.field("caption").value for t in self.nr.photo_templates.templates()}


@pytest.fixture
def desks(
    tmp_path: Path, server_person: Callable[[str, str], str]
) -> Iterator[Callable[[str, str], Desk]]:
    made: list[Desk] = []

    def make(name: str, role: str = "reporter") -> Desk:
        desk = Desk(tmp_path / f"desk-{len(made)}.sqlite", server_person(name, role))
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.nr.close()


def _template(name: str, caption: str) -> CaptionTemplate:
    return CaptionTemplate(name=name).with_field("caption", value=caption, apply=True)


def test_templates_made_offline_reach_the_other_desk_and_the_server(desks, pg_database):
    hau = desks("Ngọc Hậu", "reporter")
    nam = desks("Phương Nam", "editor")
    hau.nr.photo_templates.save(_template("Hội nghị", "{event}, {city}"))
    hau.nr.photo_templates.import_roster(f"ht\t{HT}\n".encode())
    hau.sync()
    nam.sync()
    assert nam.templates == {"Hội nghị": "{event}, {city}"}
    assert nam.nr.photo_templates.roster().lookup("ht") == HT
    with pg.connect(pg_database) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM photo_templates").fetchall()]
    assert names == ["Hội nghị"]
    # An edit on one desk and a new template on the other both arrive; nothing is lost.
    current = nam.nr.photo_templates.get("Hội nghị")
    nam.nr.photo_templates.save(current.with_field("caption", value="{event} — {city}"))
    hau.nr.photo_templates.save(_template("Thể thao", "{event} ({seq})"))
    nam.sync()
    hau.sync()
    nam.sync()
    expected = {"Hội nghị": "{event} — {city}", "Thể thao": "{event} ({seq})"}
    assert hau.templates == nam.templates == expected


def test_a_deletion_travels_unless_the_server_changed_it_since(desks):
    hau = desks("Ngọc Hậu", "reporter")
    nam = desks("Phương Nam", "editor")
    hau.nr.photo_templates.save(_template("Cũ", "a"))
    hau.nr.photo_templates.save(_template("Giữ", "b"))
    hau.sync()
    nam.sync()
    hau.nr.photo_templates.delete("Cũ")
    hau.nr.photo_templates.delete("Giữ")
    kept = nam.nr.photo_templates.get("Giữ")
    nam.nr.photo_templates.save(kept.with_field("caption", value="b, sửa", apply=True))
    nam.sync()  # Nam's edit of "Giữ" reaches the server first
    hau.sync()
    nam.sync()
    assert hau.templates == nam.templates == {"Giữ": "b, sửa"}


def test_the_roster_replaced_on_one_desk_replaces_it_everywhere(desks):
    hau = desks("Ngọc Hậu", "reporter")
    nam = desks("Phương Nam", "editor")
    nam.nr.photo_templates.import_roster("nh\tNgọc Hậu\n".encode())
    hau.nr.photo_templates.import_roster(f"ht\t{HT}\n".encode())
    nam.sync()
    hau.sync()  # a desk's first sync adds its codes to the newsroom's
    nam.sync()
    assert set(nam.nr.photo_templates.roster().codes) == {"nh", "ht"}
    assert set(hau.nr.photo_templates.roster().codes) == {"nh", "ht"}
    hau.nr.photo_templates.import_roster(b"cc2\tAaron Barnum\n")
    hau.sync()
    nam.sync()
    assert set(nam.nr.photo_templates.roster().codes) == {"cc2"}
