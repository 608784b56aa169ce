"""Dates the way newsrooms write them: Vietnamese and English date lines in the newsroom's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

# The zone a newsroom works in until its settings name another.
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"

EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def local(moment: datetime, zone: ZoneInfo) -> datetime:
    """Return ``moment`` in the newsroom's zone."""
    return moment.astimezone(zone)


def updated_line(moment: datetime, zone: ZoneInfo, language: str = "vi") -> str:
    """Return the updated-at line: "Cập nhật lúc 06:59 ngày 07/09/2021" or its English form."""
    t = local(moment, zone)
    if language == "vi":
        return f"Cập nhật lúc {t:%H:%M} ngày {t:%d/%m/%Y}"
    return f"Updated {t:%H:%M}, {t.day} {EN_MONTHS[t.month - 1]} {t.year}"


def short(moment: datetime, zone: ZoneInfo, language: str = "vi") -> str:
    """Return a compact date and time for lists: "07/09/2021 06:59" or "7 Sep 2021 06:59"."""
    t = local(moment, zone)
    if language == "vi":
        return f"{t:%d/%m/%Y %H:%M}"
    return f"{t.day} {EN_MONTHS[t.month - 1][:3]} {t.year} {t:%H:%M}"
