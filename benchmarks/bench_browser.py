"""The Proposals page and every page's load as a counselor feels them: in Chromium.

Three servers run side by side (``streamlit run``, as in production): the app with the example
client loaded (a fresh data directory), ``proposals_page_constant.py`` (the page's elements
from constants: every change reruns the whole page) and ``proposals_fragment_constant.py``
(the same elements, the inputs, results and save form inside one ``st.fragment``). Headless
Chromium (Playwright, ``/usr/bin/chromium``) opens each one.

- **Term change**: the term slider is focused and moved one step with the keyboard
  (ArrowRight), ``MOVES`` times, the three pages taken in turn so a busy machine slows them
  alike. Each move is timed from the key press to the WebSocket frame that ends the rerun:
  the ``script_finished`` ForwardMsg (decoded with ``streamlit.proto``) whose status says the
  run (or the fragment's run) finished. Both instants are taken by the browser's own clock
  (``performance.now()`` in the page): a key listener and a wrapper around ``WebSocket``
  record them, so the driver's latency is in neither.
- **Page load**: with the example client chosen, each page of the navigation is opened from
  the sidebar (click → that run's ``script_finished`` frame), one warm-up round and then
  ``LOAD_ROUNDS`` rounds; the median of each page against the constant page's full rerun.

Ratios are what count (this machine is shared and noisy). ``run()`` returns the tables;
importing this module does nothing.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import fmt_time, record, table
from benchmarks.servers import streamlit_server

CHROMIUM = "/usr/bin/chromium"
MOVES = int(os.environ.get("REPAYTALK_BENCH_MOVES", "12"))
LOAD_ROUNDS = int(os.environ.get("REPAYTALK_BENCH_LOAD_ROUNDS", "5"))
WARM_UP_MOVES = 2
LANG = "zh-CN"
VIEWPORT = {"width": 1280, "height": 800}
#: No frame for this long (and no running indicator): the page is settled.
QUIET_MS = 400
TIMEOUT_S = 120

# Runs before the page's own scripts: the browser's clock for every input and every frame.
INIT_SCRIPT = """
(() => {
  const bench = { inputs: [], sockets: [] };
  window.__bench = bench;
  const Native = window.WebSocket;
  class Recording extends Native {
    constructor(...args) {
      super(...args);
      const frames = [];
      bench.sockets.push(frames);
      this.addEventListener("message", () => frames.push(performance.now()));
    }
  }
  window.WebSocket = Recording;
  for (const type of ["keydown", "click"]) {
    window.addEventListener(type, () => bench.inputs.push(performance.now()), true);
  }
})();
"""


class _Socket:
    def __init__(self) -> None:
        self.count = 0
        self.finished: list[tuple[int, int]] = []  # (frame index, ScriptFinishedStatus)
        self.last_frame = time.monotonic()


class Probe:
    """A browser page whose WebSocket frames are counted and decoded as they arrive."""

    def __init__(self, page) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.page = page
        self._forward_msg = ForwardMsg
        self._done = {
            ForwardMsg.FINISHED_SUCCESSFULLY,
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        }
        self.sockets: list[_Socket] = []
        page.add_init_script(INIT_SCRIPT)
        page.on("websocket", self._socket)

    def _socket(self, ws) -> None:
        state = _Socket()
        self.sockets.append(state)
        ws.on("framereceived", lambda payload: self._frame(state, payload))

    def _frame(self, state: _Socket, payload) -> None:
        index = state.count
        state.count += 1
        state.last_frame = time.monotonic()
        if isinstance(payload, str):
            return
        msg = self._forward_msg.FromString(payload)
        if msg.WhichOneof("type") == "script_finished":
            state.finished.append((index, msg.script_finished))

    @property
    def current(self) -> _Socket:
        if not self.sockets:
            raise RuntimeError("the page has no WebSocket")
        return self.sockets[-1]

    def settle(self) -> None:
        """Until no frame came for QUIET_MS and Streamlit shows no run in flight."""
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            quiet = (time.monotonic() - self.current.last_frame) * 1000 >= QUIET_MS
            if quiet and self.page.locator("[data-testid=stStatusWidget]").count() == 0:
                return
        raise TimeoutError("the page never settled")

    def timed(self, action: Callable[[], None]) -> float:
        """Seconds from the input ``action`` makes to the frame that ends the run it starts."""
        self.settle()
        socket = self.current
        inputs = self.page.evaluate("window.__bench.inputs.length")
        seen = len(socket.finished)
        action()
        deadline = time.monotonic() + TIMEOUT_S
        ended = None
        while ended is None:
            if time.monotonic() > deadline:
                raise TimeoutError("no script_finished frame after the input")
            self.page.wait_for_timeout(5)
            ended = next((i for i, s in socket.finished[seen:] if s in self._done), None)
        if socket is not self.current:
            raise RuntimeError("the WebSocket reconnected during a measurement")
        self.settle()
        start, end, count = self.page.evaluate(
            """([k, i]) => {
                const frames = window.__bench.sockets.at(-1);
                return [window.__bench.inputs[k], frames[i], frames.length];
            }""",
            [inputs, ended],
        )
        if count != socket.count:
            raise RuntimeError(f"frames: {count} seen by the page, {socket.count} by the driver")
        return (end - start) / 1000


def _slider(page, label: str):
    return page.get_by_test_id("stSlider").filter(has_text=label).get_by_role("slider")


def _room_to_move(probe: Probe, slider, moves: int) -> None:
    """Back to the slider's minimum first when ``moves`` steps right would pass its maximum,
    so that every move shows a term not seen before."""
    now = int(slider.get_attribute("aria-valuenow") or 0)
    top = int(slider.get_attribute("aria-valuemax") or 0)
    if now + moves > top:
        slider.focus()
        probe.timed(lambda: probe.page.keyboard.press("Home"))


def _move(probe: Probe, slider) -> float:
    slider.focus()
    return probe.timed(lambda: probe.page.keyboard.press("ArrowRight"))


def _nav(page, title: str):
    return page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True)


def _open_app(probe: Probe, url: str) -> None:
    """The example client loaded (Clients page button), then the Proposals page."""
    from playwright.sync_api import expect

    from i18n import translate

    page = probe.page
    page.goto(f"{url}/clients")
    heading = page.get_by_role("heading", name=translate("clients.title", LANG), exact=True)
    expect(heading).to_be_visible(timeout=TIMEOUT_S * 1000)
    probe.settle()
    page.get_by_role("button", name=translate("clients.example", LANG)).click()
    expect(page.get_by_text(translate("clients.example_saved", LANG))).to_be_visible(
        timeout=TIMEOUT_S * 1000
    )
    probe.settle()
    _nav(page, translate("page.proposals", LANG)).click()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(3, timeout=TIMEOUT_S * 1000)
    probe.settle()


def _open_constant(probe: Probe, url: str) -> None:
    from playwright.sync_api import expect

    probe.page.goto(url)
    expect(probe.page.get_by_test_id("stPlotlyChart")).to_have_count(3, timeout=TIMEOUT_S * 1000)
    probe.settle()


def _pages() -> list[tuple[str, str]]:
    """(url path, title) of every page of the navigation, in its order."""
    from app import PAGES
    from i18n import translate

    return [(key.removeprefix("page."), translate(key, LANG)) for _, key, _ in PAGES]


def _term_changes(probes: dict[str, Probe], sliders: dict[str, object]) -> dict[str, list[float]]:
    for name, probe in probes.items():
        _room_to_move(probe, sliders[name], MOVES + WARM_UP_MOVES)
        for _ in range(WARM_UP_MOVES):
            _move(probe, sliders[name])
    times: dict[str, list[float]] = {name: [] for name in probes}
    for _ in range(MOVES):
        for name, probe in probes.items():
            times[name].append(_move(probe, sliders[name]))
    return times


def _page_loads(probe: Probe) -> dict[str, list[float]]:
    pages = _pages()
    times: dict[str, list[float]] = {path: [] for path, _ in pages}
    for round_ in range(LOAD_ROUNDS + 1):
        for path, title in pages:
            link = _nav(probe.page, title)
            seconds = probe.timed(link.click)
            if round_:  # the first round warms every page up
                times[path].append(seconds)
    return times


def measure() -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    from playwright.sync_api import sync_playwright

    from i18n import translate

    with (
        tempfile.TemporaryDirectory() as folder,
        streamlit_server("app.py", _dir(folder, "app")) as app_url,
        streamlit_server(
            "benchmarks/proposals_page_constant.py", _dir(folder, "constant")
        ) as constant_url,
        streamlit_server(
            "benchmarks/proposals_fragment_constant.py", _dir(folder, "fragment")
        ) as fragment_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            probes = {
                name: Probe(browser.new_context(viewport=VIEWPORT).new_page())
                for name in ("constant", "fragment", "proposals")
            }
            _open_constant(probes["constant"], constant_url)
            _open_constant(probes["fragment"], fragment_url)
            _open_app(probes["proposals"], app_url)
            sliders = {
                "constant": _slider(probes["constant"].page, "Term"),
                "fragment": _slider(probes["fragment"].page, "Term"),
                "proposals": _slider(
                    probes["proposals"].page, translate("proposals.input.months", LANG)
                ),
            }
            moves = _term_changes(probes, sliders)
            loads = _page_loads(probes["proposals"])
        finally:
            browser.close()
    return moves, loads


def _dir(folder: str, name: str) -> Path:
    path = Path(folder) / name
    path.mkdir()
    return path


def run() -> str:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found: skipped (make system-deps installs it)"
    moves, loads = measure()
    median = {name: statistics.median(values) for name, values in moves.items()}
    base, fragment = median["constant"], median["fragment"]
    rows = [
        ["constant page (full rerun)", fmt_time(base), "1.00", f"{base / fragment:.2f}"],
        [
            "same elements, inputs and results in a fragment",
            fmt_time(fragment),
            f"{fragment / base:.2f}",
            "1.00",
        ],
        [
            "Proposals page (example client)",
            fmt_time(median["proposals"]),
            f"{median['proposals'] / base:.2f}",
            f"{median['proposals'] / fragment:.2f}",
        ],
    ]
    record("chromium_term_vs_constant", median["proposals"] / base)
    record("chromium_term_vs_fragment", median["proposals"] / fragment)
    out = table(["term slider, one step", "median", "÷ constant page", "÷ fragment"], rows)
    out += (
        f"\n\nChromium, key press → the run's script_finished frame, median of {MOVES} moves "
        "each (taken in turn).\n\n"
    )
    titles = dict(_pages())
    load_rows = []
    slowest = ("", 0.0)
    for path, values in loads.items():
        value = statistics.median(values)
        if value > slowest[1]:
            slowest = (path, value)
        load_rows.append([titles[path], fmt_time(value), f"{value / base:.2f}"])
    record("slowest_load_vs_constant", slowest[1] / base, note=titles[slowest[0]])
    headers = ["page (example client)", "median load", "÷ constant page's full rerun"]
    out += table(headers, load_rows)
    out += (
        f"\n\nsidebar click → the run's script_finished frame, median of {LOAD_ROUNDS} rounds "
        f"after a warm-up round; slowest: {titles[slowest[0]]}"
    )
    return out
