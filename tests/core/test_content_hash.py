"""A snapshot's hash is the SHA-256 of its compact, sorted JSON, however long its text."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom_desktop.core import revisions

TEXT = st.text(alphabet=st.sampled_from(["a", "Đ", " ", "\n", '"', "\\", "\x00", "\x1f", "€", "𝔘"]))
SNAPSHOTS = st.fixed_dictionaries(
    {"section": TEXT, "headline": TEXT, "lead": TEXT, "body": TEXT, "byline": TEXT,
     "language": st.sampled_from(["vi", "en"]), "tags": st.lists(TEXT, max_size=3),
     "photos": st.lists(st.fixed_dictionaries({"id": TEXT, "position": st.integers(0, 9),
                                               "is_lead": st.booleans()}), max_size=2)}
)  # fmt: skip


def json_hash(snap: dict[str, object]) -> str:
    text = json.dumps(snap, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@settings(max_examples=300, deadline=None)
@given(SNAPSHOTS)
def test_the_hash_reads_the_snapshot_as_json(snap):
    assert revisions.content_hash(snap) == json_hash(snap)


def test_a_long_body_is_hashed_as_its_json(monkeypatch):
    snap = {"body": 'Người dân "hai" quận\n\\' * 10_000, "headline": "Cầu", "tags": ["a"]}
    assert revisions.content_hash(snap) == json_hash(snap)
    monkeypatch.setattr(revisions, "_HASH_STRETCH", 7)  # stretches cut everywhere
    assert revisions.content_hash(snap) == json_hash(snap)
