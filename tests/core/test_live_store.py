"""Nothing lost while the store is open: only SQLite touches the live store, one open a process.

The bug these tests pin down: a second open (and close) of the store inside one process read
the file's header with a plain open()/close(), which dropped every SQLite lock the process held
(POSIX locks are per process and file). Another program then deleted the -wal the app still
wrote into, and every later save, each reported as done, was gone.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom_desktop.cli import main as cli
from newsroom_desktop.core import live_files
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.store import Store
from tests.conftest import DATA, REPORTER, SAMPLE_TEXT

CLI_MAIN = "import sys; from newsroom_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def newsroom_cli(store: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``newsroom`` command in another process."""
    return subprocess.run(
        [sys.executable, "-c", CLI_MAIN, "--store", str(store), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def stored_bodies(store: Path) -> dict[str, str]:
    """Read every article's headline and body in a fresh process, as a user's next start would."""
    result = newsroom_cli(store, "list", "--json", "--limit", "1000")
    assert result.returncode == 0, result.stderr
    bodies = {}
    for row in json.loads(result.stdout):
        shown = newsroom_cli(store, "show", row["id"], "--json")
        assert shown.returncode == 0, shown.stderr
        doc = json.loads(shown.stdout)
        bodies[doc["headline"]] = doc["body"]
    return bodies


def test_a_second_open_and_close_in_one_process_keeps_every_later_save(store_path: Path):
    first = Newsroom.open(store_path, actor=REPORTER)
    doc = first.articles.create({"headline": "Bài đang viết", "body": "Đoạn một.\n"})
    first.articles.save(doc.id, {"body": "Đoạn một.\n\nĐoạn hai.\n"}, reason="save")
    Newsroom.open(store_path, actor=REPORTER).close()  # a dialog's own open, as before the fix
    body = "Đoạn một.\n\nĐoạn hai.\n"
    for n in range(3, 7):
        other = newsroom_cli(store_path, "new", "--headline", f"Từ dòng lệnh {n}")
        assert other.returncode == 0, other.stderr
        body += f"\nĐoạn {n}.\n"
        saved = first.articles.save(doc.id, {"body": body}, reason="save")
        assert saved.article.body == body
        # The other program's article reaches this process's list while it stays open.
        assert f"Từ dòng lệnh {n}" in [s.headline for s in first.articles.list()]
    third = Newsroom.open(store_path, actor=REPORTER)  # "disk I/O error" before the fix
    assert third.articles.get(doc.id).body == body
    third.close()
    first.close()
    bodies = stored_bodies(store_path)
    assert bodies["Bài đang viết"] == body
    assert {f"Từ dòng lệnh {n}" for n in range(3, 7)} <= bodies.keys()
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_one_open_store_per_process_shared_until_the_last_holder_closes(store_path: Path):
    first = Store.open(store_path)
    second = Store.open(Path(os.path.relpath(store_path)))  # the same file by another name
    assert second.engine is first.engine
    read_only = Store.open(store_path, read_only=True)
    assert read_only.engine is first.engine and read_only.read_only
    first.close()
    second.close()
    assert live_files.is_live(store_path)
    read_only.close()
    assert not live_files.is_live(store_path)
    again = Store.open(store_path)
    assert again.engine is not first.engine
    again.close()


def test_plain_file_calls_on_the_live_store_are_refused_and_recorded(
    store_path: Path, tmp_path: Path, live_store_incidents: Callable[[], list[str]]
):
    nr = Newsroom.open(store_path, actor=REPORTER)
    nr.articles.create({"headline": "Giữ khóa"})
    wal = store_path.with_name(store_path.name + "-wal")
    attempts: list[Callable[[], object]] = [
        store_path.read_bytes,
        lambda: shutil.copyfile(store_path, tmp_path / "copy.sqlite"),
        wal.unlink,
        lambda: os.replace(tmp_path / "other", store_path),  # noqa: PTH105 - the os call itself
        lambda: open(store_path.with_name(store_path.name + "-shm"), "rb"),  # noqa: PTH123, SIM115
    ]
    (tmp_path / "other").write_bytes(b"x")
    for attempt in attempts:
        with pytest.raises(PermissionError, match="live Newsroom store"):
            attempt()
    assert len(live_store_incidents()) == len(attempts)
    assert wal.exists()
    assert [s.headline for s in nr.articles.list()] == ["Giữ khóa"]
    nr.close()
    assert store_path.read_bytes()[:16] == b"SQLite format 3\x00"  # closed: a file like any


def test_every_command_run_beside_an_open_window_leaves_the_store_to_sqlite(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """The window holds the store; the CLI's commands run in the same process meanwhile."""
    window = Newsroom.open(store_path, actor=REPORTER)
    doc = window.articles.create({"headline": "Cửa sổ mở", "body": "Chữ đã gõ.\n"})
    store = str(store_path)
    out = tmp_path / "out"
    commands = [
        ["new", "--headline", "Bài mới"],
        ["list"],
        ["search", "cua so"],
        ["show", doc.id[:8]],
        ["import", str(SAMPLE_TEXT)],
        ["photos", "add", doc.id[:8], str(DATA / "photos" / "mei_Photoshop_3.jpg")],
        *[
            ["export", doc.id[:8], "--format", name, "--out", str(out / name)]
            for name in ("html", "fragment", "md", "txt", "newsml", "nitf", "ninjs", "docx")
        ],
        ["export", doc.id[:8], "--format", "pdf", "--out", str(out / "pdf")],
        ["export", doc.id[:8], "--format", "package", "--out", str(out / "package")],
        ["backup"],
        ["backups"],
        ["check"],
        ["recover"],
    ]
    for argv in commands:
        code = cli(["--store", store, "--as", REPORTER.name, "--role", "reporter", *argv])
        _out, err = capsys.readouterr()
        assert code == 0, (argv, err)
        saved = window.articles.save(doc.id, {"body": f"Chữ đã gõ.\n\n{argv[0]}\n"})
        assert saved.article.body.endswith(f"{argv[0]}\n")
    headlines = {s.headline for s in window.articles.list()}
    assert {"Cửa sổ mở", "Bài mới"} <= headlines
    window.close()
    assert stored_bodies(store_path)["Cửa sổ mở"] == "Chữ đã gõ.\n\nrecover\n"


def test_restore_waits_for_the_process_to_let_go_of_the_store(store_path: Path):
    """A restore inside the app runs with no connection of the process open on the file."""
    from newsroom_desktop.core.backups import make_backup, restore_backup
    from newsroom_desktop.core.safety_records import MANUAL

    nr = Newsroom.open(store_path, actor=REPORTER)
    nr.articles.create({"headline": "Trước"})
    backup = make_backup(nr.store, MANUAL)
    nr.articles.create({"headline": "Sau"})
    with nr.store.exclusive():
        assert not live_files.is_live(store_path)
        with nr.store.exclusive():  # nested (a facade call inside the window's block)
            restore_backup(nr.store.location, backup.path)
        assert not live_files.is_live(store_path)
    assert live_files.is_live(store_path)
    assert [s.headline for s in nr.articles.list()] == ["Trước"]
    nr.close()
    assert not live_files.is_live(store_path)
