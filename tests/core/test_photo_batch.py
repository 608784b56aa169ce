"""Photo batches on every core: helper processes give what ingest_file gives, in order."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image

from newsroom_desktop.core.errors import CancelledError, PhotoError
from newsroom_desktop.core.photo_service import ingest_all
from newsroom_desktop.core.photos import cached_thumbnail, ingest_file
from newsroom_desktop.core.photos.batch import (
    BYTES_A_HELPER,
    MAX_HELPERS,
    RunningBatch,
    helper_count,
    ingest_each,
)
from newsroom_desktop.core.photos.worker import Helper, Request, serve

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
REAL = sorted(PHOTOS.glob("*.jpg"))


def noise_jpeg(path: Path) -> Path:
    """Write a small JPEG of random noise: every call gives distinct bytes."""
    Image.frombytes("RGB", (640, 480), os.urandom(640 * 480 * 3)).save(path, quality=80)
    return path


def request(path: Path, tmp_path: Path) -> Request:
    return Request(path, tmp_path / "originals", tmp_path / "thumbs", 320, Image.MAX_IMAGE_PIXELS)


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_a_helper_process_takes_a_real_photo_in_as_this_process_does(tmp_path: Path) -> None:
    helper = Helper()
    try:
        outcomes = [helper.run(request(path, tmp_path)) for path in REAL]
    finally:
        helper.close()
    assert helper.process.returncode == 0
    for path, outcome in zip(REAL, outcomes, strict=True):
        here = ingest_file(path, tmp_path / "here")
        assert not isinstance(outcome, Exception)
        assert (outcome.sha256, outcome.metadata) == (here.sha256, here.metadata)
        assert outcome.stored_path.read_bytes() == path.read_bytes()
        assert cached_thumbnail(tmp_path / "thumbs", outcome.sha256, 320) is not None


def test_a_helper_returns_the_refusal_with_its_code(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo", encoding="utf-8")
    helper = Helper()
    try:
        outcome = helper.run(request(text, tmp_path))
    finally:
        helper.close()
    assert isinstance(outcome, PhotoError)
    assert outcome.code == "not_an_image"
    assert "notes.jpg" in outcome.message


def test_helpers_start_for_a_batch_of_camera_photos_only(tmp_path: Path) -> None:
    small = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(10)]
    assert helper_count(small) == 0  # 10 small photos: this process alone, sooner done
    big = tmp_path / "big.jpg"
    big.write_bytes(os.urandom(BYTES_A_HELPER))
    assert helper_count([big]) == 0
    cores = len(os.sched_getaffinity(0))
    assert helper_count([big] * 10) == min(cores - 1, MAX_HELPERS)


def test_a_batch_keeps_its_order_and_stores_every_original(tmp_path: Path) -> None:
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(8)] + REAL
    outcomes = ingest_each(
        files, tmp_path / "originals", thumbnail_dir=tmp_path / "thumbs", helpers=2
    )
    assert [o.original_filename for o in outcomes if not isinstance(o, Exception | None)] == [
        f.name for f in files
    ]
    for path, outcome in zip(files, outcomes, strict=True):
        assert not isinstance(outcome, Exception | None)
        assert outcome.stored_path.read_bytes() == path.read_bytes()
        thumbnail = cached_thumbnail(tmp_path / "thumbs", outcome.sha256, 320)
        assert thumbnail is not None
        with Image.open(thumbnail) as small:
            longest = max(outcome.metadata.width, outcome.metadata.height)
            assert max(small.size) == min(320, longest)
    assert no_temp_files(tmp_path / "originals")
    assert no_temp_files(tmp_path / "thumbs")


@pytest.mark.parametrize("helpers", [0, 1])
def test_a_bad_file_stops_the_batch_with_its_own_error(tmp_path: Path, helpers: int) -> None:
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(6)]
    truncated = tmp_path / "p2.jpg"
    truncated.write_bytes(truncated.read_bytes()[:4000])
    outcomes = ingest_each(files, tmp_path / "originals", stop_on_error=True, helpers=helpers)
    first = next(o for o in outcomes if isinstance(o, Exception))
    assert isinstance(first, PhotoError)
    assert first.code == "unreadable"
    assert "p2.jpg" in first.message
    assert outcomes[-1] is None  # not started after the refusal
    with pytest.raises(PhotoError, match=r"p2\.jpg"):
        ingest_all(files, tmp_path / "originals", thumbnail_dir=tmp_path / "thumbs")
    assert no_temp_files(tmp_path / "originals")


def test_without_stopping_each_file_gets_its_outcome(tmp_path: Path) -> None:
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(5)]
    (tmp_path / "p1.jpg").write_text("plain text", encoding="utf-8")
    outcomes = ingest_each(files, tmp_path / "originals", helpers=1)
    assert isinstance(outcomes[1], PhotoError)
    assert outcomes[1].code == "not_an_image"
    assert all(not isinstance(o, Exception | None) for i, o in enumerate(outcomes) if i != 1)


def test_the_pixel_limit_of_this_process_holds_in_the_helpers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(4)]
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)
    outcomes = ingest_each(files, tmp_path / "originals", helpers=1)
    assert [getattr(o, "code", None) for o in outcomes] == ["too_large"] * 4


@pytest.mark.parametrize("helpers", [0, 1])
def test_cancelling_stops_after_the_files_in_hand(tmp_path: Path, helpers: int) -> None:
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(12)]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _name: str) -> bool:
        seen.append((done, total))
        return len(seen) < 3

    with pytest.raises(CancelledError):
        ingest_each(files, tmp_path / "originals", progress=progress, helpers=helpers)
    stored = list((tmp_path / "originals").rglob("*.jpg"))
    assert len(stored) < len(files)
    assert all(total == len(files) for _done, total in seen)
    assert no_temp_files(tmp_path / "originals")
    with pytest.raises(CancelledError):
        ingest_all(files, tmp_path / "again", lambda *_: False)
    assert not list((tmp_path / "again").rglob("*.jpg"))


def test_the_same_photo_twice_in_a_batch_is_stored_once(tmp_path: Path) -> None:
    first = noise_jpeg(tmp_path / "a.jpg")
    files = [first] + [shutil.copy(first, tmp_path / f"copy{i}.jpg") for i in range(4)]
    outcomes = ingest_each([Path(f) for f in files], tmp_path / "originals", helpers=2)
    hashes = {o.sha256 for o in outcomes if not isinstance(o, Exception | None)}
    assert len(hashes) == 1
    assert len(list((tmp_path / "originals").rglob("*.jpg"))) == 1


def test_a_helper_answers_each_request_in_turn_until_its_input_ends(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo", encoding="utf-8")
    requests = io.BytesIO()
    for path in (REAL[0], text):
        pickle.dump(request(path, tmp_path), requests)
    requests.seek(0)
    answers = io.BytesIO()
    serve(requests, answers)
    answers.seek(0)
    stored, refused = pickle.load(answers), pickle.load(answers)
    assert stored.stored_path.read_bytes() == REAL[0].read_bytes()
    assert isinstance(refused, PhotoError)
    assert refused.code == "not_an_image"
    assert answers.read() == b""


class GonePipe(io.BytesIO):
    """Where the outcomes go when the asking process has died."""

    def write(self, _data: object) -> int:
        raise BrokenPipeError


def test_a_helper_stops_quietly_when_its_asker_is_gone(tmp_path: Path) -> None:
    requests = io.BytesIO()
    for path in REAL[:2]:
        pickle.dump(request(path, tmp_path), requests)
    requests.seek(0)
    serve(requests, GonePipe())  # returns after the first file, without a traceback
    assert len(list((tmp_path / "originals").rglob("*.jpg"))) == 1


def test_one_add_of_many_files_places_each_and_keeps_one_photo_a_file(tmp_path: Path) -> None:
    from newsroom_desktop.core.newsroom import Newsroom
    from tests.conftest import EDITOR
    from tests.core.test_search_index import assert_index_is_true

    first = noise_jpeg(tmp_path / "a.jpg")
    again = Path(shutil.copy(first, tmp_path / "again.jpg"))
    other = noise_jpeg(tmp_path / "b.jpg")
    nr = Newsroom.open(tmp_path / "store.sqlite", actor=EDITOR)
    try:
        doc = nr.articles.create({"headline": "Ảnh hội nghị", "body": "Đoạn đầu."})
        uses = nr.photos.add(doc.id, [first, again, other])
        assert len({u.id for u in uses}) == 3
        assert uses[0].photo_id == uses[1].photo_id != uses[2].photo_id
        body = nr.articles.get(doc.id).body
        assert body.startswith("Đoạn đầu.")
        assert [body.index(f"photo:{u.id}") for u in uses] == sorted(
            body.index(f"photo:{u.id}") for u in uses
        )
        assert_index_is_true(nr)
    finally:
        nr.close()


def helper_processes(parent: int) -> list[int]:
    """Return the ids of the photo helper processes ``parent`` has running (from /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = next(x for x in status.read_text().splitlines() if x.startswith("PPid:"))
            command = (status.parent / "cmdline").read_bytes()
        except (OSError, StopIteration):
            continue  # ended meanwhile
        if int(ppid.split()[1]) == parent and b"newsroom_desktop.core.photos.worker" in command:
            found.append(int(status.parent.name))
    return found


def wait_for(check, seconds: float = 60.0) -> bool:
    """Poll ``check`` until it holds; False if it never did (no time is asserted)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_batch_begun_early_works_before_it_is_joined(tmp_path: Path) -> None:
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(6)]
    originals, thumbs = tmp_path / "originals", tmp_path / "thumbs"
    started = RunningBatch(files, originals, thumbnail_dir=thumbs, stop_on_error=True, helpers=1)
    # Nobody has joined it yet: its helper alone stores the first originals.
    assert wait_for(lambda: any(originals.rglob("*.jpg")))
    outcomes = ingest_each(
        files, originals, thumbnail_dir=thumbs, stop_on_error=True, started=started
    )
    for path, outcome in zip(files, outcomes, strict=True):
        assert not isinstance(outcome, Exception | None)
        assert outcome.original_filename == path.name
        assert outcome.stored_path.read_bytes() == path.read_bytes()
        assert cached_thumbnail(thumbs, outcome.sha256, 320) is not None
    assert helper_processes(os.getpid()) == []


def test_a_failed_call_ends_the_helpers_and_removes_the_folder_it_made(tmp_path: Path) -> None:
    originals = tmp_path / "originals"
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(4)]
    started = RunningBatch(files, originals, helpers=1)
    assert wait_for(lambda: helper_processes(os.getpid()) != [])
    assert wait_for(lambda: len(list(originals.rglob("*.jpg"))) > 1)
    started.close(discard=True)  # the store could not be opened, say
    assert helper_processes(os.getpid()) == []
    assert not originals.exists()


def test_a_failed_call_keeps_the_originals_of_a_folder_in_use(tmp_path: Path) -> None:
    """Another process may have taken the same photo in meanwhile, found it stored, used it."""
    originals = tmp_path / "originals"
    kept = ingest_file(REAL[0], originals)  # in the newsroom before the call
    files = [REAL[0], *(noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(3))]
    started = RunningBatch(files, originals, helpers=1)
    assert wait_for(lambda: len(list(originals.rglob("*.jpg"))) > 2)
    stored = set(originals.rglob("*.jpg"))
    started.close(discard=True)  # the article was refused, say
    assert helper_processes(os.getpid()) == []
    assert set(originals.rglob("*.jpg")) == stored
    assert kept.stored_path.read_bytes() == REAL[0].read_bytes()


def test_what_a_joined_batch_stored_is_never_discarded(tmp_path: Path) -> None:
    originals = tmp_path / "originals"
    files = [noise_jpeg(tmp_path / f"p{i}.jpg") for i in range(3)]
    started = RunningBatch(files, originals, helpers=1)
    outcomes = ingest_each(files, originals, helpers=1, started=started)
    # The call fails after joining (its output pipe closed, say): the photos may be recorded.
    started.close(discard=True)
    for outcome in outcomes:
        assert not isinstance(outcome, Exception | None)
        assert outcome.stored_path.is_file()


def test_a_batch_begun_for_other_files_is_not_joined(tmp_path: Path) -> None:
    originals = tmp_path / "originals"
    early = [noise_jpeg(tmp_path / f"early{i}.jpg") for i in range(3)]
    started = RunningBatch(early, originals, helpers=1)
    asked = [noise_jpeg(tmp_path / f"asked{i}.jpg") for i in range(2)]
    outcomes = ingest_each(asked, originals, helpers=0, started=started)
    assert [o.original_filename for o in outcomes if not isinstance(o, Exception | None)] == [
        "asked0.jpg",
        "asked1.jpg",
    ]
    # What the early batch stored is recorded by nobody: gone, with its helper.
    stored = {p.read_bytes() for p in originals.rglob("*.jpg")}
    assert stored == {f.read_bytes() for f in asked}
    assert helper_processes(os.getpid()) == []
