"""The newsroom server enforces roles itself: a reporter's login speaking plain SQL is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors
from sqlalchemy.engine import make_url

from newsroom_desktop.cli import main
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import StoreError, WorkflowError
from newsroom_desktop.core.models import Article
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server_people import (
    add_person,
    audit_events,
    disable_person,
    login_name,
    set_role,
)
from tests import pg
from tests.conftest import EDITOR, REPORTER
from tests.pg import connect

OTHER = Actor("Thu Trang", "reporter")
ADMIN = Actor("Minh Anh", "editor")  # made an admin by the fixture


@pytest.fixture
def desks(pg_database: str) -> Iterator[pg.ServerDesks]:
    server = pg.ServerDesks(pg_database)
    yield server
    server.close()


def article_of(desks: pg.ServerDesks, owner: Actor, status: str = "draft") -> str:
    """Create an article as ``owner`` through the app; the owner's desk puts it in ``status``."""
    desks.act_as(owner)
    doc = desks.articles.create({"headline": "Tăng cường sự lãnh đạo của Đảng", "body": "Một."})
    with desks.owner.store.write() as session:
        article = session.get(Article, doc.id)
        assert article is not None
        article.status = status
    return doc.id


def stored(desks: pg.ServerDesks, article_id: str) -> tuple[str, str]:
    doc = desks.owner.articles.get(article_id)
    return doc.headline, doc.status


def refusals(owner_url: str, login: str) -> list[tuple[str, str]]:
    return [
        (line.action, line.code)
        for line in audit_events(owner_url, 100)
        if line.outcome == "refused" and line.login == login
    ]


def test_a_reporter_cannot_update_another_reporters_article(desks, pg_database):
    article = article_of(desks, OTHER)
    with connect(desks.url_for(REPORTER)) as conn:
        cur = conn.execute("UPDATE articles SET headline = 'Tin giả' WHERE id = %s", [article])
        assert cur.rowcount == 0
    assert stored(desks, article) == ("Tăng cường sự lãnh đạo của Đảng", "draft")
    login = make_url(desks.url_for(REPORTER)).username
    assert refusals(pg_database, login) == [("edit", "workflow_owner")]


def test_a_reporter_cannot_edit_their_own_article_once_submitted(desks, pg_database):
    article = article_of(desks, REPORTER)
    desks.workflow.apply(article, "submit")
    with connect(desks.url_for(REPORTER)) as conn:
        cur = conn.execute("UPDATE articles SET body = 'Sửa lén.' WHERE id = %s", [article])
        assert cur.rowcount == 0
        cur = conn.execute("UPDATE articles SET status = 'draft' WHERE id = %s", [article])
        assert cur.rowcount == 0
    assert stored(desks, article)[1] == "submitted"
    login = make_url(desks.url_for(REPORTER)).username
    assert refusals(pg_database, login) == [("edit", "workflow_direct"), ("edit", "workflow_state")]


def test_nobody_changes_a_status_but_the_workflow_function(desks):
    article = article_of(desks, REPORTER, "ready")
    desks.act_as(EDITOR)
    with connect(desks.url_for(EDITOR)) as conn:
        sql = "UPDATE articles SET status = 'published', published_at = now() WHERE id = %s"
        assert conn.execute(sql, [article]).rowcount == 0
    assert stored(desks, article)[1] == "ready"


@pytest.mark.parametrize(
    ("status", "action"),
    [("submitted", "approve"), ("ready", "publish"), ("submitted", "take"), ("ready", "return")],
)
def test_a_reporter_cannot_move_their_article_on_and_is_audited(desks, pg_database, status, action):
    article = article_of(desks, REPORTER, status)
    with connect(desks.url_for(REPORTER)) as conn:
        result = conn.execute(
            "SELECT newsroom_transition(%s, %s, 'Tự duyệt.')", [article, action]
        ).fetchone()
    assert result == ("!workflow_role",)
    assert stored(desks, article)[1] == status
    login = make_url(desks.url_for(REPORTER)).username
    assert refusals(pg_database, login) == [(action, "workflow_role")]
    assert desks.owner.workflow.events(article) == []


def test_a_refusal_through_the_app_is_audited_too(desks, pg_database):
    article = article_of(desks, REPORTER, "submitted")
    desks.act_as(REPORTER)
    with pytest.raises(WorkflowError, match=r"Only an editor can approve an article\."):
        desks.workflow.apply(article, "approve")
    login = make_url(desks.url_for(REPORTER)).username
    assert refusals(pg_database, login) == [("approve", "workflow_role")]


def test_a_refused_save_through_the_app_is_an_error_never_saved(desks):
    article = article_of(desks, OTHER)
    desks.act_as(REPORTER)

    # A modified client: no check of its own, straight to the store.
    def save_behind_the_apps_back() -> None:
        with desks.store.write() as session:
            row = session.get(Article, article)
            assert row is not None
            row.headline = "Tin giả"

    with pytest.raises(WorkflowError) as info:
        save_behind_the_apps_back()
    assert info.value.code == "server_refused"
    assert stored(desks, article)[0] == "Tăng cường sự lãnh đạo của Đảng"


@pytest.mark.parametrize("who", ["reporter", "admin", "owner"])
def test_revisions_cannot_be_changed_or_deleted_by_anyone(desks, pg_database, who):
    article = article_of(desks, REPORTER)
    if who == "admin":
        desks.url_for(ADMIN)
        set_role(pg_database, ADMIN.name, "admin")
    url = {"reporter": desks.url_for(REPORTER), "admin": desks.url_for(ADMIN)}.get(who, pg_database)
    with connect(url) as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE revisions SET body = 'khác' WHERE article_id = %s", [article])
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM revisions WHERE article_id = %s", [article])
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("TRUNCATE revisions CASCADE")
    assert [r.body for r in desks.owner.history.list(article)] != []


def test_a_reporter_cannot_change_people_roles_or_the_audit(desks):
    desks.url_for(OTHER)
    with connect(desks.url_for(REPORTER)) as conn:
        refused = [
            "UPDATE people SET role = 'editor' WHERE login = current_user",
            "INSERT INTO people (id, name, role, created_at) VALUES ('x', 'Ai đó', 'admin', now())",
            "DELETE FROM people",
            "INSERT INTO audit_events (id, created_at, login, person, action, from_status, "
            "to_status, outcome, code, detail) VALUES ('x', now(), '', '', 'x', '', '', "
            "'done', '', '')",
            "DELETE FROM audit_events",
            "INSERT INTO status_events (id, article_id, from_status, to_status, actor_name, "
            "actor_role, note, created_at) VALUES ('x', 'x', 'ready', 'published', '', '', '', "
            "now())",
            "CREATE ROLE tro_tay LOGIN SUPERUSER",
            "ALTER ROLE CURRENT_USER CREATEROLE",
        ]
        for sql in refused:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
        staff = conn.execute("SELECT newsroom_staff_role()").fetchone()
        assert staff is not None
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(f'GRANT "{staff[0]}" TO CURRENT_USER')
        assert conn.execute("SELECT count(*) FROM audit_events").fetchone() == (0,)
        assert conn.execute("SELECT role FROM people WHERE login = current_user").fetchone() == (
            "reporter",
        )


def test_a_reporter_writes_only_the_search_rows_of_articles_they_may_edit(desks):
    others = article_of(desks, OTHER)
    submitted = article_of(desks, REPORTER, "submitted")
    own = article_of(desks, REPORTER)
    planted = "SELECT to_tsvector('simple', 'tingia')"
    with connect(desks.url_for(REPORTER)) as conn:
        num = {
            article: conn.execute("SELECT num FROM articles WHERE id = %s", [article]).fetchone()
            for article in (others, submitted, own)
        }
        for article in (others, submitted):
            (n,) = num[article] or (0,)
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(
                    f"INSERT INTO article_search (num, document) VALUES (%s, ({planted})) "
                    "ON CONFLICT (num) DO UPDATE SET document = EXCLUDED.document",
                    [n],
                )
            sql = f"UPDATE article_search SET document = ({planted}) WHERE num = %s"
            assert conn.execute(sql, [n]).rowcount == 0
            assert conn.execute("DELETE FROM article_search WHERE num = %s", [n]).rowcount == 0
        # Not the way to the index, but allowed: a person may write the row of their own draft.
        (n,) = num[own] or (0,)
        sql = "UPDATE article_search SET document = document WHERE num = %s"
        assert conn.execute(sql, [n]).rowcount == 1
    assert desks.owner.articles.search("tingia") == []
    found = {s.id for s in desks.owner.articles.search("lanh dao dang")}
    assert {others, submitted, own} <= found


def test_a_reporter_edits_their_own_draft_and_submits_it(desks):
    article = article_of(desks, REPORTER)
    with connect(desks.url_for(REPORTER)) as conn:
        cur = conn.execute("UPDATE articles SET headline = 'Tiêu đề mới' WHERE id = %s", [article])
        assert cur.rowcount == 1
        event = conn.execute("SELECT newsroom_transition(%s, 'submit')", [article]).fetchone()
    assert event is not None and not event[0].startswith("!")
    assert stored(desks, article) == ("Tiêu đề mới", "submitted")


def test_an_editor_takes_edits_approves_and_publishes(desks, pg_database):
    article = article_of(desks, REPORTER, "submitted")
    with connect(desks.url_for(EDITOR)) as conn:
        move = "SELECT newsroom_transition(%s, %s)"
        assert not conn.execute(move, [article, "take"]).fetchone()[0].startswith("!")
        cur = conn.execute("UPDATE articles SET headline = 'Đã biên tập' WHERE id = %s", [article])
        assert cur.rowcount == 1
        for action in ("approve", "publish"):
            assert not conn.execute(move, [article, action]).fetchone()[0].startswith("!")
    assert stored(desks, article) == ("Đã biên tập", "published")
    events = desks.owner.workflow.events(article)
    assert [(e.action, e.actor) for e in events] == [
        ("take", EDITOR.name),
        ("approve", EDITOR.name),
        ("publish", EDITOR.name),
    ]
    done = [line.action for line in audit_events(pg_database) if line.outcome == "done"]
    assert done[:3] == ["publish", "approve", "take"]


def test_identity_comes_from_the_login_not_from_the_app(desks, capsys):
    url = desks.url_for(REPORTER)
    with pytest.raises(StoreError) as info:
        Newsroom.open(url, actor=EDITOR)
    assert info.value.code == "identity_from_server"
    desks.act_as(REPORTER)
    assert desks.actor == REPORTER
    with pytest.raises(StoreError, match="signed in as"):
        desks._current.act_as(EDITOR)
    assert main(["--store", url, "--as", EDITOR.name, "--role", "editor", "list"]) == 1
    assert "--as and --role do not apply on a newsroom server" in capsys.readouterr().err
    assert main(["--store", url, "--role", "editor", "list"]) == 1


def test_a_login_that_is_no_person_is_refused(desks, pg_database):
    with connect(pg_database) as conn:
        staff = conn.execute("SELECT newsroom_staff_role()").fetchone()[0]
        conn.execute(f"CREATE ROLE \"khach.{make_url(pg_database).database}\" LOGIN "
                     f"PASSWORD 'mat-khau-khach' IN ROLE \"{staff}\"")  # fmt: skip
    url = make_url(pg_database).set(
        username=f"khach.{make_url(pg_database).database}", password="mat-khau-khach"
    )
    with pytest.raises(StoreError) as info:
        Newsroom.open(url.render_as_string(hide_password=False))
    assert info.value.code == "server_no_person"


def test_set_role_takes_effect_and_disable_person_stops_sign_in(desks, pg_database):
    article = article_of(desks, OTHER, "submitted")
    url = desks.url_for(REPORTER)
    with connect(url) as conn:
        move = "SELECT newsroom_transition(%s, 'approve')"
        assert conn.execute(move, [article]).fetchone() == ("!workflow_role",)
        set_role(pg_database, REPORTER.name, "editor")
        assert not conn.execute(move, [article]).fetchone()[0].startswith("!")
    disable_person(pg_database, REPORTER.name)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        connect(url)
    assert desks.owner.articles.get(article_of(desks, OTHER)).owner == OTHER.name


def test_two_newsrooms_on_one_cluster_keep_their_people_apart(pg_server, pg_template):
    with (
        pg.database(pg_server, pg_template) as first,
        pg.database(pg_server, pg_template) as second,
    ):
        one = add_person(first, REPORTER.name, "reporter")
        two = add_person(second, REPORTER.name, "reporter")
        assert one.person.login != two.person.login
        wrong = make_url(second).set(username=one.person.login, password=one.password)
        with pytest.raises(StoreError):
            Newsroom.open(wrong.render_as_string(hide_password=False))


def test_logins_are_folded_names_with_the_database_and_fit_postgresql():
    assert login_name("Ngọc Hậu", "news", set()) == "ngoc_hau.news"
    assert login_name("Ngọc Hậu", "news", {"ngoc_hau.news"}) == "ngoc_hau_2.news"
    assert login_name("Đặng Đức", "news", set()) == "dang_duc.news"
    long = login_name("Nguyễn " * 20, "d" * 60, set())
    assert len(long.encode()) <= 63 and "." in long


def test_people_commands_from_the_command_line(pg_database, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("server", "add-person", "Ngọc Hậu", "--role", "reporter", pg_database)
    assert code == 0
    login = out.split("login: ")[1].split()[0]
    password = out.split("shown only now; hand it over safely): ")[1].strip()
    assert out.count(password) == 1
    url = make_url(pg_database).set(username=login, password=password)
    signed_in = url.render_as_string(hide_password=False)
    assert run("--store", signed_in, "new", "--headline", "Bài của Hậu")[0] == 0
    code, _, err = run("server", "add-person", "Ngọc Hậu", pg_database)
    assert code == 1 and "signs in already" in err
    code, _, err = run("server", "add-person", "Ai đó", signed_in)
    assert code == 1 and "Only the newsroom server's owner" in err
    code, _, err = run("server", "audit", signed_in)
    assert code == 1 and "Only an admin" in err
    assert run("server", "set-role", "Ngọc Hậu", "editor", pg_database)[1].strip() == (
        f"Ngọc Hậu ({login}) is now editor."
    )
    code, out, _ = run("server", "disable-person", "Ngọc Hậu", pg_database)
    assert code == 0 and "can no longer sign in; their articles stay" in out
    code, _, err = run("--store", signed_in, "list")
    assert code == 1 and "not permitted to log in" in err
    code, out, _ = run("server", "audit", pg_database, "--limit", "3")
    lines = out.splitlines()
    assert len(lines) == 3
    assert "disable-person" in lines[0] and "set-role" in lines[1] and "add-person" in lines[2]


def test_the_audit_shows_changes_and_refusals(desks, pg_database, capsys):
    article = article_of(desks, REPORTER)
    desks.workflow.apply(article, "submit")
    with pytest.raises(WorkflowError):
        desks.workflow.apply(article, "publish")
    capsys.readouterr()
    assert main(["server", "audit", pg_database]) == 0
    out = capsys.readouterr().out
    assert f"done    {REPORTER.name}  submit {article[:8]} draft → submitted" in out
    assert f"refused {REPORTER.name}  publish {article[:8]} submitted → published" in out


def test_an_owner_who_is_no_superuser_runs_a_newsroom(pg_server):
    """The README's set-up: a login that may create roles owns an empty database and inits it."""
    from newsroom_desktop.core.server import init_server

    name = f"boss_{uuid.uuid4().hex[:8]}"
    with connect(pg_server.url().render_as_string(hide_password=False)) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN CREATEROLE PASSWORD 'mat-khau-chu'")
        conn.execute(f"CREATE DATABASE {name} OWNER {name} TEMPLATE template0")
    owner_url = pg_server.url(name, user=name, password="mat-khau-chu")
    url = owner_url.render_as_string(hide_password=False)
    init_server(url)
    reporter = pg.person_url(url, REPORTER.name, "reporter")
    nr = Newsroom.open(reporter)
    try:
        doc = nr.articles.create({"headline": "Bài trên máy chủ"})
        nr.workflow.apply(doc.id, "submit")
        with pytest.raises(WorkflowError):
            nr.workflow.apply(doc.id, "publish")
    finally:
        nr.close()
    assert [(a.action, a.outcome) for a in audit_events(url)][:2] == [
        ("publish", "refused"),
        ("submit", "done"),
    ]
