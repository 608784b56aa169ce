"""Whether an imported article is in the store already: the same text, read again."""

from __future__ import annotations

import hashlib
import re
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core._writes import normalised_changes
from newsroom_desktop.core.intake import ImportedArticle, joined_body
from newsroom_desktop.core.models import Article
from newsroom_desktop.core.text import fold

# Each import gives its figures new ids: the body is compared with every photo id the same.
_ANY_PHOTO_ID = "0" * 32
_PHOTO_REF_RE = re.compile(re.escape(body_md.PHOTO_SCHEME) + r"[0-9a-fA-F-]{8,36}\)")


def _digest(headline: str, lead: str, body: str, byline: str) -> str:
    body = _PHOTO_REF_RE.sub(f"{body_md.PHOTO_SCHEME}{_ANY_PHOTO_ID})", body)
    digest = hashlib.sha256()
    for part in (headline, lead, byline, body):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def content_digest(article: ImportedArticle) -> str:
    """Return the hash of the text the store would keep for ``article`` (photo ids aside)."""
    text = {"headline": article.headline, "lead": article.lead, "byline": article.byline}
    fields = normalised_changes({**text, "body": joined_body(article, _ANY_PHOTO_ID)})
    return _digest(*(cast("str", fields[n]) for n in ("headline", "lead", "body", "byline")))


def stored_digest(article: Article) -> str:
    """Return the same hash for an article as it is stored now."""
    return _digest(article.headline, article.lead, article.body, article.byline)


def find_same(session: Session, article: ImportedArticle) -> str | None:
    """Return the id of a live article whose text is the imported one's, if there is one.

    Only articles with the same headline are read (an index finds them), then compared whole.
    """
    wanted = content_digest(article)
    headline = cast("str", normalised_changes({"headline": article.headline})["headline"])
    candidates = session.scalars(
        select(Article)
        .where(Article.deleted_at.is_(None), Article.headline_key == fold(headline))
        .order_by(Article.created_at)
    )
    return next((row.id for row in candidates if stored_digest(row) == wanted), None)
