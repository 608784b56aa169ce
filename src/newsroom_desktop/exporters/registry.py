"""The export formats by name; a format's module is imported only when it is used (PDF: Qt)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import cast

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.exporters.base import Exporter


@dataclass(frozen=True)
class FormatInfo:
    """What a dialog lists for a format, without importing its module."""

    name: str
    label: str
    module: str
    cls: str


FORMATS: dict[str, FormatInfo] = {
    info.name: info
    for info in (
        FormatInfo("html", "Web page (HTML)", "html", "HtmlExporter"),
        FormatInfo("fragment", "Body for a CMS (HTML fragment)", "html", "FragmentExporter"),
        FormatInfo("md", "Markdown (Hugo, Jekyll)", "markdown", "MarkdownExporter"),
        FormatInfo("txt", "Plain text", "text", "TextExporter"),
        FormatInfo("newsml", "NewsML-G2", "newsml", "NewsmlExporter"),
        FormatInfo("nitf", "NITF 3.6", "nitf", "NitfExporter"),
        FormatInfo("ninjs", "ninjs (IPTC JSON)", "ninjs", "NinjsExporter"),
        FormatInfo("docx", "Word (.docx)", "docx", "DocxExporter"),
        FormatInfo("pdf", "PDF", "pdf", "PdfExporter"),
        FormatInfo("package", "Web package (folder or .zip)", "package", "PackageExporter"),
    )
}


def names() -> tuple[str, ...]:
    """Return the format names, in the order a menu lists them."""
    return tuple(FORMATS)


def get(name: str) -> Exporter:
    """Return the exporter for ``name`` (html, fragment, md, txt, newsml, ...)."""
    info = FORMATS.get(name)
    if info is None:
        raise ExportFailedError(
            f"Unknown export format {name!r}; use one of {', '.join(FORMATS)}.",
            code="unknown_format",
        )
    module = importlib.import_module(f"{__package__}.{info.module}")
    return cast(Exporter, getattr(module, info.cls)())
