"""Hostile input on the command line gets one clear line, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_desktop.cli import main

# What the installed ``newsroom`` script runs (``-m ...cli.main`` would warn about runpy).
ENTRY_POINT = "import sys; from newsroom_desktop.cli import main; sys.exit(main())"


def newsroom(*argv: str | bytes, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess:
    """Run the real command in a child process (arguments may be bytes, as a shell passes)."""
    return subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *argv],
        stdin=subprocess.DEVNULL,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"},
    )


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert "Traceback" not in err, err
    assert lines and lines[-1].startswith("newsroom"), err
    assert len([line for line in lines if "error" in line]) == 1, err
    return lines[-1]


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def count(capsys, store: str) -> int:
    code, out, err = run(capsys, "--store", store, "list", "--json")
    assert code == 0, err
    return len(json.loads(out))


def test_text_that_is_not_utf8_is_refused_by_name(store, capsys):
    result = newsroom("--store", store, "new", "--headline", b"Tin \xff\xfe")
    assert result.returncode == 2
    line = error_line(result.stderr.decode())
    assert "--headline" in line and "UTF-8" in line
    assert count(capsys, store) == 0
    # The same checks in process, with the arguments as Python decodes such bytes.
    bad = os.fsdecode(b"\xe1\xbb")  # half of "ố"
    for argv in (
        ["search", bad],
        ["show", f"abcd{bad}"],
        ["--as", bad, "new", "--headline", "Tin"],
        ["note", "abcd", bad],
    ):
        code, _, err = run(capsys, "--store", store, *argv)
        assert code == 2, argv
        assert "UTF-8" in error_line(err), argv
    assert count(capsys, store) == 0


def test_file_names_that_are_not_utf8_still_work(tmp_path, capsys):
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    Path(os.fsdecode(folder)).mkdir()
    body = folder + b"/b\xe0i.md"
    Path(os.fsdecode(body)).write_text("Nội dung.\n", encoding="utf-8")
    result = newsroom(
        "--store", folder + b"/st\xf4re.sqlite", "new", "--headline", "Tin", "--body-file", body
    )
    assert result.returncode == 0, result.stderr.decode()
    assert Path(os.fsdecode(folder + b"/st\xf4re.sqlite")).is_file()


@pytest.mark.parametrize("limit", ["99999999999999999999", "-5", "ten"])
def test_a_count_out_of_range_is_a_usage_error(store, capsys, limit):
    code, _, err = run(capsys, "--store", store, "list", "--limit", limit)
    assert code == 2
    line = error_line(err)
    assert "--limit" in line and limit in line


def test_restore_takes_a_relative_path(store, tmp_path, capsys, monkeypatch):
    run(capsys, "--store", store, "new", "--headline", "Một")
    code, out, err = run(capsys, "--store", store, "backup")
    assert code == 0, err
    shutil.copy(out.strip(), tmp_path / "copy.sqlite")
    run(capsys, "--store", store, "new", "--headline", "Hai")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--store", store, "restore", "copy.sqlite", "--yes")
    assert code == 0, err
    assert "Restored" in out
    assert count(capsys, store) == 1


@pytest.mark.parametrize(
    "front",
    [
        "date: 2024-02-30",
        "date: 2024-02-30T10:00:00+07:00",
        "lastmod: 0000-01-01",
        "date = 2024-02-30",  # TOML says it first
    ],
)
def test_an_impossible_front_matter_date_fails_that_file_only(store, tmp_path, capsys, front):
    fence = "+++" if " = " in front else "---"
    title = 'title = "Tin hỏng"' if fence == "+++" else "title: Tin hỏng"
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "bad.md").write_text(f"{fence}\n{title}\n{front}\n{fence}\n\nNội dung.\n")
    (folder / "good.md").write_text("---\ntitle: Tin tốt\ndate: 2024-02-29\n---\n\nNội dung.\n")
    code, out, err = run(capsys, "--store", store, "import", str(folder))
    assert code == 1
    line = error_line(err)
    assert "bad.md" in line and ("2024-02-30" in line or "0000-01-01" in line or "date" in line)
    assert len(out.strip().splitlines()) == 1  # good.md came in
    assert count(capsys, store) == 1


def test_a_reader_that_stops_early_is_not_an_error(store, capsys):
    for n in range(3):
        run(capsys, "--store", store, "new", "--headline", f"Tin {n}")
    for argv in (["list"], ["list", "--json"], ["--help"]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # like `| head -1` that has read its line and gone
        try:
            result = newsroom("--store", store, *argv, stdout=write_end)
        finally:
            os.close(write_end)
        assert result.stderr.decode() == "", argv
        assert result.returncode == 0, argv
