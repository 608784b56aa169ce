"""The local profile: who uses this copy of the app (name and role), chosen at first start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.settings import load_settings, save_settings
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.core.vocabulary import ROLES

MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class Profile:
    """The person this copy of the app acts as."""

    name: str
    role: str

    @property
    def is_set(self) -> bool:
        return bool(self.name)

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.role)


def load_profile(folder: Path | None = None) -> Profile:
    """Return the stored profile (an empty name before the first-start dialog)."""
    settings = load_settings(folder)
    role = settings.profile_role if settings.profile_role in ROLES else "reporter"
    return Profile(clean_line(settings.profile_name), role)


def needs_profile(folder: Path | None = None) -> bool:
    """Tell whether no profile was chosen yet (the app asks at first start)."""
    return not load_profile(folder).is_set


def save_profile(name: str, role: str, folder: Path | None = None) -> Profile:
    """Store the profile, keeping every other setting; return it as stored."""
    name = clean_line(name)
    if not name:
        raise ValidationError("Give your name: it goes on your revisions, notes and approvals.")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(f"A name can have at most {MAX_NAME_LENGTH} characters.")
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}; use reporter or editor.")
    settings = load_settings(folder)
    save_settings(settings.updated(profile_name=name, profile_role=role), folder)
    return Profile(name, role)
