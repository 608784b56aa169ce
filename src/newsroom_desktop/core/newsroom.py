"""The one facade over the core: open a store and reach every service through it."""

from __future__ import annotations

import getpass
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url

from newsroom_desktop.core import credentials
from newsroom_desktop.core.accepts import AcceptService
from newsroom_desktop.core.articles import ArticleService
from newsroom_desktop.core.backups import BackupService
from newsroom_desktop.core.context import CoreContext
from newsroom_desktop.core.dates import DEFAULT_ZONE
from newsroom_desktop.core.diff_service import DiffService
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.exports import ExportService
from newsroom_desktop.core.history import HistoryService
from newsroom_desktop.core.intake import IntakeService
from newsroom_desktop.core.leases import LeaseService
from newsroom_desktop.core.notes import NoteService
from newsroom_desktop.core.paths import StoreLocation, config_dir, server_location
from newsroom_desktop.core.photo_library import PhotoLibrary
from newsroom_desktop.core.photo_service import PhotoService
from newsroom_desktop.core.proofing.service import ProofingService
from newsroom_desktop.core.recovery import RecoveryService
from newsroom_desktop.core.server_link import read_server_link
from newsroom_desktop.core.server_people import server_actor
from newsroom_desktop.core.server_records import ServerAddress, ServerLink
from newsroom_desktop.core.settings import Settings, load_settings
from newsroom_desktop.core.store import Store, migrations_dir
from newsroom_desktop.core.store_file import SCHEMA_HEAD
from newsroom_desktop.core.sync import SyncService, joined_actor
from newsroom_desktop.core.template_service import PhotoTemplateService
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.core.watch import StoreWatcher
from newsroom_desktop.core.workflow import WorkflowService

# The UI reaches the core through this module and the record modules: the service types are
# named here for its annotations, with the folder it keeps window state in and what the
# install check compares (the migration scripts and the schema revision they must reach).
__all__ = [
    "SCHEMA_HEAD",
    "ArticleService",
    "Newsroom",
    "PhotoLibrary",
    "PhotoService",
    "StoreWatcher",
    "config_dir",
    "default_actor",
    "migrations_dir",
]


def identity(store: Store) -> Actor:
    """Return who an open server store is signed in as (from its login, never a setting)."""
    with store.read() as session:
        return server_actor(session)


def check_identity(signed_in: Actor, asked: Actor | None) -> Actor:
    """Return the signed-in person, refusing any other identity asked for on a server."""
    if asked is not None and (clean_line(asked.name), asked.role) != (
        signed_in.name,
        signed_in.role,
    ):
        raise StoreError(
            f"On a newsroom server you are who you signed in as ({signed_in.name}, "
            f"{signed_in.role}): sign in with {asked.name}'s own login instead.",
            code="identity_from_server",
        )
    return signed_in


def default_actor(settings: Settings) -> Actor:
    """Return the local profile, or the login name as a reporter before one is chosen."""
    name = settings.profile_name.strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "Reporter"
    return Actor(name=name, role=settings.profile_role or "reporter")


class Newsroom:
    """An open newsroom: the store plus the services that work on it."""

    def __init__(self, store: Store, *, actor: Actor, zone: str = DEFAULT_ZONE) -> None:
        self.store = store
        self.ctx = CoreContext(store=store, actor=actor, zone=ZoneInfo(zone))
        self.articles = ArticleService(self.ctx)
        self.photos = PhotoService(self.ctx)
        self.photo_templates = PhotoTemplateService(self.ctx)
        self.library = PhotoLibrary(self.ctx)
        self.exports = ExportService(self.ctx)
        self.workflow = WorkflowService(self.ctx)
        self.history = HistoryService(self.ctx)
        self.diffs = DiffService(self.ctx)
        self.notes = NoteService(self.ctx)
        self.accepts = AcceptService(self.ctx)
        self.intake = IntakeService(self.ctx)
        self.backups = BackupService(store)
        self.recovery = RecoveryService(self.ctx)
        self.sync = SyncService(self.ctx)
        self.leases = LeaseService(self.sync)
        self.proofing = ProofingService(self.ctx)

    @classmethod
    def open(
        cls,
        location: str | Path | StoreLocation | None = None,
        *,
        actor: Actor | None = None,
        settings: Settings | None = None,
        read_only: bool = False,
    ) -> Newsroom:
        """Open the store at ``location`` (default: NEWSROOM_STORE, then the data folder).

        A store that cannot be written opens read-only; ``read_only`` tells (and can ask for it).
        """
        settings = settings or load_settings()
        store = Store.open(location, read_only=read_only)
        try:
            if not store.is_sqlite:
                actor = check_identity(identity(store), actor)
            elif (joined := joined_actor(store)) is not None:
                # A desk joined to a server works as the person who joined it.
                actor = check_identity(joined, actor)
        except BaseException:
            store.close()
            raise
        return cls(store, actor=actor or default_actor(settings), zone=settings.timezone)

    @staticmethod
    def keep_password(address: ServerAddress, password: str) -> None:
        """Keep the login's password in the system keyring (StoreError if there is none)."""
        credentials.remember_password(make_url(address.text), password)

    @staticmethod
    def forget_password(address: ServerAddress) -> bool:
        """Remove the login's kept password; False if none was kept."""
        return credentials.forget_password(make_url(address.text))

    def server_link(self) -> ServerLink | None:
        """Return how this newsroom reaches its server (None for a store file)."""
        return read_server_link(self.store.engine, self.store.location.url)

    @classmethod
    def sign_in(
        cls, url: str, login: str, password: str, *, settings: Settings | None = None
    ) -> Newsroom:
        """Open the newsroom server at ``url`` signed in as ``login`` with ``password``."""
        loc = server_location(url)
        signed = replace(loc, url=loc.url.set(username=login, password=password))
        return cls.open(signed, settings=settings)

    def for_worker(self) -> Newsroom:
        """Return a facade over this same open store for a worker thread, acting as now.

        The store is never opened a second time in one process: every unit of work takes its
        own session from the shared engine, so the window, its dialogs and workers share locks.
        """
        return Newsroom(self.store, actor=self.actor, zone=self.zone.key)

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def act_as(self, actor: Actor) -> None:
        """Switch the acting person for the following operations (a local store only).

        On a server the acting person is the signed-in login's: sign in as someone else.
        """
        if self.signed_in:
            # A desk that has just joined a server acts as the person who joined it.
            actor = check_identity(joined_actor(self.store) or self.ctx.actor, actor)
        self.ctx.actor = actor

    @property
    def signed_in(self) -> bool:
        """Tell whether the acting person is the server login's (True on a newsroom server)."""
        return not self.store.is_sqlite or joined_actor(self.store) is not None

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def zone(self) -> ZoneInfo:
        return self.ctx.zone

    def watch(self) -> StoreWatcher:
        """Return a watcher of what other windows and programs commit to the store."""
        return StoreWatcher(self.store)

    def close(self) -> None:
        self.store.close()
