"""The store's tables as SQLAlchemy 2 typed models (UUID keys, timezone-aware times)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.types import TypeDecorator

from newsroom_desktop.core.packing import SAME_AS_ARTICLE, PackedText


def new_id() -> str:
    """Return a new random UUID as text; ids survive a later sync between machines."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC on every backend (SQLite has no zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("times must be timezone-aware")
        utc: datetime = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


def _id_column() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


class Section(Base):
    __tablename__ = "sections"

    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="reporter")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The person's PostgreSQL login on a newsroom server; None in a local store.
    login: Mapped[str | None] = mapped_column(String(128), unique=True)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)


article_tags = Table(
    "article_tags",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_listing", "deleted_at", "updated_at"),
        Index("ix_articles_section_listing", "section_id", "deleted_at", "updated_at"),
        Index("ix_articles_status_listing", "status", "deleted_at", "updated_at"),
        Index("ix_articles_headline_listing", "deleted_at", "headline_key"),
        Index("ix_articles_owner_status", "owner_id", "status", "deleted_at"),
    )

    id: Mapped[str] = _id_column()
    # A local sequence number: the row of the search index. Never shown, never synced.
    num: Mapped[int] = mapped_column(Integer, unique=True)
    section_id: Mapped[str | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"))
    headline: Mapped[str] = mapped_column(Text, default="")
    # The headline folded (no diacritics, đ as d): sorts Vietnamese A–Z, with Đ among the Ds.
    headline_key: Mapped[str] = mapped_column(Text, default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    byline: Mapped[str] = mapped_column(String(400), default="")
    language: Mapped[str] = mapped_column(String(8), default="vi")
    slug: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    target_words: Mapped[int | None] = mapped_column(Integer)
    target_headline_chars: Mapped[int | None] = mapped_column(Integer)
    target_lead_chars: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column()
    # The revision the article's fields were last written from (a sync moves it, checked).
    head_revision_id: Mapped[str | None] = mapped_column(String(36))
    exported_at: Mapped[datetime | None] = mapped_column()
    deleted_at: Mapped[datetime | None] = mapped_column()

    section: Mapped[Section | None] = relationship(lazy="joined")
    owner: Mapped[Person | None] = relationship(lazy="joined")
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name)
    photo_links: Mapped[list[ArticlePhoto]] = relationship(
        back_populates="article",
        order_by="ArticlePhoto.position",
        cascade="all, delete-orphan",
    )


class Revision(Base):
    """An immutable snapshot of an article, written when a save changed something."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[str] = _id_column()
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    article_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(32), default="save")
    section: Mapped[str] = mapped_column(String(200), default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    # Compressed in a store file, or a reference to the article's body (read plain through the
    # view revision_texts); see packing.
    body: Mapped[str] = mapped_column(PackedText, default="")
    byline: Mapped[str] = mapped_column(String(400), default="")
    language: Mapped[str] = mapped_column(String(8), default="vi")
    tags_json: Mapped[str] = mapped_column(Text, default="[]")
    photos_json: Mapped[str] = mapped_column(Text, default="[]")
    content_hash: Mapped[str] = mapped_column(String(64))


@event.listens_for(Revision, "load")
def _read_article_body(target: Revision, context: Any) -> None:
    """Give a revision whose body is kept as a reference to its article's body that body."""
    if target.__dict__.get("body") == SAME_AS_ARTICLE:
        # On the session's connection, without autoflush: the article's body as stored now is
        # the revision's (an unflushed change has not run the trigger yet).
        query = select(Article.body).where(Article.id == target.article_id)
        body = context.session.connection().execute(query).scalar_one()
        set_committed_value(target, "body", body)


@event.listens_for(Revision, "refresh")
def _reread_article_body(target: Revision, context: Any, _attrs: Any) -> None:
    _read_article_body(target, context)


class Photo(Base):
    """A photo original (kept unchanged, content-addressed) and what its file says."""

    __tablename__ = "photos"

    id: Mapped[str] = _id_column()
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_filename: Mapped[str] = mapped_column(String(400), default="")
    format: Mapped[str] = mapped_column(String(16), default="")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    file_size: Mapped[int] = mapped_column(Integer, default=0)
    orientation: Mapped[int] = mapped_column(Integer, default=1)
    taken_at: Mapped[str] = mapped_column(String(40), default="")
    camera: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    creator: Mapped[str] = mapped_column(String(400), default="")
    credit: Mapped[str] = mapped_column(String(400), default="")
    copyright: Mapped[str] = mapped_column(String(400), default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    keywords_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Where it was taken (IPTC City): what a caption template's {city} says.
    city: Mapped[str] = mapped_column(String(200), default="")
    # The photo desk's picks (migration 0011): 0 to 5 stars and a colour label ("" for none).
    rating: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    color_label: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # On a server: when the marks last changed (its clock); on a desk: a mark not sent yet.
    marked_at: Mapped[datetime | None] = mapped_column()


class ArticlePhoto(Base):
    """A photo used in one article, with the caption, credit and alt text of that use.

    The body places a use by its id (``![alt](photo:<use id>)``). A use without a photo file is
    a figure waiting for its photo (an imported caption, say).
    """

    __tablename__ = "article_photos"

    id: Mapped[str] = _id_column()
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    photo_id: Mapped[str | None] = mapped_column(
        ForeignKey("photos.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(String(400), default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)
    # How this use crops, turns and straightens the photo (core.photos.recipe), "" for none.
    recipe: Mapped[str] = mapped_column(Text, default="", server_default="")

    article: Mapped[Article] = relationship(back_populates="photo_links")
    photo: Mapped[Photo | None] = relationship(lazy="joined")


class PhotoTemplate(Base):
    """A named caption template: which photo fields it sets, how, and with what (JSON)."""

    __tablename__ = "photo_templates"

    id: Mapped[str] = _id_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    fields_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CodeReplacement(Base):
    """One code of the newsroom's roster and its replacement columns (a JSON list)."""

    __tablename__ = "code_replacements"

    code: Mapped[str] = mapped_column(String(100), primary_key=True)
    replacements_json: Mapped[str] = mapped_column(Text, default="[]")


class Note(Base):
    """An editor's note on an article, optionally anchored to a passage; never exported."""

    __tablename__ = "notes"

    id: Mapped[str] = _id_column()
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    anchor_field: Mapped[str] = mapped_column(String(16), default="")
    anchor_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column()
    resolved_by: Mapped[str] = mapped_column(String(200), default="")


class TrackedAccept(Base):
    """A tracked change someone accepted: it no longer shows against that submitted version.

    The change is named by where it stands in the submitted text (``base_revision_id``): its
    field (headline, lead or body), kind, offset there and text, which no later edit elsewhere
    moves.
    """

    __tablename__ = "tracked_accepts"

    id: Mapped[str] = _id_column()
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    base_revision_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(16), default="body")
    kind: Mapped[str] = mapped_column(String(8))
    base_offset: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatusEvent(Base):
    """One status change of an article: who, when, from, to, and why."""

    __tablename__ = "status_events"

    id: Mapped[str] = _id_column()
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    actor_role: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """One status change, people change or refused attempt on a newsroom server (never edited).

    A local store keeps the table empty: there the person at the desk is the only one.
    """

    __tablename__ = "audit_events"

    id: Mapped[str] = _id_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    login: Mapped[str] = mapped_column(String(128), default="")
    person: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(32))
    article_id: Mapped[str | None] = mapped_column(String(36))
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    outcome: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A version that met another head when it reached the server: kept, and to be resolved."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = _id_column()
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    # The version that did not become the head, and the head it met.
    revision_id: Mapped[str] = mapped_column(String(36))
    head_revision_id: Mapped[str | None] = mapped_column(String(36))
    person_name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(32), default="text")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column()
    resolved_by: Mapped[str] = mapped_column(String(200), default="")


class Lease(Base):
    """An editor's check-out of an article: other desks see who is editing it; never a lock."""

    __tablename__ = "leases"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[str | None] = mapped_column(String(36))
    person_name: Mapped[str] = mapped_column(String(200), default="")
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncState(Base):
    """A desk's link to its server: the address, who signed in, how far it has pulled."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncKnown(Base):
    """A record the server holds already (pushed or pulled), by id; a desk-only table."""

    __tablename__ = "sync_known"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    # What the server holds of a record that can change (a note's resolution).
    digest: Mapped[str] = mapped_column(String(64), default="")


class SyncArticle(Base):
    """What a desk last had in step with the server for one article; a desk-only table."""

    __tablename__ = "sync_articles"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    base_revision_id: Mapped[str | None] = mapped_column(String(36))
    # The article's version when it was last in step: a save since bumps it.
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    # The server's version of the article then: unchanged since, its text is the base's.
    base_server_version: Mapped[int] = mapped_column(Integer, default=0)
    base_status: Mapped[str] = mapped_column(String(16), default="")
    base_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the server did not take something of this desk's (shown on the article).
    notice: Mapped[str] = mapped_column(Text, default="")


class NewsroomWord(Base):
    """A word the newsroom's spell check accepts ("Huế", "Cần Thơ"), shared by every desk."""

    __tablename__ = "newsroom_words"

    word: Mapped[str] = mapped_column(String(100), primary_key=True)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class HouseSetting(Base):
    """One choice of the newsroom's house style (core/proofing/house.py), by name."""

    __tablename__ = "house_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


Index("ix_revisions_article", Revision.article_id, Revision.number)
Index("ix_article_photos_article", ArticlePhoto.article_id, ArticlePhoto.position)
