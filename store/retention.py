"""When each client was last active, for the retention period: one query for every client.

A client's **last activity** is the latest of

- the last change to any of their records: ``updated_at`` of the client and of every table of
  rows about a client (debts, budgets, proposals, calls, tasks, payments, collection contacts,
  checklists — a table added later counts without a change here);
- the dates of what happened or is due in the case (:data:`EVENT_COLUMNS`): calls and
  collection contacts (``at``), a call's next-action date, tasks due or done, payments made,
  proposals agreed, budgets valid from.

A date still to come counts: a client whose agreed plan has reminders until 2028 is active
until 2028. Instants (UTC) count on the display clock's calendar day (Asia/Shanghai, as every
date the rules compute). Each table is aggregated once, grouped by client, and joined to the
clients: the database does the work in one statement, whatever the number of clients.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.rules.timing import LOCAL_TZ, local_date
from store.clients import Caseload, client_tables
from store.columns import UTCDateTime
from store.orm import Base, ClientRow

if TYPE_CHECKING:
    from store.db import Store

__all__ = ["EVENT_COLUMNS", "ClientActivity", "RetentionRepository", "activity_columns"]

#: Besides every table's ``updated_at``: the dates of what happened, or is due, in a case.
EVENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "calls": ("at", "next_action_on"),
    "follow_up_tasks": ("due", "done_at"),
    "payments": ("paid_on",),
    "proposals": ("agreed_on",),
    "budget_versions": ("valid_from",),
    "collection_contacts": ("at",),
    "legal_events": ("on", "perform_by"),
    "case_stages": ("on",),
    "evidence_files": ("uploaded_at",),
}


@dataclass(frozen=True)
class ClientActivity:
    """A client (with the version of their record, to purge only what was shown) and the
    calendar day of their last activity."""

    client_id: int
    version: int
    name: str
    last_active_on: date


def activity_columns() -> dict[str, list[sa.Column[Any]]]:
    """The columns whose latest value is a client's last activity, by table (clients first)."""
    columns: dict[str, list[sa.Column[Any]]] = {"clients": [_clients().c.updated_at]}
    for table in client_tables():
        names = (["updated_at"] if "updated_at" in table.c else []) + list(
            EVENT_COLUMNS.get(table.name, ())
        )
        if names:
            columns[table.name] = [table.c[name] for name in names]
    return columns


def _clients() -> sa.Table:
    return Base.metadata.tables[ClientRow.__tablename__]


def _day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return local_date(value) if isinstance(value, datetime) else value


def _is_instant(column: sa.ColumnElement[Any]) -> bool:
    return isinstance(column.type, UTCDateTime | sa.DateTime)


class RetentionRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def _query(self, client_ids: list[int] | None) -> tuple[sa.Select[Any], list[Any]]:
        """Clients with the latest value of each activity column (NULL where none)."""
        clients = _clients()
        latest: list[Any] = [clients.c.updated_at]
        query_from: Any = clients
        for name, columns in activity_columns().items():
            if name == "clients":
                continue
            table = columns[0].table
            per_client = sa.select(
                table.c.client_id,
                *(sa.func.max(column).label(column.name) for column in columns),
            ).group_by(table.c.client_id)
            if client_ids is not None:
                per_client = per_client.where(table.c.client_id.in_(client_ids))
            grouped = per_client.subquery(f"last_{name}")
            query_from = query_from.outerjoin(grouped, grouped.c.client_id == clients.c.id)
            latest += [grouped.c[column.name] for column in columns]
        query = sa.select(clients.c.id, clients.c.version, clients.c.name, *latest).select_from(
            query_from
        )
        if client_ids is not None:
            query = query.where(clients.c.id.in_(client_ids))
        return query, latest

    def activity(
        self,
        *,
        inactive_through: date | None = None,
        client_ids: Iterable[int] | None = None,
        caseload: Caseload | None = None,
    ) -> list[ClientActivity]:
        """Each client's last activity, the least recent first (then by id).

        ``inactive_through``: only the clients with no activity after that day. ``client_ids``:
        only those clients (the ones that exist). ``caseload``: only its clients.
        """
        ids = None if client_ids is None else sorted(set(client_ids))
        query, latest = self._query(ids)
        if caseload is not None:
            query = query.where(caseload.condition())
        if inactive_through is not None:
            next_day = inactive_through + timedelta(days=1)
            # An instant is after the day from the next day's midnight on the display clock.
            from_next_day = datetime.combine(next_day, time(0), tzinfo=LOCAL_TZ)
            for column in latest:
                bound = from_next_day if _is_instant(column) else next_day
                query = query.where(sa.or_(column.is_(None), column < bound))
        with self._store.read() as session:
            rows = session.execute(query).all()
        found = []
        for client_id, version, name, *values in rows:
            days = [day for day in map(_day, values) if day is not None]
            found.append(ClientActivity(client_id, version, name, max(days)))
        return sorted(found, key=lambda item: (item.last_active_on, item.client_id))

    def lock(self, client_ids: Iterable[int]) -> None:
        """Inside a unit of work: hold the clients' rows until it ends, so that nothing is
        added to them meanwhile (PostgreSQL; SQLite's writer holds the whole database)."""
        ids = sorted(set(client_ids))
        query = sa.select(ClientRow.id).where(ClientRow.id.in_(ids)).with_for_update()
        with self._store.write() as session:
            session.execute(query).all()

    def row_counts(self, client_ids: Iterable[int]) -> dict[int, dict[str, int]]:
        """How many rows each client has, by table (the client's own row included; tables
        with none left out), in one statement."""
        ids = sorted(set(client_ids))
        clients = _clients()
        parts = [
            sa.select(
                sa.literal(table.name, sa.String).label("name"),
                table.c.client_id.label("client_id"),
                sa.func.count().label("rows"),
            )
            .where(table.c.client_id.in_(ids))
            .group_by(table.c.client_id)
            for table in client_tables()
        ]
        parts.insert(
            0,
            sa.select(
                sa.literal("clients", sa.String).label("name"),
                clients.c.id.label("client_id"),
                sa.literal(1, sa.Integer).label("rows"),
            ).where(clients.c.id.in_(ids)),
        )
        counts: dict[int, dict[str, int]] = {}
        with self._store.read() as session:
            for name, client_id, rows in session.execute(sa.union_all(*parts)):
                counts.setdefault(client_id, {})[name] = int(rows)
        return counts
