"""The workflow commands: status, history, diff and note, run as the real `newsroom` command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from newsroom_desktop.core.documents import Actor
from tests import pg
from tests.workflow.conftest import sample_paragraphs

REPORTER_ARGS = ["--as", "Ngọc Hậu", "--role", "reporter"]
EDITOR_ARGS = ["--as", "Phương Nam", "--role", "editor"]

# The same commands on a store file and on the test server (its URL as --store).
pytestmark = pytest.mark.backends("sqlite", "postgresql")


class Cli:
    """Runs `newsroom` on one temp store and returns (exit code, stdout, stderr)."""

    def __init__(self, store: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
        self.store = store
        self.capsys = capsys
        self.desks = pg.ServerDesks(store) if isinstance(store, str) else None

    def _signed_in(self, args: tuple[str, ...]) -> list[str]:
        """On a server, --as NAME [--role R] becomes that person's own login (the server
        refuses --as): the same commands then run as the same people on both backends."""
        if self.desks is None or args[:1] != ("--as",):
            return ["--store", str(self.store), *args]
        name, rest = args[1], args[2:]
        role = "reporter"
        if rest[:1] == ("--role",):
            role, rest = rest[1], rest[2:]
        return ["--store", self.desks.url_for(Actor(name, role)), *rest]

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(self._signed_in(args))
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert code == 0, err
        return out


@pytest.fixture
def cli(store_location: Path | str, capsys: pytest.CaptureFixture[str]) -> Iterator[Cli]:
    runner = Cli(store_location, capsys)
    yield runner
    if runner.desks is not None:
        runner.desks.close()


@pytest.fixture
def article(cli: Cli, tmp_path: Path) -> str:
    body = tmp_path / "body.md"
    body.write_text("\n\n".join(sample_paragraphs()[1:4]), encoding="utf-8")
    out = cli.ok(*REPORTER_ARGS, "new", "--headline", "Tăng cường sự lãnh đạo của Đảng",
                 "--body-file", str(body))  # fmt: skip
    return out.strip()


def test_a_review_from_the_command_line(cli: Cli, article: str):
    assert cli.ok(*REPORTER_ARGS, "status", article[:8], "submit").strip() == (
        f"{article[:8]}  draft → submitted"
    )
    cli.ok(*EDITOR_ARGS, "status", article, "take")
    cli.ok(*EDITOR_ARGS, "status", article, "return", "--note", "Thêm nguồn tin.")
    cli.ok(*REPORTER_ARGS, "status", article, "submit")
    cli.ok(*EDITOR_ARGS, "status", article, "approve")
    assert "ready → published" in cli.ok(*EDITOR_ARGS, "status", article, "publish")
    shown = json.loads(cli.ok("status", article, "--json"))
    assert shown["status"] == "published"
    assert [e["action"] for e in shown["events"]] == [
        "submit", "take", "return", "submit", "approve", "publish",
    ]  # fmt: skip
    assert shown["events"][2]["note"] == "Thêm nguồn tin."
    assert shown["events"][2]["actor"] == "Phương Nam"
    text = cli.ok(*EDITOR_ARGS, "status", article)
    assert "You (Phương Nam, editor) can: spike" in text
    assert "“Thêm nguồn tin.”" in text


def test_refusals_exit_1_with_one_line(cli: Cli, article: str):
    code, out, err = cli(*REPORTER_ARGS, "status", article, "approve")
    assert (code, out) == (1, "")
    assert err == "newsroom: error: Only an editor can approve an article.\n"
    code, _, err = cli(*EDITOR_ARGS, "status", article, "publish")
    assert code == 1
    assert err == "newsroom: error: A draft cannot be published; it must be approved first.\n"
    code, _, err = cli(*EDITOR_ARGS, "status", article, "return")
    assert code == 1
    assert "A draft cannot be returned to draft" in err
    code, _, err = cli("--as", "Thu Trang", "status", article, "submit")
    assert (code, err) == (1, "newsroom: error: A reporter can submit only their own articles.\n")
    with pytest.raises(SystemExit) as usage:
        cli("status", article, "kill")
    assert usage.value.code == 2


def test_history_lists_shows_and_restores(cli: Cli, article: str, tmp_path: Path):
    cli.ok(*REPORTER_ARGS, "edit", article, "--headline", "Tiêu đề mới")
    history = json.loads(cli.ok("history", article, "--json"))
    assert [(r["number"], r["reason"], r["author"]) for r in history] == [
        (2, "edit", "Ngọc Hậu"),
        (1, "create", "Ngọc Hậu"),
    ]
    lines = cli.ok("history", article).splitlines()
    assert len(lines) == 2
    assert "edit" in lines[0]
    assert "Ngọc Hậu" in lines[0]
    first = json.loads(cli.ok("history", article, "1", "--json"))
    assert first["headline"] == "Tăng cường sự lãnh đạo của Đảng"
    assert "Tăng cường sự lãnh đạo của Đảng" in cli.ok("history", article, history[1]["id"][:8])
    assert "restored as revision 3" in cli.ok(*REPORTER_ARGS, "history", article, "--restore", "1")
    again = cli.ok(*REPORTER_ARGS, "history", article, "--restore", "3")
    assert "revision 3 is the current text already" in again
    shown = json.loads(cli.ok("show", article, "--json"))
    assert shown["headline"] == "Tăng cường sự lãnh đạo của Đảng"


def test_diff_marks_words_and_counts_them(cli: Cli, article: str):
    cli.ok(*REPORTER_ARGS, "status", article, "submit")
    cli.ok(*EDITOR_ARGS, "edit", article, "--headline", "Tăng cường sự lãnh đạo của Đẳng")
    out = cli.ok("diff", article)
    assert out.startswith("Comparing revision 2 (submit, Ngọc Hậu,")
    assert "with the current text" in out.splitlines()[0]
    assert "== Headline ==\nTăng cường sự lãnh đạo của [-Đảng-]{+Đẳng+}" in out
    assert out.rstrip().endswith("+1 words, -1 words")
    data = json.loads(cli.ok("diff", article, "1", "3", "--json"))
    assert (data["old"]["number"], data["new"]["number"]) == (1, 3)
    headline = data["fields"][0]
    assert headline["field"] == "headline"
    assert [op["kind"] for op in headline["ops"]] == ["equal", "delete", "insert"]
    assert "No changes." in cli.ok("diff", article, "1", "2")
    code, _, err = cli("diff", article, "1", "2", "3")
    assert (code, err) == (1, "newsroom: error: Give at most two revisions to compare.\n")
    code, _, err = cli("diff", article, "9")
    assert (code, err) == (1, "newsroom: error: The article has no revision 9.\n")


def test_notes_add_list_resolve(cli: Cli, article: str):
    anchor = ["--field", "body", "--passage", "Trung tướng"]
    note = json.loads(
        cli.ok(*EDITOR_ARGS, "note", article, "Kiểm tra chức danh.", *anchor, "--json")
    )
    assert (note["author"], note["anchor_field"], note["anchor_text"]) == (
        "Phương Nam",
        "body",
        "Trung tướng",
    )
    cli.ok(*REPORTER_ARGS, "note", article, "Đã sửa.")
    listed = cli.ok("note", article, "--list").splitlines()
    assert len(listed) == 2
    assert "Phương Nam: [body: “Trung tướng”] Kiểm tra chức danh." in listed[0]
    resolved = cli.ok(*REPORTER_ARGS, "note", article, "--resolve", note["id"][:8])
    assert resolved.startswith("✓")
    assert len(cli.ok("note", article, "--list").splitlines()) == 1
    assert len(cli.ok("note", article, "--all").splitlines()) == 2
    assert cli.ok("note", article, "--reopen", note["id"]).startswith("•")
    code, _, err = cli("note", article)
    assert code == 1
    assert "Give the note's text" in err
    other = cli.ok(*REPORTER_ARGS, "new", "--headline", "Bài khác").strip()
    code, _, err = cli("note", other, "--resolve", note["id"])
    assert (code, err) == (
        1,
        f"newsroom: error: The note {note['id']} belongs to another article.\n",
    )
