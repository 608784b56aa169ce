"""Import rules between the package's parts, read from the source (no module is imported)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "src" / "newsroom_desktop"

# What the format packages must never reach: the database, the store and the services'
# internals. They read and write files; the core stores (newsroom.intake), the jobs join them.
FORMAT_PACKAGES = ("importers", "exporters")
STORE_MODULES = (
    "sqlalchemy",
    "alembic",
    "newsroom_desktop.core.store",
    "newsroom_desktop.core.models",
    "newsroom_desktop.core.schema",
    "newsroom_desktop.core.migrations",
    "newsroom_desktop.core.articles",
    "newsroom_desktop.core.photo_service",
    "newsroom_desktop.core.context",
    "newsroom_desktop.core._writes",
    "newsroom_desktop.core.newsroom",
    "newsroom_desktop.jobs",
)
# The core's unit-of-work helpers: private to core/, whatever module they live in.
WRITE_HELPERS = frozenset(
    {
        "apply_changes",
        "commit_save",
        "create_in",
        "new_article_row",
        "touch",
        "link_photo",
        "photo_row",
        "person_for",
        "section_for",
        "normalised_changes",
        "_add_to_session",
    }
)


def _imports_of(path: Path) -> Iterator[tuple[str, str, int]]:
    """Yield (module, imported name or "", line) for every import statement, at any depth."""
    # The package a module's relative imports start from (a package's own for __init__).
    package = list(path.relative_to(PACKAGE_DIR.parent).parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, "", node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:
                yield module, alias.name, node.lineno


def _is_under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _modules_in(*packages: str) -> list[Path]:
    return sorted(p for name in packages for p in (PACKAGE_DIR / name).rglob("*.py"))


def test_format_packages_never_import_the_store_orm_or_sqlalchemy():
    found = []
    for path in _modules_in(*FORMAT_PACKAGES):
        for module, name, line in _imports_of(path):
            # "from newsroom_desktop.core import models" names the module models.
            targets = {module, f"{module}.{name}"} if name else {module}
            bad = [p for p in STORE_MODULES for t in targets if _is_under(t, p)]
            if bad:
                found.append(f"{path.relative_to(PACKAGE_DIR)}:{line} imports {bad[0]}")
    assert found == []


def test_write_helpers_are_used_only_inside_the_core():
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if (PACKAGE_DIR / "core") in path.parents:
            continue
        for module, name, line in _imports_of(path):
            if not _is_under(module, "newsroom_desktop.core"):
                continue
            private = any(part.startswith("_") for part in [*module.split("."), name])
            if name in WRITE_HELPERS or private:
                found.append(f"{path.relative_to(PACKAGE_DIR)}:{line} imports {module} {name}")
    assert found == []


def test_the_core_never_imports_format_packages_or_jobs():
    found = []
    for path in _modules_in("core"):
        for module, name, line in _imports_of(path):
            targets = {module, f"{module}.{name}"} if name else {module}
            for package in ("importers", "exporters", "jobs", "ui", "cli"):
                if any(_is_under(t, f"newsroom_desktop.{package}") for t in targets):
                    found.append(f"{path.relative_to(PACKAGE_DIR)}:{line} imports {package}")
    assert found == []
