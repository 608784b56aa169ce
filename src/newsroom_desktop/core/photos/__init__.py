"""Photos: safe ingest of originals, metadata, thumbnails and captioned web renditions."""

from __future__ import annotations

from newsroom_desktop.core.photos.formats import heif_available
from newsroom_desktop.core.photos.ingest import IngestedPhoto, ingest_file, original_path
from newsroom_desktop.core.photos.metadata import PhotoMetadata, read_metadata
from newsroom_desktop.core.photos.rendition import RenditionInfo, write_rendition
from newsroom_desktop.core.photos.thumbnails import (
    cached_thumbnail,
    make_thumbnail,
    thumbnail_path,
)

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
