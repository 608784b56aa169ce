"""The WYSIWYG article editor: the panel, its body widget and the Markdown bridge."""

from __future__ import annotations

from .bridge import document_to_markdown, markdown_to_document
from .figures import FigureSource
from .panel import EditorPanel

__all__ = ["EditorPanel", "FigureSource", "document_to_markdown", "markdown_to_document"]
