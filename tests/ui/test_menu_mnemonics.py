"""Each menu's Alt+letter keys are unique: a clash makes the letter cycle instead of act."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from newsroom_desktop.ui import i18n

MNEMONIC = re.compile(r"&([^&])")


def _clashes(window) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, menu in window.menus.items():
        letters: dict[str, str] = {}
        for action in menu.actions():
            match = MNEMONIC.search(action.text().replace("&&", ""))
            if action.isSeparator() or match is None:
                continue
            letter = match.group(1).lower()
            if letter in letters:
                found.setdefault(key, []).append(f"{letters[letter]!r} / {action.text()!r}")
            letters[letter] = action.text()
    return found


@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_two_items_of_a_menu_share_their_letter(make_window, language):
    i18n.install_translations(QApplication.instance(), language)
    window = make_window()
    window.retranslate()
    assert _clashes(window) == {}
