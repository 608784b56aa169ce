"""A photo's crop travels with its use: through a real newsroom server to the other desks."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photos.recipe import Recipe
from newsroom_desktop.core.settings import Settings
from tests import pg

FUJI = Path(__file__).resolve().parents[1] / "data" / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"
BODY = "Tăng cường sự lãnh đạo của Đảng đối với công tác dân vận."


@pytest.fixture
def desk(
    tmp_path: Path, server_person: Callable[[str, str], str]
) -> Iterator[Callable[[str, str], tuple[Newsroom, str]]]:
    made: list[Newsroom] = []

    def make(name: str, role: str) -> tuple[Newsroom, str]:
        url = server_person(name, role)
        nr = Newsroom.open(tmp_path / f"desk-{len(made)}.sqlite", settings=Settings())
        nr.sync.join(url)
        made.append(nr)
        return nr, url

    yield make
    for nr in made:
        nr.close()


def _server_recipes(owner_url: str) -> list[str]:
    with pg.connect(owner_url) as conn:
        return [row[0] for row in conn.execute("SELECT recipe FROM article_photos").fetchall()]


def test_a_crop_made_on_one_desk_reaches_the_other_and_so_does_its_undoing(
    desk, pg_database: str
) -> None:
    hau, hau_url = desk("Ngọc Hậu", "reporter")
    nam, nam_url = desk("Phương Nam", "editor")
    doc = hau.articles.create({"headline": "Có ảnh cắt", "body": BODY})
    (use,) = hau.photos.add(doc.id, [FUJI])
    square = Recipe(crop=(150, 20, 360, 360), aspect="1:1", straighten=1.5)
    hau.photos.set_recipe(doc.id, use.id, square)
    hau.sync.sync(server_url=hau_url)
    (stored,) = _server_recipes(pg_database)
    assert json.loads(stored)["aspect"] == "1:1"

    nam.sync.sync(server_url=nam_url)
    (theirs,) = nam.articles.get(doc.id).photos
    assert theirs.id == use.id and theirs.recipe == square and theirs.final_size == (360, 360)
    assert theirs.file is not None
    assert hashlib.sha256(theirs.file.read_bytes()).hexdigest() == use.sha256

    # The editor shows it whole again; the reporter's desk follows.
    nam.photos.set_recipe(doc.id, use.id, None)
    nam.sync.sync(server_url=nam_url)
    assert _server_recipes(pg_database) == [""]
    hau.sync.sync(server_url=hau_url)
    assert hau.articles.get(doc.id).photos[0].recipe is None
    assert hashlib.sha256(FUJI.read_bytes()).hexdigest() == use.sha256


def test_the_server_migration_goes_down_and_up_keeping_the_photo_uses(
    desk, pg_database: str
) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from newsroom_desktop.core.server import server_revision, upgrade_server
    from newsroom_desktop.core.store import SCHEMA_HEAD, migrations_dir

    hau, hau_url = desk("Ngọc Hậu", "reporter")
    doc = hau.articles.create({"headline": "Có ảnh", "body": BODY})
    (use,) = hau.photos.add(doc.id, [FUJI])
    hau.photos.set_recipe(doc.id, use.id, Recipe(quarter_turns=2))
    hau.sync.sync(server_url=hau_url)
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    engine = create_engine(pg_database)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
    finally:
        engine.dispose()
    assert server_revision(pg_database) == "0008"
    with pg.connect(pg_database) as conn:
        assert conn.execute("SELECT count(*) FROM article_photos").fetchone() == (1,)
    assert upgrade_server(pg_database) == "0008"
    assert server_revision(pg_database) == SCHEMA_HEAD
    assert _server_recipes(pg_database) == [""]  # the column comes back empty
