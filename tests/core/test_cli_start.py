"""The `newsroom` command's start: each command imports only its module, and `list` reads a
store file through sqlite3 alone with the same answers as the core's list."""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from newsroom_desktop.cli.main import COMMANDS, build_parser, command_modules, command_word
from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.file_list import list_file
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import EDITOR, REPORTER

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from newsroom_desktop.cli import main; sys.exit(main())"


def _subcommands(parser) -> set[str]:
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            return set(action.choices)
    return set()


def test_the_command_table_names_what_each_module_registers():
    every = _subcommands(build_parser())
    assert every == {c for commands in COMMANDS.values() for c in commands}
    for module, commands in COMMANDS.items():
        assert command_modules(commands[0]) == [module]
        assert _subcommands(build_parser(commands[0])) == set(commands)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["--version"], "--version"),
        (["--store", "list", "show", "x"], "show"),
        (["--as", "Lan", "--role", "editor", "list"], "list"),
        (["--store=s.sqlite", "photos", "list", "x"], "photos"),
        (["-h"], None),
        ([], None),
    ],
)
def test_the_command_word_skips_global_options(argv, word):
    assert command_word(argv) == word


def test_an_unknown_command_still_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "empty-trash" in capsys.readouterr().err


def _imports_of(*argv: str, env_store: Path | None = None) -> set[str]:
    code = (
        "import sys, contextlib, io\n"
        "from newsroom_desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({list(argv)!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(result.stdout.split())


def test_version_and_list_import_neither_sqlalchemy_nor_the_formats(tmp_path):
    store = tmp_path / "s.sqlite"
    Newsroom.open(store, actor=REPORTER).close()
    heavy = {"sqlalchemy", "PIL", "markdown_it", "alembic", "PySide6", "lxml"}
    version = _imports_of("--version")
    assert not heavy & version
    assert "newsroom_desktop.core.documents" not in version  # its records: 15 ms of 45
    assert not heavy & _imports_of("--store", str(store), "list")
    # A store not made yet is created the usual way, through the core.
    assert "sqlalchemy" in _imports_of("--store", str(tmp_path / "new.sqlite"), "list")


# What an export or a photos add has no use for: sync, proofing, tracked changes, PostgreSQL.
UNUSED_BY_EXPORT_AND_ADD = frozenset(
    {
        "newsroom_desktop.core.sync",
        "newsroom_desktop.core.proofing.service",
        "newsroom_desktop.core.proofing.house_sync",
        "newsroom_desktop.core.tracked",
        "newsroom_desktop.core.accepts",
        "newsroom_desktop.core.diff",
        "sqlalchemy.dialects.postgresql",
        "alembic",
        "PySide6",
    }
)
PHOTO = ROOT / "tests" / "data" / "photos" / "mei_Photoshop_3.jpg"


def test_export_and_photos_add_import_only_what_they_use(tmp_path):
    store = tmp_path / "s.sqlite"
    nr = Newsroom.open(store, actor=REPORTER)
    article = nr.articles.create({"headline": "Ảnh hội nghị", "body": "Một hai ba."}).id
    nr.close()
    out = tmp_path / "out"
    export = _imports_of("--store", str(store), "export", article, "--format", "html",
                         "--out", str(out))  # fmt: skip
    assert [p.suffix for p in out.iterdir() if p.is_file()].count(".html") == 1
    assert not UNUSED_BY_EXPORT_AND_ADD & export
    add = ["--store", str(store), "--as", REPORTER.name, "photos", "add", article, str(PHOTO)]
    assert not UNUSED_BY_EXPORT_AND_ADD & _imports_of(*add)
    nr = Newsroom.open(store, actor=REPORTER)
    try:
        assert [p.original_filename for p in nr.articles.get(article).photos] == [PHOTO.name]
        # The services a command did not need are still there when asked for.
        assert not nr.sync.status().joined
    finally:
        nr.close()


def test_the_facade_still_names_the_service_types_it_imports_late():
    from newsroom_desktop.core import newsroom, photo_library, photo_service, watch

    assert newsroom.PhotoService is photo_service.PhotoService
    assert newsroom.PhotoLibrary is photo_library.PhotoLibrary
    assert newsroom.StoreWatcher is watch.StoreWatcher
    assert all(getattr(newsroom, name) is not None for name in newsroom.__all__)
    with pytest.raises(AttributeError, match="no attribute 'SyncService'"):
        _ = newsroom.SyncService


def test_a_command_run_in_a_program_leaves_its_collector_as_it_was(tmp_path):
    store = tmp_path / "s.sqlite"
    Newsroom.open(store, actor=REPORTER).close()
    # --as opens the store through the core: start-up objects are frozen, then given back.
    assert main(["--store", str(store), "--as", REPORTER.name, "list"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.disable()
    try:
        assert main(["--store", str(store), "--as", REPORTER.name, "list"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("command", ["add", "import-folder"])
def test_the_batch_begun_early_is_the_one_the_store_joins(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    Newsroom.open(Path("s.sqlite"), actor=REPORTER).close()
    (tmp_path / "card").mkdir()
    photo = shutil.copy(PHOTO, tmp_path / "card" / PHOTO.name)
    given = ["x", str(photo)] if command == "add" else [str(tmp_path / "card")]
    args = build_parser("photos").parse_args(["--store", "s.sqlite", "photos", command, *given])
    started = args.start_early(args)  # read without the core: the same folders as the store's
    nr = Newsroom.open(Path("s.sqlite"), actor=REPORTER)
    try:
        location = nr.store.location
        assert started.where[:2] == (location.originals_dir, location.thumbnails_dir)
        assert started.paths == [Path(photo)]
    finally:
        started.close(discard=True)
        nr.close()


def _helpers_marked(marker: str) -> list[int]:
    """Return the photo helper processes whose environment carries ``marker``."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if (
                marker.encode() in environ.read_bytes()
                and b"photos.worker" in (environ.parent / "cmdline").read_bytes()
            ):
                found.append(int(environ.parent.name))
        except OSError:
            continue  # ended meanwhile, or not ours to read
    return found


def _camera_sized(path: Path) -> Path:
    """Write a real JPEG padded to a camera photo's size (so a batch starts helpers)."""
    from PIL import Image

    Image.frombytes("RGB", (320, 240), os.urandom(320 * 240 * 3)).save(path, quality=80)
    with path.open("r+b") as f:
        f.truncate(9 << 20)  # zeros after the end of the image: Pillow reads up to it
    return path


def test_photos_add_to_a_missing_article_leaves_no_helper_and_no_original(tmp_path):
    store = tmp_path / "s.sqlite"
    Newsroom.open(store, actor=REPORTER).close()
    files = [str(_camera_sized(tmp_path / f"p{i}.jpg")) for i in range(4)]
    marker = f"NEWSROOM_TEST_RUN={uuid.uuid4()}"
    name, value = marker.split("=")
    command = [sys.executable, "-c", CLI, "--store", str(store), "photos", "add", "0000dead"]
    result = subprocess.run(
        [*command, *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, name: value},
        check=False,
    )
    assert result.returncode == 1
    assert "No article with id 0000dead" in result.stderr
    assert _helpers_marked(marker) == []
    # The files were taken in while the store opened; none is left, nothing refers to them.
    assert not (tmp_path / "originals").exists()


def test_photos_add_beside_a_file_that_is_no_store_leaves_nothing_beside_it(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    store = desk / "notes.sqlite"
    store.write_text("plain text, not a store", encoding="utf-8")
    files = [str(_camera_sized(desk / f"p{i}.jpg")) for i in range(4)]
    command = [sys.executable, "-c", CLI, "--store", str(store), "photos", "add", "x", *files]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert "newsroom: error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert store.read_text(encoding="utf-8") == "plain text, not a store"
    assert sorted(p.name for p in desk.iterdir()) == sorted(
        [store.name, *(Path(f).name for f in files)]
    )


def test_ctrl_c_while_the_store_opens_ends_the_helpers_begun_early(tmp_path):
    store = tmp_path / "s.sqlite"
    nr = Newsroom.open(store, actor=REPORTER)
    article = nr.articles.create({"headline": "Ảnh"}).id
    nr.close()
    files = [str(_camera_sized(tmp_path / f"p{i}.jpg")) for i in range(6)]
    name, value = "NEWSROOM_TEST_RUN", str(uuid.uuid4())
    command = [sys.executable, "-c", CLI, "--store", str(store), "--as", REPORTER.name]
    with subprocess.Popen(
        [*command, "photos", "add", article, *files],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, name: value},
    ) as process:
        deadline = time.monotonic() + 60
        while not _helpers_marked(value) and process.poll() is None:
            assert time.monotonic() < deadline, "no helper started"
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)  # as Ctrl+C in its terminal
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert b"Traceback" not in err
    assert _helpers_marked(value) == []
    nr = Newsroom.open(store, actor=REPORTER)
    try:
        assert nr.articles.get(article).photos == ()
    finally:
        nr.close()


def test_a_card_begun_early_is_taken_in_once_and_kept(tmp_path):
    store = tmp_path / "s.sqlite"
    Newsroom.open(store, actor=REPORTER).close()
    card = tmp_path / "card" / "DCIM"
    card.mkdir(parents=True)
    photos = [_camera_sized(card / f"IMG_{i}.JPG") for i in range(4)]  # helpers start for these
    (card / "BROKEN.JPG").write_bytes(b"\xff\xd8\xff\xe0 not really")
    command = [sys.executable, "-c", CLI, "--store", str(store), "photos", "import-folder"]
    first = subprocess.run([*command, str(card.parent)], capture_output=True, text=True,
                           cwd=ROOT, check=False)  # fmt: skip
    assert first.returncode == 1  # one file refused, the rest in
    assert "4 new photo(s), 0 in the newsroom already, 1 refused" in first.stderr
    stored = sorted(p for p in (tmp_path / "originals").rglob("*") if p.is_file())
    assert sorted(p.read_bytes() for p in stored) == sorted(p.read_bytes() for p in photos)
    again = subprocess.run([*command, str(card.parent)], capture_output=True, text=True,
                           cwd=ROOT, check=False)  # fmt: skip
    assert "0 new photo(s), 4 in the newsroom already, 1 refused" in again.stderr
    # The second call found them stored already: it removed nothing, failed call or not.
    assert sorted(p for p in (tmp_path / "originals").rglob("*") if p.is_file()) == stored


def _filled_store(path: Path) -> list[str]:
    """Make articles in every state the list shows; return their ids, newest last."""
    nr = Newsroom.open(path, actor=REPORTER)
    ids = []
    for n, section in enumerate(["Thời sự", "Kinh tế", "", "Thời sự", "Y tế", "Kinh tế"]):
        doc = nr.articles.create({"headline": f"Bài {n} Đảng", "section": section, "body": "Một."})
        ids.append(doc.id)
    nr.workflow.apply(ids[1], "submit")
    nr.workflow.apply(ids[2], "submit")
    nr.articles.trash(ids[4])
    nr.close()
    editor = Newsroom.open(path, actor=EDITOR)
    editor.workflow.apply(ids[2], "take")
    editor.workflow.apply(ids[1], "take")
    editor.workflow.apply(ids[1], "approve")
    editor.articles.create({"headline": "Editor's own", "section": "Y tế"})
    editor.close()
    # The sync marks a working copy shows: a check-out and a conflict waiting to be resolved.
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO leases (article_id, person_id, person_name, taken_at) "
            "VALUES (?, NULL, 'Phương Nam', '2021-09-07 06:59:00.000000')",
            (ids[0],),
        )
        conn.execute(
            "INSERT INTO sync_conflicts (id, article_id, revision_id, head_revision_id, "
            "person_name, reason, created_at, resolved_at, resolved_by) "
            "VALUES (?, ?, ?, NULL, 'Lan', 'text', '2021-09-07 06:59:00.000000', NULL, '')",
            (str(uuid.uuid4()), ids[3], str(uuid.uuid4())),
        )
    conn.close()
    return ids


QUERIES = [
    ListQuery(),
    ListQuery(trashed=True),
    ListQuery(status="editing"),
    ListQuery(status=("draft", "ready")),
    ListQuery(section="Thời sự"),
    ListQuery(section="Không có"),
    ListQuery(owner=EDITOR.name),
    ListQuery(sort="headline", descending=False),
    ListQuery(sort="created"),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[9:60])
def test_the_file_list_answers_as_the_core_does(tmp_path, query):
    store = tmp_path / "s.sqlite"
    _filled_store(store)
    nr = Newsroom.open(store, actor=REPORTER)
    try:
        for offset, limit in ((0, 200), (1, 2)):
            expected = nr.articles.list(query, offset=offset, limit=limit)
            assert list_file(store, query, offset=offset, limit=limit) == expected
    finally:
        nr.close()


def test_the_file_list_sees_conflicts_check_outs_and_who_took_an_article(tmp_path):
    store = tmp_path / "s.sqlite"
    ids = _filled_store(store)
    found = {s.id: s for s in list_file(store, ListQuery()) or []}
    assert found[ids[0]].lease_by == "Phương Nam"
    assert found[ids[3]].in_conflict
    assert found[ids[2]].taken_by == EDITOR.name
    assert found[ids[2]].updated_at.tzinfo == UTC
    assert ids[4] not in found


def test_the_file_list_declines_what_only_the_core_can_answer(tmp_path):
    store = tmp_path / "s.sqlite"
    _filled_store(store)
    assert list_file(store, ListQuery(text="dang")) is None  # search ranks through the core
    assert list_file(store, ListQuery(status="nonsense")) is None  # the core explains
    assert list_file(tmp_path / "missing.sqlite", ListQuery()) is None
    (tmp_path / "not-a-store").write_bytes(b"plain text, not SQLite")
    assert list_file(tmp_path / "not-a-store", ListQuery()) is None
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    conn.close()
    assert list_file(store, ListQuery()) is None  # an older store is migrated on open


def test_list_prints_the_same_from_the_file_and_through_the_core(capsys, tmp_path):
    store = tmp_path / "s.sqlite"
    _filled_store(store)
    quick = [main(["--store", str(store), "list", "--json"]), capsys.readouterr()]
    # --as makes the command open the store through the core.
    full = [
        main(["--store", str(store), "--as", REPORTER.name, "list", "--json"]),
        capsys.readouterr(),
    ]
    assert quick == full
    assert len(json.loads(quick[1].out)) == 6
    assert main(["--store", str(store), "list", "--section", "Y tế", "--status", "draft"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines] == ["draft"]
    assert datetime.now(UTC).strftime("%Y") in lines[0]


def test_a_command_that_ends_at_once_has_written_all_it_said(tmp_path):
    """The process ends without tearing the interpreter down: output, files and store are whole."""
    store = tmp_path / "s.sqlite"
    newsroom = Newsroom.open(store, actor=EDITOR)
    try:
        ids = [
            newsroom.articles.create({"headline": f"Tin số {n}", "body": "Đoạn."}).id
            for n in range(80)
        ]
    finally:
        newsroom.close()
    out = tmp_path / "out"
    listing = tmp_path / "listing.txt"
    command = [sys.executable, "-c", CLI, "--store", str(store), "--as", "Lan", "--role", "editor"]
    with listing.open("w", encoding="utf-8") as stdout:  # a file: fully buffered output
        result = subprocess.run(
            [*command, "export", *ids, "--format", "html", "--out", str(out)],
            stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.html"))) == 80
    assert listing.read_text(encoding="utf-8").count(".html") >= 80
    again = Newsroom.open(store, actor=EDITOR)
    try:
        assert all(again.articles.get(i).exported_at is not None for i in ids)
    finally:
        again.close()
    assert not Path(f"{store}-wal").exists() or Path(f"{store}-wal").stat().st_size == 0
