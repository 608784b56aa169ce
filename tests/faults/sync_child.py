"""The sync harness's child: a desk that edits and syncs, each change reported once committed.

Run as a "zygote": it imports the app once, then for each line ``run STORE URL LOG SEED`` on
stdin it forks a worker (so a start costs milliseconds, not an interpreter), prints ``pid N``,
waits for the worker to die (the parent kills it with SIGKILL) and prints ``dead N STATUS``.

A worker opens the desk's store (joined to the server beforehand) and loops: a few changes,
then a sync. It appends lines to LOG, one write each, after the change committed:

* ``ready PID`` once the store is open;
* ``saved ID DIGEST`` after a new article or an explicit save (a revision) committed;
* ``submitted ID EVENT`` after the article was submitted (EVENT: the status event's id);
* ``note ID NOTE`` after a note was added;
* ``syncing N`` before the worker's N-th sync, ``synced N`` after it returned;
* ``error TYPE MESSAGE`` if anything failed (the harness fails on it).
"""

from __future__ import annotations

import os
import random

if __package__:
    from tests.faults.crash_child import Log, digest, serve_forks
else:  # run as a script, beside it
    from crash_child import Log, digest, serve_forks  # type: ignore[no-redef]

from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings

TEXT = (
    "Mưa lớn kéo dài khiến nhiều tuyến đường ở Cần Thơ ngập sâu, người dân Ninh Kiều phải "
    "đẩy xe qua các đoạn nước lên cao trong giờ tan tầm chiều qua"
)
WORDS = TEXT.split(" ")
HEADLINE = "Bài đồng bộ"


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 25))).capitalize() + "."


def _drafts(nr: Newsroom) -> list[str]:
    return [s.id for s in nr.articles.list(ListQuery(), limit=200) if s.status == "draft"]


def change(nr: Newsroom, log: Log, rng: random.Random) -> None:
    """Make one change a reporter makes: write, rewrite, submit or annotate an article."""
    drafts = _drafts(nr)
    roll = rng.random()
    if len(drafts) < 2 or roll < 0.2:
        doc = nr.articles.create(
            {"headline": f"{HEADLINE} {rng.randrange(10**6)}", "body": _sentence(rng)}
        )
        log.line("saved", doc.id, digest(doc.headline, doc.body))
    elif roll < 0.3:
        article_id = rng.choice(drafts)
        nr.workflow.apply(article_id, "submit")
        (event,) = [e for e in nr.workflow.events(article_id) if e.action == "submit"]
        log.line("submitted", article_id, event.id)
    elif roll < 0.45:
        article_id = rng.choice([s.id for s in nr.articles.list(ListQuery(), limit=200)])
        note = nr.notes.add(article_id, f"Ghi chú {rng.randrange(10**6)}: {_sentence(rng)}")
        log.line("note", article_id, note.id)
    else:
        article_id = rng.choice(drafts)
        doc = nr.articles.get(article_id)
        body = f"{doc.body.rstrip()}\n\n{_sentence(rng)}"
        doc = nr.articles.save(article_id, {"body": body}, expected_version=doc.version).article
        log.line("saved", doc.id, digest(doc.headline, doc.body))


def work(store: str, url: str, log_path: str, seed: int) -> None:
    log = Log(log_path)
    rng = random.Random(seed)
    nr = Newsroom.open(store, settings=Settings())
    log.line("ready", os.getpid())
    for n in range(10**9):
        for _ in range(rng.randint(1, 3)):
            change(nr, log, rng)
        log.line("syncing", n)
        nr.sync.sync(server_url=url)
        log.line("synced", n)


def zygote() -> None:
    serve_forks(work)


if __name__ == "__main__":
    zygote()
