"""Workflow fixtures: a store shared by a module's many small cases, and articles in any status."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.models import Article
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from tests import pg
from tests.conftest import REPORTER, SAMPLE_TEXT

OTHER_REPORTER = Actor("Thu Trang", "reporter")
NOTE = "Thiếu nguồn ở đoạn hai, kiểm tra lại số liệu."


def sample_paragraphs() -> list[str]:
    """Return the real sample article's prose paragraphs (page furniture left out)."""
    text = SAMPLE_TEXT.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return [p for p in paragraphs if len(p.split()) >= 12]


def article_in_status(nr: Newsroom, status: str, owner: Actor = REPORTER, **fields: object) -> str:
    """Create an article owned by ``owner`` and put it straight into ``status``; return its id."""
    acting = nr.actor
    nr.act_as(owner)
    doc = nr.articles.create({"headline": "Tăng cường sự lãnh đạo của Đảng", **fields})
    nr.act_as(acting)
    # On a server only the workflow function moves an article: the set-up writes as its owner.
    owner = getattr(nr, "owner", nr)
    with owner.store.write() as session:
        article = session.get(Article, doc.id)
        assert article is not None
        article.status = status
    return doc.id


@pytest.fixture(scope="module")
def shared_newsroom(
    tmp_path_factory: pytest.TempPathFactory, backend: str, request: pytest.FixtureRequest
) -> Iterator[Newsroom]:
    """One store for a module of small cases (opening a store costs more than a case)."""
    with contextlib.ExitStack() as stack:
        location: str | Path = tmp_path_factory.mktemp("workflow") / "newsroom.sqlite"
        if backend == "postgresql":
            server = request.getfixturevalue("pg_server")
            template = request.getfixturevalue("pg_template")
            url = stack.enter_context(pg.database(server, template))
            desks = pg.ServerDesks(url)
            stack.callback(desks.close)
            desks.act_as(REPORTER)
            yield desks  # type: ignore[misc]
            return
        nr = Newsroom.open(location, actor=REPORTER, settings=Settings())
        stack.callback(nr.close)
        yield nr
