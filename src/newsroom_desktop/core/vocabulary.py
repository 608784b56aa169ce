"""The words the store and every layer share: statuses, languages, roles, revision names."""

from __future__ import annotations

STATUSES = ("draft", "submitted", "editing", "ready", "published", "spiked")
LANGUAGES = ("vi", "en")
ROLES = ("reporter", "editor")

# The name of an article's current text wherever a revision is asked for.
CURRENT = "current"
