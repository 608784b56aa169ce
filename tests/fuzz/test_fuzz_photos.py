"""Hostile photos for the metadata reader and ingest: mutated real JPEGs from cameras and tools.

Each input must end in PhotoMetadata (or an ingested photo) or a PhotoError, within the time
bound; never another exception, never a hang.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsroom_desktop.core.photos import PhotoMetadata, ingest_file, read_metadata
from tests.fuzz.bounds import DATA, FUZZ, TEST_TIMEOUT_S, outcome
from tests.fuzz.mutate import mutated, mutations

PHOTOS = sorted((DATA / "photos").glob("*.jpg"))
_names = itertools.count()
# Hostile inputs make zipfile and Pillow warn (duplicate names, tags past the end): expected.
pytestmark = [
    pytest.mark.filterwarnings("ignore::UserWarning"),
    pytest.mark.timeout(TEST_TIMEOUT_S),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-photos")


def _write(folder: Path, data: bytes) -> Path:
    path = folder / f"photo-{next(_names)}.jpg"
    path.write_bytes(data)
    return path


@FUZZ
@given(choice=st.integers(0, 50), edits=mutations(max_edits=10))
@example(choice=0, edits=[("truncate", 0.05, 1, b"\x00")])
def test_metadata_of_mutated_jpegs(folder: Path, choice: int, edits) -> None:
    original = PHOTOS[choice % len(PHOTOS)]
    path = _write(folder, mutated(original.read_bytes(), edits))
    try:
        result = outcome("photo metadata", lambda: read_metadata(path))
        assert isinstance(result, PhotoMetadata) or result.code  # PhotoError with a stable code
    finally:
        path.unlink()


@FUZZ
@given(choice=st.integers(0, 50), edits=mutations(max_edits=4))
def test_ingest_of_mutated_jpegs(folder: Path, choice: int, edits) -> None:
    original = PHOTOS[choice % len(PHOTOS)]
    path = _write(folder, mutated(original.read_bytes(), edits))
    try:
        outcome("photo ingest", lambda: ingest_file(path, folder / "originals",
                                                    thumbnail_dir=folder / "thumbs"))  # fmt: skip
    finally:
        path.unlink()


@FUZZ
@given(data=st.binary(max_size=4000))
@example(data=b"\xff\xd8\xff\xe1\xff\xffExif\x00\x00" + b"\x00" * 100)
def test_metadata_of_random_bytes(folder: Path, data: bytes) -> None:
    path = _write(folder, data)
    try:
        outcome("photo random bytes", lambda: read_metadata(path))
    finally:
        path.unlink()
