"""The local profile: chosen at first start, changed in Preferences, used as the actor."""

from __future__ import annotations

import unicodedata

import pytest

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.newsroom import default_actor
from newsroom_desktop.core.profile import load_profile, needs_profile, save_profile
from newsroom_desktop.core.settings import load_settings, save_settings


def test_first_start_has_no_profile():
    assert needs_profile()
    assert not load_profile().is_set


def test_a_saved_profile_is_the_acting_person():
    profile = save_profile(unicodedata.normalize("NFD", "  Phương   Nam "), "editor")
    assert profile.name == "Phương Nam"
    assert load_profile() == profile
    assert not needs_profile()
    assert profile.actor == Actor("Phương Nam", "editor")
    assert default_actor(load_settings()) == Actor("Phương Nam", "editor")


def test_changing_the_profile_keeps_other_settings():
    save_settings(load_settings().updated(timezone="Asia/Bangkok", rendition_quality=70))
    save_profile("Ngọc Hậu", "reporter")
    save_profile("Ngọc Hậu", "editor")
    settings = load_settings()
    assert (settings.timezone, settings.rendition_quality) == ("Asia/Bangkok", 70)
    assert load_profile().role == "editor"


def test_bad_profiles_are_refused():
    with pytest.raises(ValidationError, match="Give your name"):
        save_profile("   ", "reporter")
    with pytest.raises(ValidationError, match="Unknown role 'boss'"):
        save_profile("Ngọc Hậu", "boss")
    with pytest.raises(ValidationError, match="at most"):
        save_profile("x" * 201, "reporter")
    assert needs_profile()
