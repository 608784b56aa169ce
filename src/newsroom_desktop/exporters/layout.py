"""Words the web page and the PDF lay out alike: the section line and each photo's credit."""

from __future__ import annotations


def section_line(section: str) -> str:
    """Return the section as the page and the PDF show it: in capitals, like the sample site."""
    return " ".join(section.split()).upper()


def caption_parts(caption: str, credit: str) -> tuple[str, str]:
    """Return the caption and the credit as shown under a photo.

    The credit follows the caption in brackets ("… Cần Thơ. (Ảnh: Ngọc Hậu)"), or stands
    alone when there is no caption.
    """
    caption, credit = caption.strip(), credit.strip()
    return caption, f"({credit})" if caption and credit else credit


def caption_line(caption: str, credit: str) -> str:
    """Return the caption and credit as one line of text."""
    return " ".join(part for part in caption_parts(caption, credit) if part)
