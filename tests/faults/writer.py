"""One of the concurrent writers: `newsroom` commands in a loop, logging what each one reported.

    python tests/faults/writer.py STORE LOG WRITER_NUMBER SECONDS SHARED_ID

Each operation is a real ``newsroom`` command line: most run through the CLI's ``main()`` in
this process (a fresh store connection each time, as a new process would), every tenth as a
separate ``newsroom`` process. The log gets ``try OP TOKEN`` before and then ``ok OP TOKEN ID``
or ``fail OP TOKEN EXIT MESSAGE`` after, so every write is either committed or reported failed.
"""

from __future__ import annotations

import contextlib
import io
import random
import subprocess
import sys
import time
from pathlib import Path

from newsroom_desktop.cli.main import main as cli

AS = ["--as", "Phương Nam", "--role", "editor"]


def run(store: str, args: list[str], separate: bool) -> tuple[int, str, str]:
    """Run one newsroom command; return exit code, stdout, stderr."""
    argv = ["--store", store, *AS, *args]
    if separate:
        exe = Path(sys.executable).with_name("newsroom")
        done = subprocess.run([str(exe), *argv], capture_output=True, text=True, check=False)
        return done.returncode, done.stdout, done.stderr
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli(argv)
    return code, out.getvalue(), err.getvalue()


def main() -> None:
    store, log_path, number, seconds, shared = sys.argv[1:6]
    rng = random.Random(int(number))
    folder = Path(log_path).parent
    own: list[str] = []
    deadline = time.monotonic() + float(seconds)
    with Path(log_path).open("a", encoding="utf-8", buffering=1) as log:
        for n in range(10**9):
            if time.monotonic() >= deadline:
                break
            token = f"w{number}x{n}"
            body = folder / f"body-{number}.md"
            body.write_text(f"Đoạn viết bởi {token}: mưa lớn ở Cần Thơ.\n", encoding="utf-8")
            roll = rng.random()
            if not own or roll < 0.4:
                op, args = "new", ["new", "--headline", f"Bài {token}", "--body-file", str(body)]
            elif roll < 0.8:
                op, args = "edit", ["edit", rng.choice(own), "--body-file", str(body)]
            else:
                op, args = "edit", ["edit", shared, "--body-file", str(body)]
            log.write(f"try {op} {token}\n")
            code, out, err = run(store, args, separate=n % 10 == 9)
            if code == 0:
                ident = out.split()[0]
                if op == "new":
                    own.append(ident)
                log.write(f"ok {op} {token} {ident}\n")
            else:
                message = err.strip().replace("\n", " | ")
                log.write(f"fail {op} {token} {code} {message}\n")


if __name__ == "__main__":
    main()
