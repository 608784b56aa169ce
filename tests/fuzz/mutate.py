"""Byte-level mutations of real files, as hypothesis strategies: flips, cuts, repeats, inserts."""

from __future__ import annotations

from hypothesis import strategies as st

Edit = tuple[str, float, int, bytes]

INTERESTING = [b"\x00", b"\xff", b"\xff\xd8", b"\xff\xe1\xff\xff", b"<", b">", b"&", b"\n---\n",
               b"<![CDATA[", b"]]>", b"&#x110000;", b"\xc3", b"\xe2\x80", b"<?xml", b"PK\x03\x04",
               b"\x7f\xff\xff\xff", b"Exif\x00\x00MM\x00*", b"8BIM\x04\x04"]  # fmt: skip


def mutations(max_edits: int = 8) -> st.SearchStrategy[list[Edit]]:
    """Return a strategy for a list of edits (kind, where as a fraction, size, bytes)."""
    edit = st.tuples(
        st.sampled_from(["flip", "cut", "repeat", "insert", "truncate", "overwrite"]),
        st.floats(0, 1),
        st.integers(1, 512),
        st.sampled_from(INTERESTING) | st.binary(min_size=1, max_size=16),
    )
    return st.lists(edit, min_size=1, max_size=max_edits)


def mutated(data: bytes, edits: list[Edit]) -> bytes:
    """Apply ``edits`` to ``data``; the metadata at the start of files is hit most often."""
    out = bytearray(data)
    for kind, where, size, chunk in edits:
        if not out:
            out += chunk
            continue
        # Square the fraction: edits cluster near the start, where headers and metadata live.
        at = min(int(where * where * len(out)), len(out) - 1)
        if kind == "flip":
            out[at] ^= 1 << (size % 8)
        elif kind == "cut":
            del out[at : at + size]
        elif kind == "repeat":
            out[at:at] = out[at : at + size] * (1 + size % 5)
        elif kind == "insert":
            out[at:at] = chunk
        elif kind == "truncate":
            del out[at:]
        else:
            out[at : at + len(chunk)] = chunk
    return bytes(out)
