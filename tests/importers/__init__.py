"""Tests of the importers: text, HTML, Markdown, Word, the store writer and the batch."""
