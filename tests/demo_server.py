"""`make run-server`: a local demo newsroom server with the sample newsroom and two people.

It starts a throw-away PostgreSQL server as the tests do (initdb + pg_ctl in a temporary folder,
127.0.0.1 on a free port, TLS with a CA made at start), prepares the newsroom database with
`newsroom server init`, gives a reporter and an editor their own logins, adds the sample
article as the reporter's, prints how to connect the window, and runs until Ctrl+C (then the
server and its folder are removed: nothing of the demo stays on the machine).

    python -m tests.demo_server [--database toasoan]
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server import init_server
from newsroom_desktop.core.server_people import add_person
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.sample import create_sample
from tests import pg

PEOPLE = (("Ngọc Hậu", "reporter"), ("Minh Anh", "editor"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="toasoan", help="the newsroom's database name")
    args = parser.parse_args()
    server = pg.start_server()
    pg._admin(server, f'CREATE DATABASE "{args.database}" TEMPLATE template0')
    owner_url = server.url(args.database).render_as_string(hide_password=False)
    init_server(owner_url)
    people = [(name, role, add_person(owner_url, name, role)) for name, role in PEOPLE]
    reporter = people[0][2]
    reporter_url = make_url(owner_url).set(
        username=reporter.person.login, password=reporter.password
    )
    as_reporter = reporter_url.render_as_string(hide_password=False)
    newsroom = Newsroom.open(as_reporter, settings=Settings())
    try:
        create_sample(newsroom)
    finally:
        newsroom.close()
    _print_how_to_connect(server, args.database, people)
    signal.sigwait({signal.SIGINT, signal.SIGTERM})
    print("\nStopping the demo server; its folder is removed.")
    server.stop()
    return 0


def _print_how_to_connect(server: pg.PgServer, database: str, people: list) -> None:
    ca = Path(server.ca_file)
    print("A demo newsroom server is running (Ctrl+C stops it and removes it).\n")
    print("In the window: File ▸ Connect to a Newsroom Server…")
    print(f"  Server: 127.0.0.1   Port: {server.port}   Database: {database}")
    print(f"  CA certificate: {ca}\n")
    for name, role, made in people:
        print(f"  {name} ({role}): login {made.person.login}   password {made.password}")
        url = server.url(database, user=made.person.login, password=made.password)
        command = f"newsroom-desktop --store {shlex.quote(url.render_as_string(False))}"
        print(f"    or start a window as them: .venv/bin/{command}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    sys.exit(main())
