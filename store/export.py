"""CSV exports of calls, follow-up tasks and payments, for a spreadsheet.

The files are UTF-8 with a byte-order mark (so that Excel opens Chinese text correctly) and
CRLF line ends. Headers are the stable column keys (``COLUMNS``) unless the caller passes
``header(column)`` (pages and the command line pass the catalogue's ``export.col.<column>``);
yes/no cells are in ``language`` ("zh-CN" or "en"); times are shown in the store's display
timezone (Asia/Shanghai unless configured), money in yuan with two decimals. Enum values
(channel, outcome, task kind) are the stable codes unless the caller passes
``translate(kind, code)`` (pages pass their catalogue). A text cell that a spreadsheet would
take for a formula (starting with ``=``, ``+``, ``-``, ``@``) is prefixed with ``'``.

>>> data = export_csv(store, "calls", client_id=7)        # doctest: +SKIP
>>> write_csv_files(store, "exports/")                    # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.clients import MaskKind, mask
from core.privacy import Audience, Known, scrub
from core.rules.timing import local
from core.text import LANGUAGES
from store._rows import require_id
from store.clients import from_row as client_from_row
from store.errors import InvalidDataError, StoreError
from store.files import ensure_private_dir, write_private
from store.orm import CallRow, ClientRow, DebtRow, FollowUpTaskRow, PaymentRow

if TYPE_CHECKING:
    from store.db import Store

#: ``translate(kind, code)`` -> the label to show; kinds: channel, direction, outcome, task_kind.
Translate = Callable[[str, str], str]
#: ``header(column)`` -> the header to show for a column key of ``COLUMNS``.
Header = Callable[[str], str]

#: Whether an export masks personal data when the caller does not say: everywhere, yes.
MASKED_BY_DEFAULT = True

TIME_FORMAT = "%Y-%m-%d %H:%M"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportKind(StrEnum):
    CALLS = "calls"
    TASKS = "tasks"
    PAYMENTS = "payments"


#: Column keys per export, in order; the header row unless a ``header`` function is passed.
COLUMNS: dict[ExportKind, tuple[str, ...]] = {
    ExportKind.CALLS: (
        "client_id",
        "client",
        "id",
        "at",
        "channel",
        "direction",
        "lender",
        "agent_id",
        "contract_number",
        "summary",
        "lender_promised",
        "client_promised",
        "outcome",
        "next_action",
        "next_action_on",
        "recorded",
        "agent_told_of_recording",
    ),
    ExportKind.TASKS: (
        "client_id",
        "client",
        "id",
        "due",
        "kind",
        "title",
        "done",
        "done_at",
        "source_call_id",
        "notes",
    ),
    ExportKind.PAYMENTS: (
        "client_id",
        "client",
        "id",
        "paid_on",
        "amount",
        "contract_number",
        "proposal_id",
        "reference",
    ),
}

_YES_NO = {"zh-CN": ("是", "否"), "en": ("yes", "no")}


def export_csv(
    store: Store,
    kind: ExportKind | str,
    *,
    client_id: int | None = None,
    language: str = "zh-CN",
    translate: Translate | None = None,
    header: Header | None = None,
    mask_names: bool = MASKED_BY_DEFAULT,
) -> bytes:
    """One export as the bytes of a CSV file (every client's records, or one client's).

    Rows are ordered by client, then by time. Masked by default (:data:`MASKED_BY_DEFAULT`):
    ``mask_names=False`` writes the full names, for a file that stays with the counselor.
    """
    try:
        kind = ExportKind(kind)
    except ValueError:
        choices = ", ".join(kind.value for kind in ExportKind)
        raise InvalidDataError("kind", f"{kind!r} is not one of {choices}") from None
    if language not in LANGUAGES:
        raise InvalidDataError("language", f"{language!r} is not one of {', '.join(LANGUAGES)}")
    if client_id is not None:
        client_id = require_id(client_id, "client_id")
    with store.read() as session:
        records = session.execute(_QUERIES[kind](client_id)).all()
        known = _known(session, {record[0].client_id for record in records}) if mask_names else {}
        cell = _Cells(language, translate, mask_names, known)
        rows = [_ROWS[kind](cell, *record) for record in records]
    columns = COLUMNS[kind]
    return _to_csv([header(column) if header else column for column in columns], rows)


def export_calls_csv(store: Store, **options: Any) -> bytes:
    return export_csv(store, ExportKind.CALLS, **options)


def export_tasks_csv(store: Store, **options: Any) -> bytes:
    return export_csv(store, ExportKind.TASKS, **options)


def export_payments_csv(store: Store, **options: Any) -> bytes:
    return export_csv(store, ExportKind.PAYMENTS, **options)


def write_csv_files(
    store: Store,
    folder: str | os.PathLike[str],
    kinds: Iterable[ExportKind | str] = tuple(ExportKind),
    **options: Any,
) -> dict[ExportKind, Path]:
    """Write ``calls.csv``, ``tasks.csv`` and ``payments.csv`` (or the ``kinds`` asked for)
    into ``folder``, created (``0700``) if missing, each file ``0600``. Returns the files
    written."""
    target = Path(folder)
    contents = {ExportKind(kind): export_csv(store, kind, **options) for kind in kinds}
    written = {}
    try:
        ensure_private_dir(target)
        for kind, data in contents.items():
            written[kind] = write_private(target / f"{kind.value}.csv", data)
    except OSError as exc:
        raise StoreError(
            f"cannot write into {target}: {exc.strerror or exc}", code="export_io"
        ) from None
    return written


# --- queries and rows -----------------------------------------------------------------------


def _records(
    row_type: Any, time: Any, client_id: int | None, *, contract: bool = True
) -> sa.Select:
    """The rows with their client's name (and the contract number of their debt), ordered by
    client, then ``time``."""
    columns = (row_type, ClientRow.name, *([DebtRow.contract_number] if contract else []))
    query = sa.select(*columns).join(ClientRow, ClientRow.id == row_type.client_id)
    if contract:
        query = query.outerjoin(DebtRow, DebtRow.id == row_type.debt_id)
    query = query.order_by(row_type.client_id, time, row_type.id)
    return query if client_id is None else query.where(row_type.client_id == client_id)


def _calls_query(client_id: int | None) -> sa.Select:
    return _records(CallRow, CallRow.at, client_id)


def _tasks_query(client_id: int | None) -> sa.Select:
    return _records(FollowUpTaskRow, FollowUpTaskRow.due, client_id, contract=False)


def _payments_query(client_id: int | None) -> sa.Select:
    return _records(PaymentRow, PaymentRow.paid_on, client_id)


def _known(session: Any, client_ids: set[int]) -> dict[int, Known]:
    """What each client's record holds, for the scrubber: three statements for any number of
    clients."""
    if not client_ids:
        return {}
    ids = sorted(client_ids)
    contracts: dict[int, list[str]] = {client_id: [] for client_id in ids}
    agents: dict[int, list[str]] = {client_id: [] for client_id in ids}
    for owner, number in session.execute(
        sa.select(DebtRow.client_id, DebtRow.contract_number).where(DebtRow.client_id.in_(ids))
    ):
        contracts[owner].append(number)
    for owner, agent in session.execute(
        sa.select(CallRow.client_id, CallRow.agent_id).where(CallRow.client_id.in_(ids)).distinct()
    ):
        agents[owner].append(agent)
    clients = session.scalars(sa.select(ClientRow).where(ClientRow.id.in_(ids)))
    return {
        row.id: Known.of(
            client_from_row(row), contract_numbers=contracts[row.id], agent_ids=agents[row.id]
        )
        for row in clients
    }


class _Cells:
    """How each kind of value is written in a cell (masked: as the client may read it)."""

    def __init__(
        self,
        language: str,
        translate: Translate | None,
        masked: bool,
        known: dict[int, Known],
    ) -> None:
        self.yes, self.no = _YES_NO[language]
        self.translate = translate
        self.masked = masked
        self.known = known

    def client(self, name: str) -> str:
        return self.text(mask(MaskKind.NAME, name) if self.masked else name)

    def number(self, value: str | None) -> str:
        """A contract or staff number: its last characters only when masked."""
        if not value:
            return ""
        return self.text(mask(MaskKind.CONTRACT, value) if self.masked else value)

    def free(self, client_id: int, value: str | None) -> str:
        """Free text a counselor typed: through the client scrubber when masked."""
        if not value or not self.masked:
            return self.text(value)
        return self.text(scrub(value, Audience.CLIENT, self.known.get(client_id)))

    def code(self, kind: str, value: str) -> str:
        return self.text(self.translate(kind, value) if self.translate else value)

    def time(self, moment: datetime | None) -> str:
        return "" if moment is None else local(moment).strftime(TIME_FORMAT)

    @staticmethod
    def day(value: date | None) -> str:
        return "" if value is None else value.isoformat()

    def flag(self, value: bool) -> str:
        return self.yes if value else self.no

    @staticmethod
    def money(amount: Decimal) -> str:
        return f"{amount:.2f}"

    @staticmethod
    def ref(value: int | None) -> str:
        return "" if value is None else str(value)

    @staticmethod
    def text(value: str | None) -> str:
        """Text as typed, made inert if a spreadsheet would run it as a formula."""
        if not value:
            return ""
        return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _call_row(cell: _Cells, row: CallRow, name: str, contract: str | None) -> list[str]:
    return [
        str(row.client_id),
        cell.client(name),
        str(row.id),
        cell.time(row.at),
        cell.code("channel", row.channel),
        cell.code("direction", row.direction),
        cell.text(row.lender),
        cell.number(row.agent_id),
        cell.number(contract),
        cell.free(row.client_id, row.summary),
        cell.free(row.client_id, row.lender_promised),
        cell.free(row.client_id, row.client_promised),
        cell.code("outcome", row.outcome),
        cell.free(row.client_id, row.next_action),
        cell.day(row.next_action_on),
        cell.flag(row.recorded),
        cell.flag(row.agent_told_of_recording),
    ]


def _task_row(cell: _Cells, row: FollowUpTaskRow, name: str) -> list[str]:
    return [
        str(row.client_id),
        cell.client(name),
        str(row.id),
        cell.time(row.due),
        cell.code("task_kind", row.kind),
        cell.free(row.client_id, row.title),
        cell.flag(row.done),
        cell.time(row.done_at),
        cell.ref(row.source_call_id),
        cell.free(row.client_id, row.notes),
    ]


def _payment_row(cell: _Cells, row: PaymentRow, name: str, contract: str | None) -> list[str]:
    return [
        str(row.client_id),
        cell.client(name),
        str(row.id),
        cell.day(row.paid_on),
        cell.money(row.amount_fen),
        cell.number(contract),
        cell.ref(row.proposal_id),
        cell.free(row.client_id, row.reference),
    ]


_QUERIES: dict[ExportKind, Callable[[int | None], sa.Select]] = {
    ExportKind.CALLS: _calls_query,
    ExportKind.TASKS: _tasks_query,
    ExportKind.PAYMENTS: _payments_query,
}
_ROWS: dict[ExportKind, Callable[..., list[str]]] = {
    ExportKind.CALLS: _call_row,
    ExportKind.TASKS: _task_row,
    ExportKind.PAYMENTS: _payment_row,
}


def _to_csv(headers: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
