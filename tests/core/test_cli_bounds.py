"""The newsroom command reads text only from regular files of at most 20 MB, stdin likewise.

Each case runs the real command. The ones that used to read without end (a device, a pipe,
standard input fed from /dev/zero) run in a child process with a memory cap and a time limit,
so that a regression fails the test instead of filling the machine's memory.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from tests.conftest import DATA

# The installed command when there is one (as users run it), else the same entry point.
NEWSROOM = Path(sys.executable).with_name("newsroom")
COMMAND = (
    [str(NEWSROOM)]
    if NEWSROOM.exists()
    else [sys.executable, "-c", "import sys; from newsroom_desktop.cli.main import main; "
          "sys.exit(main())"]
)  # fmt: skip
MB = 1024 * 1024
ZERO = Path("/dev/zero")
MEMORY_CAP = 1536 * MB
CHILD_SECONDS = 60


def _capped() -> None:
    # A child that reads without limit hits this cap and fails instead of swapping the machine.
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def newsroom(*argv: str, stdin: object = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    """Run the newsroom command in a child process, capped in memory and time."""
    return subprocess.run(
        [*COMMAND, *argv],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        timeout=CHILD_SECONDS,
        preexec_fn=_capped,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsroom: error: "), err
    return lines[0]


def article_count(capsys: pytest.CaptureFixture[str], store: str) -> int:
    code, out, _ = run(capsys, "--store", store, "list", "--json")
    assert code == 0
    return len(json.loads(out))


@pytest.mark.skipif(not ZERO.exists(), reason="needs /dev/zero")
def test_a_device_as_body_file_is_refused_unread(capsys, store):
    result = newsroom("--store", store, "new", "--headline", "Tin", "--body-file", "/dev/zero")
    assert result.returncode == 1
    line = one_error_line(result.stderr)
    assert "/dev/zero" in line and "a device, not a file" in line
    assert article_count(capsys, store) == 0


def test_a_pipe_or_folder_as_body_file_is_refused_unread(capsys, store, tmp_path):
    pipe = tmp_path / "than-bai.md"
    os.mkfifo(pipe)  # opening it to read would wait for a writer forever
    result = newsroom("--store", store, "new", "--headline", "Tin", "--body-file", str(pipe))
    assert result.returncode == 1
    assert "a pipe (FIFO), not a file" in one_error_line(result.stderr)
    result = newsroom("--store", store, "new", "--headline", "Tin", "--body-file", str(tmp_path))
    assert result.returncode == 1
    assert "a folder, not a file" in one_error_line(result.stderr)
    assert article_count(capsys, store) == 0


def test_a_body_file_over_20_mb_is_refused_and_the_article_kept(capsys, store, tmp_path):
    article_id = run(capsys, "--store", store, "new", "--headline", "Tin")[1].strip()
    big = tmp_path / "lon.md"
    line = "Đoạn văn của bài báo, lặp lại cho đến khi tệp lớn hơn giới hạn.\n"
    big.write_text(line * (21 * MB // len(line.encode()) + 1), encoding="utf-8")
    code, _out, err = run(capsys, "--store", store, "edit", article_id, "--body-file", str(big))
    assert code == 1
    message = one_error_line(err)
    assert "lon.md" in message and "21 MB" in message and "at most 20 MB" in message
    doc = json.loads(run(capsys, "--store", store, "show", article_id, "--json")[1])
    assert doc["body"] == "" and doc["version"] == 1


def test_standard_input_is_cut_off_past_20_mb(capsys, store, tmp_path):
    # An endless stream: the command reads a little past 20 MB, then refuses.
    with ZERO.open("rb") as endless:
        result = newsroom("--store", store, "new", "--headline", "Tin", "--body-file", "-",
                          stdin=endless)  # fmt: skip
    assert result.returncode == 1
    line = one_error_line(result.stderr)
    assert "standard input" in line and "larger than 20 MB" in line
    big = tmp_path / "lon.txt"
    big.write_bytes(b"Tin tuc.\n" * (21 * MB // 9 + 1))
    with big.open("rb") as text:
        result = newsroom("--store", store, "new", "--headline", "Tin", "--body-file", "-",
                          stdin=text)  # fmt: skip
    assert result.returncode == 1
    assert "larger than 20 MB" in one_error_line(result.stderr)
    assert article_count(capsys, store) == 0


def test_standard_input_within_the_limit_becomes_the_body(capsys, store, tmp_path):
    body = tmp_path / "than.md"
    body.write_text("Đoạn một của bài.\n\nĐoạn hai.\n", encoding="utf-8")
    with body.open("rb") as text:
        result = newsroom("--store", store, "new", "--headline", "Tin", "--body-file", "-",
                          stdin=text)  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = run(capsys, "--store", store, "show", result.stdout.strip(), "--json")[1]
    assert json.loads(shown)["body"] == "Đoạn một của bài.\n\nĐoạn hai.\n"


def test_a_binary_body_file_is_refused_not_stored_as_mojibake(capsys, store):
    photo = DATA / "photos" / "mei_Photoshop_3.jpg"
    code, _out, err = run(
        capsys, "--store", store, "new", "--headline", "Tin", "--body-file", str(photo)
    )
    assert code == 1
    assert "binary file, not text" in one_error_line(err)
    assert run(capsys, "--store", store, "list")[1].strip() == "No articles."


def test_invalid_utf8_body_is_read_as_a_legacy_code_page_with_a_warning(capsys, store, tmp_path):
    body = tmp_path / "cu.md"
    body.write_bytes(b"Caf\xe9 cr\xe8me \xff\xfe\x80 s\xe1ng nay.")
    code, out, err = run(capsys, "--store", store, "new", "--headline", "Tin", "--body-file",
                         str(body))  # fmt: skip
    assert code == 0
    assert "Traceback" not in err and "not valid UTF-8" in err
    doc = json.loads(run(capsys, "--store", store, "show", out.strip(), "--json")[1])
    assert doc["body"].startswith("Café crème")


def test_the_restore_question_reads_one_short_answer_from_endless_input(capsys, store):
    code, out, err = run(capsys, "--store", store, "backup")
    assert code == 0, err
    backup = out.strip().splitlines()[-1]
    with ZERO.open("rb") as endless:
        result = newsroom("--store", store, "restore", backup, stdin=endless)
    assert result.returncode == 1
    assert "Restore cancelled" in result.stderr
