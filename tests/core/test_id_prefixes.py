"""Id prefixes on the command line: LIKE wildcards are plain letters, and four letters at least."""

from __future__ import annotations

import itertools
import json
import uuid
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from newsroom_desktop.core.errors import AmbiguousIdError, ValidationError
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import DATA, REPORTER


def run(capsys, store: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--store", str(store), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, store: Path, *flags: str) -> list[str]:
    code, out, err = run(capsys, store, "list", "--json", *flags)
    assert code == 0, err
    return [item["id"] for item in json.loads(out)]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "ids.sqlite"


@pytest.fixture
def twins(store: Path, monkeypatch) -> list[str]:
    """Two articles whose ids share their first four letters, "abcd"."""
    numbers = itertools.count(1)
    real = uuid.uuid4
    # Every id made meanwhile (article, person, revision) starts with "abcd".
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(f"abcd{next(numbers):028x}"))
    newsroom = Newsroom.open(store, actor=REPORTER)
    try:
        ids = [newsroom.articles.create({"headline": f"Tin {n}"}).id for n in (1, 2)]
    finally:
        newsroom.close()
    monkeypatch.setattr(uuid, "uuid4", real)
    assert [i[:4] for i in ids] == ["abcd", "abcd"]
    return ids


@pytest.mark.parametrize("prefix", ["_", "%", "____", "%%%%", "_%_%", "a_c%", "\\%\\%", "\\\\\\\\"])
def test_wildcards_in_a_prefix_match_nothing(capsys, store, prefix):
    assert run(capsys, store, "new", "--headline", "Giữ lại")[0] == 0
    code, _, err = run(capsys, store, "delete", prefix)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith("newsroom: error: ")
    assert len(listed(capsys, store)) == 1  # nothing went to the trash
    assert listed(capsys, store, "--trash") == []


def test_a_prefix_shorter_than_four_letters_is_refused(capsys, store):
    code, out, _ = run(capsys, store, "new", "--headline", "Tin")
    article_id = out.strip()
    for short in (article_id[:1], article_id[:3]):
        code, _, err = run(capsys, store, "delete", short)
        assert code == 1
        assert err.strip() == (
            f"newsroom: error: The id {short} is too short: give at least 4 characters of it."
        )
    assert listed(capsys, store) == [article_id]
    assert run(capsys, store, "delete", article_id[:4])[0] == 0
    assert listed(capsys, store, "--trash") == [article_id]


def test_a_prefix_of_two_articles_is_ambiguous(capsys, store, twins):
    code, _, err = run(capsys, store, "delete", "abcd")
    assert code == 1
    assert "matches more than one article" in err
    assert listed(capsys, store, "--trash") == []
    assert run(capsys, store, "delete", twins[1])[0] == 0
    assert listed(capsys, store, "--trash") == [twins[1]]


def test_the_core_refuses_the_same_prefixes(twins, newsroom):
    newsroom.articles.create({"headline": "Tin"})
    with pytest.raises(ValidationError) as short:
        newsroom.articles.resolve("ab")
    assert short.value.code == "id_too_short"
    with pytest.raises(AmbiguousIdError):
        newsroom.articles.resolve("ABCD")
    assert newsroom.articles.resolve(f" {twins[0].upper()} ") == twins[0]


@pytest.fixture
def newsroom(store: Path):
    opened = Newsroom.open(store, actor=REPORTER)
    yield opened
    opened.close()


def test_recover_wants_four_letters_of_the_kept_edit(capsys, store):
    from newsroom_desktop.core.recovery import pending_recoveries, save_recovery

    article_id = run(capsys, store, "new", "--headline", "Một")[1].strip()
    save_recovery(store, article_id, {"headline": "Bão số 5"}, 1, "The disk is full.")
    for chosen in ("", "_", article_id[:3]):
        code, _, err = run(capsys, store, "recover", "--discard", chosen)
        assert code == 1 and err.startswith("newsroom: error: "), err
    assert [p.article_id for p in pending_recoveries(store)] == [article_id]
    assert run(capsys, store, "recover", "--discard", article_id[:4])[0] == 0
    assert pending_recoveries(store) == []


def test_a_photo_of_an_article_wants_four_letters_too(capsys, store):
    article_id = run(capsys, store, "new", "--headline", "Ảnh")[1].strip()
    photo = str(DATA / "photos" / "mei_Photoshop_3.jpg")
    assert run(capsys, store, "photos", "add", article_id, photo)[0] == 0
    code, out, _ = run(capsys, store, "photos", "list", article_id, "--json")
    (use,) = json.loads(out)
    code, _, err = run(capsys, store, "photos", "set", article_id, use["id"][:2], "--caption", "X")
    assert code == 1
    assert "too short" in err
    assert run(capsys, store, "photos", "set", article_id, use["id"][:4], "--caption", "X")[0] == 0


def test_many_ids_resolve_as_each_one_does(twins, newsroom):
    other = newsroom.articles.create({"headline": "Tin"}).id
    given = [other, other[:8], twins[0], other, f" {twins[1].upper()} "]
    assert newsroom.articles.resolve_many(given) == [other, other, twins[0], other, twins[1]]
    assert newsroom.articles.resolve_many([]) == []
    # The first prefix that fails says why, as one by one.
    with pytest.raises(AmbiguousIdError):
        newsroom.articles.resolve_many([other, "abcd", "ab"])
    with pytest.raises(ValidationError):
        newsroom.articles.resolve_many([other, "ab", "abcd"])


def test_a_full_id_another_id_begins_with_is_still_ambiguous(newsroom):
    from newsroom_desktop.core.context import resolve_ids
    from newsroom_desktop.core.models import Tag

    full = str(uuid.uuid4())
    with newsroom.store.write() as session:  # ids no version of the app makes
        session.add_all([Tag(id=full, name="một"), Tag(id=full + "x", name="hai")])
    with newsroom.store.read() as session:
        with pytest.raises(AmbiguousIdError):
            resolve_ids(session, Tag.id, [full], "tag")
        assert resolve_ids(session, Tag.id, [full + "x"], "tag") == [full + "x"]
