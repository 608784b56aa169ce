"""Exporters: one module a format behind one protocol and one registry; no Qt except PDF."""
