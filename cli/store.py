"""The store's command line: back up, restore and export the database; list and purge the
clients past the retention period; create the first administrator and manage accounts.

    python -m store backup FILE.rtbk [--passphrase-file PATH | --plain]
    python -m store restore FILE [--passphrase-file PATH] [--yes] [--language zh-CN] [--max-mb 5]
    python -m store export-csv FOLDER [--client ID] [--language en] [--no-mask]
    python -m store retention list [--as-of YYYY-MM-DD]
    python -m store retention purge ID [ID ...] [--yes] [--as-of YYYY-MM-DD] [--force]
    python -m store create-admin USERNAME [--display-name NAME]
    python -m store accounts list
    python -m store accounts create USERNAME --role counselor|supervisor|admin
                                             [--display-name NAME] [--email ADDRESS]
    python -m store accounts disable|enable|reset-password USERNAME

Every command takes ``--as NAME``: it then acts as that account, whose password it asks for
(without echo), with that account's role — signed in as on the sign-in page (a wrong password
counts towards its lockout). In team mode (``REPAYTALK_TEAM_MODE=1``) the commands that change
data — ``restore``, ``retention purge`` — and every ``accounts`` command need ``--as``; the
others, and every command in single-user mode, act as the local user without it, as always.
Each action is in the audit trail under the name it acted as.

Backups are encrypted with a passphrase (scrypt, then AES-256-GCM: :mod:`store.crypto`):
``backup`` asks for it twice without echo, or reads the first line of ``--passphrase-file`` (for
scheduled backups; the file should be readable by its owner only, and is refused otherwise).
``--plain`` writes an unencrypted JSON file instead and warns on stderr that anyone holding it
reads every client's data. ``restore`` asks for the passphrase of an encrypted file (or reads
``--passphrase-file``); a wrong one is refused (exit 3) and nothing is changed. Inside the
envelope the fields are plain text, so a backup restores onto a database with another field key.

``create-admin`` creates the first account of a team installation, an administrator, when there
is none yet; it asks for the password twice, without echo, and refuses two that differ or one
too weak (at least ``core.access.MIN_PASSWORD_LENGTH`` characters, without the user name).
``accounts create`` and ``accounts reset-password`` ask for the new password the same way;
``accounts enable`` and ``reset-password`` also lift a lockout.

The database is ``REPAYTALK_DATABASE_URL`` (default ``sqlite:///data/repaytalk.db``), or
``--database URL``. Messages are one line each, never a traceback; a refused backup is worded
through the catalogue (``i18n.errors``) in ``--language`` (English by default), as the Data page
words it. A backup file larger than ``store.backup.MAX_BACKUP_MB`` (200 MB, the Data page's
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
not past retention, changed meanwhile or unknown; an account the acting one may not manage,
an unknown account, passwords that differ or are too weak, a first administrator when there
are accounts already; the acting account's role does not allow the command) ·
4 cancelled at the confirmation or the password prompt · 5 not signed in (team mode and no
``--as``, or the account named could not sign in: unknown, wrong password, locked, disabled)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TextIO

from core.access import Permission, Role, password_problem, username_problem
from i18n import DISPLAY_ZONE, LANGUAGES, translate
from i18n.errors import backup_lines, problem_text
from services import LOCAL_USER, ChangedElsewhereError, access
from services import accounts as accounts_service
from services import data as data_service
from services import retention as retention_service
from services.actor import Actor, require, team_mode
from services.errors import NotAllowedError, NotYoursError
from store.backup import (
    MAX_BACKUP_BYTES,
    MAX_BACKUP_MB,
    BackupFileError,
    database_counts,
    read_backup_file,
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
NOT_SIGNED_IN = 5


def _acting() -> argparse.ArgumentParser:
    """The ``--as NAME`` every command takes."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--as",
        dest="acting_as",
        metavar="NAME",
        help="act as this account (its password is asked); needed in team mode to change data",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m store",
        description="Back up, restore or export RepayTalk's data; manage team-mode accounts.",
    )
    parser.add_argument(
        "--database", metavar="URL", help="database URL (default: REPAYTALK_DATABASE_URL)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    acting = [_acting()]

    backup = commands.add_parser(
        "backup", help="write every record to an encrypted backup file", parents=acting
    )
    backup.add_argument("file", metavar="FILE")
    sealing = backup.add_mutually_exclusive_group()
    sealing.add_argument(
        "--passphrase-file",
        metavar="PATH",
        help="read the passphrase from the first line of this file (owner-only) instead of asking",
    )
    sealing.add_argument(
        "--plain",
        action="store_true",
        help="write an UNENCRYPTED JSON file (anyone holding it reads every client's data)",
    )

    restore = commands.add_parser(
        "restore", help="replace ALL data in the database with a backup file", parents=acting
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--passphrase-file",
        metavar="PATH",
        help="read an encrypted backup's passphrase from the first line of this file",
    )
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
        "export-csv",
        help="write calls.csv, tasks.csv and payments.csv (UTF-8 with BOM)",
        parents=acting,
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
    listing = steps.add_parser("list", help="the clients past the retention period", parents=acting)
    listing.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="default: today")
    purge = steps.add_parser(
        "purge",
        help="erase clients past the retention period and every record about them",
        parents=acting,
    )
    purge.add_argument("ids", type=int, nargs="+", metavar="ID", help="the clients' ids")
    purge.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="default: today")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.add_argument(
        "--force", action="store_true", help="purge them even if not past the retention period"
    )

    first = commands.add_parser(
        "create-admin", help="create the first administrator of a team installation"
    )
    first.add_argument("username", metavar="USERNAME")
    first.add_argument("--display-name", metavar="NAME", help="the name shown (default: USERNAME)")

    accounts = commands.add_parser("accounts", help="list, create, disable, enable accounts")
    account_steps = accounts.add_subparsers(dest="accounts_command", required=True, metavar="STEP")
    account_steps.add_parser("list", help="every account", parents=acting)
    create = account_steps.add_parser(
        "create", help="a new account (its password is asked)", parents=acting
    )
    create.add_argument("username", metavar="USERNAME")
    create.add_argument("--role", required=True, choices=[role.value for role in Role])
    create.add_argument("--display-name", metavar="NAME", help="the name shown (default: USERNAME)")
    create.add_argument("--email", metavar="ADDRESS", help="for an identity provider's sign-in")
    for step, about in (
        ("disable", "the account can no longer sign in"),
        ("enable", "the account may sign in again (a lockout is lifted)"),
        ("reset-password", "give the account a new password (a lockout is lifted)"),
    ):
        changing = account_steps.add_parser(step, help=about, parents=acting)
        changing.add_argument("username", metavar="USERNAME")
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
    except CommandError as error:
        print(f"error: {error.message}", file=stderr)
        return error.exit_code
    except NotAllowedError as error:
        print(
            f"error: the account {error.actor} may not do this ({error.permission});"
            " nothing was changed",
            file=stderr,
        )
        return REFUSED
    except NotYoursError as error:
        print(
            f"error: client {error.client_id} is not assigned to {error.actor}; nothing was done",
            file=stderr,
        )
        return REFUSED
    except accounts_service.AccountError as error:
        print(f"error: {problem_text(error.code, 'en')}; nothing was changed", file=stderr)
        return REFUSED
    except (KeyboardInterrupt, EOFError):
        print("interrupted: nothing was changed", file=stderr)
        return CANCELLED
    except BackupFileError as error:
        language = getattr(args, "language", "en")
        worded = translate("error.backup.separator", language).join(backup_lines(error, language))
        print(f"error: {error.source}: {worded}", file=stderr)
        return REFUSED
    except StoreError as error:
        print(f"error: {error}", file=stderr)
        return FAILED


class CommandError(Exception):
    """A command refused with a message and an exit code (nothing was changed)."""

    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message


def ask_password(prompt: str) -> str:
    """A password typed without echo (tests replace ``getpass.getpass``)."""
    return getpass.getpass(prompt)


def acting_actor(store: Store, args: argparse.Namespace, *, changes_data: bool) -> Actor:
    """Who the command acts as: the account of ``--as`` once its password is given; else the
    local user — refused in team mode for a command that changes data."""
    name = getattr(args, "acting_as", None)
    if name is None:
        if changes_data and team_mode():
            raise CommandError(
                NOT_SIGNED_IN,
                "team mode is on (REPAYTALK_TEAM_MODE): name the account this command acts as"
                " with --as NAME",
            )
        return LOCAL_USER
    password = ask_password(f"Password for {name}: ")
    try:
        return accounts_service.sign_in(store, name, password)
    except accounts_service.SignInError as error:
        raise CommandError(
            NOT_SIGNED_IN, f"cannot act as {name}: {problem_text(error.code, 'en')}"
        ) from None


def read_passphrase_file(path: str) -> str:
    """The first line of ``path`` (its line end taken off), refused when others may read the
    file or it holds no passphrase."""
    try:
        mode = os.stat(path).st_mode
        if mode & 0o077:
            raise CommandError(
                FAILED,
                f"the passphrase file {path} may be read by others: make it readable by its"
                " owner only (chmod 600)",
            )
        with open(path, encoding="utf-8") as handle:
            line = handle.readline()
    except OSError as error:
        raise CommandError(
            FAILED, f"cannot read the passphrase file {path}: {error.strerror or error}"
        ) from None
    except UnicodeDecodeError:
        raise CommandError(FAILED, f"the passphrase file {path} is not UTF-8 text") from None
    passphrase = line.rstrip("\r\n")
    if not passphrase:
        raise CommandError(USAGE, f"the passphrase file {path} has no passphrase on its first line")
    return passphrase


def _new_passphrase(args: argparse.Namespace) -> str:
    """The passphrase a new backup is sealed with: from ``--passphrase-file``, or typed twice."""
    if args.passphrase_file:
        passphrase = read_passphrase_file(args.passphrase_file)
    else:
        passphrase = ask_password("Passphrase for the backup: ")
        if ask_password("The same passphrase again: ") != passphrase:
            raise CommandError(REFUSED, "the two passphrases differ; nothing was written")
    try:
        data_service.check_passphrase(passphrase)
    except data_service.PassphraseTooShortError:
        raise CommandError(
            REFUSED,
            f"a backup passphrase has at least {data_service.MIN_PASSPHRASE_CHARS} characters;"
            " nothing was written",
        ) from None
    return passphrase


def _backup(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    stdout = streams.stdout
    actor = require(acting_actor(store, args, changes_data=False), Permission.BACKUP)
    passphrase = None if args.plain else _new_passphrase(args)
    backup = write_backup_file(store, args.file, passphrase=passphrase)
    with store.unit_of_work():
        store.audit.append(
            actor=actor.user_id,
            action=data_service.BACKED_UP,
            subject="workspace",
            detail={"counts": dict(backup.counts), "encrypted": passphrase is not None},
        )
    if passphrase is None:
        print(
            f"warning: {args.file} is NOT encrypted: anyone who gets hold of it reads every"
            " client's personal data; keep it safe or make an encrypted backup instead",
            file=streams.stderr,
        )
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
    actor = require(acting_actor(store, args, changes_data=True), Permission.RESTORE)
    # Refused here, before any question, if unusable (or larger than the limit).
    max_bytes = args.max_mb * 1024 * 1024
    passphrase = None
    if _is_encrypted_file(args.file):
        if args.passphrase_file:
            passphrase = read_passphrase_file(args.passphrase_file)
        else:
            passphrase = ask_password(f"Passphrase of {args.file}: ")
    backup = read_backup_file(args.file, max_bytes=max_bytes, passphrase=passphrase)
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
    restored = data_service.restore(store, actor, backup)
    print(f"restored {_summary(restored)} from {args.file}", file=stdout)
    return OK


def _is_encrypted_file(path: str) -> bool:
    """Whether the file starts like an encrypted backup (a file that cannot be read is left
    to :func:`store.backup.read_backup_file` to report)."""
    try:
        with open(path, "rb") as handle:
            return data_service.is_encrypted(handle.read(16))
    except OSError:
        return False


def _export(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    def header(column: str) -> str:
        return translate(f"export.col.{column}", args.language)

    actor = acting_actor(store, args, changes_data=False)
    if args.client is None:
        require(actor, Permission.BACKUP)
    if args.no_mask:
        print(
            "warning: --no-mask: the files hold clients' personal data (full names, numbers"
            " and notes); keep them private and delete them when done",
            file=streams.stderr,
        )
    kinds = args.only or tuple(ExportKind)
    if args.client is not None:  # refused (and the refusal audited) before anything is written
        access.open_client(store, actor, args.client, via="data.export")
    written = write_csv_files(
        store,
        args.folder,
        kinds=kinds,
        client_id=args.client,
        language=args.language,
        header=header,
        mask_names=not args.no_mask,
    )
    for kind in kinds:
        data_service.exported(
            store, actor, kind, client_id=args.client, mask_names=not args.no_mask
        )
    for path in written.values():
        print(f"wrote {path}", file=streams.stdout)
    return OK


def _today() -> date:
    return datetime.now(DISPLAY_ZONE).date()


def _retention(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    as_of = args.as_of or _today()
    if args.retention_command == "list":
        actor = acting_actor(store, args, changes_data=False)
        return _retention_list(store, actor, as_of, streams.stdout)
    actor = acting_actor(store, args, changes_data=True)
    return _retention_purge(store, actor, args, as_of, streams)


def _retention_list(store: Store, actor: Actor, as_of: date, stdout: TextIO) -> int:
    years = retention_service.setting(store, actor).years
    due = retention_service.due(store, actor, as_of=as_of)
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


def _retention_purge(
    store: Store, actor: Actor, args: argparse.Namespace, as_of: date, streams: Streams
) -> int:
    stdout, stderr = streams.stdout, streams.stderr
    asked = list(dict.fromkeys(args.ids))
    found = retention_service.status(store, actor, asked, as_of=as_of)
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
            actor,
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


# --- accounts -------------------------------------------------------------------------------


def _new_password(username: str) -> str:
    """A new password for ``username``, typed twice without echo; refused if the two differ or
    it is too weak (before anything is written)."""
    first = ask_password(f"New password for {username}: ")
    second = ask_password("Type it again: ")
    if first != second:
        raise CommandError(REFUSED, "the two passwords differ; nothing was changed")
    problem = password_problem(first, username)
    if problem is not None:
        raise CommandError(REFUSED, f"{problem_text(problem, 'en')}; nothing was changed")
    return first


def _checked_username(username: str) -> str:
    if username_problem(username) is not None:
        raise CommandError(REFUSED, f"{username!r}: {problem_text('username_format', 'en')}")
    return username


def _create_admin(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    username = _checked_username(args.username)
    if accounts_service.has_accounts(store):
        raise CommandError(
            REFUSED,
            "this database has accounts already: an administrator creates the others"
            " (python -m store accounts create NAME --role admin --as ADMIN)",
        )
    password = _new_password(username)
    account = accounts_service.create_first_admin(
        store,
        username=username,
        display_name=args.display_name or username,
        password=password,
    )
    print(
        f"created the administrator {account.username}; start the app in team mode"
        " (REPAYTALK_TEAM_MODE=1) and sign in with it",
        file=streams.stdout,
    )
    return OK


def _account_named(store: Store, username: str) -> accounts_service.Account:
    account = store.accounts.by_username(username)
    if account is None:
        raise CommandError(REFUSED, f"no account is named {username!r}; nothing was changed")
    return account


def _state(account: accounts_service.Account, now: datetime) -> str:
    if account.disabled:
        return "disabled"
    if account.locked_until is not None and now < account.locked_until:
        return f"locked until {account.locked_until.astimezone(DISPLAY_ZONE):%Y-%m-%d %H:%M}"
    return "enabled"


def _accounts(store: Store, args: argparse.Namespace, streams: Streams) -> int:
    stdout = streams.stdout
    actor = acting_actor(store, args, changes_data=True)
    step = args.accounts_command
    if step == "list":
        listed = accounts_service.list_accounts(store, actor)
        now = store.clock()
        print(f"{'USERNAME':<20}  {'ROLE':<10}  {'STATE':<28}  NAME", file=stdout)
        for account in listed:
            print(
                f"{account.username:<20}  {account.role.value:<10}  {_state(account, now):<28}"
                f"  {account.display_name}",
                file=stdout,
            )
        return OK
    if step == "create":
        username = _checked_username(args.username)
        require(actor, Permission.MANAGE_ACCOUNTS)  # before asking for a password
        if store.accounts.by_username(username) is not None:
            raise CommandError(
                REFUSED, f"{problem_text('username_taken', 'en')}; nothing was changed"
            )
        password = _new_password(username)
        account = accounts_service.create_account(
            store,
            actor,
            username=username,
            display_name=args.display_name or username,
            role=args.role,
            password=password,
            email=args.email,
        )
        print(f"created {account.username} ({account.role.value})", file=stdout)
        return OK
    account = _account_named(store, args.username)
    if step == "disable":
        accounts_service.disable(store, actor, account.id)
        print(f"disabled {account.username}: it can no longer sign in", file=stdout)
    elif step == "enable":
        accounts_service.enable(store, actor, account.id)
        print(f"enabled {account.username}", file=stdout)
    else:
        require(actor, Permission.MANAGE_ACCOUNTS)  # before asking for a password
        accounts_service.reset_password(store, actor, account.id, _new_password(account.username))
        print(f"new password set for {account.username}", file=stdout)
    return OK


COMMANDS: dict[str, Callable[[Store, argparse.Namespace, Streams], int]] = {
    "backup": _backup,
    "restore": _restore,
    "export-csv": _export,
    "retention": _retention,
    "create-admin": _create_admin,
    "accounts": _accounts,
}


if __name__ == "__main__":
    sys.exit(main())
