"""Newsroom Desktop: a desktop newsroom editor (version only; nothing here imports Qt)."""

__version__ = "0.1.0"
