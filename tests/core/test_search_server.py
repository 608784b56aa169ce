"""Search on the newsroom server: the folding function, its rights, and the index's upgrade."""

from __future__ import annotations

import re
import unicodedata

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.store import migrations_dir
from newsroom_desktop.core.text import fold
from tests.conftest import REPORTER
from tests.pg import PgServer

VIETNAMESE = [
    "Đảng",
    "đường",
    "ĐỒNG",
    "Nguyễn Thị Minh Khai",
    "Thừa Thiên Huế",
    "thưởng",
    "ương",
    "Ơn",
    "trường",
    "Hồ Chí Minh",
    "Bà Rịa Vũng Tàu",
    "Quảng Ngãi",
    "khuya",
    "Ỷ Lan",
    "nghiêng",
    "Đắk Lắk",
    "ỨNG DỤNG",
    "Cần Thơ",
    "phở",
    "xử lý",
    "1.000 đồng",
]


def _fold_on_server(url: str, words: list[str], function: str = "newsroom_fold") -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [
                conn.execute(text(f"SELECT {function}(:w)"), {"w": w}).scalar_one() for w in words
            ]
    finally:
        engine.dispose()


def test_the_server_folds_vietnamese_as_the_app_does(pg_database: str):
    assert _fold_on_server(pg_database, VIETNAMESE) == [fold(w) for w in VIETNAMESE]
    assert _fold_on_server(pg_database, ["Đảng", "đ"]) == ["dang", "d"]


def test_the_server_folds_decomposed_text_too(pg_database: str):
    decomposed = [unicodedata.normalize("NFD", w) for w in VIETNAMESE]
    assert decomposed != VIETNAMESE
    assert _fold_on_server(pg_database, decomposed) == [fold(w) for w in VIETNAMESE]


def test_the_server_splits_words_as_the_app_does(pg_database: str):
    # Punctuation may fold differently (unaccent turns “ and – into " and -): both are
    # separators, so the words, which is what search compares, are the same.
    sentence = "“Bà Rịa–Vũng Tàu”: 1.000 ca covid-19 (07/09/2021), tin@bao.vn… Đảng_viên!"
    words = _fold_on_server(pg_database, [sentence], "newsroom_search_words")[0].split()
    assert words == re.findall(r"[^\W_]+", fold(sentence))
    assert words[:6] == ["ba", "ria", "vung", "tau", "1", "000"]


def test_a_login_without_rights_of_its_own_can_fold(pg_server: PgServer, pg_database: str):
    admin = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    database = make_url(pg_database).database
    try:
        with admin.connect() as conn:
            conn.execute(text("DROP ROLE IF EXISTS plain_login"))
            conn.execute(text("CREATE ROLE plain_login LOGIN PASSWORD 'plain-pw'"))
            conn.execute(text(f"GRANT CONNECT ON DATABASE {database} TO plain_login"))
        url = pg_server.url(database or "", user="plain_login", password="plain-pw")
        assert _fold_on_server(url.render_as_string(hide_password=False), ["Đảng"]) == ["dang"]
    finally:
        with admin.connect() as conn:
            conn.execute(text("DROP OWNED BY plain_login"))
            conn.execute(text("DROP ROLE plain_login"))
        admin.dispose()


def _migrate(url: str, target: str, *, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(config, target)
    finally:
        engine.dispose()


def test_articles_already_on_the_server_are_found_after_the_upgrade(pg_database: str):
    # As the server's owner (its first admin): the downgrade takes the people's logins away.
    nr = Newsroom.open(pg_database)
    doc = nr.articles.create(
        {"headline": "Đại hội Đảng", "body": "Ở **Cần Thơ**.", "tags": ["Chính trị"]}
    )
    nr.close()
    _migrate(pg_database, "0001", down=True)
    _migrate(pg_database, "head")
    nr = Newsroom.open(pg_database)
    try:
        for words in ("dang", "can tho", "chinh tri", "dai ho"):
            assert [s.id for s in nr.articles.search(words)] == [doc.id], words
    finally:
        nr.close()


def test_a_long_body_of_many_distinct_words_is_saved_and_found(server_person):
    # A tsvector holds at most 1 MB: a long table of figures or codes would overflow it.
    codes = " ".join(f"mã{n}" for n in range(150_000))
    body = f"Lũ lụt ở miền Trung, Phú Quốc.\n\n{codes}"
    nr = Newsroom.open(server_person(REPORTER.name, "reporter"))
    try:
        doc = nr.articles.create({"headline": "Dài", "body": body})
        assert [s.id for s in nr.articles.search("phu quoc")] == [doc.id]
        assert [s.id for s in nr.articles.search("lu lut")] == [doc.id]
        assert [s.id for s in nr.articles.search("ma12345")] == [doc.id]
    finally:
        nr.close()
