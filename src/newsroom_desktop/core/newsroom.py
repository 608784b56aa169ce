"""The one facade over the core: open a store and reach every service through it."""

from __future__ import annotations

import getpass
import importlib
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url

from newsroom_desktop.core import credentials
from newsroom_desktop.core.context import CoreContext
from newsroom_desktop.core.dates import DEFAULT_ZONE
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.joined import joined_actor
from newsroom_desktop.core.paths import StoreLocation, config_dir, server_location
from newsroom_desktop.core.server_people import server_actor
from newsroom_desktop.core.settings import Settings, load_settings
from newsroom_desktop.core.store import Store, migrations_dir
from newsroom_desktop.core.store_file import SCHEMA_HEAD
from newsroom_desktop.core.text import clean_line

if TYPE_CHECKING:
    from newsroom_desktop.core.accepts import AcceptService
    from newsroom_desktop.core.articles import ArticleService
    from newsroom_desktop.core.backups import BackupService
    from newsroom_desktop.core.diff_service import DiffService
    from newsroom_desktop.core.exports import ExportService
    from newsroom_desktop.core.history import HistoryService
    from newsroom_desktop.core.intake import IntakeService
    from newsroom_desktop.core.leases import LeaseService
    from newsroom_desktop.core.notes import NoteService
    from newsroom_desktop.core.photo_library import PhotoLibrary
    from newsroom_desktop.core.photo_service import PhotoService
    from newsroom_desktop.core.proofing.service import ProofingService
    from newsroom_desktop.core.recovery import RecoveryService
    from newsroom_desktop.core.server_records import ServerAddress, ServerLink
    from newsroom_desktop.core.sync import SyncService
    from newsroom_desktop.core.template_service import PhotoTemplateService
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
# Where the names above that are not imported here live: a command imports only the services
# it uses (an export never loads sync, proofing or tracked changes), each on first use.
_LATE_NAMES = {
    "ArticleService": "newsroom_desktop.core.articles",
    "PhotoLibrary": "newsroom_desktop.core.photo_library",
    "PhotoService": "newsroom_desktop.core.photo_service",
    "StoreWatcher": "newsroom_desktop.core.watch",
}


def __getattr__(name: str) -> Any:
    """Import a service type named by this module on first use (PEP 562)."""
    module = _LATE_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


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

    # Each service is made, and its module imported, the first time it is used.
    @cached_property
    def articles(self) -> ArticleService:
        from newsroom_desktop.core.articles import ArticleService  # noqa: PLC0415 - lazy, for start-up time

        return ArticleService(self.ctx)

    @cached_property
    def photos(self) -> PhotoService:
        from newsroom_desktop.core.photo_service import PhotoService  # noqa: PLC0415 - lazy, for start-up time

        return PhotoService(self.ctx)

    @cached_property
    def photo_templates(self) -> PhotoTemplateService:
        from newsroom_desktop.core.template_service import PhotoTemplateService  # noqa: PLC0415 - lazy, for start-up time

        return PhotoTemplateService(self.ctx)

    @cached_property
    def library(self) -> PhotoLibrary:
        from newsroom_desktop.core.photo_library import PhotoLibrary  # noqa: PLC0415 - lazy, for start-up time

        return PhotoLibrary(self.ctx)

    @cached_property
    def exports(self) -> ExportService:
        from newsroom_desktop.core.exports import ExportService  # noqa: PLC0415 - lazy, for start-up time

        return ExportService(self.ctx)

    @cached_property
    def workflow(self) -> WorkflowService:
        from newsroom_desktop.core.workflow import WorkflowService  # noqa: PLC0415 - lazy, for start-up time

        return WorkflowService(self.ctx)

    @cached_property
    def history(self) -> HistoryService:
        from newsroom_desktop.core.history import HistoryService  # noqa: PLC0415 - lazy, for start-up time

        return HistoryService(self.ctx)

    @cached_property
    def diffs(self) -> DiffService:
        from newsroom_desktop.core.diff_service import DiffService  # noqa: PLC0415 - lazy, for start-up time

        return DiffService(self.ctx)

    @cached_property
    def notes(self) -> NoteService:
        from newsroom_desktop.core.notes import NoteService  # noqa: PLC0415 - lazy, for start-up time

        return NoteService(self.ctx)

    @cached_property
    def accepts(self) -> AcceptService:
        from newsroom_desktop.core.accepts import AcceptService  # noqa: PLC0415 - lazy, for start-up time

        return AcceptService(self.ctx)

    @cached_property
    def intake(self) -> IntakeService:
        from newsroom_desktop.core.intake import IntakeService  # noqa: PLC0415 - lazy, for start-up time

        return IntakeService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        from newsroom_desktop.core.backups import BackupService  # noqa: PLC0415 - lazy, for start-up time

        return BackupService(self.store)

    @cached_property
    def recovery(self) -> RecoveryService:
        from newsroom_desktop.core.recovery import RecoveryService  # noqa: PLC0415 - lazy, for start-up time

        return RecoveryService(self.ctx)

    @cached_property
    def sync(self) -> SyncService:
        from newsroom_desktop.core.sync import SyncService  # noqa: PLC0415 - lazy, for start-up time

        return SyncService(self.ctx)

    @cached_property
    def leases(self) -> LeaseService:
        from newsroom_desktop.core.leases import LeaseService  # noqa: PLC0415 - lazy, for start-up time

        return LeaseService(self.sync)

    @cached_property
    def proofing(self) -> ProofingService:
        from newsroom_desktop.core.proofing.service import ProofingService  # noqa: PLC0415 - lazy, for start-up time

        return ProofingService(self.ctx)

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
        from newsroom_desktop.core.server_link import read_server_link  # noqa: PLC0415 - lazy, for start-up time

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
        from newsroom_desktop.core.watch import StoreWatcher  # noqa: PLC0415 - lazy, for start-up time

        return StoreWatcher(self.store)

    def close(self) -> None:
        self.store.close()
