"""Which importer reads a file: by suffix, else by its first bytes; folders expanded."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from . import docx, html, markdown, text
from .base import DEFAULT_TZ, ImportedArticle, failed

FORMATS = ("text", "html", "md", "docx")
SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".md": "md", ".markdown": "md", ".mdown": "md", ".mkd": "md",
    ".docx": "docx",
}  # fmt: skip
_PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".bmp",
                             ".heic", ".heif", ".avif"})  # fmt: skip
_OTHER_REASONS = {
    ".doc": "an old Word .doc file: save it as .docx first",
    ".odt": "an OpenDocument file: save it as .docx first",
    ".rtf": "an RTF file: save it as .docx first",
    ".pdf": "a PDF: copy its text into a .txt file first",
}
Parser = Callable[..., ImportedArticle]
PARSERS: dict[str, Parser] = {
    "text": text.parse,
    "html": html.parse,
    "md": markdown.parse,
    "docx": docx.parse,
}
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class SkippedFile:
    """A file found in a folder that is not imported, and why."""

    file: Path
    reason: str


def unsupported_reason(path: Path) -> str:
    """Return why a file found in a folder is not an article file ("" if it is one)."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return ""
    if suffix in _PHOTO_SUFFIXES:
        return "a photo: photos come in with the page or document that shows them"
    return _OTHER_REASONS.get(suffix, f"not an article file ({suffix or 'no extension'})")


def sniff(head: bytes) -> str:
    """Return the format the first bytes of a file suggest."""
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"---\n", b"---\r\n", b"+++\n", b"+++\r\n")):
        return "md"
    markers = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<div")
    if lowered.startswith(b"<") and any(marker in lowered for marker in markers):
        return "html"
    return "text"


def detect_format(path: Path) -> str:
    """Return the importer for ``path``: its suffix decides, else its first bytes."""
    known = SUFFIXES.get(path.suffix.lower())
    if known is not None:
        return known
    reason = _OTHER_REASONS.get(path.suffix.lower())
    if reason is not None:
        raise failed(path, f"it is {reason}", code="unsupported")
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError as exc:
        raise failed(path, exc.strerror or str(exc), code="unreadable") from exc
    return sniff(head)


def parse_file(path: Path, format: str = "auto", *, zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:  # noqa: A002
    """Read one file into an article (nothing is stored); raise ImportFailedError if it can't."""
    if format != "auto" and format not in PARSERS:
        raise failed(path, f"unknown format {format!r}; use one of auto, {', '.join(FORMATS)}")
    if not path.exists():
        raise failed(path, "the file does not exist", code="not_found")
    chosen = detect_format(path) if format == "auto" else format
    article = PARSERS[chosen](path, zone=zone)
    if not article.lead and not article.blocks:
        raise failed(path, "no article text was found in it", code="empty")
    return article


def _walk(folder: Path) -> Iterable[Path]:
    """Yield the files under ``folder`` in name order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def expand_paths(paths: Sequence[Path]) -> tuple[list[Path], list[SkippedFile]]:
    """Return the files to import (folders searched recursively) and the files skipped."""
    files: list[Path] = []
    skipped: list[SkippedFile] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)  # named on purpose: tried, and refused with a reason if need be
            continue
        for found in _walk(path):
            reason = unsupported_reason(found)
            if reason:
                skipped.append(SkippedFile(found, reason))
            else:
                files.append(found)
    return files, skipped
