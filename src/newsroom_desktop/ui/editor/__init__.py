"""The WYSIWYG article editor: the panel, its body widget and the Markdown bridge."""

from __future__ import annotations

from newsroom_desktop.ui.editor.bridge import document_to_markdown, markdown_to_document
from newsroom_desktop.ui.editor.figures import FigureSource
from newsroom_desktop.ui.editor.panel import EditorPanel

__all__ = ["EditorPanel", "FigureSource", "document_to_markdown", "markdown_to_document"]
