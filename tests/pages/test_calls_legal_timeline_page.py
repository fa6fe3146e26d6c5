"""The Calls page's timeline with a sued debt (issue 25): each legal step as a dated entry
(stage, date and its document note, where a call's summary is shown) and each deadline the
steps set, with its due date, days left and article, as Today words them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from calls_seed import seed_case
from page_helpers import open_for, texts

from core.rules.legal import LegalEvent, LegalStage, LegalStatus, deadlines
from i18n import enum_label, format_date, translate
from services.legal import SavedLegalEvent
from ui.state import today

PAGE = "app_pages/calls.py"
LANGS = ("zh-CN", "en")
CASE_NO = "(2026)沪0101民初123号"


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_lists_the_legal_steps_and_the_defence_deadline_with_its_article(
    open_app, lang
):
    case = seed_case(agreed_days_ago=None)
    as_of = today()
    filed = LegalEvent(stage=LegalStage.SUIT_FILED, on=as_of - timedelta(days=12))
    served = LegalEvent(stage=LegalStage.SERVED, on=as_of - timedelta(days=5), document=CASE_NO)
    for event in (filed, served):
        case.store.legal.add(
            SavedLegalEvent(client_id=case.client.id, debt_id=case.account.id, event=event)
        )
    (defence,) = deadlines(LegalStatus(events=(filed, served)), as_of=as_of)
    assert defence.days_left >= 10  # 15 days from service, 5 days gone (a weekend may add)

    at = open_for(open_app, PAGE, lang, case.client.id)
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    lane = translate("calls.timeline.lane.legal", lang)
    rows = table[table[translate("calls.list.kind", lang)] == lane].to_dict("records")
    when, what, status = (
        translate("calls.list.when", lang),
        translate("calls.list.what", lang),
        translate("calls.list.status", lang),
    )
    cited = translate("legal.deadline.cited", lang, revision=2023, article=128)
    kind = enum_label(defence.kind, lang)
    assert [(row[when], row[what], row[status]) for row in rows] == [
        (
            format_date(defence.due, lang),
            f"{kind} · {cited}",
            translate("legal.deadline.days_left", lang, n=defence.days_left),
        ),
        (
            format_date(served.on, lang),
            f"{enum_label(LegalStage.SERVED, lang)} · {CASE_NO}",
            enum_label(LegalStage.SERVED, lang),
        ),
        (
            format_date(filed.on, lang),
            enum_label(LegalStage.SUIT_FILED, lang),
            enum_label(LegalStage.SUIT_FILED, lang),
        ),
    ]
    assert all(row[translate("calls.list.lender", lang)] == "招商银行" for row in rows)
    assert all(row[translate("calls.list.overdue", lang)] == "" for row in rows)
    captions = texts(at.caption)
    assert translate("legal.calendar_note", lang) in captions
    assert translate("legal.advice.disclaimer", lang) in captions
    assert translate("legal.advice.legal_aid", lang) in captions
    (chart,) = at.get("plotly_chart")
    traces = {trace.get("name"): trace for trace in json.loads(chart.proto.spec)["data"]}
    steps = traces[f"{lane}: {translate('calls.timeline.style.legal.step', lang)}"]
    assert steps["x"] == [f"{filed.on.isoformat()}T12:00:00", f"{served.on.isoformat()}T12:00:00"]
    running = traces[f"{lane}: {translate('calls.timeline.style.legal.deadline', lang)}"]
    assert running["x"] == [f"{defence.due.isoformat()}T12:00:00"]
    assert running["y"] == [lane]


def test_without_legal_steps_the_timeline_has_no_legal_lane_or_notes(open_app):
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, PAGE, "en", case.client.id)
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert "Legal" not in set(table[translate("calls.list.kind", "en")])
    assert translate("legal.advice.disclaimer", "en") not in " ".join(texts(at.caption))
