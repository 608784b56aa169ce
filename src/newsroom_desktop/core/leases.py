"""Check-outs: an editor taking an article tells the other desks; nobody is ever blocked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsroom_desktop.core.errors import WorkflowError
from newsroom_desktop.core.models import Lease
from newsroom_desktop.core.server_people import signed_in_person

if TYPE_CHECKING:
    from newsroom_desktop.core.sync import SyncService


class LeaseService:
    """Check-outs: an editor taking an article tells the other desks; nobody is ever blocked."""

    def __init__(self, sync: SyncService) -> None:
        self.sync = sync

    def check_out(self, article_id: str, *, server_url: str | None = None) -> None:
        """Check the article out to the signed-in editor on the server (online only)."""
        server = self.sync.open_server(server_url)
        try:
            with server.write() as remote:
                me = signed_in_person(remote)
                if me.role not in {"editor", "admin"}:
                    raise WorkflowError(
                        "Only editors check articles out; reporters draft without one.",
                        code="lease_role",
                    )
                lease = remote.get(Lease, article_id)
                if lease is not None and lease.person_id != me.id:
                    raise WorkflowError(
                        f"Being edited by {lease.person_name}: break the check-out first "
                        "(`newsroom checkout --release`).",
                        code="lease_held",
                    )
                if lease is None:
                    remote.add(Lease(article_id=article_id, person_id=me.id, person_name=me.name))
            self.sync.receive(server, [article_id], self.sync.new_report())
        finally:
            server.close()

    def release(self, article_id: str, *, server_url: str | None = None) -> None:
        """Give the check-out back; an editor may break another's."""
        server = self.sync.open_server(server_url)
        try:
            with server.write() as remote:
                me = signed_in_person(remote)
                lease = remote.get(Lease, article_id)
                if lease is not None:
                    if lease.person_id != me.id and me.role not in {"editor", "admin"}:
                        raise WorkflowError(
                            f"Being edited by {lease.person_name}: only an editor breaks it.",
                            code="lease_held",
                        )
                    remote.delete(lease)
            self.sync.receive(server, [article_id], self.sync.new_report())
        finally:
            server.close()
