"""Which importer reads a file: by suffix, else by its first bytes; folders expanded."""

from __future__ import annotations

import errno
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from newsroom_desktop.core.intake import ImportedArticle
from newsroom_desktop.importers import docx, html, markdown, text
from newsroom_desktop.importers.base import DEFAULT_TZ, check_regular, failed

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
    check_regular(path)  # before its first bytes are read: a pipe would never give them
    chosen = detect_format(path) if format == "auto" else format
    article = PARSERS[chosen](path, zone=zone)
    if not article.lead and not article.blocks:
        raise failed(path, "no article text was found in it", code="empty")
    return article


_LOOP = "a link that goes round in a loop"


@dataclass
class _Search:
    """One chosen folder searched: nothing outside it is followed, each real file found once.

    Real files and folders come first; links (which may stay inside the folder) are followed
    after them, so a file is listed under its own name rather than an alias's.
    """

    root: Path
    seen: dict[Path, Path]  # real path -> the name it was found under (shared by a batch)
    files: list[Path] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    searched: dict[Path, Path] = field(default_factory=dict)  # real folder -> shown folder
    links: deque[Path] = field(default_factory=deque)

    def __post_init__(self) -> None:
        self.real_root = self.root.resolve()

    def run(self) -> None:
        pending = [(self.root, self.real_root)]
        while pending or self.links:
            if pending:
                pending += reversed(self._folder(*pending.pop()))
                continue
            link = self.links.popleft()
            try:
                found = self._link(link)
            except (OSError, RuntimeError) as exc:  # the folder changed while it was searched
                self.skipped.append(SkippedFile(link, f"cannot be read: {exc}"))
                continue
            pending += [found] if found else []

    def _name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _folder(self, shown: Path, real: Path) -> list[tuple[Path, Path]]:
        """Take the folder's files in; return its sub-folders (links wait for the end)."""
        self.searched[real] = shown
        try:
            with os.scandir(shown) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            self.skipped.append(SkippedFile(shown, f"cannot be read: {exc.strerror or exc}"))
            return []
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = shown / entry.name
            try:
                if entry.is_symlink():
                    self.links.append(path)
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((path, real / entry.name))
                else:
                    self._file(path, real / entry.name, entry.is_file(follow_symlinks=False))
            except OSError as exc:
                self.skipped.append(SkippedFile(path, f"cannot be read: {exc.strerror or exc}"))
        return folders

    def _file(self, path: Path, real: Path, regular: bool) -> None:
        reason = unsupported_reason(path) if regular else _NOT_REGULAR
        if not reason and real in self.seen:
            reason = f"the same file as {self._shown(self.seen[real])}, imported once"
        if reason:
            self.skipped.append(SkippedFile(path, reason))
            return
        self.seen[real] = path
        self.files.append(path)

    def _shown(self, path: Path) -> str:
        return self._name(path) if path.is_relative_to(self.root) else str(path)

    def _link(self, link: Path) -> tuple[Path, Path] | None:
        """Follow a link that stays inside the folder; return it if it is a folder to search."""
        real, reason = _target(link)
        if not reason and not real.is_relative_to(self.real_root):
            reason = f"a link to {real}, outside the folder {self.root}; it was not followed"
        elif not reason and real.is_dir():
            if real in self.searched and link.parent.resolve().is_relative_to(real):
                reason = "a link back to a folder it is in (a loop)"
            elif real in self.searched:
                reason = f"a link to the folder {self._shown(self.searched[real])}, searched once"
            else:
                return link, real
        if reason:
            self.skipped.append(SkippedFile(link, reason))
        else:
            self._file(link, real, real.is_file())
        return None


_NOT_REGULAR = "not a regular file (a pipe, socket or device)"


def _target(link: Path) -> tuple[Path, str]:
    """Return where a link leads, or why it leads nowhere."""
    try:
        return link.resolve(strict=True), ""
    except RuntimeError:  # Python before 3.13 reports a loop this way
        return link, _LOOP
    except FileNotFoundError:
        return link, f"a link to {link.readlink()}, which does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return link, _LOOP
        return link, f"cannot be read: {exc.strerror or exc}"


def expand_paths(paths: Sequence[Path]) -> tuple[list[Path], list[SkippedFile]]:
    """Return the files to import (folders searched recursively) and the files skipped.

    Nothing outside a chosen folder is read: a link whose real path leaves it, a link loop, a
    pipe or device is skipped with the reason. Links that stay inside are followed, and each
    real file is imported once.
    """
    files: list[Path] = []
    skipped: list[SkippedFile] = []
    seen: dict[Path, Path] = {}
    for path in paths:
        if not path.is_dir():
            files.append(path)  # named on purpose: tried, and refused with a reason if need be
            continue
        search = _Search(path, seen)
        search.run()
        files += search.files
        skipped += search.skipped
    return files, skipped
