"""The store's command line: back up, restore and export the database; list and purge the
clients past the retention period.

    python -m store backup FILE.json
    python -m store restore FILE.json [--yes] [--language zh-CN] [--max-mb 5]
    python -m store export-csv FOLDER [--client ID] [--language en] [--no-mask]
    python -m store retention list [--as-of YYYY-MM-DD]
    python -m store retention purge ID [ID ...] [--yes] [--as-of YYYY-MM-DD] [--force]

The database is ``REPAYTALK_DATABASE_URL`` (default ``sqlite:///data/repaytalk.db``), or
``--database URL``. Messages are one line each, never a traceback; a refused backup is worded
through the catalogue (``i18n.errors``) in ``--language`` (English by default), as the Data page
words it. A backup file larger than ``store.backup.MAX_BACKUP_MB`` (5 MB, the Data page's
limit) is refused before it is read, unless ``--max-mb`` raises the limit for that restore;
``backup`` says when the file it wrote is larger.

CSV exports are masked as on the Data page (张*明; free text and numbers as in the client's
copy); ``--no-mask`` writes full names and says on stderr that the files hold personal data
(``--mask-names``, once needed for masking, is still accepted and changes nothing).

``retention`` lists the clients whose last activity is older than the workspace's retention
period (set on the Data page; 3 years by default) and purges them: every record erased, one
anonymous line left in the audit trail. ``purge`` shows what it will erase and asks first
(``--yes`` does not ask); a client not past retention is refused unless ``--force``. Names
are shown masked.

Every file written is readable by its owner only (``0600``; a folder created ``0700``): the
command runs with the umask ``077``. Exit codes:

0 done · 1 the database or a file could not be used · 2 wrong command line ·
3 refused, nothing was changed (a backup file that cannot be restored; a purge of a client
not past retention, changed meanwhile or unknown) · 4 cancelled at the confirmation
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TextIO

from i18n import DISPLAY_ZONE, LANGUAGES, translate
from i18n.errors import backup_lines
from services import LOCAL_USER, ChangedElsewhereError
from services import retention as retention_service
from store.backup import (
    MAX_BACKUP_BYTES,
    MAX_BACKUP_MB,
    BackupFileError,
    database_counts,
    read_backup_file,
    restore_backup,
    write_backup_file,
)
from store.db import Store, init_db
from store.engine import display_url
from store.errors import StoreError
from store.export import ExportKind, write_csv_files
from store.files import private_umask

OK = 0
FAILED = 1
USAGE = 2
REFUSED = 3
CANCELLED = 4


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m store", description="Back up, restore or export RepayTalk's data."
    )
    parser.add_argument(
        "--database", metavar="URL", help="database URL (default: REPAYTALK_DATABASE_URL)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    backup = commands.add_parser("backup", help="write every record to a JSON file")
    backup.add_argument("file", metavar="FILE.json")

    restore = commands.add_parser(
        "restore", help="replace ALL data in the database with a backup file"
    )
    restore.add_argument("file", metavar="FILE.json")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--language",
        choices=LANGUAGES,
        default="en",
        help="of the messages when the file is refused (default: en)",
    )
    restore.add_argument(
        "--max-mb",
        type=int,
        default=MAX_BACKUP_MB,
        metavar="MB",
        help=f"refuse a larger file before reading it (default: {MAX_BACKUP_MB}, as the Data page)",
    )

    export = commands.add_parser(
        "export-csv", help="write calls.csv, tasks.csv and payments.csv (UTF-8 with BOM)"
    )
    export.add_argument("folder", metavar="FOLDER")
    export.add_argument("--client", type=int, metavar="ID", help="only this client's records")
    export.add_argument(
        "--only",
        choices=[kind.value for kind in ExportKind],
        action="append",
        help="only this export (repeatable)",
    )
    export.add_argument("--language", choices=LANGUAGES, default="zh-CN", help="of the headers")
    masking = export.add_mutually_exclusive_group()
    masking.add_argument(
        "--no-mask",
        action="store_true",
        help="write full names and free text (the files then hold personal data)",
    )
    # Masking used to be asked for; it is the default now, and old scripts keep working.
    masking.add_argument("--mask-names", action="store_true", help=argparse.SUPPRESS)

    retention = commands.add_parser(
        "retention", help="list or purge the clients past the retention period"
    )
    steps = retention.add_subparsers(dest="retention_command", required=True, metavar="STEP")
    listing = steps.add_parser("list", help="the clients past the retention period")
    listing.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="default: today")
    purge = steps.add_parser(
        "purge", help="erase clients past the retention period and every record about them"
    )
    purge.add_argument("ids", type=int, nargs="+", metavar="ID", help="the clients' ids")
    purge.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="default: today")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.add_argument(
        "--force", action="store_true", help="purge them even if not past the retention period"
    )
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


@dataclass(frozen=True)
class Streams:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage and the problem
        return OK if exc.code in (0, None) else USAGE
    streams = Streams(stdin, stdout, stderr)
    try:
        with private_umask(), init_db(args.database) as store:
            return COMMANDS[args.command](store, args, streams)
    except BackupFileError as error:
        language = getattr(args, "language", "en")
        worded = translate("error.backup.separator", language).join(backup_lines(error, language))
        print(f"error: {error.source}: {worded}", file=stderr)
        return REFUSED
    except StoreError as error:
        print(f"error: {error}", file=stderr)
        return FAILED
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=stderr)
        return CANCELLED


def _backup(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    stdout = streams.stdout
    backup = write_backup_file(store, args.file)
    print(f"backed up {_summary(backup.counts)} to {args.file}", file=stdout)
    size = os.path.getsize(args.file)
    if size > MAX_BACKUP_BYTES:
        print(
            f"note: the file has {size / 1024 / 1024:.1f} MB, more than the {MAX_BACKUP_MB} MB"
            " the Data page accepts: restore it with"
            f" python -m store restore {args.file} --max-mb {size // (1024 * 1024) + 1}",
            file=stdout,
        )
    return OK


def _restore(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    stdin, stdout = streams.stdin, streams.stdout
    # Refused here, before any question, if unusable (or larger than the limit).
    backup = read_backup_file(args.file, max_bytes=args.max_mb * 1024 * 1024)
    if not args.yes:
        now = database_counts(store)
        print(
            f"This replaces ALL data in {display_url(store.engine.url)} ({_summary(now)})\n"
            f"with the backup made {backup.created_at:%Y-%m-%d %H:%M} UTC"
            f" ({_summary(backup.counts)}).",
            file=stdout,
        )
        print("Type yes to restore: ", end="", file=stdout, flush=True)
        answer = stdin.readline().strip().lower()
        if answer not in ("yes", "y"):
            print("cancelled: nothing was changed", file=stdout)
            return CANCELLED
    restored = restore_backup(store, backup)
    print(f"restored {_summary(restored)} from {args.file}", file=stdout)
    return OK


def _export(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    def header(column: str) -> str:
        return translate(f"export.col.{column}", args.language)

    if args.no_mask:
        print(
            "warning: --no-mask: the files hold clients' personal data (full names, numbers"
            " and notes); keep them private and delete them when done",
            file=streams.stderr,
        )

    written = write_csv_files(
        store,
        args.folder,
        kinds=args.only or tuple(ExportKind),
        client_id=args.client,
        language=args.language,
        header=header,
        mask_names=not args.no_mask,
    )
    for path in written.values():
        print(f"wrote {path}", file=streams.stdout)
    return OK


def _today() -> date:
    return datetime.now(DISPLAY_ZONE).date()


def _retention(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    as_of = args.as_of or _today()
    if args.retention_command == "list":
        return _retention_list(store, as_of, streams.stdout)
    return _retention_purge(store, args, as_of, streams)


def _retention_list(store: Store, as_of: date, stdout: TextIO) -> int:
    years = retention_service.setting(store, LOCAL_USER).years
    due = retention_service.due(store, LOCAL_USER, as_of=as_of)
    if not due:
        print(f"no client is past the retention period ({years} years) on {as_of}", file=stdout)
        return OK
    print(
        f"{_counted(len(due), 'client')} past the retention period ({years} years) on {as_of}:",
        file=stdout,
    )
    _print_clients(due, stdout)
    return OK


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(width - used, 0)


def _print_clients(clients: Sequence[retention_service.ClientRetention], stdout: TextIO) -> None:
    print(f"{'ID':>8}  {_padded('CLIENT', 12)}  LAST ACTIVE  KEPT UNTIL", file=stdout)
    for client in clients:
        print(
            f"{client.client_id:>8}  {_padded(client.masked_name, 12)}  {client.last_active_on}"
            f"   {client.kept_until}",
            file=stdout,
        )


def _retention_purge(store: Store, args: argparse.Namespace, as_of: date, streams: Streams) -> int:
    stdout, stderr = streams.stdout, streams.stderr
    asked = list(dict.fromkeys(args.ids))
    found = retention_service.status(store, LOCAL_USER, asked, as_of=as_of)
    unknown = sorted(set(asked) - {client.client_id for client in found})
    if unknown:
        print(
            f"error: no client with id {', '.join(map(str, unknown))} (purged or deleted"
            " already?); nothing was purged",
            file=stderr,
        )
        return REFUSED
    kept = [client for client in found if not client.past]
    if kept and not args.force:
        ids = ", ".join(str(client.client_id) for client in kept)
        print(
            f"error: not past the retention period on {as_of}: {ids} (kept until"
            f" {', '.join(str(client.kept_until) for client in kept)}); nothing was purged."
            " --force purges them all the same",
            file=stderr,
        )
        return REFUSED
    print(
        f"This erases {_counted(len(found), 'client')} and every record about them from"
        f" {display_url(store.engine.url)}; it cannot be undone:",
        file=stdout,
    )
    _print_clients(found, stdout)
    if not args.yes:
        print("Type yes to purge: ", end="", file=stdout, flush=True)
        if streams.stdin.readline().strip().lower() not in ("yes", "y"):
            print("cancelled: nothing was purged", file=stdout)
            return CANCELLED
    try:
        result = retention_service.purge(
            store,
            LOCAL_USER,
            [(client.client_id, client.version) for client in found],
            as_of=as_of,
            force=args.force,
        )
    except ChangedElsewhereError as error:
        print(f"error: client {error.record_id} changed meanwhile; nothing was purged", file=stderr)
        return REFUSED
    except retention_service.NotPastRetentionError as error:
        print(
            f"error: client {error.client_id} was active on {error.last_active_on}, since it"
            " was listed; nothing was purged",
            file=stderr,
        )
        return REFUSED
    rows = sum(sum(purged.rows.values()) for purged in result.purged)
    print(
        f"purged {_counted(len(result.purged), 'client')}, {_counted(rows, 'record')} erased;"
        " the audit trail keeps one anonymous line each"
        f" ({', '.join(p.subject for p in result.purged)})",
        file=stdout,
    )
    if result.gone:
        print(f"already gone: {', '.join(map(str, result.gone))}", file=stdout)
    return OK


def _summary(counts: Mapping[str, int]) -> str:
    shown = ("clients", "debts", "calls", "follow_up_tasks", "payments")
    parts = [f"{counts.get(name, 0)} {name.replace('follow_up_', '')}" for name in shown]
    rest = sum(value for name, value in counts.items() if name not in shown)
    return ", ".join(parts) + f", {rest} other records"


COMMANDS: dict[str, Callable[[Store, argparse.Namespace, Streams], int]] = {
    "backup": _backup,
    "restore": _restore,
    "export-csv": _export,
    "retention": _retention,
}


if __name__ == "__main__":
    sys.exit(main())
