"""Issue 11, as reported: export and import in the window, the CLI beside it, then type and quit.

The window lost typed text while it said "Saved": its export and import dialogs opened the
store a second time, which dropped the process's SQLite locks, and a `newsroom` command run
meanwhile deleted the -wal the window still wrote into. Here the real window (its own process,
offscreen) goes through the real dialogs while the real CLI writes in other processes.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA
from tests.faults.window_process import WindowProcess

CLI_MAIN = "import sys; from newsroom_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
TYPED = [" Mưa lớn ở Cần Thơ.", " Đường Ninh Kiều ngập sâu.", " Người dân đẩy xe qua nước."]


def newsroom_cli(store: Path, *argv: str) -> str:
    """Run the real ``newsroom`` command in another process; return what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", CLI_MAIN, "--store", str(store), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, f"newsroom {' '.join(argv)}: {done.stderr}"
    return done.stdout


def stored_article(store: Path, article_id: str) -> dict[str, Any]:
    """Return an article as a fresh `newsroom show` process reads it."""
    return json.loads(newsroom_cli(store, "show", article_id, "--json"))


def stored_headlines(store: Path) -> set[str]:
    rows = json.loads(newsroom_cli(store, "list", "--json", "--limit", "1000"))
    return {row["headline"] for row in rows}


def integrity(store: Path) -> str:
    conn = sqlite3.connect(store)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_export_import_then_the_cli_beside_the_window_loses_nothing(tmp_path: Path):
    store = tmp_path / "r" / "s.sqlite"
    newsroom_cli(store, "new", "--headline", "Bài có sẵn")
    window = WindowProcess(store, tmp_path / "window-stderr.txt")
    try:
        exported = window.do("export", folder=str(tmp_path / "out"))
        assert "Exported 1 article" in exported["summary"]
        assert any((tmp_path / "out").iterdir())
        imported = window.do("import", file=str(DATA / "imports" / "text" / "nhandan.txt"))
        assert "Imported 1 article" in imported["summary"]
        (imported_headline,) = set(imported["list"]) - set(exported["list"])
        saves, from_cli = [], []
        for n, text in enumerate(TYPED, start=1):
            from_cli.append(f"Từ dòng lệnh {n}")
            newsroom_cli(store, "new", "--headline", from_cli[-1])
            saves.append(window.do("type", text=text))
        seen = window.do("expect", headlines=from_cli, timeout=15)
        window.do("quit")
        assert window.proc.wait(30) == 0
    finally:
        window.close()
    # Every save the window reported is in the file, read by a new process as the next start.
    doc = stored_article(store, window.article_id)
    for text, save in zip(TYPED, saves, strict=True):
        assert text.strip() in save["body"]
        assert text.strip() in doc["body"], f"reported saved, then lost: {text!r}"
    assert doc["body"] == saves[-1]["body"]
    assert {"Bài có sẵn", imported_headline, *from_cli} <= stored_headlines(store)
    assert integrity(store) == "ok"
    # Every article the CLI made reached the window's list while it was open.
    assert not seen["missing"], f"the window never listed {seen['missing']}"
