"""Importers: one module a format, each turning a file into an ImportedArticle; no Qt."""
