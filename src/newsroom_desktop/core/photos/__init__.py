"""Photos: safe ingest of originals, metadata, thumbnails and captioned web renditions.

The names below are loaded when first asked for (PEP 562), not when a submodule is imported:
``core.documents`` needs only ``photos.recipe``, and `newsroom --version` or `newsroom list`
must not pay for Pillow (a test keeps them light).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsroom_desktop.core.photos.formats import heif_available
    from newsroom_desktop.core.photos.ingest import IngestedPhoto, ingest_file, original_path
    from newsroom_desktop.core.photos.metadata import PhotoMetadata, read_metadata
    from newsroom_desktop.core.photos.rendition import RenditionInfo, write_rendition
    from newsroom_desktop.core.photos.thumbnails import (
        cached_thumbnail,
        make_thumbnail,
        thumbnail_path,
    )

_WHERE = {
    "heif_available": "formats",
    "IngestedPhoto": "ingest",
    "ingest_file": "ingest",
    "original_path": "ingest",
    "PhotoMetadata": "metadata",
    "read_metadata": "metadata",
    "RenditionInfo": "rendition",
    "write_rendition": "rendition",
    "cached_thumbnail": "thumbnails",
    "make_thumbnail": "thumbnails",
    "thumbnail_path": "thumbnails",
}

__all__ = [
    "IngestedPhoto",
    "PhotoMetadata",
    "RenditionInfo",
    "cached_thumbnail",
    "heif_available",
    "ingest_file",
    "make_thumbnail",
    "original_path",
    "read_metadata",
    "thumbnail_path",
    "write_rendition",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value
