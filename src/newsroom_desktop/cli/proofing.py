"""The proof command: an article's spelling and house style findings, for people and scripts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsroom_desktop.cli import render
from newsroom_desktop.core.errors import NotFoundError, ValidationError
from newsroom_desktop.core.proofing.findings import Finding

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register(sub: Any) -> None:
    """Add the proof subcommand."""
    p = sub.add_parser(
        "proof",
        help="list an article's misspellings and house style findings (`check` checks the store)",
    )
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_proof)
    p = sub.add_parser("words", help="list the newsroom dictionary, or add or remove a word")
    p.add_argument("action", nargs="?", choices=("add", "remove"))
    p.add_argument("word", nargs="?", help='the word (or name: "Cần Thơ")')
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_words)


def _line(finding: Finding) -> str:
    shown = finding.text if len(finding.text) <= 40 else finding.text[:39] + "…"
    fixes = ", ".join(f"“{s}”" for s in finding.suggestions[:5])
    line = f"{finding.field}:{finding.start}  {finding.rule:<24}  “{shown}”"
    if fixes:
        line += f"  → {fixes}"
    if finding.message:
        line += f"  ({finding.message})"
    return line


def cmd_proof(nr: Newsroom, args: argparse.Namespace) -> int:
    proof = nr.proofing.proof(args.id)
    # Suggestions only for the misspellings shown: each costs a dictionary search.
    proofer = nr.proofing.proofer(proof.language)
    findings = [
        Finding(f.field, f.start, f.end, f.text, f.kind, f.rule, tuple(proofer.suggest(f.text)), "")
        if f.rule == "spelling"
        else f
        for f in proof.findings
    ]
    if args.json:
        data = {
            "article": proof.article_id,
            "language": proof.language,
            "dictionary_missing": proof.missing,
            "findings": [f.as_json() for f in findings],
        }
        print(render.dumps(data))
        return 0
    if proof.missing:
        print(f"Note: {proof.missing}")
    print("\n".join(_line(f) for f in findings) or "No spelling or style finding.")
    return 0


def cmd_words(nr: Newsroom, args: argparse.Namespace) -> int:
    if args.action is None:
        words = nr.proofing.words()
        print(render.dumps(words) if args.json else "\n".join(words) or "No words yet.")
        return 0
    if not args.word:
        raise ValidationError(f"`words {args.action}` needs the word.", code="word_empty")
    if args.action == "add":
        print(nr.proofing.add_word(args.word))
    elif not nr.proofing.remove_word(args.word):
        raise NotFoundError(f"“{args.word}” is not in the newsroom dictionary.")
    return 0
