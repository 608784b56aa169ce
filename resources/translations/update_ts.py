"""Update newsroom_<lang>.ts from the UI code: lupdate's messages plus our translate helpers'.

pyside6-lupdate reads ``self.tr(...)`` and ``QCoreApplication.translate("Context", ...)``, but it
cannot see the context of a module's helper (``_t = translator("Labels")``, or ``def _t(text):
return QCoreApplication.translate("Labels", text)``) and it files ``window.tr(...)`` under a
context named after the variable. This script runs lupdate, reads those two kinds of call
itself with ``ast``, merges the existing translations (dropping obsolete messages, like
``-no-obsolete``) and writes the .ts files. Run it with ``make translations``; ``--check``
only reports.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = (ROOT / "src/newsroom_desktop/ui", ROOT / "src/newsroom_desktop/app.py")
# A ``.tr()`` on another object: the helpers that do this are handed the main window, and
# PySide's tr() looks the text up under the object's class names.
FOREIGN_TR_CONTEXT = "MainWindow"
TRANSLATE_NAMES = ("QCoreApplication", "QApplication", "QGuiApplication")
# ui/labels.py's factory of translate helpers: ``_t = translator("Context")``.
TRANSLATOR = "translator"
NUMERUS_FORMS = {"vi": 1, "en": 2}

Key = tuple[str, str, str]  # context, source, comment


@dataclass
class Message:
    """One translatable text as the code asks for it."""

    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


@dataclass
class Translation:
    """What a .ts file holds for one message."""

    forms: list[str]
    finished: bool


def lupdate_tool() -> str:
    """Return the pyside6-lupdate next to this Python, or the one on PATH."""
    local = Path(sys.executable).with_name("pyside6-lupdate")
    return str(local) if local.exists() else "pyside6-lupdate"


def python_files() -> list[Path]:
    """Return the UI sources lupdate reads."""
    files: list[Path] = []
    for path in SOURCES:
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _relative(path: Path) -> str:
    return Path(os.path.relpath(path, HERE)).as_posix()


# --- lupdate ---------------------------------------------------------------------------------


def lupdate_messages() -> list[Message]:
    """Run pyside6-lupdate over the UI sources into a temporary .ts and read it back."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "lupdate.ts"
        subprocess.run(
            [lupdate_tool(), "-silent", "-extensions", "py", "-no-obsolete",
             "-locations", "absolute", *map(str, SOURCES), "-ts", str(ts)],
            check=True,
        )  # fmt: skip
        messages = []
        for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own .ts files
            name = context.findtext("name") or ""
            for node in context.iter("message"):
                locations = [
                    (_relative((ts.parent / loc.get("filename", "")).resolve()),
                     int(loc.get("line", "0")))
                    for loc in node.iter("location")
                ]  # fmt: skip
                messages.append(
                    Message(name, node.findtext("source") or "", node.findtext("comment") or "",
                            node.get("numerus") == "yes", locations)
                )  # fmt: skip
        return messages


# --- what lupdate cannot read ----------------------------------------------------------------


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _helper_context(func: ast.FunctionDef) -> str | None:
    """Return "Ctx" for ``def h(text): return QCoreApplication.translate("Ctx", text)``."""
    body = [s for s in func.body if not (isinstance(s, ast.Expr) and _literal(s.value) is not None)]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return None
    owner = call.func.value
    if call.func.attr != "translate" or not (
        isinstance(owner, ast.Name) and owner.id in TRANSLATE_NAMES
    ):
        return None
    params = [a.arg for a in func.args.args]
    text = call.args[1] if len(call.args) > 1 else None
    if params and isinstance(text, ast.Name) and text.id == params[0]:
        return _literal(call.args[0])
    return None


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT / "src").with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _bound_context(node: ast.Assign) -> tuple[str, str] | None:
    """Return ("_t", "Ctx") for ``_t = translator("Ctx")`` (the helper of ``ui/labels.py``)."""
    call = node.value
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
        return None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
        return None
    context = _literal(call.args[0]) if len(call.args) == 1 else None
    if call.func.id != TRANSLATOR or context is None:
        return None
    return node.targets[0].id, context


def _helpers_by_module(trees: dict[Path, ast.Module]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for path, tree in trees.items():
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and (context := _helper_context(node)):
                found.setdefault(_module_name(path), {})[node.name] = context
            elif isinstance(node, ast.Assign) and (bound := _bound_context(node)):
                found.setdefault(_module_name(path), {})[bound[0]] = bound[1]
    return found


def _imported_helpers(
    path: Path, tree: ast.Module, helpers: dict[str, dict[str, str]]
) -> dict[str, str]:
    """Return the helpers a module can call by name: its own and those it imports."""
    module = _module_name(path)
    local = dict(helpers.get(module, {}))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            source = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                if alias.name in helpers.get(source, {}):
                    local[alias.asname or alias.name] = helpers[source][alias.name]
    return local


def _call_message(call: ast.Call, context: str, path: Path) -> Message | None:
    source = _literal(call.args[0]) if call.args else None
    if source is None:
        return None
    comment = _literal(call.args[1]) if len(call.args) > 1 else None
    numerus = len(call.args) > 2 or any(k.arg == "n" for k in call.keywords)
    return Message(context, source, comment or "", numerus, [(_relative(path), call.lineno)])


class _Finder(ast.NodeVisitor):
    """Collect one module's translate calls, knowing the class each one sits in."""

    def __init__(self, path: Path, helpers: dict[str, str]) -> None:
        self.path, self.helpers = path, helpers
        self.classes: list[str] = []
        self.messages: list[Message] = []
        self.misfiled: set[Key] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, call: ast.Call) -> None:
        self.generic_visit(call)
        func, owner = call.func, getattr(call.func, "value", None)
        if isinstance(func, ast.Name) and func.id in self.helpers:
            self._add(call, self.helpers[func.id])
        elif isinstance(func, ast.Attribute) and isinstance(owner, ast.Name):
            if func.attr == "tr" and owner.id in ("self", "cls") and self.classes:
                self._add(call, self.classes[-1])  # lupdate skips those inside f-strings
            elif func.attr == "tr":
                message = self._add(call, FOREIGN_TR_CONTEXT)
                if message:
                    self.misfiled.add((owner.id, message.source, message.comment))
            elif func.attr == "translate" and owner.id in TRANSLATE_NAMES:
                context = _literal(call.args[0]) if call.args else None
                if context is not None:
                    self._add(
                        ast.Call(func, call.args[1:], call.keywords, lineno=call.lineno), context
                    )

    def _add(self, call: ast.Call, context: str) -> Message | None:
        message = _call_message(call, context, self.path)
        if message:
            self.messages.append(message)
        return message


def helper_messages() -> tuple[list[Message], set[Key]]:
    """Return the messages lupdate misses or misfiles, and lupdate's keys for the misfiled."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in python_files()}
    helpers = _helpers_by_module(trees)
    messages: list[Message] = []
    misfiled: set[Key] = set()
    for path, tree in trees.items():
        finder = _Finder(path, _imported_helpers(path, tree, helpers))
        finder.visit(tree)
        messages += finder.messages
        misfiled |= finder.misfiled
    return messages, misfiled


def code_messages() -> list[Message]:
    """Return every message the UI code asks for, merged by key, sorted like lupdate."""
    extra, misfiled = helper_messages()
    merged: dict[Key, Message] = {}
    for message in [m for m in lupdate_messages() if m.key not in misfiled] + extra:
        known = merged.setdefault(message.key, Message(*message.key, numerus=message.numerus))
        known.numerus = known.numerus or message.numerus
        known.locations += [loc for loc in message.locations if loc not in known.locations]
    for message in merged.values():
        message.locations.sort()
    return sorted(merged.values(), key=lambda m: (m.context, m.locations[:1], m.source))


# --- .ts files -------------------------------------------------------------------------------


def read_ts(path: Path) -> dict[Key, Translation]:
    """Return the translations a .ts file holds, by (context, source, comment)."""
    if not path.exists():
        return {}
    found: dict[Key, Translation] = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own .ts files
        name = context.findtext("name") or ""
        for node in context.iter("message"):
            tr = node.find("translation")
            if tr is None:
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            key = (name, node.findtext("source") or "", node.findtext("comment") or "")
            found[key] = Translation(
                forms, tr.get("type") not in ("unfinished", "vanished", "obsolete")
            )
    return found


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))  # fmt: skip


def _message_xml(message: Message, old: Translation | None, forms: int) -> list[str]:
    lines = ['    <message numerus="yes">' if message.numerus else "    <message>"]
    lines += [f'        <location filename="{_esc(f)}" line="{n}"/>' for f, n in message.locations]
    lines.append(f"        <source>{_esc(message.source)}</source>")
    if message.comment:
        lines.append(f"        <comment>{_esc(message.comment)}</comment>")
    state = "" if old and old.finished else ' type="unfinished"'
    texts = old.forms if old else []
    if message.numerus:
        texts = (texts + [""] * forms)[:forms]
        lines.append(f"        <translation{state}>")
        lines += [f"            <numerusform>{_esc(t)}</numerusform>" for t in texts]
        lines.append("        </translation>")
    else:
        lines.append(f"        <translation{state}>{_esc(texts[0] if texts else '')}</translation>")
    lines.append("    </message>")
    return lines


def render_ts(language: str, messages: list[Message], old: dict[Key, Translation]) -> str:
    """Return a .ts document for ``messages``, keeping the translations in ``old``."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="en">']  # fmt: skip
    for context in sorted({m.context for m in messages}):
        lines += ["<context>", f"    <name>{_esc(context)}</name>"]
        for message in (m for m in messages if m.context == context):
            lines += _message_xml(message, old.get(message.key), NUMERUS_FORMS[language])
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def ts_path(language: str, folder: Path = HERE) -> Path:
    """Return where the .ts of ``language`` lives."""
    return folder / f"newsroom_{language}.ts"


def update(folder: Path = HERE) -> dict[str, list[Message]]:
    """Rewrite newsroom_vi.ts (every message) and newsroom_en.ts (plural forms only) in ``folder``.

    Return, by language, the messages still without a finished translation.
    """
    messages = code_messages()
    missing: dict[str, list[Message]] = {}
    for language in ("vi", "en"):
        wanted = messages if language == "vi" else [m for m in messages if m.numerus]
        old = read_ts(ts_path(language))
        ts_path(language, folder).write_text(render_ts(language, wanted, old), encoding="utf-8")
        missing[language] = [m for m in wanted if not (m.key in old and old[m.key].finished)]
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail if untranslated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        missing = update(Path(tmp) if args.check else HERE)
    for language, messages in missing.items():
        for m in messages:
            where = ", ".join(f"{f}:{n}" for f, n in m.locations[:2])
            print(f"newsroom_{language}.ts: untranslated [{m.context}] {m.source!r} ({where})")
    return 1 if args.check and any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
