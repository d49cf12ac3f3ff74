"""Team sub-commands: ``share``, ``team-grant``, ``cot-send``, ``cot-receive``,
``atak-package``; and ``--db`` for the commands that read or write records.

``--db`` takes a PostgreSQL connection string (``postgresql://user@host/db``) or a
``pg_service.conf`` service name; the password comes from ``~/.pgpass``, the service
file or ``PGPASSWORD``, never from the command line history or the scan.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from omgevingsscan.editing import ObservationEditor
from omgevingsscan.io.team import (
    TeamOfflineError,
    TeamStore,
    conninfo_for,
    grant,
    publish_scan,
    schema_for,
)
from omgevingsscan.io.team.db import connect, describe
from omgevingsscan.io.team.sync import TeamSync

RECORD_KINDS = ("posts", "sightings", "annotations")


def add_db_options(p: argparse.ArgumentParser, required: bool = False) -> None:
    """Add ``--db``, ``--schema`` and ``--editor`` to a sub-command."""
    p.add_argument("--db", required=required,
                   help="team database: postgresql://user@host/db or a pg_service name (default: none, the local file)")  # fmt: skip
    p.add_argument("--schema", help="schema of the shared scan (default: from the file name)")
    p.add_argument("--editor", default="", help="your name in the audit (default: login name)")


def _schema(args: argparse.Namespace, path: str) -> str:
    return args.schema or schema_for(Path(path).stem)


def open_shared_editor(path: str, args: argparse.Namespace) -> ObservationEditor:
    """The editor of the local scan ``path`` (the journal), brought up to date from the
    shared scan and sending every edit to it (queued in ``path`` when it is away)."""
    editor = ObservationEditor.open(path)
    for kind in RECORD_KINDS:
        editor.layer(kind)
    store = TeamStore(conninfo_for(args.db), _schema(args, path), args.editor)
    with contextlib.suppress(TeamOfflineError):  # offline: the edits wait in the file
        store.open()
    sync = TeamSync(store, editor.scan, {}, journal=editor.store.path if editor.store else None,
                    listen=False)  # fmt: skip
    sync.retry()  # sends what waits from an earlier offline session, then fetches all
    editor.team_sync = sync  # type: ignore[attr-defined]
    told: list[bool] = []

    def tell(state: str, message: str) -> None:  # one line, the first time edits wait
        if state == "offline" and not told and len(sync.outbox):
            told.append(True)
            print(f"omgevingsscan: {message}", file=sys.stderr)

    sync.events.status.connect(tell)
    return editor


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the team sub-commands, and ``--db`` to the commands that read or write records
    (registered before this module: observations and merge)."""
    for name in ("posts", "sightings", "merge", "add-post", "add-sighting"):
        add_db_options(sub.choices[name])
    p = sub.add_parser("share", help="publish a scan to a PostGIS database for the team")
    p.add_argument("scan", help="scan file (.gpkg)")
    add_db_options(p, required=True)
    p.add_argument("--replace", action="store_true", help="replace the schema if it exists")
    p.set_defaults(func=run_share)

    p = sub.add_parser("team-grant", help="give a database login the observer or advisor role")
    p.add_argument("user", help="login role name")
    p.add_argument("role", choices=("observer", "advisor"))
    p.add_argument("--db", required=True, help="team database (as an admin)")
    p.add_argument("--create", action="store_true", help="create the login role if missing")
    p.set_defaults(func=run_grant)

    p = sub.add_parser("cot-send", help="send posts, sightings and annotations as CoT (TAK)")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument(
        "--to", required=True, help="tcp://host:8087, tls://host:8089, udp://239.2.3.1:6969"
    )
    p.add_argument("--layers", default="posts,sightings,annotations", help="record layers to send")
    p.add_argument("--stale", type=float, default=3600.0, help="seconds until ATAK greys them out")
    p.add_argument("--proto", action="store_true", help="TAK protocol (protobuf) over UDP")
    _tls_options(p)
    add_db_options(p)
    p.set_defaults(func=run_cot_send)

    p = sub.add_parser("cot-receive", help="log CoT markers and GeoChat from TAK as sightings")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument("--from", dest="source", required=True, help="tcp://… (a TAK server) or udp://…")
    p.add_argument("--seconds", type=float, default=30.0, help="how long to listen")
    _tls_options(p)
    add_db_options(p)
    p.set_defaults(func=run_cot_receive)

    p = sub.add_parser("atak-package", help="ATAK data package: posts, routes, zones, print map")
    p.add_argument("scan", help="scan file (.gpkg)")
    p.add_argument("out", help="the .zip to write")
    p.add_argument("--no-map", action="store_true", help="leave the print map out")
    add_db_options(p)
    p.set_defaults(func=run_atak_package)


def _tls_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cert", default="", help="client certificate (PEM) for tls:// (default: none)")
    p.add_argument("--key", default="", help="client key (PEM) for tls:// (default: none)")
    p.add_argument(
        "--ca", default="", help="CA file of the TAK server for tls:// (default: the system CAs)"
    )


def _editor(args: argparse.Namespace) -> ObservationEditor:
    if args.db:
        return open_shared_editor(args.scan, args)
    editor = ObservationEditor.open(args.scan)
    for kind in RECORD_KINDS:
        editor.layer(kind)
    return editor


def run_share(args: argparse.Namespace) -> int:
    """Publish the scan; print the tables written as JSON."""
    from omgevingsscan.io.project import load_scan

    scan = load_scan(args.scan)
    conninfo = conninfo_for(args.db)
    schema = _schema(args, args.scan)
    with connect(conninfo) as conn:
        counts = publish_scan(conn, scan, schema, replace=args.replace)
    print(json.dumps({"database": describe(conninfo), "schema": schema, "tables": counts}))
    return 0


def run_grant(args: argparse.Namespace) -> int:
    """Make ``user`` an observer or advisor."""
    with connect(conninfo_for(args.db)) as conn:
        grant(conn, args.user, args.role, create=args.create)
    print(f"{args.user} is now {args.role}", file=sys.stderr)
    return 0


def run_cot_send(args: argparse.Namespace) -> int:
    """Send the records as CoT events."""
    from omgevingsscan.io.team.cot import record_event
    from omgevingsscan.io.team.tak import send_events

    editor = _editor(args)
    events = []
    for name in (n.strip() for n in args.layers.split(",") if n.strip()):
        layer = editor.layer(name)
        events += [record_event(r, editor.scan.crs, stale_s=args.stale) for r in layer]
    n = send_events(args.to, events, proto=args.proto, cert=args.cert, key=args.key, ca=args.ca)
    print(f"sent {n} CoT events to {args.to}", file=sys.stderr)
    return 0


def run_cot_receive(args: argparse.Namespace) -> int:
    """Listen for CoT and add new sightings (duplicates by uid are skipped)."""
    from omgevingsscan.io.team.cot import iter_sightings
    from omgevingsscan.io.team.tak import receive_tcp, receive_udp

    editor = _editor(args)
    if args.source.startswith("udp"):
        events = receive_udp(args.source, seconds=args.seconds)
    else:
        events = receive_tcp(args.source, seconds=args.seconds, cert=args.cert, key=args.key,
                             ca=args.ca)  # fmt: skip
    result = editor.merge("sightings", list(iter_sightings(events, editor.scan.crs)), args.source)
    print(json.dumps({"events": len(events), **result.to_dict()}))
    return 0


def run_atak_package(args: argparse.Namespace) -> int:
    """Write the ATAK data package (with the print map unless --no-map)."""
    from omgevingsscan.export.atak import write_data_package

    editor = _editor(args)
    scan: Any = editor.scan
    with tempfile.TemporaryDirectory() as tmp:
        print_map = None
        if not args.no_map:
            from omgevingsscan.export.page import PrintSpec
            from omgevingsscan.render.layout import export_print

            print_map = export_print(scan, PrintSpec(), Path(tmp) / "map.pdf")
        out = write_data_package(scan, args.out, print_map)
    print(f"wrote {out}", file=sys.stderr)
    return 0
