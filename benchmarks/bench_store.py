"""The store at the size of an agency: 10,000 clients with 200,000 calls.

Loads the data in bulk (Core INSERTs in batches, one transaction per table), then times what a
counselor waits for: opening one client's timeline (calls, tasks and payments), searching by
name, phone tail and contract number, backing the whole database up and restoring it (the
restore checks every record through its ``core`` model before writing, as the pages' restore
does). SQLite in a temporary file; PostgreSQL when it answers at ``REPAYTALK_BENCH_POSTGRES_URL``
(default ``postgresql+psycopg://postgres@127.0.0.1:5432/repaytalk_bench``, a database of its
own, created if missing and emptied before the run — never the tests' database).

Every measure runs twice per database: on the product's store, whose personal fields are
encrypted (:mod:`store.crypto`), and on an unencrypted copy of the same rows — the same code
with a pass-through cipher attached to its engine (:class:`PlainCipher`: the same blind
indexes, no AES) — and a second table gives encrypted ÷ unencrypted for the timeline and the
searches (issue 23 asks ≤ 1.5). ``python -m benchmarks store`` runs this module alone.

``run()`` returns the tables; importing this module does nothing else.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks.common import fmt_time, table
from store import Settings, Store, init_db
from store.backup import BATCH, backup_to_bytes, restore_from_bytes, tables
from store.blind_indexes import index_columns, with_indexes
from store.columns import cipher_for
from store.crypto import FieldCipher
from store.engine import attach_cipher

CLIENTS = 10_000
CALLS_PER_CLIENT = 20
TASKS_PER_CLIENT = 3
PAYMENTS_PER_CLIENT = 2
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/repaytalk_bench"
HEADERS = ["database", "operation", "rows", "wall time", "CPU (this process)"]
SEED = 6

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
LENDERS = ("来分期", "某银行信用卡", "某消费金融", "花呗", "借呗", "微粒贷")
CHANNELS = ("phone", "in_app_chat", "email", "letter")
OUTCOMES = ("agreed", "partly_agreed", "refused", "call_back", "no_answer")


def _stamp(moment: datetime) -> dict[str, Any]:
    return {"version": 1, "created_at": moment, "updated_at": moment}


def generate(clients: int = CLIENTS) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table, as the ORM columns take them (ids given, links consistent)."""
    rng = random.Random(SEED)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in tables()}
    call_id = task_id = payment_id = 0
    for client_id in range(1, clients + 1):
        created = start + timedelta(minutes=client_id)
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        rows["clients"].append(
            {
                "id": client_id,
                **_stamp(created),
                "name": name,
                "mobile": f"13{client_id:09d}",
                "id_number": None,
                "household_size": rng.randint(1, 5),
                "notes": "",
                "consent_given_on": date(2025, 1, 1),
                "consent_scopes": "store_personal_data",
            }
        )
        lender = rng.choice(LENDERS)
        rows["debts"].append(
            {
                "id": client_id,
                **_stamp(created),
                "client_id": client_id,
                "creditor": lender,
                "lender_type": "online_platform",
                "product": "消费分期",
                "contract_number": f"HT-2024-{client_id:06d}",
                "contract_date": date(2024, 3, 15),
                "amount_received_fen": Decimal("20000.00"),
                "outstanding_principal_fen": Decimal(rng.randint(100_000, 9_999_999)) / 100,
                "overdue_amount_fen": Decimal("1072.01"),
                "days_overdue": rng.randint(0, 180),
                "accrued_interest_and_penalties_fen": Decimal("388.88"),
                "penalty_rate": Decimal("0.36"),
                "rate_quote": Decimal("0.000658"),
                "rate_kind": "daily",
                "day_basis": 365,
                "other_monthly_charges_fen": Decimal("0.00"),
                "method": "equal_installment",
                "remaining_months": 18,
                "next_due_date": date(2026, 3, 20),
                "official_channels": [{"kind": "hotline", "value": "95188", "note": ""}],
                "notes": "",
            }
        )
        first_call = call_id + 1
        for n in range(CALLS_PER_CLIENT):
            call_id += 1
            at = created + timedelta(days=3 * n, minutes=rng.randint(0, 600))
            rows["calls"].append(
                {
                    "id": call_id,
                    **_stamp(at),
                    "client_id": client_id,
                    "debt_id": client_id if n % 2 == 0 else None,
                    "at": at,
                    "channel": rng.choice(CHANNELS),
                    "direction": "outgoing",
                    "lender": lender,
                    "agent_id": f"FD{rng.randint(1000, 9999)}",
                    "summary": f"第 {n + 1} 次沟通：申请停息挂账 36 期，客服称需上级审批",
                    "lender_promised": "3 个工作日内回电",
                    "client_promised": "补充收入证明",
                    "outcome": rng.choice(OUTCOMES),
                    "next_action": "等待回电",
                    "next_action_on": (at + timedelta(days=3)).date(),
                    "recorded": True,
                    "agent_told_of_recording": True,
                }
            )
        for n in range(TASKS_PER_CLIENT):
            task_id += 1
            due = created + timedelta(days=10 * n + 1)
            rows["follow_up_tasks"].append(
                {
                    "id": task_id,
                    **_stamp(due),
                    "client_id": client_id,
                    "source_call_id": first_call + n,
                    "kind": "custom",
                    "title": "跟进回电",
                    "due": due,
                    "done": n == 0,
                    "done_at": due if n == 0 else None,
                    "notes": "",
                }
            )
        for n in range(PAYMENTS_PER_CLIENT):
            payment_id += 1
            rows["payments"].append(
                {
                    "id": payment_id,
                    **_stamp(created),
                    "client_id": client_id,
                    "debt_id": client_id,
                    "proposal_id": None,
                    "paid_on": date(2025, 2 + n, 20),
                    "amount_fen": Decimal(rng.randint(1, 500_000)) / 100,
                    "reference": "",
                }
            )
    return rows


class PlainCipher(FieldCipher):
    """A cipher that stores text as it is (the unencrypted copy): blind indexes as the real
    one makes them, no encryption."""

    def encrypt(self, plain: str | None, context: str) -> str | None:
        return plain

    def decrypt(self, token: str | None, context: str) -> str | None:
        return token


def bulk_load(store: Store, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert generated rows table by table, in batches, in one transaction (with their blind
    indexes, as the repositories write them)."""
    with store.write() as session:
        connection = session.connection()
        cipher = cipher_for(connection.dialect)
        for t in tables():
            table_rows = rows[t.name]
            if index_columns(t):
                table_rows = [with_indexes(t, row, cipher) for row in table_rows]
            for start in range(0, len(table_rows), BATCH):
                connection.execute(t.insert(), table_rows[start : start + BATCH])
        if connection.dialect.name == "postgresql":
            for t in tables():
                connection.execute(
                    sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'),"
                        f" COALESCE((SELECT MAX(id) FROM {t.name}), 0) + 1, false)"
                    )
                )
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("ANALYZE")


def once(func: Callable[[], object]) -> tuple[list[str], object]:
    """Run ``func`` once: its wall-clock and CPU times (the machine may be shared: the CPU
    time of this process is the steadier figure; PostgreSQL's own work is not in it)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return [fmt_time(time.perf_counter() - wall), fmt_time(time.process_time() - cpu)], result


def fastest(
    func: Callable[[], object],
    runs: int = 30,
    *,
    key: str = "",
    kept: dict[str, float] | None = None,
) -> list[str]:
    """The fastest of ``runs`` calls, wall-clock and CPU (the wall time kept under ``key``)."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    if kept is not None:
        kept[key] = best[0]
    return [fmt_time(best[0]), fmt_time(best[1])]


def measure(
    store: Store, rows: dict[str, list[dict[str, Any]]], kept: dict[str, float] | None = None
) -> Iterator[list[str]]:
    counts = {name: len(table_rows) for name, table_rows in rows.items()}
    total = sum(counts.values())
    times, _ = once(lambda: bulk_load(store, rows))
    yield ["bulk load", f"{total:,} ({_counts(counts)})", *times]

    sample = random.Random(SEED).sample(range(1, CLIENTS + 1), 50)
    cycle = iter(sample * 10_000)

    def timeline() -> int:
        client_id = next(cycle)
        calls = store.calls.list_for_client(client_id)
        tasks = store.tasks.list_for_client(client_id)
        payments = store.payments.list_for_client(client_id)
        return len(calls) + len(tasks) + len(payments)

    shown = timeline()
    yield [
        "open one client's timeline",
        f"{shown} (of {counts['calls']:,} calls)",
        *fastest(timeline, runs=100, key="open one client's timeline", kept=kept),
    ]
    middle = CLIENTS // 2
    name = rows["clients"][middle]["name"]
    for label, text in (
        (f"search a name ({name})", name),
        ("search a phone tail (4 digits)", rows["clients"][middle]["mobile"][-4:]),
        ("search a contract number", rows["debts"][middle]["contract_number"].lower()),
        ("search a contract's last 6", rows["debts"][middle]["contract_number"][-6:]),
    ):
        found = len(store.clients.search(text, limit=50))
        assert found >= 1, f"{label}: nothing found"
        times = fastest(
            lambda text=text: store.clients.search(text, limit=50),
            key=label.split(" (")[0],
            kept=kept,
        )
        yield [label, f"{found} of {counts['clients']:,} clients", *times]

    times, data = once(lambda: backup_to_bytes(store))
    size = len(data) / 1e6
    yield ["back up (backup_to_bytes)", f"{total:,} rows, {size:.0f} MB", *times]
    times, restored = once(lambda: restore_from_bytes(store, data))
    yield ["restore (check every record, replace all)", f"{sum(restored.values()):,}", *times]
    assert restored == counts, "the restore did not bring back every row"


def _counts(counts: dict[str, int]) -> str:
    shown = ("clients", "calls", "follow_up_tasks", "payments", "debts")
    return ", ".join(f"{counts[name]:,} {name.replace('follow_up_', '')}" for name in shown)


def postgres_url() -> str | None:
    """The benchmark's own PostgreSQL database, created and emptied; None if unreachable."""
    url = sa.make_url(os.environ.get("REPAYTALK_BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    server = sa.create_engine(
        url.set(database="postgres"),
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 3},
    )
    try:
        with server.connect() as connection:
            exists = connection.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            ).scalar()
            if not exists:
                connection.exec_driver_sql(f'CREATE DATABASE "{url.database}"')
    except sa.exc.OperationalError:
        return None
    finally:
        server.dispose()
    bench = sa.create_engine(url)
    try:
        with bench.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    finally:
        bench.dispose()
    return url.render_as_string(hide_password=False)


RATIO_HEADERS = ["database", "operation", "encrypted", "unencrypted copy", "ratio (≤ 1.5)"]


def _both(url_of: Callable[[str], str | None], settings: Settings, rows, where: str):
    """Measure the encrypted store and its unencrypted copy: the rows of the first table and
    the ratios of the second."""
    out: list[list[str]] = []
    kept: dict[str, dict[str, float]] = {"encrypted": {}, "unencrypted copy": {}}
    for variant in kept:
        url = url_of(variant)
        if url is None:
            return [[where, "not reachable: skipped", "", "", ""]], []
        with init_db(url, settings=settings) as store:
            if variant == "unencrypted copy":
                attach_cipher(store.engine, PlainCipher(settings.field_key or bytes(32)))
            label = f"{where}, {variant}"
            out += [[label, *row] for row in measure(store, rows, kept[variant])]
    ratios = [
        [
            where,
            operation,
            fmt_time(seconds),
            fmt_time(kept["unencrypted copy"][operation]),
            f"{seconds / kept['unencrypted copy'][operation]:.2f}",
        ]
        for operation, seconds in kept["encrypted"].items()
    ]
    return out, ratios


def run() -> str:
    rows = generate()
    # The key is given outright: a benchmark leaves no key file behind.
    settings = Settings(busy_timeout_ms=30_000, field_key=bytes(range(32)))
    with tempfile.TemporaryDirectory() as folder:
        out, ratios = _both(
            lambda variant: f"sqlite:///{Path(folder) / (variant.split()[0] + '.db')}",
            settings,
            rows,
            "SQLite (file, WAL, synchronous=FULL)",
        )
    pg_out, pg_ratios = _both(lambda _variant: postgres_url(), settings, rows, "PostgreSQL")
    return (
        table(HEADERS, out + pg_out)
        + "\n\nEncrypted ÷ unencrypted copy (fastest of many runs, wall time):\n\n"
        + table(RATIO_HEADERS, ratios + pg_ratios)
    )
