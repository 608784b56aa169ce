"""Import rules between the package's parts, read from the source (no module is imported)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.architecture import PACKAGE, Module, read_modules

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


# -- the UI and the core -------------------------------------------------------------------

CORE = f"{PACKAGE}.core"

# What the UI may import from the core: the facade, and modules of records and pure functions
# of records. A module qualifies when it has no store access: it does not itself import
# SQLAlchemy, the store, the ORM models, the core context or a service module (one that does).
# A package (body, photos) qualifies with every module in it.
UI_MAY_IMPORT = frozenset(
    f"{CORE}.{name}"
    for name in (
        "newsroom",  # the facade: opens the store, hands out the services
        "body",  # the Markdown body model: blocks, runs, the walker, the writer
        "changes",  # change sets and their kinds
        "code_replace",  # the code roster as plain data, and expanding its codes
        "conflicts",  # two versions in conflict aligned into chunks, and their merge
        "dates",
        "diff",  # the word-level comparison of two versions and its records
        "documents",  # the frozen records services hand out and take (ArticleDoc, ListQuery ...)
        "errors",
        "filters",  # the saved filters as list queries
        "note_info",  # a note as plain data, and whether its passage is still there
        "photo_checks",
        "photo_templates",  # caption templates as plain data, and filling them in
        "photo_records",  # the photo library's records: a photo with its marks, a filter
        "photos",  # image files only (ingest, metadata, thumbnails): no store
        "profile",  # the local profile kept in the settings file
        # Proofreading's records and pure functions (its service and sync are the store's).
        *(
            f"proofing.{m}"
            for m in ("findings", "house", "proofer", "speller", "style", "tones", "words")
        ),
        "resources",
        "safety_records",  # backups, restores and kept edits as plain data
        "server_records",  # a server's address and how the window reaches it
        "settings",
        "targets",  # length targets measured on an ArticleDoc
        "text",
        "tracked",  # tracked changes: the word diff placed in the current text
        "vocabulary",  # statuses, languages, roles, revision names
        "workflow_rules",  # who may move or edit an article, from its record
    )
)
# Modules that are the store: what a module with no store access never imports.
STORE_ACCESS = frozenset(f"{CORE}.{name}" for name in ("store", "models", "context"))


def _all_imports(module: Module) -> set[str]:
    return module.imports | module.late_imports | module.type_imports


def _in(name: str, allowed: frozenset[str]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


def _store_bound(modules: dict[str, Module]) -> set[str]:
    """Return the store modules and the service modules: those that import one of them."""
    bound = set(STORE_ACCESS)
    for name, module in modules.items():
        if name.startswith(CORE + ".") and _all_imports(module) & STORE_ACCESS:
            bound.add(name)
    return bound


def test_the_ui_reaches_the_core_only_through_the_facade_and_records() -> None:
    modules = read_modules()
    wrong = [
        f"{name} imports {target}"
        for name, module in sorted(modules.items())
        if name.startswith(f"{PACKAGE}.ui")
        for target in sorted(_all_imports(module))
        if (target == CORE or target.startswith(CORE + ".")) and not _in(target, UI_MAY_IMPORT)
    ]
    assert wrong == []


def test_the_ui_never_imports_sqlalchemy() -> None:
    modules = read_modules()
    wrong = [
        name
        for name, module in modules.items()
        if name.startswith(f"{PACKAGE}.ui") and "sqlalchemy" in module.external
    ]
    assert wrong == []


def test_what_the_ui_may_import_has_no_store_access() -> None:
    modules = read_modules()
    bound = _store_bound(modules)
    records = [
        m
        for name, m in sorted(modules.items())
        if _in(name, UI_MAY_IMPORT) and name != f"{CORE}.newsroom"
    ]
    assert {a for a in UI_MAY_IMPORT if a not in modules} == set()
    wrong = [
        f"{m.name} imports {target}"
        for m in records
        for target in sorted(_all_imports(m))
        if target in bound
    ]
    wrong += [f"{m.name} imports sqlalchemy" for m in records if "sqlalchemy" in m.external]
    assert wrong == []
