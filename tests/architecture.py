"""The package's structure from its source: module sizes, imports between packages, circles.

Used by tests/test_architecture.py (the import rules) and run by hand to print the figures:
``python tests/architecture.py [SRC_FOLDER]``.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "newsroom_desktop"


@dataclass
class Module:
    """One module of the package and what it imports (module names inside the package)."""

    name: str
    path: Path
    lines: int
    # Module names inside the package (while parsing: one tuple of candidates a statement).
    imports: set[Any] = field(default_factory=set)  # at module level, outside TYPE_CHECKING
    late_imports: set[Any] = field(default_factory=set)  # inside functions
    type_imports: set[Any] = field(default_factory=set)  # under `if TYPE_CHECKING:`
    external: set[str] = field(default_factory=set)  # top-level names of other packages
    relative: int = 0
    absolute: int = 0
    function_level: int = 0


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: Module, node: ast.ImportFrom) -> list[str]:
    if node.level == 0:
        base = node.module or ""
    else:
        package = module.name.split(".")
        if module.path.name != "__init__.py":
            package.pop()
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, node.module] if node.module else package)
    # "from . import x" names the module x, not the package: only x is depended on then.
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def read_modules() -> dict[str, Module]:
    """Parse every module of the package."""
    modules: dict[str, Module] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        module = Module(_module_name(path), path, len(text.splitlines()))
        modules[module.name] = module
        _collect(module, ast.parse(text), in_function=False, typing_only=False)
    known = set(modules)
    for module in modules.values():
        for attr in ("imports", "late_imports", "type_imports"):
            statements = getattr(module, attr)
            found: set[str] = set()
            for targets in statements:
                named = [t for t in targets[:-1] if t in known] if len(targets) > 1 else []
                found.update(named or [t for t in targets if t in known])
            setattr(module, attr, found - {module.name})
    return modules


def _collect(module: Module, tree: ast.AST, *, in_function: bool, typing_only: bool) -> None:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            _collect(module, node, in_function=True, typing_only=typing_only)
            continue
        if isinstance(node, ast.If) and _is_type_checking(node):
            _collect(module, node, in_function=in_function, typing_only=True)
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
            statement = [(t,) for t in targets]
            module.absolute += sum(name.startswith(PACKAGE) for name in targets)
        elif isinstance(node, ast.ImportFrom):
            targets = _resolve(module, node)
            statement = [tuple(targets)]
            if node.level:
                module.relative += 1
            elif (node.module or "").startswith(PACKAGE):
                module.absolute += 1
        if targets:
            ours = [t for t in targets if t.startswith(PACKAGE)]
            module.external |= {t.split(".")[0] for t in targets if not t.startswith(PACKAGE)}
            if in_function:
                module.function_level += 1
            into = (
                module.type_imports
                if typing_only
                else module.late_imports
                if in_function
                else module.imports
            )
            if ours:
                into.update(statement)
            continue
        _collect(module, node, in_function=in_function, typing_only=typing_only)


def layer(name: str) -> str:
    """Return the package a module belongs to (core, importers, exporters, ui, cli), or its name."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "top"


def circles(modules: dict[str, Module], *, late: bool = True) -> list[list[str]]:
    """Return the groups of modules that import each other in a circle (Tarjan's SCC)."""
    graph = {name: (m.imports | (m.late_imports if late else set())) for name, m in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(10_000)

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            # A package and its own modules (re-exports in __init__) are not a circle.
            real = [g for g in group if not any(o.startswith(g + ".") for o in group)]
            if len(real) > 1:
                found.append(sorted(group))

    for name in graph:
        if name not in index:
            visit(name)
    return found


def package_graph(modules: dict[str, Module]) -> dict[tuple[str, str], int]:
    """Count the imports from each package to each other package."""
    edges: dict[tuple[str, str], int] = defaultdict(int)
    for module in modules.values():
        for target in module.imports | module.late_imports:
            a, b = layer(module.name), layer(target)
            if a != b:
                edges[(a, b)] += 1
    return dict(sorted(edges.items()))


def report() -> str:
    """Return the figures a structural review asks for, as text."""
    modules = read_modules()
    lines = ["Largest modules (lines):"]
    for m in sorted(modules.values(), key=lambda m: -m.lines)[:12]:
        lines.append(f"  {m.lines:5d}  {m.name}")
    lines.append(
        f"  modules: {len(modules)}, over 600 lines: {sum(m.lines > 600 for m in modules.values())}"
    )
    lines.append("Imports between packages (count):")
    for (a, b), n in package_graph(modules).items():
        lines.append(f"  {a:10s} -> {b:10s} {n}")
    found = circles(modules)
    lines.append(f"Import circles: {len(found)}")
    lines += [f"  {' <-> '.join(group)}" for group in found]
    mixed = [m.name for m in modules.values() if m.relative and m.absolute]
    lines.append(f"Modules mixing relative and absolute imports: {len(mixed)}")
    lines.append(f"Imports inside functions: {sum(m.function_level for m in modules.values())}")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1:  # another checkout's src folder
        SRC = Path(sys.argv[1]).resolve()
    print(report())
