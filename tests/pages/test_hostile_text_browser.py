"""User text is text (issue 18): a hostile string in every text field a user types, every page
opened in Chromium in both languages, and nothing of it acts as markup.

The example client's records are seeded through the services with a hostile text in each text
field, as long as the field allows (``tests/hostile_text.py``: emphasis, KaTeX, images and links
to ``127.0.0.1:9``, bare URLs, ``:red[…]``, HTML, a line break and ``# h``, icons, a plotly
template). Then each page of ``app.PAGES`` is opened in one browser session per language, the
example client chosen (Share twice: masked and unmasked; Calls after saving a call through its
form, so the confirmation shows; Debts with a debt picked and its delete question open), and:

* no request leaves for another address (``page.on("request")``);
* the DOM has no ``<img>`` or ``<a href>`` pointing elsewhere, no KaTeX, no emphasis, heading,
  list, quote or code drawn from the hostile text, no icon, emoji or coloured text made of it,
  no bold or link in a chart; the page shows the hostile text literally (``**X**`` is read),
  with no backslash of an escape left visible;
* the WebSocket messages (ForwardMsg, decoded with Streamlit's protobuf) carry no Markdown body,
  label, help, radio option or ``st.table`` cell with a hostile marker unescaped, and no chart
  text with a tag or entity unescaped.

Screenshots: ``test-artifacts/hostile-<lang>-<page>.png``. The Share page's chart is built in
``report/charts.py`` (creditors drawn through ``charts.base.plotly_text``): its check is a test
of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pyarrow as pa
import pytest
from browser_helpers import wait_idle
from conftest import streamlit_server
from google.protobuf.message import Message
from hostile_text import OUTSIDE, hostile
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

import services
from app import PAGES
from core import limits
from core.affordability import Budget
from core.calls import (
    Call,
    Channel,
    DebtAccount,
    Direction,
    DocumentChecklist,
    FollowUpTask,
    OfficialChannel,
    Outcome,
    Payment,
    ServiceChannelKind,
)
from core.clients import Client, ClientContact, Relation
from core.debts import Debt
from core.proposals import TermExtension, evaluate_proposal
from core.rules.conduct import CollectionContact, CollectionEvent, ContactTarget
from core.rules.followups import follow_up_tasks
from core.rules.timing import LOCAL_TZ
from i18n import translate
from services import SavedProposal

pytestmark = pytest.mark.browser

LANGS = ("zh-CN", "en")
TIMEOUT = 60_000
#: Each page's name (its address) and the catalogue key of its title.
TITLES = {
    "home": "home.title",
    "clients": "clients.title",
    "affordability": "afford.title",
    "debts": "debts.title",
    "proposals": "page.proposals",
    "call_prep": "prep.title",
    "calls": "calls.title",
    "lender_history": "page.lender_history",
    "today": "today.title",
    "share": "page.share",
    "data": "page.data",
}
NAMES = [key.removeprefix("page.") for _, key, _ in PAGES]
#: The pages that show user text in the main area: there it must read literally.
SHOWS_TEXT = {"debts", "call_prep", "calls", "today", "share_unmasked", "proposals"}


# --- the hostile records ------------------------------------------------------------------


def seed(url: str) -> int:
    """The example client with a hostile text in every text field of every record kind; the
    client's id."""
    ws = services.open_workspace(url)
    actor = services.LOCAL_USER
    now = datetime.now(LOCAL_TZ)
    today = now.date()
    try:
        client = services.example.load(ws, actor, today)
        client = services.clients.update(
            ws,
            actor,
            Client.model_validate(
                client.model_dump()
                | {
                    "name": hostile(limits.MAX_NAME_LENGTH),
                    "notes": hostile(limits.MAX_NOTES_LENGTH),
                    "contacts": [
                        ClientContact(name=hostile(limits.MAX_NAME_LENGTH, tag=tag), relation=r)
                        for tag, r in (("C1", Relation.SPOUSE), ("C2", Relation.COLLEAGUE))
                    ],
                }
            ),
        )
        accounts = []
        for n, account in enumerate(services.debts.list_for_client(ws, actor, client.id), 1):
            debt = Debt.model_validate(
                account.debt.model_dump()
                | {
                    "creditor": hostile(limits.MAX_CREDITOR_LENGTH, tag=f"D{n}"),
                    "product": hostile(limits.MAX_PRODUCT_LENGTH, tag=f"P{n}"),
                }
            )
            channel = OfficialChannel(
                kind=ServiceChannelKind.HOTLINE,
                value=hostile(limits.MAX_SHORT_TEXT_LENGTH, tag="V"),
                note=hostile(limits.MAX_SHORT_TEXT_LENGTH, tag="N"),
            )
            contract = hostile(
                limits.MAX_CONTRACT_NUMBER_LENGTH, tag=f"K{n}", spaces=False, lines=False
            )
            updated = DebtAccount.model_validate(
                account.model_dump()
                | {
                    "debt": debt,
                    "contract_number": contract,
                    "official_channels": [*account.official_channels, channel],
                    "notes": hostile(limits.MAX_TEXT_LENGTH),
                }
            )
            accounts.append(services.debts.update(ws, actor, updated))
        first, second = accounts[0], accounts[1]

        version = services.budgets.current(ws, actor, client.id)
        incomes = [
            item.model_copy(update={"label": hostile(limits.MAX_LABEL_LENGTH, tag=f"I{n}")})
            for n, item in enumerate(version.budget.incomes, 1)
        ]
        budget = Budget.model_validate(version.budget.model_dump() | {"incomes": incomes})
        services.budgets.save_version(ws, actor, client.id, today, budget)

        def proposal(account: DebtAccount, tag: str) -> SavedProposal:
            result = evaluate_proposal(account.debt, TermExtension(months=24), Decimal(800), today)
            saved = SavedProposal(
                client_id=client.id,
                debt_id=account.id,
                proposal=result.proposal,
                title=hostile(limits.MAX_TITLE_LENGTH, tag=tag),
                plan=result.plan,
            )
            return services.proposals.save(ws, actor, saved, now=now)

        proposal(first, "T0")  # an earlier one, listed under the newest
        agreed = proposal(first, "T1")
        agreed = services.proposals.agree(ws, actor, agreed, today, plan=agreed.plan, now=now)
        services.proposals.refuse(ws, actor, proposal(second, "T2"), now=now)

        for account, outcome, days in ((first, Outcome.AGREED, 1), (second, Outcome.REFUSED, 9)):
            call = Call(
                client_id=client.id,
                debt_id=account.id,
                lender=account.debt.creditor,
                at=now - timedelta(days=days),
                channel=Channel.PHONE,
                direction=Direction.OUTGOING,
                agent_id=hostile(limits.MAX_AGENT_ID_LENGTH),
                summary=hostile(limits.MAX_TEXT_LENGTH, tag="S"),
                lender_promised=hostile(limits.MAX_TEXT_LENGTH, tag="LP"),
                client_promised=hostile(limits.MAX_TEXT_LENGTH, tag="CP"),
                outcome=outcome,
                next_action=hostile(limits.MAX_SHORT_TEXT_LENGTH, tag="NA"),
                next_action_on=today + timedelta(days=2),
            )
            tasks = follow_up_tasks(call, now - timedelta(days=days), language="zh-CN")
            services.calls.log(ws, actor, call, tasks, now=now)

        task = FollowUpTask(
            client_id=client.id,
            title=hostile(limits.MAX_SHORT_TEXT_LENGTH, tag="TK"),
            due=now + timedelta(hours=3),
            notes=hostile(limits.MAX_TEXT_LENGTH),
        )
        done = task.model_copy(update={"title": hostile(limits.MAX_SHORT_TEXT_LENGTH, tag="TD")})
        _, done = services.tasks.add(ws, actor, [task, done])
        services.tasks.complete(ws, actor, done, at=now)

        services.payments.record(
            ws,
            actor,
            Payment(
                client_id=client.id,
                debt_id=first.id,
                proposal_id=agreed.id,
                paid_on=today,
                amount=Decimal("100.00"),
                reference=hostile(limits.MAX_SHORT_TEXT_LENGTH, tag="R"),
            ),
        )
        services.collections.add(
            ws,
            actor,
            CollectionContact(
                client_id=client.id,
                debt_id=first.id,
                lender=first.debt.creditor,
                event=CollectionEvent(
                    at=now - timedelta(days=2), contacted=ContactTarget.CLIENT, insults=True
                ),
                channel=Channel.PHONE,
                collector=hostile(limits.MAX_COLLECTOR_LENGTH, tag="CO"),
                note=hostile(limits.MAX_TEXT_LENGTH, tag="CN"),
            ),
        )
        services.checklists.save(
            ws,
            actor,
            DocumentChecklist(
                client_id=client.id,
                debt_id=first.id,
                contract_number=True,
                notes=hostile(limits.MAX_TEXT_LENGTH),
            ),
        )
        return client.id
    finally:
        ws.close()


# --- what the WebSocket carries -----------------------------------------------------------

#: A hostile marker left as markup in a Markdown text: each stands for one of tests/hostile_text
#: MARKERS as typed (md_escape breaks every one of them with a backslash or a word joiner).
UNESCAPED_MARKDOWN = [
    re.compile(pattern)
    for pattern in (
        r"\*\*X\*\*",
        r"(?<![\\\w])_y_",
        r"\$x\$",
        r"\$\$",
        r"!\[b\]\(",
        r"\[l\]\(",
        r"(?<!\\)<img",
        r"(?<!\\)<b>",
        r"(?<!\\)<a href",
        re.escape(f"http://{OUTSIDE}"),
        r"www\.example",
        r":red\[",
        r"(?m)^\s*#+ h",
        r"(?m)^\s*[-*+] li",
        r"(?m)^\s*> q",
        r":material/pets:",
        r":streamlit:",
        r":smile:",
        r"me@example",
        r"(?<![\\\u2060])->",
    )
]
#: In a chart, the hostile text's tags and entities must arrive as entities.
UNESCAPED_PLOTLY = re.compile(r"<b>b</b>|<a href=|<img src=|&amp; <br>")
#: Fields drawn as Markdown (by their name in Streamlit's protobuf); a radio's options too.
MARKDOWN_FIELDS = {"body", "label", "help", "captions", "title", "text", "delta", "placeholder"}


@dataclass
class Sink:
    """A text of one element as the WebSocket carried it: where, and what."""

    where: str
    text: str


def walk(message: Any, where: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, field name, value) of every set field, depth first."""
    for descriptor, value in message.ListFields():
        path = f"{where}.{descriptor.name}"
        if isinstance(value, Message | str | bytes | int | float):
            items = [value]
        else:  # a repeated field, or a map
            items = list(value.values()) if hasattr(value, "values") else list(value)
        for item in items:
            if isinstance(item, Message):
                yield from walk(item, path)
            else:
                yield path, descriptor.name, item


def sinks(message: ForwardMsg) -> list[Sink]:
    """The texts a ForwardMsg asks the browser to draw as Markdown, and each chart's texts."""
    found: list[Sink] = []
    for path, name, value in walk(message):
        if name == "spec" and ".plotly_chart." in path:
            found += [Sink(f"{path}:{key}", text) for key, text in plotly_strings(value)]
        elif name == "data" and ".table.arrow_data" in path:
            table = pa.ipc.open_stream(value).read_all()  # st.table: cells are Markdown
            found += [
                Sink(f"{path}[{column}]", str(cell))
                for column in table.column_names
                for cell in table.column(column).to_pylist()
                if isinstance(cell, str)
            ]
        elif isinstance(value, str) and (
            name in MARKDOWN_FIELDS or (name == "options" and ".radio." in path)
        ):
            found.append(Sink(path, value))
    return found


def plotly_strings(spec: str) -> Iterator[tuple[str, str]]:
    def strings(node: Any, key: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, str):
            yield key, node
        elif isinstance(node, dict):
            for k, v in node.items():
                yield from strings(v, k)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v, key)

    figure = json.loads(spec)
    yield from strings({"data": figure.get("data"), "layout": figure.get("layout")}, "")


def unescaped(sink: Sink) -> list[str]:
    if ".plotly_chart." in sink.where:
        found = UNESCAPED_PLOTLY.findall(sink.text)
        if "template" in sink.where.rsplit(":", 1)[-1]:  # user text never in a template
            found += [p.pattern for p in UNESCAPED_MARKDOWN[:3] if p.search(sink.text)]
        return found
    return [p.pattern for p in UNESCAPED_MARKDOWN if p.search(sink.text)]


# --- one browser session per language -----------------------------------------------------


@dataclass
class Session:
    page: Any
    url: str
    lang: str
    log: Path
    frames: list[ForwardMsg] = field(default_factory=list)
    by_hash: dict[str, ForwardMsg] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def receive(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "ref_hash":  # a message the browser has cached
            message = self.by_hash.get(message.ref_hash, message)
        elif message.hash:
            self.by_hash[message.hash] = message
        self.frames.append(message)

    def finished_since(self, start: int) -> bool:
        return any(
            m.WhichOneof("type") == "script_finished"
            and m.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
            for m in self.frames[start:]
        )

    def settle(self, start: int) -> None:
        """Until the run started after frame ``start`` has finished and the page is drawn:
        no rerun in flight, no Markdown waiting for a plugin, every chart drawn."""
        page = self.page
        for _ in range(TIMEOUT // 100):
            if self.finished_since(start):
                break
            page.wait_for_timeout(100)
        assert self.finished_since(start), "the page's script never finished"
        wait_idle(page)
        page.wait_for_function(
            """() => !document.querySelector('[data-testid=stSkeleton]')
                && [...document.querySelectorAll('.js-plotly-plot')]
                    .every(p => p.querySelector('svg.main-svg .legend, svg.main-svg .xtick'))""",
            timeout=TIMEOUT,
        )

    def act(self, action) -> None:
        """Do ``action`` (a click…) and wait for the rerun it causes."""
        start = len(self.frames)
        action()
        self.settle(start)

    def open(self, name: str) -> None:
        """Open the page ``name`` through the sidebar's navigation (the session stays)."""
        nav = self.page.get_by_test_id("stSidebarNav")
        link = nav.get_by_text(translate(f"page.{name}", self.lang), exact=True)
        self.frames.clear()
        self.requests.clear()
        self.act(link.click)
        expect(
            self.page.get_by_role("heading", name=translate(TITLES[name], self.lang), exact=True)
        ).to_be_visible(timeout=TIMEOUT)


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("hostile")
    client_id = seed(f"sqlite:///{data_dir / 'repaytalk.db'}")
    with streamlit_server(data_dir) as url:
        yield url, client_id, data_dir / "streamlit.log"


@pytest.fixture(scope="module")
def sessions(browser, hostile_app):
    """The browser session of each language, opened on first use, the client chosen."""
    url, client_id, log = hostile_app
    opened: dict[str, Session] = {}
    contexts = []

    def get(lang: str) -> Session:
        if lang in opened:
            return opened[lang]
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        session = Session(page=page, url=url, lang=lang, log=log)
        page.on("request", lambda request: session.requests.append(request.url))
        page.on(
            "websocket", lambda ws: ws.on("framereceived", lambda payload: session.receive(payload))
        )
        # ?client= chooses the client for the session (the Share page reruns once for it)
        page.goto(f"{url}/share?client={client_id}")
        heading = page.get_by_role("heading", name=translate("page.share", "zh-CN"), exact=True)
        expect(heading).to_be_visible(timeout=TIMEOUT)
        session.settle(0)
        if lang != "zh-CN":
            switch = page.locator(".st-key-lang_select").get_by_text(
                translate(f"lang.name.{lang}", lang), exact=True
            )
            session.act(switch.click)
        opened[lang] = session
        return session

    yield get
    for context in contexts:
        context.close()


# --- what the page shows ------------------------------------------------------------------

DOM_PROBE = """() => {
  const here = location.origin;
  const outside = (url) => {
    if (!url || url.startsWith('#') || url.startsWith('data:') || url.startsWith('blob:')) {
      return false;
    }
    try { return new URL(url, location.href).origin !== here; } catch (e) { return true; }
  };
  const href = (e) => e.getAttribute('href') || e.getAttribute('xlink:href') || '';
  const text = (e) => (e.textContent || '').trim();
  // words the hostile markers would leave as emphasis, headings, lists, quotes or code
  const words = new Set(['X', 'y', 'h', 'b', 'li', 'q', 'code', 'r', 'l', 'a']);
  const markup = 'strong, em, b, del, h1, h2, h3, h4, h5, h6, li, blockquote, pre, code';
  return {
    images: [...document.querySelectorAll('img, image')]
      .map((e) => e.getAttribute('src') || href(e)).filter(outside),
    links: [...document.querySelectorAll('a')]
      .filter((e) => !e.closest('.js-plotly-plot')).map(href).filter(outside),
    chart_links: [...document.querySelectorAll('.js-plotly-plot a')].map(href).filter(outside),
    katex: document.querySelectorAll('.katex, .katex-display, math').length,
    markup: [...document.querySelectorAll(markup)]
      .filter((e) => words.has(text(e))).map((e) => `${e.tagName}: ${text(e)}`),
    coloured: [...document.querySelectorAll('[class*=ColoredText], [class*=ColoredBackground]')]
      .filter((e) => text(e) === 'r').length,
    icons: [...document.querySelectorAll('[role=img]')]
      .map((e) => e.getAttribute('aria-label') || '').filter((l) => l.startsWith('pets')),
    logos: document.querySelectorAll('img[alt="Streamlit logo"]').length,
    chart_markup: [...document.querySelectorAll('.js-plotly-plot tspan')]
      .filter((t) => /bold|italic|color/.test(t.getAttribute('style') || '') && words.has(text(t)))
      .map(text),
    exceptions: document.querySelectorAll('[data-testid=stException]').length,
    read: document.querySelector('[data-testid=stMain]').innerText,
  };
}"""
#: What the hostile text reads as when shown literally.
LITERAL = "**X**"
#: The backslash of an escape, seen on the page.
STRAY_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")


def screenshot(page, path) -> None:
    """The whole page: the window as tall as the main column's content (up to 8,000 px)."""
    tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1280, "height": max(900, min(tall, 8_000))})
    page.wait_for_function(
        "h => document.documentElement.clientHeight === h", arg=max(900, min(tall, 8_000))
    )
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1280, "height": 900})


def problems(session: Session, case: str, artifacts) -> tuple[list[str], list[str]]:
    """What acts as markup on the page as it stands, (in the page, in its charts); the page's
    screenshot on the way."""
    page = session.page
    seen = page.evaluate(DOM_PROBE)
    screenshot(page, artifacts / f"hostile-{session.lang}-{case}.png")
    found: list[str] = []
    in_charts: list[str] = []
    app = urlparse(session.url).netloc
    for address in session.requests:
        parsed = urlparse(address)
        if parsed.scheme in {"http", "https", "ws", "wss"} and parsed.netloc != app:
            found.append(f"request to {address}")
    for key in ("images", "links", "markup", "icons"):
        found += [f"{key}: {item}" for item in seen[key]]
    for key in ("chart_links", "chart_markup"):
        in_charts += [f"{key}: {item}" for item in seen[key]]
    for key in ("katex", "coloured", "logos"):
        if seen[key]:
            found.append(f"{key}: {seen[key]}")
    if "😄" in seen["read"]:
        found.append("an emoji made of :smile:")
    if stray := STRAY_ESCAPE.findall(seen["read"]):
        found.append(f"escapes shown: {stray[:5]}")
    failed = translate("guard.failed", session.lang, ref="\0").split("\0")[0]
    if failed in seen["read"] or seen["exceptions"]:
        found.append(f"the page failed (see {session.log}): {seen['read'][-300:]!r}")
    if case in SHOWS_TEXT and LITERAL not in seen["read"]:
        found.append(f"the hostile text is not shown literally ({LITERAL!r})")
    for message in session.frames:
        for sink in sinks(message):
            if markers := unescaped(sink):
                chart = ".plotly_chart." in sink.where
                (in_charts if chart else found).append(
                    f"websocket {sink.where}: {markers} in {sink.text[:120]!r}"
                )
    return found, in_charts


def check_page(session: Session, case: str, artifacts, *, charts: bool = True) -> None:
    found, in_charts = problems(session, case, artifacts)
    found += in_charts if charts else []
    assert not found, "\n".join(found[:40])


# --- the pages ----------------------------------------------------------------------------


def extra_steps(session: Session, name: str) -> None:
    """What a page needs beyond opening to draw its user text."""
    page, lang = session.page, session.lang
    if name == "debts":
        # pick the first debt (its form), then ask to delete it (the question names it)
        box = page.get_by_test_id("stSelectbox").filter(has_text=translate("debts.pick", lang))
        box.get_by_role("combobox").click()
        page.keyboard.press("ArrowDown")  # from "new debt" to the first debt
        session.act(lambda: page.keyboard.press("Enter"))
        session.act(page.locator(".st-key-debts_delete button").click)
        expect(page.get_by_text(translate("debts.delete_yes", lang))).to_be_visible()
        # last, the payoff chart's hover, which names every creditor (in plotly's HTML)
        chart = page.locator(".js-plotly-plot").last
        chart.scroll_into_view_if_needed()
        area = chart.locator(".nsewdrag").first.bounding_box()
        page.mouse.move(area["x"] + area["width"] / 3, area["y"] + area["height"] / 2)
        expect(chart.locator(".hoverlayer")).to_contain_text(LITERAL)
    elif name == "calls":
        # log a call through the form, every text hostile: the confirmation shows
        form = page.get_by_test_id("stForm").first
        for key, text in (
            ("calls.form.agent_id", hostile(limits.MAX_AGENT_ID_LENGTH, lines=False)),
            ("calls.form.summary", hostile(2_000, tag="FS")),
            ("calls.form.lender_promised", hostile(500, tag="FL")),
            ("calls.form.client_promised", hostile(500, tag="FC")),
            ("calls.form.next_action", hostile(limits.MAX_SHORT_TEXT_LENGTH, lines=False)),
        ):
            form.get_by_label(translate(key, lang), exact=True).fill(text)
        save = form.get_by_role("button", name=translate("calls.form.save", lang))
        session.act(save.click)
        expect(page.get_by_text(translate("calls.confirmation.title", lang))).to_be_visible()


CASES = [pytest.param(lang, name, id=f"{lang}-{name}") for lang in LANGS for name in NAMES]


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_user_text_is_text_on_every_page(sessions, lang, name, artifacts):
    """Each page (Share's chart aside: see the test after this one)."""
    session = sessions(lang)
    session.open(name)
    extra_steps(session, name)
    check_page(session, name, artifacts, charts=name != "share")
    if name == "calls":  # the other tabs were checked too (hidden); here is how they look
        for tab in ("timeline", "payments", "collection"):
            label = translate(f"calls.tab.{tab}", lang)
            session.page.get_by_role("tab", name=label, exact=True).click()
            expect(session.page.get_by_role("tab", name=label, exact=True)).to_have_attribute(
                "aria-selected", "true"
            )
            screenshot(session.page, artifacts / f"hostile-{lang}-calls-{tab}.png")


@pytest.mark.parametrize("lang", LANGS)
def test_the_share_chart_draws_creditors_as_text(sessions, lang, artifacts):
    session = sessions(lang)
    session.open("share")
    _, in_charts = problems(session, "share", artifacts)
    assert not in_charts, "\n".join(in_charts[:40])


@pytest.mark.parametrize("lang", LANGS)
def test_user_text_is_text_on_the_unmasked_share_view(sessions, lang, artifacts):
    """The unmasked view names the client in full: as text too."""
    session = sessions(lang)
    session.open("share")
    session.frames.clear()
    session.act(session.page.locator(".st-key-share_unmask label").first.click)
    expect(session.page.get_by_text(translate("share.unmasked_warning", lang))).to_be_visible()
    check_page(session, "share_unmasked", artifacts, charts=False)
