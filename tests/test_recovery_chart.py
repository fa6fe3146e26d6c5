"""The chart of what each proposal is worth to the lender, and its words (issue 24)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hostile_text import hostile

from charts.base import contrast_ratio, plotly_text
from charts.recovery import (
    NO_AGREEMENT_PATTERN,
    PROPOSAL_COLOUR,
    assumption_lines,
    break_source_text,
    no_agreement_text,
    recovery_chart,
    recovery_panel,
    recovery_row_text,
    recovery_sentence_text,
)
from core.debts import Debt
from core.proposals import Baseline, StopInterest, compare_proposals
from core.rules.recovery import (
    RecoveryAssumptions,
    expected_recovery,
    no_agreement_value,
    recovery_for_comparison,
    recovery_sentence,
)
from core.schedules import add_months

D = Decimal
AS_OF = date(2026, 1, 1)
ROWS = [("按原合同", D("10006.34")), ("停息挂账 · 24个月", D("11843.16"))]


def test_one_bar_per_proposal_then_no_agreement_hatched():
    fig = recovery_chart(ROWS, D("734.65"), "zh-CN")
    proposals, no_agreement = fig.data
    assert (proposals.name, no_agreement.name) == ("协商方案", "不达成协议（催收、诉讼）")
    assert proposals.orientation == no_agreement.orientation == "h"
    assert (list(proposals.y), list(proposals.x)) == ([0, 1], [10006.34, 11843.16])
    assert (list(no_agreement.y), list(no_agreement.x)) == ([2], [734.65])
    assert list(proposals.text) == ["¥10,006.34", "¥11,843.16"]
    assert list(no_agreement.text) == ["¥734.65"]
    assert list(proposals.customdata) == ["按原合同", "停息挂账 · 24个月"]
    assert list(no_agreement.customdata) == ["不达成协议（催收、诉讼）"]
    # the names on the axis, the first proposal at the top
    assert list(fig.layout.yaxis.tickvals) == [0, 1, 2]
    assert list(fig.layout.yaxis.ticktext) == [
        "按原合同",
        "停息挂账 · 24个月",
        "不达成协议（催收、诉讼）",
    ]
    assert fig.layout.yaxis.autorange == "reversed"
    # no agreement differs by pattern as well as colour
    assert proposals.marker.color == PROPOSAL_COLOUR and proposals.marker.pattern.shape == ""
    assert no_agreement.marker.pattern.shape == NO_AGREEMENT_PATTERN["shape"] == "/"
    assert no_agreement.marker.color != proposals.marker.color


def test_the_chart_says_it_is_an_estimate_and_names_its_axis_in_both_languages():
    zh = recovery_chart(ROWS, D("734.65"), "zh-CN")
    assert zh.layout.title.text == "各方案对机构的价值（现值）"
    assert zh.layout.title.subtitle.text == "按假设估算，不是数据"
    assert zh.layout.xaxis.title.text == "现值（元）"
    assert zh.layout.xaxis.tickprefix == "¥"
    en = recovery_chart([("Contract as it stands", D("10006.34"))], D("734.65"), "en")
    assert en.layout.title.text == "What each proposal is worth to the lender (present value)"
    assert en.layout.title.subtitle.text == "Estimate from assumptions, not data"
    assert [trace.name for trace in en.data] == [
        "Proposals",
        "No agreement (collection, litigation)",
    ]
    assert en.data[0].hovertemplate == "%{customdata}<br>Present value: ¥%{x:,.2f}<extra></extra>"


def test_the_axis_leaves_room_for_the_amounts_and_grows_with_the_rows():
    fig = recovery_chart(ROWS, D("734.65"), "en")
    assert list(fig.layout.xaxis.range) == [0, pytest.approx(11843.16 * 1.3)]
    assert fig.layout.height == 190 + 46 * 3
    empty = recovery_chart([], D("0"), "en")
    assert list(empty.layout.xaxis.range) == [0, 1]
    assert (list(empty.data[0].x), list(empty.data[1].x)) == ([], [0.0])


def test_a_typed_name_is_drawn_as_text_and_never_as_a_template():
    typed = hostile(100)
    fig = recovery_chart([(typed, D("1")), ("%{x} %{y}", D("2"))], D("0"), "en")
    escaped = plotly_text(typed)
    assert "<" not in escaped and ">" not in escaped
    assert fig.layout.yaxis.ticktext[0] == escaped
    assert fig.data[0].customdata[0] == escaped
    assert fig.data[0].customdata[1] == "%{x} %{y}"  # data, named by the template
    drawn = [*fig.layout.yaxis.ticktext, *fig.data[0].customdata, *fig.data[0].text]
    assert not any("<b>" in s or "<a href" in s or "<img" in s for s in drawn)
    for trace in fig.data:
        assert "**X**" not in trace.hovertemplate and "%{x} %{y}" not in trace.hovertemplate


# --- words ---------------------------------------------------------------------------------


def guide_values():
    payments = [(add_months(AS_OF, k), D("562.50")) for k in range(1, 25)]
    value = expected_recovery(payments, D(13500), D(800), AS_OF)
    return value, no_agreement_value(D(13500), AS_OF)


def test_the_sentence_to_say_starts_by_our_estimate_with_the_figures():
    value, alternative = guide_values()
    said = recovery_sentence(value, alternative)
    assert recovery_sentence_text(said, "zh-CN") == (
        "按我们的估算，按这个方案贵司预计能收回11,843.16元（折合现值），"
        "而不达成协议、走催收和诉讼预计只能收回734.65元。"
    )
    assert recovery_sentence_text(said, "en") == (
        "By our estimate, under this plan you can expect to recover 11,843.16 yuan (in today's "
        "money), while without an agreement, collection and litigation would be expected to "
        "recover only 734.65 yuan."
    )


def test_a_plan_worth_no_more_than_no_agreement_gets_a_note_not_a_sentence():
    value = expected_recovery(
        [(add_months(AS_OF, 1), D(700))], D(13500), None, AS_OF, RecoveryAssumptions(break_chance=1)
    )
    said = recovery_sentence(value, no_agreement_value(D(13500), AS_OF))
    # a certain break in month 1: 0.255 × 700 / (1 + 1/300)¹³ = 178.5 / 1.044247 = 170.94
    assert recovery_sentence_text(said, "zh-CN") == (
        "按我们的估算，这个方案对机构的现值170.94元不高于不达成协议的734.65元，"
        "不宜用这个理由说服机构。"
    )


def test_a_row_names_its_parts_its_share_and_the_chance_it_is_kept():
    value, alternative = guide_values()
    assert recovery_row_text(value, "zh-CN") == (
        "现值 ¥11,843.16（按期还款 ¥11,470.14，违约后催收 ¥373.02），约为欠款的 88%；"
        "按期还完的概率 79%。"
    )
    assert break_source_text(value, "en") == (
        "Monthly chance of a break 1%: every payment is within what the client can pay "
        "(an assumption)."
    )
    assert no_agreement_text(alternative, "en") == (
        "No agreement: ¥4,725.00 expected to be recovered in 18 months, less ¥3,945.00 of "
        "costs: ¥734.65 today."
    )
    nothing_owed = expected_recovery([], D(0), None, AS_OF)
    assert recovery_row_text(nothing_owed, "en") == (
        "Present value ¥0.00 (¥0.00 from payments, ¥0.00 from collection after a break); "
        "chance the plan is kept to the end: 100%."
    )


def test_every_assumption_is_shown_with_its_value():
    assert assumption_lines(RecoveryAssumptions(), "zh-CN") == [
        "机构资金成本：年化 4%（消费金融公司借入资金的大致成本）。",
        "客户中途违约的每月概率：还款在可还范围内 1%，超出 6%（假设，不是统计数据）。",
        "违约后：12个月后催收回剩余应还的 30%，催收成本为收回金额的 15%。",
        "不达成协议：18个月后通过催收和诉讼收回欠款的 35%，成本为收回金额的 20%，"
        "另加诉讼费用 ¥3,000.00。",
    ]
    own = assumption_lines(RecoveryAssumptions(break_chance="0.025"), "en")
    assert own[1] == "Monthly chance the client breaks the plan: 2.5% (set by you)."


def test_every_text_of_the_chart_reads_on_white():
    fig = recovery_chart(ROWS, D("734.65"), "zh-CN")
    layout = fig.layout
    assert (layout.paper_bgcolor, layout.plot_bgcolor) == ("white", "white")
    inks = [
        layout.title.font.color,
        layout.title.subtitle.font.color,
        layout.xaxis.tickfont.color,
        layout.yaxis.tickfont.color,
        layout.legend.font.color,
        *(trace.textfont.color for trace in fig.data),
    ]
    assert all(trace.textposition == "outside" for trace in fig.data)  # amounts on white
    assert min(contrast_ratio(ink, "#FFFFFF") for ink in inks) >= 4.5


def test_the_panel_gives_a_page_everything_for_a_comparison_in_one_call():
    debt = Debt(
        creditor="来分期",
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )
    comparison = compare_proposals(debt, [Baseline(), StopInterest(months=24)], "800", AS_OF)
    recovery = recovery_for_comparison(comparison, D(800), AS_OF)
    labels = ["按原合同", "停息挂账 · 24个月", "最低还款方案 · 18个月"]
    panel = recovery_panel(labels, recovery, "zh-CN", index=1)
    assert list(panel.figure.layout.yaxis.ticktext) == [*labels, "不达成协议（催收、诉讼）"]
    assert list(panel.figure.data[0].x) == [float(v.present_value) for v in recovery.rows]
    assert panel.rows[1] == (
        "现值 ¥11,843.16（按期还款 ¥11,470.14，违约后催收 ¥373.02），约为欠款的 88%；"
        "按期还完的概率 79%。每月违约概率 1%：每期还款都在客户可还范围内（假设）。"
    )
    assert panel.rows[0].endswith("每月违约概率 6%：有的月份还款超出客户可还范围（假设）。")
    assert panel.no_agreement == (
        "不达成协议：18个月后预计收回 ¥4,725.00，扣除成本 ¥3,945.00，现值 ¥734.65。"
    )
    assert panel.assumptions == tuple(assumption_lines(RecoveryAssumptions(), "zh-CN"))
    assert panel.persuasive
    assert panel.sentence is not None and panel.sentence.startswith(
        "按我们的估算，按这个方案贵司预计能收回11,843.16元"
    )
    english = recovery_panel(labels, recovery, "en")
    assert english.sentence is None and not english.persuasive
    assert english.rows[1].endswith(
        "kept to the end: 79%. Monthly chance of a break 1%: every payment is within what the "
        "client can pay (an assumption)."
    )
    with pytest.raises(ValueError, match="2 labels for 3 rows"):
        recovery_panel(labels[:2], recovery, "en")
