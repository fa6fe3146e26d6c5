"""Load, honestly measured: N signed-in team-mode sessions doing a counselor's main flow.

``make bench-load`` (``python -m benchmarks.bench_load``) starts real servers (``streamlit run
app.py``, team mode, a fresh server for every N) and drives N = 1, 5, 20 sessions at the
**WebSocket level**: one Python process, one asyncio task per session, each speaking
Streamlit's own protocol on ``/_stcore/stream`` (``BackMsg`` with a ``rerun_script``
``ClientState`` out, ``ForwardMsg`` in, both decoded with ``streamlit.proto``), as the browser
does, but without drawing anything — so 20 sessions cost the client little CPU on 2 cores,
and the client's own CPU time is printed beside the server's to show it.

Each session signs in as its own counselor (with the example client, loaded through
``services.example``) and then repeats, until ``--seconds`` have passed: open the client
(``/clients?client=ID``), open Proposals, move the term slider one step, open Calls, log a
call (the form's save, a summary of its own), open Today. A step is timed from sending the
``rerun_script`` to the ``script_finished`` frame that ends its run (a ``st.rerun`` inside
the step included). An error is a step that ends with an exception or an error box on the
page, a run that never finishes (60 s), a dropped connection, or a call that is not in the
database afterwards; there must be none.

Server memory per session: the server's RSS with the N sessions connected after their flow,
less its RSS after one warm-up session (signed in, one round, gone), divided by N.

Configurations: one process on SQLite (a temporary file), and two processes on PostgreSQL
(``--database-url``, else ``TEST_DATABASE_URL``; a schema of its own, dropped afterwards),
sessions alternating between them as a reverse proxy with sticky sessions would place them.
Traffic goes to 127.0.0.1 only; every loop is bounded in time and count.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.common import table
from benchmarks.servers import ROOT, _wait_until_healthy, free_port

SESSIONS = (1, 5, 20)
SECONDS = 20.0
MAX_ROUNDS = 200  # per session: bounded in count as well as in time
STEP_TIMEOUT = 60.0
PASSWORD = "load test password 2026"
STEPS = ("open client", "open Proposals", "move term", "open Calls", "log call", "open Today")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- servers ------------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime

    def rss_bytes(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS")


@contextmanager
def team_server(database_url: str, data_dir: Path, cookie_secret: str) -> Iterator[Server]:
    """``streamlit run app.py`` in team mode on 127.0.0.1 and a free port."""
    port = free_port()
    env = {
        **os.environ,
        "REPAYTALK_TEAM_MODE": "1",
        "REPAYTALK_DATA_DIR": str(data_dir),
        "REPAYTALK_DATABASE_URL": database_url,
        "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret,
    }
    env.pop("REPAYTALK_GUARD_RAISES", None)
    log = (data_dir / f"streamlit-{port}.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process)
        yield Server(url, process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


# --- the team -----------------------------------------------------------------------------


def make_team(database_url: str, count: int) -> dict[str, int]:
    """``count`` counselors (``load01`` …), each with the example client: {user name: client}."""
    import services
    import services.accounts as accounts

    ws = services.open_workspace(database_url)
    try:
        if not accounts.has_accounts(ws):
            accounts.create_first_admin(
                ws, username="admin", display_name="Admin", password=PASSWORD
            )
        admin = accounts.sign_in(ws, "admin", PASSWORD)
        clients = {}
        for i in range(1, count + 1):
            name = f"load{i:02d}"
            account = accounts.create_account(
                ws, admin, username=name, display_name=name, role="counselor", password=PASSWORD
            )
            actor = accounts.actor_for(ws, account.id)
            clients[name] = services.example.load(ws, actor, date.today()).id
        return clients
    finally:
        ws.close()


def calls_in_database(database_url: str, clients: dict[str, int]) -> int:
    import services
    import services.accounts as accounts

    ws = services.open_workspace(database_url)
    try:
        admin = accounts.sign_in(ws, "admin", PASSWORD)
        return sum(
            len(services.calls.list_for_client(ws, admin, client)) for client in clients.values()
        )
    finally:
        ws.close()


# --- one session over the WebSocket --------------------------------------------------------


class StepError(Exception):
    pass


class Session:
    """One browser session as Streamlit's server sees it: a WebSocket and widget states."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.ws = None
        self.widgets: dict[str, object] = {}  # widget id → its element (last run's)
        self.term: int | None = None  # the proposal's term this session last chose

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        stream = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await connect(
            stream, subprotocols=["streamlit"], origin=self.url, max_size=None, open_timeout=30
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    def widget(self, key: str):
        """(id, element) of the last run's widget with the user key ``key``."""
        for widget_id, element in self.widgets.items():
            if widget_id.endswith(f"-{key}"):
                return widget_id, element
        raise StepError(f"no widget {key!r} on the page")

    async def run(self, page: str = "", query: str = "", states=()) -> float:
        """Rerun the script (on ``page``, with ``query``, the widget ``states``) and read its
        frames to the end of the run; the seconds it took."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        client_state = message.rerun_script
        client_state.query_string = query
        client_state.page_name = page
        client_state.widget_states.widgets.extend(states)
        self.widgets = {}
        problems: list[str] = []
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        deadline = started + STEP_TIMEOUT
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise StepError("the run never finished")
            frame = await asyncio.wait_for(self.ws.recv(), remaining)
            msg = ForwardMsg.FromString(frame)
            kind = msg.WhichOneof("type")
            if kind == "delta":
                self._element(msg, problems)
            elif kind == "page_not_found":
                problems.append("page not found")
            elif kind == "script_finished":
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    problems.append("compile error")
                break
        elapsed = time.perf_counter() - started
        if problems:
            raise StepError("; ".join(problems))
        return elapsed

    def _element(self, msg, problems: list[str]) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        body = getattr(element, kind)
        if kind == "exception":
            problems.append(f"exception: {body.message}")
        elif kind == "alert" and body.format == 1:  # Alert.ERROR
            problems.append(f"error box: {body.body[:120]}")
        widget_id = getattr(body, "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID"):
            self.widgets[widget_id] = body


def _state(widget_id: str, **value):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=widget_id)
    for name, content in value.items():
        if name == "double_array_value":
            state.double_array_value.data.extend(content)
        else:
            setattr(state, name, content)
    return state


@dataclass
class Outcome:
    times: dict[str, list[float]] = field(default_factory=lambda: {step: [] for step in STEPS})
    errors: list[str] = field(default_factory=list)
    calls_logged: int = 0


async def sign_in(session: Session, username: str) -> None:
    await session.run()
    user, _ = session.widget("sign_in_username")
    password, _ = session.widget("sign_in_password")
    submit, _ = session.widget("sign_in_submit")
    await session.run(
        states=[
            _state(user, string_value=username),
            _state(password, string_value=PASSWORD),
            _state(submit, trigger_value=True),
        ]
    )
    session.widget("auth_sign_out")  # signed in: the sidebar's sign-out button is there


async def one_round(session: Session, name: str, client: int, k: int, outcome: Outcome):
    timed = outcome.times
    timed["open client"].append(await session.run("clients", f"client={client}"))
    timed["open Proposals"].append(await session.run("proposals"))
    slider_id, slider = session.widget("proposals.months")
    low, high = int(slider.min), int(slider.max)
    if session.term is None:  # the term the page shows first (the server sends it once)
        session.term = int((list(slider.value) or list(slider.default))[0])
    session.term = low + (session.term - low + 1) % (high - low + 1)  # one step right
    months = session.term
    timed["move term"].append(
        await session.run("proposals", states=[_state(slider_id, double_array_value=[months])])
    )
    timed["open Calls"].append(await session.run("calls"))
    summary, _ = session.widget("calls_summary")
    save, _ = session.widget("calls_save")
    timed["log call"].append(
        await session.run(
            "calls",
            states=[
                _state(summary, string_value=f"load test {name} round {k}"),
                _state(save, trigger_value=True),
            ],
        )
    )
    outcome.calls_logged += 1
    timed["open Today"].append(await session.run("today"))


async def drive(urls: list[str], clients: dict[str, int], seconds: float) -> Outcome:
    """N sessions (``clients``' counselors, on ``urls`` in turn) for ``seconds``, together."""
    outcome = Outcome()
    names = list(clients)
    sessions = [Session(urls[i % len(urls)]) for i in range(len(names))]

    async def flow(session: Session, name: str) -> None:
        try:
            try:
                await session.connect()
                await sign_in(session, name)
            finally:
                arrived.append(name)
                if len(arrived) == len(names):
                    ready.set()
            await ready.wait()
            end = time.monotonic() + seconds
            k = 0
            while time.monotonic() < end and k < MAX_ROUNDS:
                await one_round(session, name, clients[name], k, outcome)
                k += 1
        except (StepError, TimeoutError, OSError) as exc:
            outcome.errors.append(f"{name}: {exc}")
        except Exception as exc:  # a closed connection, a protocol error
            outcome.errors.append(f"{name}: {type(exc).__name__}: {exc}")

    # Everyone signs in first (Argon2 is slow on purpose), then the flow starts together.
    ready = asyncio.Event()
    arrived: list[str] = []
    tasks = [asyncio.create_task(flow(s, n)) for s, n in zip(sessions, names, strict=True)]
    await asyncio.gather(*tasks)
    outcome.sessions = sessions  # type: ignore[attr-defined]  # kept open for the RSS reading
    return outcome


# --- one configuration, N sessions ---------------------------------------------------------


@dataclass
class Result:
    n: int
    outcome: Outcome
    wall: float
    server_cpu: float
    client_cpu: float
    rss_per_session: float


def measure(database_url: str, processes: int, n: int, seconds: float, data: Path) -> Result:
    clients = make_team(database_url, n + 1)  # one more: the warm-up session's
    warm_name = list(clients)[-1]
    warm = {warm_name: clients.pop(warm_name)}
    calls_before = calls_in_database(database_url, clients)
    secret = os.urandom(32).hex()
    with ExitStack() as stack:
        servers = [
            stack.enter_context(team_server(database_url, data, secret)) for _ in range(processes)
        ]
        urls = [server.url for server in servers]
        loop = asyncio.new_event_loop()
        try:
            # One warm-up session per server (imports, first runs), then the baseline RSS.
            for server in servers:
                warm_outcome = loop.run_until_complete(drive([server.url], warm, 0.1))
                for session in warm_outcome.sessions:  # type: ignore[attr-defined]
                    loop.run_until_complete(session.close())
                if warm_outcome.errors:
                    raise RuntimeError(f"warm-up failed: {warm_outcome.errors}")
            time.sleep(1)
            baseline = sum(server.rss_bytes() for server in servers)
            cpu_before = sum(server.cpu_seconds() for server in servers)
            client_before = time.process_time()
            started = time.monotonic()
            outcome = loop.run_until_complete(drive(urls, clients, seconds))
            wall = time.monotonic() - started
            client_cpu = time.process_time() - client_before
            server_cpu = sum(server.cpu_seconds() for server in servers) - cpu_before
            rss = sum(server.rss_bytes() for server in servers)
            for session in outcome.sessions:  # type: ignore[attr-defined]
                loop.run_until_complete(session.close())
        finally:
            loop.close()
    logged = calls_in_database(database_url, clients) - calls_before
    if logged != outcome.calls_logged:
        outcome.errors.append(f"{outcome.calls_logged} calls logged, {logged} in the database")
    return Result(n, outcome, wall, server_cpu, client_cpu, (rss - baseline) / n)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def report(title: str, results: list[Result]) -> str:
    base = {step: statistics.median(results[0].outcome.times[step]) for step in STEPS}
    rows = []
    for result in results:
        for step in STEPS:
            values = result.outcome.times[step]
            if not values:
                rows.append([result.n, step, 0, "–", "–", "–"])
                continue
            p95 = _p95(values)
            rows.append(
                [
                    result.n,
                    step,
                    len(values),
                    _ms(statistics.median(values)),
                    _ms(p95),
                    f"{p95 / base[step]:.2f}",
                ]
            )
    out = f"### {title}\n\n"
    out += table(["N", "step", "samples", "p50", "p95", "p95(N) ÷ p50(1)"], rows)
    summary = [
        [
            r.n,
            f"{r.wall:.1f} s",
            r.outcome.calls_logged,
            len(r.outcome.errors),
            f"{r.server_cpu:.1f} s",
            f"{r.client_cpu:.1f} s",
            f"{r.rss_per_session / 2**20:.1f} MB",
        ]
        for r in results
    ]
    out += "\n\n" + table(
        [
            "N",
            "wall",
            "rounds (calls logged)",
            "errors",
            "server CPU",
            "client CPU (this process)",
            "server RSS per session",
        ],
        summary,
    )
    for r in results:
        for error in r.outcome.errors[:5]:
            out += f"\n\nN={r.n} error: {error}"
    return out


def postgres_schema_url(url: str, schema: str) -> str:
    import sqlalchemy as sa

    parsed = sa.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A schema of its own on ``url``'s server for one configuration; dropped afterwards."""
    import sqlalchemy as sa

    schema = f"repaytalk_bench_load_{os.getpid()}_{time.monotonic_ns()}"
    scoped = postgres_schema_url(url, schema)
    engine = sa.create_engine(scoped)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
        yield scoped
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        engine.dispose()


def run() -> str:
    """For ``python -m benchmarks``: this benchmark takes minutes and starts servers of its
    own, so the default run only says how to run it."""
    return "skipped in the default run: `make bench-load` runs it (several minutes)"


def run_all(
    sessions: tuple[int, ...] = SESSIONS,
    seconds: float = SECONDS,
    database_url: str | None = None,
) -> str:
    """Every configuration's tables (and ``errors`` counted in the returned text)."""
    out = []
    errors = 0
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        results = []
        for n in sessions:
            sqlite = f"sqlite:///{data / f'load-{n}.db'}"
            results.append(measure(sqlite, 1, n, seconds, data))
        errors += sum(len(r.outcome.errors) for r in results)
        out.append(report("one process, SQLite", results))
        url = database_url or os.environ.get("TEST_DATABASE_URL")
        if url:
            results = []
            for n in sessions:
                with postgres_schema(url) as scoped:
                    results.append(measure(scoped, 2, n, seconds, data))
            errors += sum(len(r.outcome.errors) for r in results)
            out.append(report("two processes, one PostgreSQL (sessions alternate)", results))
        else:
            out.append(
                "two processes on PostgreSQL: skipped (no --database-url, no TEST_DATABASE_URL)"
            )
    out.append(
        f"WebSocket-level client (asyncio, streamlit.proto), one process; {seconds:g} s of flow "
        f"per N after every session signed in; steps timed from rerun_script sent to the run's "
        f"script_finished frame. Errors in all: {errors}."
    )
    return "\n\n".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sessions", default=",".join(map(str, SESSIONS)))
    parser.add_argument("--seconds", type=float, default=SECONDS, help="flow time per N (≤ 60)")
    parser.add_argument("--database-url", default=None, help="PostgreSQL for the two processes")
    args = parser.parse_args(argv)
    sessions = tuple(int(n) for n in args.sessions.split(","))
    if not all(1 <= n <= 50 for n in sessions):
        parser.error("sessions: between 1 and 50 each")
    text = run_all(sessions, min(max(args.seconds, 1.0), 60.0), args.database_url)
    print(text, flush=True)
    return 0 if text.endswith("Errors in all: 0.") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
