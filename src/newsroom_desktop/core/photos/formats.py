"""Open untrusted image files safely: allowed formats, pixel limits and stable error codes."""

from __future__ import annotations

import contextlib
import importlib
import threading
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from newsroom_desktop.core.errors import PhotoError

# Formats a newsroom receives from cameras, phones and picture desks. Everything else is refused
# before a plugin parses it (EPS would even run Ghostscript on load).
ALLOWED_FORMATS = ("JPEG", "MPO", "PNG", "TIFF", "WEBP", "GIF", "BMP", "AVIF", "HEIF")
JPEG_FAMILY = frozenset({"JPEG", "MPO"})
_EXTENSIONS = {
    "JPEG": ".jpg",
    "MPO": ".jpg",
    "PNG": ".png",
    "TIFF": ".tif",
    "WEBP": ".webp",
    "GIF": ".gif",
    "BMP": ".bmp",
    "AVIF": ".avif",
    "HEIF": ".heic",
}
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
_heif_lock = threading.Lock()
_heif_state: list[bool] = []  # empty until the first attempt; then [available]
# Pillow's modules that open ALLOWED_FORMATS (HEIF comes from pillow-heif, MPO from Jpeg).
_PLUGINS = ("Jpeg", "Mpo", "Png", "Tiff", "WebP", "Gif", "Bmp", "Avif")
_plugins_loaded: list[bool] = []


def heif_available() -> bool:
    """Register the optional pillow-heif opener once; return whether HEIC can be read."""
    with _heif_lock:
        if not _heif_state:
            try:
                import pillow_heif  # noqa: PLC0415 - lazy, for start-up time

                pillow_heif.register_heif_opener()
                _heif_state.append(True)
            except Exception:  # ImportError, or a broken native build: both mean "no HEIC"
                _heif_state.append(False)
        return _heif_state[0]


def normalise_format(pillow_format: str | None) -> str:
    """Return the format name we store: Pillow's, with MPO (a camera JPEG) reported as JPEG."""
    name = (pillow_format or "").upper()
    return "JPEG" if name in JPEG_FAMILY else name


def extension_for(pillow_format: str | None) -> str:
    """Return the lower-case file extension for a Pillow format name, e.g. ``.jpg``."""
    name = (pillow_format or "").upper()
    return _EXTENSIONS.get(name, f".{name.lower()}" if name.isalnum() else ".img")


def is_jpeg(image: Image.Image) -> bool:
    """Return whether ``image`` was opened from a JPEG stream (draft mode is available)."""
    return (image.format or "").upper() in JPEG_FAMILY


def open_image(path: Path) -> Image.Image:
    """Open ``path`` reading only its header, or raise PhotoError with a stable code."""
    _check_file(path)
    heif_available()
    try:
        with warnings.catch_warnings():
            # Pillow only warns between 1x and 2x MAX_IMAGE_PIXELS; stop it there. (Not
            # thread-safe before Python 3.14, but check_pixels enforces the same limit.)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path, formats=_registered_formats())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(path) from exc
    except UnidentifiedImageError as exc:
        raise _unidentified(path) from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc
    except Exception as exc:  # a plugin choked on hostile header bytes
        message = f"{path.name} is not an image that can be read"
        raise PhotoError(message, code="not_an_image") from exc
    try:
        check_pixels(image, path)
    except PhotoError:
        image.close()
        raise
    return image


def _registered_formats() -> tuple[str, ...]:
    # Pillow raises KeyError for a format no plugin registered (HEIF without pillow-heif;
    # MPO, which the JPEG opener returns by itself).
    _load_plugins()
    return tuple(name for name in ALLOWED_FORMATS if name in Image.OPEN)


def _load_plugins() -> None:
    """Register the plugins of the allowed formats only: Image.init() imports all forty-odd
    (20 ms in every process that opens a photo, helpers included)."""
    if _plugins_loaded:
        return
    for plugin in _PLUGINS:
        with contextlib.suppress(ImportError):  # AVIF in a Pillow built without it
            importlib.import_module(f"PIL.{plugin}ImagePlugin")
    _plugins_loaded.append(True)


def check_pixels(image: Image.Image, path: Path) -> None:
    """Raise PhotoError("too_large") if the header declares more than MAX_IMAGE_PIXELS."""
    limit = Image.MAX_IMAGE_PIXELS
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoError(f"{path.name} declares an empty picture", code="not_an_image")
    if limit is not None and width * height > limit:
        raise _too_large(path, (width, height))


def unreadable(path: Path, exc: OSError) -> PhotoError:
    """Return the PhotoError("unreadable") for an OS error while reading ``path``."""
    return PhotoError(f"Cannot read {path.name}: {exc.strerror or exc}", code="unreadable")


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        readable = path.is_file()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if not readable:
        raise PhotoError(f"{path.name} is not a file", code="unreadable")
    if size == 0:
        raise PhotoError(f"{path.name} is empty, not an image", code="not_an_image")


def _too_large(path: Path, size: tuple[int, int] | None = None) -> PhotoError:
    declared = f" ({size[0]} × {size[1]} px)" if size else ""
    limit = Image.MAX_IMAGE_PIXELS or 0
    return PhotoError(
        f"{path.name} declares too many pixels{declared}; the limit is {limit:,} pixels",
        code="too_large",
    )


def _unidentified(path: Path) -> PhotoError:
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError as exc:
        return unreadable(path, exc)
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return PhotoError(
            f"{path.name} is a HEIC/HEIF photo; install the 'heif' extra "
            "(pip install 'newsroom-desktop[heif]') to import it",
            code="unsupported",
        )
    return PhotoError(
        f"{path.name} is not a JPEG, PNG, TIFF, WebP, GIF, BMP, AVIF or HEIC image",
        code="not_an_image",
    )
