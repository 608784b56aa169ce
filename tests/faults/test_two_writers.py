"""Two windows, or a window and the CLI, on one store: no lost update; 8 writers lose nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main as cli
from newsroom_desktop.core.errors import ConflictError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.packing import register_functions
from newsroom_desktop.core.settings import Settings
from tests.conftest import EDITOR, REPORTER
from tests.faults.conftest import integrity

WRITER = Path(__file__).with_name("writer.py")
WRITERS = 8
SECONDS = float(os.environ.get("NEWSROOM_WRITERS_SECONDS", "10"))
ROUNDS = 20


def _revision_bodies(nr: Newsroom, article_id: str) -> dict[str, str]:
    return {r.body: r.reason for r in nr.history.list(article_id)}


def test_stale_saves_from_two_newsrooms_are_refused_kept_and_resolved(store_path: Path):
    first = Newsroom.open(store_path, actor=REPORTER)
    second = Newsroom.open(store_path, actor=REPORTER)
    produced = resolved = 0
    try:
        doc = first.articles.create({"headline": "Hai cửa sổ", "body": "Bản đầu.\n"})
        for n in range(ROUNDS):
            winner, loser = (first, second) if n % 2 == 0 else (second, first)
            base = loser.articles.get(doc.id)  # the loser opened the article...
            winner.articles.save(doc.id, {"body": f"{base.body}Thắng vòng {n}.\n"},
                                 expected_version=base.version, reason="autosave")  # fmt: skip
            mine = f"{base.body}Thua vòng {n}.\n"  # ...and typed this meanwhile
            with pytest.raises(ConflictError) as err:
                loser.articles.save(doc.id, {"body": mine}, expected_version=base.version)
            produced += 1
            assert err.value.expected_version == base.version
            assert err.value.current_version == base.version + 1
            stored = loser.articles.get(doc.id)
            assert stored.body.endswith(f"Thắng vòng {n}.\n")  # the newer text was not overwritten
            assert _revision_bodies(loser, doc.id).get(mine) == "conflict"  # nor was mine lost
            # Resolving: the loser keeps both, saved over the version it has now seen.
            merged = f"{stored.body}Thua vòng {n}.\n"
            loser.articles.save(doc.id, {"body": merged}, expected_version=stored.version)
            resolved += 1
        final = first.articles.get(doc.id).body
        for n in range(ROUNDS):
            assert f"Thắng vòng {n}." in final and f"Thua vòng {n}." in final
    finally:
        first.close()
        second.close()
    assert integrity(store_path) == "ok"
    print(f"\ntwo newsrooms: {produced} conflicts produced, {resolved} resolved, nothing lost")
    assert produced == resolved == ROUNDS


def test_window_and_cli_on_one_article(qtbot, store_path: Path):
    from PySide6.QtGui import QTextCursor

    from newsroom_desktop.ui.main_window import MainWindow
    from tests.ui.typing import type_text

    nr = Newsroom.open(store_path, actor=REPORTER)
    window = MainWindow(nr, Settings(profile_name=REPORTER.name, autosave_seconds=0.3))
    problems: list[str] = []
    window.show_problem = lambda title, message: problems.append(title)  # type: ignore[method-assign]
    qtbot.addWidget(window)
    try:
        window.new_article()
        article_id = window.session.doc.id
        body = window.editor.body
        body.setFocus()
        type_text(body, "Cửa sổ viết trước")
        window.session.flush()
        # Meanwhile the CLI, another program, changes the same article.
        cli_body = store_path.parent / "cli.md"
        cli_body.write_text("Dòng lệnh sửa bài.\n", encoding="utf-8")
        argv = ["--store", str(store_path), "--as", REPORTER.name, "edit", article_id]
        assert cli([*argv, "--body-file", str(cli_body)]) == 0
        body.moveCursor(QTextCursor.MoveOperation.End)
        type_text(body, " rồi viết tiếp")
        qtbot.waitUntil(lambda: window.save_label.text() == "Changed elsewhere", timeout=5000)
        assert problems == ["Changed elsewhere"]
        stored = nr.articles.get(article_id)
        assert stored.body == "Dòng lệnh sửa bài.\n"  # the CLI's newer save was not overwritten
        kept = _revision_bodies(nr, article_id)
        assert kept.get("Cửa sổ viết trước rồi viết tiếp\n") == "conflict"  # the window's text kept
        # The user resolves by saving again: their version wins, the CLI's stays a revision.
        window.session.save("save")
        window.session.saver.flush()
        assert nr.articles.get(article_id).body == "Cửa sổ viết trước rồi viết tiếp\n"
        assert _revision_bodies(nr, article_id).get("Dòng lệnh sửa bài.\n") == "edit"
    finally:
        window.session.saver.flush()
        window.close()
        nr.close()
    print("\nwindow and CLI: 1 conflict produced, 1 resolved, both texts kept as revisions")


def _read_logs(folder: Path) -> list[list[str]]:
    lines = []
    for log in sorted(folder.glob("writer-*.log")):
        lines += [line.split(" ", 4) for line in log.read_text(encoding="utf-8").splitlines()]
    return lines


def _store_texts(store: Path) -> tuple[dict[str, str], str]:
    conn = sqlite3.connect(store)
    register_functions(conn)  # revision texts are read plain through the view revision_texts
    try:
        # Only what the writers wrote: their bodies start with "Đoạn viết bởi".
        heads = dict(conn.execute("SELECT id, headline FROM articles WHERE headline LIKE 'Bài w%'"))
        mine = "body LIKE 'Đoạn viết bởi %'"
        bodies = "\n".join(b for (b,) in conn.execute(f"SELECT body FROM articles WHERE {mine}"))
        revised = conn.execute(f"SELECT body FROM revision_texts WHERE {mine}")
        bodies += "\n".join(b for (b,) in revised)
    finally:
        conn.close()
    return heads, bodies


def check_writers(store: Path, folder: Path) -> dict[str, int]:
    """Every write a writer believed committed is in the store; every failure was reported."""
    assert integrity(store) == "ok"
    heads, texts = _store_texts(store)
    counts = {"tried": 0, "committed": 0, "failed": 0}
    pending: dict[str, str] = {}
    for parts in _read_logs(folder):
        kind, op, token = parts[0], parts[1], parts[2]
        if kind == "try":
            counts["tried"] += 1
            pending[token] = op
            continue
        del pending[token]
        if kind == "ok":
            counts["committed"] += 1
            if op == "new":
                assert heads.get(parts[3]) == f"Bài {token}", f"new article {token} lost"
            assert f"Đoạn viết bởi {token}:" in texts, f"{op} {token} reported saved but lost"
        else:
            counts["failed"] += 1
            code, message = parts[3], parts[4]
            assert code == "1" and message.startswith("newsroom: error: "), parts
            assert " | " not in message, f"not one clear line: {message}"
            assert f"Đoạn viết bởi {token}:" not in texts, f"{token} failed yet was stored"
    assert not pending, f"writes with no outcome: {pending}"
    return counts


def run_writers(
    store: Path, folder: Path, seconds: float, writers: int = WRITERS
) -> dict[str, int]:
    nr = Newsroom.open(store, actor=EDITOR)
    shared = nr.articles.create({"headline": "Bài chung", "body": "Mở đầu.\n"}).id
    nr.close()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                str(store),
                str(folder / f"writer-{n}.log"),
                str(n),
                str(seconds),
                shared,
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=seconds + 120)
        assert proc.returncode == 0, err[-2000:]
    return check_writers(store, folder)


@pytest.mark.slow
@pytest.mark.timeout(SECONDS + 300)
def test_eight_concurrent_cli_writers_lose_nothing(tmp_path: Path):
    start = time.monotonic()
    counts = run_writers(tmp_path / "store" / "newsroom.sqlite", tmp_path, SECONDS)
    elapsed = time.monotonic() - start
    print(
        f"\n{WRITERS} writers for {SECONDS:.0f} s: {counts['tried']} writes tried, "
        f"{counts['committed']} committed and found, {counts['failed']} reported failed "
        f"({counts['committed'] / elapsed:.1f} commits/s)"
    )
    assert counts["committed"] > WRITERS
