"""The Photos view on 2,000 photos: the first screen, and the longest stall while scrolling.

    QT_QPA_PLATFORM=offscreen python bench/bench_photo_grid.py [--count 2000] [--runs 3] [--quick]

A store in bench/out/photo-grid-<count>/ gets ``count`` photo rows with their thumbnails in the
cache (distinct JPEGs, 320 px, as ingest writes them), made once and reused. Each run opens a
new main window (1366×768) and times from Alt+2 until every cell on the first screen shows its
thumbnail (read and scaled off the GUI thread, painted). Then the grid is scrolled from top to
bottom, a step every 16 ms, while a 1 ms timer measures the gaps in the event loop: the longest
gap is the longest the GUI thread was blocked, printed as wall time and as the GUI thread's own
CPU time in that gap (the wall time adds waits for a core when the machine is loaded; the
load average is printed). Targets: first screen <= 300 ms; no stall > 16 ms of the GUI
thread's work. --quick: 1 run, the scroll over the first 600 rows only.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

FIRST_SCREEN_MS = 300
STALL_MS = 16


def make_store(folder: Path, count: int) -> Path:
    """Return a store with ``count`` photos and their cached thumbnails (made once)."""
    from PIL import Image, ImageDraw

    from newsroom_desktop.core.models import Photo
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.photos.files import atomic_write_bytes
    from newsroom_desktop.core.photos.thumbnails import thumbnail_path

    path = folder / "store.sqlite"
    done = folder / "done"
    if done.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    nr = Newsroom.open(path)
    rng = random.Random(7)
    cache = nr.store.location.thumbnails_dir
    creators = ["Ngọc Hậu", "Phương Nam", "Minh Đức", "Thu Hà"]
    with nr.store.write() as session:
        for n in range(count):
            sha = f"{n:08x}" + "0" * 56
            image = Image.new("RGB", (320, 213), tuple(rng.randrange(40, 230) for _ in range(3)))
            draw = ImageDraw.Draw(image)
            for _ in range(6):
                x, y, r = rng.randrange(320), rng.randrange(213), rng.randrange(10, 60)
                fill = tuple(rng.randrange(256) for _ in range(3))
                draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=85)
            atomic_write_bytes(thumbnail_path(cache, sha, 320), buffer.getvalue())
            session.add(
                Photo(
                    sha256=sha,
                    original_filename=f"DSC_{n:05d}.JPG",
                    format="JPEG",
                    width=6000,
                    height=4000,
                    file_size=8_000_000,
                    taken_at=f"2026-01-{1 + n % 28:02d}T08:{n % 60:02d}:00",
                    description=f"Ảnh số {n}: Đại hội Đảng, phố cổ Hà Nội",
                    creator=creators[n % 4],
                    keywords_json=json.dumps(["Hà Nội", "sự kiện"], ensure_ascii=False),
                    rating=n % 6,
                    color_label=("", "red", "", "green", "", "blue")[n % 6],
                )
            )
    nr.close()
    done.write_text("ok", encoding="utf-8")
    return path


def visible_rows(desk: object) -> list[int]:
    grid = desk.grid  # type: ignore[attr-defined]
    model = desk.model  # type: ignore[attr-defined]
    area = grid.viewport().rect()
    return [r for r in range(model.rowCount()) if grid.visualRect(model.index(r)).intersects(area)]


def first_screen(app: object, store: Path) -> tuple[float, int, object]:
    """Open a window, press Alt+2; return ms until the first screen's thumbnails are painted."""
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.settings import Settings
    from newsroom_desktop.ui.main_window import MainWindow

    window = MainWindow(Newsroom.open(store), Settings())
    window.resize(1366, 768)
    window.show()
    for _ in range(20):
        app.processEvents()  # type: ignore[attr-defined]
    desk = window.photo_desk.desk
    started = time.perf_counter()
    window.photo_desk.show_photos.trigger()
    rows: list[int] = []
    while True:
        app.processEvents()  # type: ignore[attr-defined]
        rows = rows or visible_rows(desk)
        if rows and all(desk.thumbnails.loaded(desk.model.photo(r).sha256) for r in rows):
            desk.grid.viewport().repaint()  # the last cells painted, as the screen shows them
            break
        time.sleep(0.001)
    return (time.perf_counter() - started) * 1000, len(rows), window


def search_ms(app: object, window: object, query: str) -> float:
    """Return ms from a search typed (its pause over) to the grid showing what matched."""
    desk = window.photo_desk.desk  # type: ignore[attr-defined]
    started = time.perf_counter()
    desk.filters.search.setText(query)
    desk.filters.flush()
    app.processEvents()  # type: ignore[attr-defined]
    took = (time.perf_counter() - started) * 1000
    desk.filters.search.clear()
    desk.filters.flush()
    return took


def longest_stall(app: object, window: object, rows: int | None) -> tuple[float, float, int, float]:
    """Scroll the grid top to bottom (a step each 16 ms); return the longest loop gap in ms.

    Returned twice: as wall time (what the person sees, which on a loaded machine includes
    time the process waited for a core) and as the GUI thread's own CPU time in that gap (the
    work the GUI thread did), then the number of ticks and the seconds the scroll took.
    """
    from PySide6.QtCore import QTimer

    desk = window.photo_desk.desk  # type: ignore[attr-defined]
    bar = desk.grid.verticalScrollBar()
    bar.setValue(0)
    end = bar.maximum()
    if rows is not None:
        end = min(end, desk.grid.visualRect(desk.model.index(rows)).top() + bar.value())
    step = max(1, desk.grid.viewport().height() // 3)
    gaps: list[float] = []
    cpu: list[float] = []
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, used = time.perf_counter(), time.thread_time()
        gaps.append((now - last[0]) * 1000)
        cpu.append((used - last[1]) * 1000)
        last[0], last[1] = now, used

    def scroll() -> None:
        bar.setValue(min(end, bar.value() + step))

    ticker, scroller = QTimer(), QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(tick)
    scroller.setInterval(16)
    scroller.timeout.connect(scroll)
    started = time.perf_counter()
    ticker.start()
    scroller.start()
    while bar.value() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.0005)
    scroller.stop()
    ticker.stop()
    seconds = time.perf_counter() - started
    return max(gaps[1:] or [0.0]), max(cpu[1:] or [0.0]), len(gaps), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    store = make_store(HERE / "out" / f"photo-grid-{args.count}", args.count)
    runs = 1 if args.quick else args.runs
    times: list[float] = []
    stalls: list[float] = []
    busies: list[float] = []
    for _ in range(runs):
        ms, shown, window = first_screen(app, store)
        times.append(ms)
        searched = search_ms(app, window, "ha noi dai")
        stall, busy, ticks, seconds = longest_stall(app, window, 600 if args.quick else None)
        stalls.append(stall)
        busies.append(busy)
        print(
            f"first screen: {ms:.0f} ms ({shown} cells of {args.count} photos); "
            f"a search shown in {searched:.0f} ms; "
            f"scroll: longest stall {stall:.1f} ms wall, {busy:.1f} ms GUI-thread CPU, "
            f"over {ticks} ticks in {seconds:.1f} s"
        )
        window.close()  # type: ignore[attr-defined]
        window.newsroom.close()  # type: ignore[attr-defined]
    print(
        f"first screen median {statistics.median(times):.0f} ms (target <= {FIRST_SCREEN_MS}); "
        f"longest stall {max(stalls):.1f} ms wall, {max(busies):.1f} ms GUI-thread CPU "
        f"(target <= {STALL_MS}); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    # The GUI thread's own work decides: on a loaded machine the wall gap adds waits for a core.
    ok = statistics.median(times) <= FIRST_SCREEN_MS and max(busies) <= STALL_MS
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
