"""Issue 16 figures: the store's size against its text, and the backups folder's size.

    python bench/bench_size.py [--store bench/out/bench-100k.sqlite] [--backups 10]

Works on a copy of the store (opening it migrates it). Prints the size of each table and index
(dbstat) before and after the app opens (and migrates) the copy, the text itself (headline,
lead and body in UTF-8), the ratio, and the size of the backups folder after N automatic
backups against N plain copies and against the zstd tool compressing one plain copy (the
peer: Debian's zstd package; see packaging/bench-deps.sh).
Target: store ≤ 2.5× its text; ten automatic backups ≤ 4 plain copies.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsroom_desktop.core.backups import make_backup
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.safety_records import AUTO

OUT = Path(__file__).resolve().parent / "out"
MB = 1e6


def table_sizes(path: Path) -> dict[str, int]:
    """Return the bytes of pages each table and index takes (dbstat), largest first."""
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        return {name: int(size) for name, size in rows}


def text_bytes(path: Path) -> int:
    """Return the UTF-8 bytes of every article's headline, lead and body."""
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        (size,) = conn.execute(
            "SELECT sum(length(CAST(headline AS BLOB)) + length(CAST(lead AS BLOB)) "
            "+ length(CAST(body AS BLOB))) FROM articles"
        ).fetchone()
    return int(size)


def copy_store(source: Path, folder: Path) -> Path:
    """Copy a store nobody has open (its -wal too): the source is never opened, so never written."""
    dest = folder / "newsroom.sqlite"
    shutil.copyfile(source, dest)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, dest.with_name(dest.name + "-wal"))
    return dest


def show_tables(title: str, sizes: dict[str, int], top: int = 8) -> None:
    print(f"{title}: {sum(sizes.values()) / MB:,.0f} MB in pages")
    for name, size in list(sizes.items())[:top]:
        print(f"    {name:<36} {size / MB:8.1f} MB")


def zstd_size(path: Path) -> int | None:
    if shutil.which("zstd") is None:
        print("peer missing: zstd (apt-get install zstd; packaging/bench-deps.sh)")
        return None
    out = path.with_name(path.name + ".zst")
    subprocess.run(["zstd", "-q", "-3", "-f", str(path), "-o", str(out)], check=True)
    size = out.stat().st_size
    out.unlink()
    return size


def row(figure: str, peer: str, ours: str, ratio: float, target: float) -> str:
    verdict = "ok" if ratio <= target else "MISSED"
    return f"| {figure} | {peer} | {ours} | {ratio:.2f}× | ≤ {target:g}× | {verdict} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=OUT / "bench-100k.sqlite")
    parser.add_argument("--backups", type=int, default=10)
    args = parser.parse_args()
    if not args.store.exists():
        sys.exit(f"no store at {args.store}: make one with bench/generate.py")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-size-", dir=OUT) as folder:
        store = copy_store(args.store.resolve(), Path(folder))
        text = text_bytes(store)
        before = table_sizes(store)
        show_tables("before (as generated)", before)
        started = time.perf_counter()
        nr = Newsroom.open(store)
        print(f"opened (and migrated) in {time.perf_counter() - started:.1f} s")
        nr.close()
        with contextlib.closing(sqlite3.connect(store)) as conn:
            conn.execute("VACUUM")
        after = table_sizes(store)
        show_tables("after (opened by the app, vacuumed)", after)
        size = store.stat().st_size
        nr = Newsroom.open(store)
        started = time.perf_counter()
        for _ in range(args.backups):
            info = make_backup(nr.store, AUTO, keep=args.backups)
        took = (time.perf_counter() - started) / args.backups
        nr.close()
        autos = [p for p in info.path.parent.iterdir() if "-auto.sqlite" in p.name]
        folder_size = sum(p.stat().st_size for p in autos)
        peer = zstd_size(store)
    print(f"\n{args.backups} automatic backups: {folder_size / MB:,.0f} MB, {took:.1f} s each")
    print("| figure | peer figure | ours | ratio | target | |")
    print("| --- | --- | --- | --- | --- | --- |")
    lines = [
        row(
            "store size / its text",
            f"text {text / MB:,.0f} MB",
            f"{size / MB:,.0f} MB (was {sum(before.values()) / MB:,.0f})",
            size / text,
            2.5,
        ),
        row(
            "revisions table / its text",
            f"text {text / MB:,.0f} MB",
            f"{after['revisions'] / MB:,.0f} MB (was {before['revisions'] / MB:,.0f})",
            after["revisions"] / text,
            0.5,
        ),
        row(
            f"{args.backups} automatic backups / one plain copy",
            f"{args.backups} plain copies: {args.backups * size / MB:,.0f} MB",
            f"{folder_size / MB:,.0f} MB",
            folder_size / size,
            4,
        ),
    ]
    if peer is not None:
        lines.append(
            row(
                "one automatic backup / zstd -3 of a copy",
                f"zstd -3: {peer / MB:,.0f} MB",
                f"{folder_size / args.backups / MB:,.0f} MB",
                folder_size / args.backups / peer,
                1.5,
            )
        )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
