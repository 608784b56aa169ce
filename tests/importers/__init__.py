"""Tests of the importers: text, HTML, Markdown, Word, the intake service and the import job."""
