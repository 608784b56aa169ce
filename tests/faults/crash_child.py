"""The crash harness's child: real saves through the core, each reported only after it committed.

Run as a "zygote": it imports the app once, then for each line ``run WORKLOAD STORE LOG SEED``
on stdin it forks a worker (so each start costs milliseconds, not an interpreter), prints
``pid N``, waits for the worker to die (the parent kills it with SIGKILL) and prints
``dead N STATUS``. A worker appends lines to LOG, one write each:

* ``saving ID DIGEST`` before a save of article ID whose content will have DIGEST ("-" when
  it cannot be known in advance: photos placed in the body);
* ``saved ID VERSION DIGEST REASON`` after the save returned (committed);
* ``photos ID COUNT`` after photos were added and committed (the article has COUNT photos);
* ``imported ID DIGEST`` after an import committed;
* ``exported ID FILE`` after an export was written and recorded.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from newsroom_desktop.core.documents import Actor, ArticleDoc, ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.text import clean_line, normalise_body
from newsroom_desktop.exporters import registry
from newsroom_desktop.jobs.exports import export_many
from newsroom_desktop.jobs.imports import import_file

ROOT = Path(__file__).resolve().parents[2]
ACTOR = Actor("Ngọc Hậu", "reporter")
WORDS = [
    "Mưa",
    "lớn",
    "kéo",
    "dài",
    "khiến",
    "nhiều",
    "tuyến",
    "đường",
    "ở",
    "Cần",
    "Thơ",
    "ngập",
    "sâu,",
    "người",
    "dân",
    "Ninh",
    "Kiều",
    "phải",
    "đẩy",
    "xe",
    "qua",
    "các",
    "đoạn",
    "nước",
    "lên",
    "cao",
    "trong",
    "giờ",
    "tan",
    "tầm",
    "chiều",
    "qua",
]
IMPORTS = [
    ROOT / "resources" / "samples" / "sample-article.txt",
    *sorted((ROOT / "tests" / "data" / "imports" / "text").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "imports" / "html").glob("*page.html")),
    *sorted((ROOT / "tests" / "data" / "imports" / "docx").glob("*.docx")),
    ROOT / "tests" / "data" / "imports" / "markdown" / "2021-09-07-cau-ninh-kieu.md",
]


def digest(headline: str, body: str) -> str:
    """Return the digest the harness compares: headline and body as stored."""
    return hashlib.sha256(f"{headline}\x00{body}".encode()).hexdigest()[:20]


class Log:
    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def line(self, *parts: object) -> None:
        os.write(self.fd, (" ".join(str(p) for p in parts) + "\n").encode())


def _article(nr: Newsroom, prefix: str, full: Callable[[ArticleDoc], bool]) -> str:
    """Return the newest article whose headline starts with ``prefix``; a new one when full."""
    found = [s for s in nr.articles.list(ListQuery(), limit=5) if s.headline.startswith(prefix)]
    if found and not full(nr.articles.get(found[0].id)):
        return found[0].id
    return nr.articles.create({"headline": prefix}).id


def autosave(nr: Newsroom, log: Log, rng: random.Random) -> None:
    """Type into one article: autosaves with the expected version, an explicit save now and then."""
    article_id = _article(nr, "Bài gõ liên tục", lambda d: len(d.body) > 6000)
    doc = nr.articles.get(article_id)
    body, version = doc.body, doc.version
    for n in range(10**9):
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 30)))
        body = f"{body.rstrip()} {sentence}." if n % 7 else f"{body}\n\n{sentence.capitalize()}."
        reason = "save" if n % 5 == 4 else "autosave"
        headline = f"Bài gõ liên tục {n % 3}" if reason == "save" else doc.headline
        fields = {"body": body, "headline": headline}
        log.line("saving", article_id, digest(clean_line(headline), normalise_body(body)))
        doc = nr.articles.save(article_id, fields, expected_version=version, reason=reason).article
        version = doc.version
        log.line("saved", article_id, version, digest(doc.headline, doc.body), reason)


def _jpeg(folder: Path, rng: random.Random, n: int) -> Path:
    image = Image.new("RGB", (48, 32), tuple(rng.randrange(256) for _ in range(3)))
    image.putpixel((rng.randrange(48), rng.randrange(32)), (n % 256, n // 256 % 256, 7))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path = folder / f"photo-{os.getpid()}-{n}.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def photos(nr: Newsroom, log: Log, rng: random.Random) -> None:
    """Add small real JPEGs to an article, one or two at a time (ingest, then one commit)."""
    article_id = _article(nr, "Bài nhiều ảnh", lambda d: len(d.photos) > 24)
    folder = Path(nr.store.location.path).parent / "incoming"
    folder.mkdir(exist_ok=True)
    for n in range(10**9):
        files = [_jpeg(folder, rng, n * 2 + k) for k in range(rng.randint(1, 2))]
        log.line("saving", article_id, "-")  # "-": the body gains figures not known in advance
        nr.photos.add(article_id, files)
        doc = nr.articles.get(article_id)
        log.line("photos", article_id, len(doc.photos))
        log.line("saved", article_id, doc.version, digest(doc.headline, doc.body), "photos")
        for f in files:
            f.unlink()


def imports(nr: Newsroom, log: Log, rng: random.Random) -> None:
    """Import sample files (text, HTML pages, Word, Markdown) as new articles, again and again."""
    while True:
        result = import_file(nr, rng.choice(IMPORTS), again=True)
        if result.article_id is None:
            raise SystemExit(f"import failed: {result.error}")
        doc = nr.articles.get(result.article_id)
        log.line("imported", doc.id, digest(doc.headline, doc.body))


def exports(nr: Newsroom, log: Log, rng: random.Random) -> None:
    """Export articles as web pages again and again (files written atomically, then recorded)."""
    ids = [s.id for s in nr.articles.list(limit=20)]
    while len(ids) < 6:
        ids.append(import_file(nr, IMPORTS[len(ids) % len(IMPORTS)], again=True).article_id or "")
    out = Path(nr.store.location.path).parent / "exported"
    while True:
        chosen = rng.sample(ids, 3)
        report = export_many(nr, chosen, rng.choice(["html", "md", "ninjs"]), out)
        for result in report.results:
            if not result.ok:
                raise SystemExit(f"export failed: {result.error}")
            log.line("exported", result.id, result.files[0])


WORKLOADS = {"autosave": autosave, "photos": photos, "import": imports, "export": exports}


def work(workload: str, store: str, log_path: str, seed: int) -> None:
    log = Log(log_path)
    rng = random.Random(seed)
    nr = Newsroom.open(store, actor=ACTOR)
    log.line("ready", os.getpid())
    WORKLOADS[workload](nr, log, rng)


def serve_forks(work: Callable[..., None]) -> None:
    """Run ``work(*ARGS, LOG, SEED)`` in a forked child for each ``run ARGS… LOG SEED`` line.

    The parent prints ``pid PID`` when a child starts and ``dead PID STATUS`` when it ended, so
    that the harness knows whom to kill and when it died; a child's error goes to its log.
    """
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "run":
            continue
        *args, log_path, seed = parts[1:]
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                work(*args, log_path, int(seed))
            except BaseException as exc:  # reported to the parent through the log
                Log(log_path).line("error", type(exc).__name__, str(exc).replace("\n", " "))
                code = 3
            os._exit(code)
        print("pid", pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print("dead", pid, status, flush=True)


def zygote() -> None:
    registry.get("html"), registry.get("md"), registry.get("ninjs")  # import them once, here
    serve_forks(work)


if __name__ == "__main__":
    zygote()
