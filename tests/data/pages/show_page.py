"""Print what to read on a saved page before writing its expectations by hand.

    python tests/data/pages/show_page.py PAGE.html[.gz] ...

Shows the <title>, every <h1>, the Open Graph, Twitter, Dublin Core, Parse.ly and article:*
fields, the JSON-LD headline, author, dates and section, the breadcrumb, and the lines a
reader sees around the headline (rendered with w3m when it is installed). It decides
nothing: the headline, byline, date and section go into expected.json by reading this.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html

META = ("title", "author", "section", "published", "date", "creator", "byl", "pubdate")


def text_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def clean(value: object) -> str:
    return " ".join(str(value or "").split())[:160]


def json_ld(doc: lxml.html.HtmlElement) -> list[str]:
    found = []
    for script in doc.xpath("//script[@type='application/ld+json']"):
        try:
            stack = [json.loads(script.text_content())]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                for key in ("headline", "author", "datePublished", "articleSection"):
                    if key in item:
                        found.append(f"ld.{key}: {clean(item[key])}")
                stack += [v for v in item.values() if isinstance(v, dict | list)]
    return found


def visible_lines(path: Path, headline: str) -> list[str]:
    if not shutil.which("w3m") or not headline:
        return []
    html = text_of(path).encode("utf-8")
    result = subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8", "-cols", "120"],
        input=html,
        capture_output=True,
        check=False,
    )
    lines = [line.strip() for line in result.stdout.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    at = next((i for i, line in enumerate(lines) if headline[:25] in line), None)
    return [] if at is None else lines[max(0, at - 4) : at + 8]


def show(path: Path) -> None:
    source = re.sub(r"^<\?xml[^>]*>", "", text_of(path).lstrip("\ufeff"))
    doc = lxml.html.document_fromstring(source)
    title = doc.find(".//title")
    print(f"### {path.name}\n  title: {clean(title.text_content() if title is not None else '')}")
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if any(word in key for word in META):
            print(f"  {key}: {clean(meta.get('content'))}")
    for line in json_ld(doc):
        print(f"  {line}")
    headings = [clean(h.text_content()) for h in doc.iter("h1") if clean(h.text_content())]
    print(f"  h1: {headings}")
    crumbs = doc.xpath("//*[contains(@class,'breadcrumb')]")
    if crumbs:
        print(f"  breadcrumb: {clean(crumbs[0].text_content())}")
    for line in visible_lines(path, headings[0] if headings else ""):
        print(f"   | {line[:150]}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        show(Path(name))
