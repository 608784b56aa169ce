"""Alembic migrations of the store's schema, from the first table on."""
