"""The store's command line: back up, restore and export the database.

    python -m store backup FILE.json
    python -m store restore FILE.json [--yes] [--language zh-CN] [--max-mb 5]
    python -m store export-csv FOLDER [--client ID] [--language en] [--mask-names]

The database is ``REPAYTALK_DATABASE_URL`` (default ``sqlite:///data/repaytalk.db``), or
``--database URL``. Messages are one line each, never a traceback; a refused backup is worded
through the catalogue (``i18n.errors``) in ``--language`` (English by default), as the Data page
words it. A backup file larger than ``store.backup.MAX_BACKUP_MB`` (5 MB, the Data page's
limit) is refused before it is read, unless ``--max-mb`` raises the limit for that restore;
``backup`` says when the file it wrote is larger. Exit codes:

0 done · 1 the database or a file could not be used · 2 wrong command line ·
3 the backup file was refused (nothing was changed) · 4 cancelled at the confirmation
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from i18n import LANGUAGES, translate
from i18n.errors import backup_lines
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
    export.add_argument("--mask-names", action="store_true", help="show 张*明, not the name")
    return parser


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
    try:
        with init_db(args.database) as store:
            return COMMANDS[args.command](store, args, stdin, stdout)
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


def _backup(store: Store, args: argparse.Namespace, _stdin: TextIO, stdout: TextIO) -> int:
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


def _restore(store: Store, args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
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


def _export(store: Store, args: argparse.Namespace, _stdin: TextIO, stdout: TextIO) -> int:
    def header(column: str) -> str:
        return translate(f"export.col.{column}", args.language)

    written = write_csv_files(
        store,
        args.folder,
        kinds=args.only or tuple(ExportKind),
        client_id=args.client,
        language=args.language,
        header=header,
        mask_names=args.mask_names,
    )
    for path in written.values():
        print(f"wrote {path}", file=stdout)
    return OK


def _summary(counts: Mapping[str, int]) -> str:
    shown = ("clients", "debts", "calls", "follow_up_tasks", "payments")
    parts = [f"{counts.get(name, 0)} {name.replace('follow_up_', '')}" for name in shown]
    rest = sum(value for name, value in counts.items() if name not in shown)
    return ", ".join(parts) + f", {rest} other records"


COMMANDS: dict[str, Callable[[Store, argparse.Namespace, TextIO, TextIO], int]] = {
    "backup": _backup,
    "restore": _restore,
    "export-csv": _export,
}


if __name__ == "__main__":
    sys.exit(main())
