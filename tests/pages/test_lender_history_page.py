"""The Lender history page (机构协商记录) with AppTest, in both languages: the table per lender
and kind with its figures, the chart of agreed against refused (one trace each, names as
typed), the alias editor that merges "LFQ" into 来分期, and a counselor in team mode who sees
their own caseload's history and the aliases read-only."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import services
from core.access import Role
from core.calls import Call, Channel, DebtAccount, Outcome
from core.clients import Client
from core.debts import Debt
from core.lender_history import LenderAlias
from core.proposals import StopInterest, TermExtension
from i18n import translate
from services import LOCAL_USER
from services import lender_history as history_service
from services.actor import Actor
from services.workspace import SavedProposal
from ui.state import ACTIVITY_KEY, ACTOR_KEY

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "lender_history.py")
LANGS = ("zh-CN", "en")
FIRST_CALL = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def a_case(ws, name: str, creditor: str, proposal, *, answer: str, after: int = 0) -> int:
    """A client with one debt at ``creditor``, a call about it on 1 March that put
    ``proposal``, then the lender's ``answer`` (``agreed`` ``after`` days later, ``refused``,
    or ``put``: no answer yet)."""
    client = services.clients.create(ws, LOCAL_USER, Client(name=name))
    debt = Debt(creditor=creditor, outstanding_principal="12000", remaining_months=12)
    account = services.debts.add(ws, LOCAL_USER, DebtAccount(client_id=client.id, debt=debt))
    saved = services.proposals.save(
        ws, LOCAL_USER, SavedProposal(client_id=client.id, debt_id=account.id, proposal=proposal)
    )
    call = Call(
        client_id=client.id,
        debt_id=account.id,
        proposal_id=saved.id,
        at=FIRST_CALL,
        channel=Channel.PHONE,
        lender=creditor,
        summary="提出方案",
        outcome=Outcome.CALL_BACK,
    )
    services.calls.log(ws, LOCAL_USER, call, now=FIRST_CALL)
    if answer == "agreed":
        agreed_on = date.fromordinal(date(2026, 3, 1).toordinal() + after)
        services.proposals.agree(ws, LOCAL_USER, saved, agreed_on, now=FIRST_CALL)
    elif answer == "refused":
        services.proposals.refuse(ws, LOCAL_USER, saved, now=FIRST_CALL)
    return client.id


STOP_36 = StopInterest(months=36, waiver_share=Decimal("0.3"))


@pytest.fixture
def ws(isolated_database):
    ws = services.open_workspace(isolated_database)
    a_case(ws, "张明", "来分期", STOP_36, answer="agreed", after=10)
    a_case(ws, "李华", "来分期", StopInterest(months=48), answer="agreed", after=21)
    a_case(ws, "王芳", "LFQ", STOP_36, answer="refused")
    a_case(ws, "赵强", "招商银行", TermExtension(months=24), answer="put")
    return ws


def open_page(lang: str, actor: Actor | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["lang"] = lang
    if actor is not None:  # signed in, and active just now
        at.session_state[ACTOR_KEY] = actor
        at.session_state[ACTIVITY_KEY] = datetime.now(UTC)
    at.run()
    assert not at.exception, at.exception
    return at


def rows(at) -> list[list]:
    return at.dataframe[0].value.values.tolist()


def figure(at) -> dict:
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_has_each_lender_and_kind_with_its_figures(ws, lang):
    at = open_page(lang)
    assert at.title[0].value == translate("page.lender_history", lang)
    frame = at.dataframe[0].value
    assert list(frame.columns) == [
        translate(f"lender_history.col.{name}", lang)
        for name in (
            "lender",
            "kind",
            "asked",
            "agreed",
            "refused",
            "median_days",
            "deepest_waiver",
            "longest_term",
        )
    ]
    stop = translate("proposals.kind.stop_interest", lang)
    extension = translate("proposals.kind.term_extension", lang)
    months = {"zh-CN": "48个月", "en": "48 months"}[lang]
    # by lender in code point order: "LFQ" < 招 (U+62DB) < 来 (U+6765)
    assert rows(at) == [
        ["LFQ", stop, 1, 0, 1, "—", "—", "—"],
        ["招商银行", extension, 1, 0, 0, "—", "—", "—"],
        # agreed after 10 and 21 days: median 15.5 → 16; deepest waiver 30 %, longest 48
        ["来分期", stop, 2, 2, 0, "16", "30%", months],
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_shows_agreed_against_refused_per_lender(ws, lang):
    spec = figure(open_page(lang))
    traces = spec["data"]
    assert [trace["name"] for trace in traces] == [
        translate("lender_history.chart.agreed", lang),
        translate("lender_history.chart.refused", lang),
    ]
    assert traces[0]["x"] == ["LFQ", "招商银行", "来分期"]
    assert (traces[0]["y"], traces[1]["y"]) == ([0, 0, 2], [1, 0, 0])
    assert spec["layout"]["title"]["text"] == translate("lender_history.chart.title", lang)


def test_a_lender_name_is_drawn_as_typed_in_the_chart_and_the_table(isolated_database):
    ws = services.open_workspace(isolated_database)
    a_case(ws, "张明", "<b>A&B</b> *贷*", STOP_36, answer="refused")
    at = open_page("en")
    assert figure(at)["data"][0]["x"] == ["&lt;b&gt;A&amp;B&lt;/b&gt; *贷*"]
    assert rows(at)[0][0] == "<b>A&B</b> *贷*"


TEST_EDITED = "test_edited_aliases"


def editor_script() -> None:
    """The page, with the alias editor's result handed over from the session (AppTest cannot
    type into a data editor): the table as the counselor left it."""
    import streamlit as st

    from ui import lender_history_widgets

    edited = st.session_state.get("test_edited_aliases")
    real = st.data_editor

    def as_left(data, **kwargs):
        real(data, **kwargs)
        return edited if edited is not None else data

    lender_history_widgets.st.data_editor = as_left  # type: ignore[method-assign]
    try:
        lender_history_widgets.main()
    finally:
        lender_history_widgets.st.data_editor = real  # type: ignore[method-assign]


def open_editor(lang: str) -> AppTest:
    at = AppTest.from_function(editor_script, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def edited(lang: str, *pairs: tuple[str, str]) -> pd.DataFrame:
    columns = [
        translate("lender_history.aliases.col.alias", lang),
        translate("lender_history.aliases.col.lender", lang),
    ]
    return pd.DataFrame(list(pairs), columns=columns)


@pytest.mark.parametrize("lang", LANGS)
def test_an_alias_saved_in_the_editor_merges_lfq_into_its_lender(ws, lang):
    at = open_editor(lang)
    assert len(at.data_editor[0].value) == 0
    at.session_state[TEST_EDITED] = edited(lang, ("ＬＦＱ", "来分期"), ("", ""))
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.success] == [translate("lender_history.aliases.saved", lang)]
    stop = translate("proposals.kind.stop_interest", lang)
    extension = translate("proposals.kind.term_extension", lang)
    assert [row[:5] for row in rows(at)] == [
        ["招商银行", extension, 1, 0, 0],
        ["来分期", stop, 3, 2, 1],
    ]
    aliases = history_service.aliases(ws, LOCAL_USER)
    assert [(a.alias, a.lender) for a in aliases] == [("lfq", "来分期")]
    at.session_state[TEST_EDITED] = None
    at.run()
    assert at.data_editor[0].value.values.tolist() == [["lfq", "来分期"]]
    assert not at.success  # said once


@pytest.mark.parametrize("lang", LANGS)
def test_a_half_filled_or_repeated_alias_is_refused_and_nothing_saved(ws, lang):
    at = open_editor(lang)
    at.session_state[TEST_EDITED] = edited(lang, ("LFQ", ""))
    at.button[0].click().run()
    assert [e.value for e in at.error] == [
        translate("lender_history.aliases.incomplete", lang, row=1)
    ]
    at.session_state[TEST_EDITED] = edited(lang, ("LFQ", "来分期"), ("lfq", "乐信"))
    at.button[0].click().run()
    assert [e.value for e in at.error] == [translate("lender_history.aliases.duplicate", lang)]
    assert history_service.aliases(ws, LOCAL_USER) == []


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_workspace_says_how_the_history_fills(isolated_database, lang):
    at = open_page(lang)
    assert [i.value for i in at.info] == [translate("lender_history.empty", lang)]
    assert not at.get("plotly_chart")


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselor_sees_their_own_caseload_and_the_aliases_read_only(ws, lang, monkeypatch):
    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    history_service.save_aliases(
        ws, LOCAL_USER, [LenderAlias(alias="LFQ", lender="来分期")], shown=[]
    )
    counselor = Actor("wang.li", "王丽", Role.COUNSELOR, 99)
    # 张明 is the counselor's client; nobody else's is
    with ws.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO accounts (id, version, created_at, updated_at, username, display_name,"
            " role, disabled, failed_sign_ins) VALUES (99, 1, '2026-03-01 00:00:00',"
            " '2026-03-01 00:00:00', 'wang.li', '王丽', 'counselor', 0, 0)"
        )
        connection.exec_driver_sql("UPDATE clients SET counselor_id = 99 WHERE name = '张明'")
    at = open_page(lang, counselor)
    stop = translate("proposals.kind.stop_interest", lang)
    assert [row[:5] for row in rows(at)] == [["来分期", stop, 1, 1, 0]]
    assert [i.value for i in at.info] == [translate("lender_history.aliases.read_only", lang)]
    assert not at.button  # no editor, no save button
    assert at.dataframe[1].value.values.tolist() == [["lfq", "来分期"]]
