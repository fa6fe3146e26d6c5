"""The proposal comparison page with AppTest, in both languages: core's figures, the term
slider, inline messages for bad input, saving a proposal and the sentence to say."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

import store
from core.affordability import Budget
from core.agreement import plan_starting_on
from core.allocation import allocate_capacity
from core.calls import DebtAccount
from core.clients import Client
from core.debts import Debt
from core.examples import example_case
from core.proposals import (
    Baseline,
    InterestWaiver,
    LumpSumSettlement,
    TermExtension,
    compare_proposals,
    evaluate_proposal,
)
from core.rules.pitch import pitch
from core.rules.recovery import RecoveryAssumptions, no_agreement_value
from core.schedules import add_months
from i18n import format_date, format_money, format_months, format_percent, md_escape, translate
from ui.state import today

D = Decimal

PAGE = "app_pages/proposals.py"
LANGS = ("zh-CN", "en")
TODAY = today()  # the page plans from today, as a counselor would
DEBTS = (
    Debt(creditor="甲银行", outstanding_principal="12000", rate_quote="0.18", remaining_months=12),
    Debt(
        creditor="乙分期",
        outstanding_principal="6000",
        accrued_interest_and_penalties="300",
        remaining_months=6,
    ),
)
BUDGET = Budget(incomes=["6000"], essential_costs={"food": "3000"})  # capacity 3,000.00


def seed(debts=DEBTS, budget=BUDGET) -> tuple[int, list[DebtAccount]]:
    db = store.init_db()
    client = db.clients.create(Client(name="李四"))
    accounts = [db.debts.add(DebtAccount(client_id=client.id, debt=debt)) for debt in debts]
    if budget is not None:
        db.budgets.add_version(client.id, TODAY, budget)
    return client.id, accounts


@pytest.fixture
def page(open_app):
    def _open(lang: str, client_id: int | None):
        at = open_app(page=PAGE, lang=lang)
        if client_id is not None:
            at.session_state["client_id"] = client_id
            at.run()
        assert not at.exception, at.exception
        return at

    return _open


def table(at):
    return at.dataframe[0].value


def charts(at):
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def texts(elements):
    return " ".join(element.value for element in elements)


def expected_inputs(accounts, index=0):
    """What the page compares by default for the account at ``index``."""
    debts = [a.debt for a in accounts]
    share = allocate_capacity(debts, BUDGET.capacity).shares[index].amount
    debt = debts[index]
    months = max(12, min(60, 2 * debt.remaining_months))
    settlement = (debt.opening_balance * Decimal("0.6")).quantize(Decimal("1"))
    proposals = [
        Baseline(),
        TermExtension(months=months),
        InterestWaiver(waiver_share="0.5"),
        LumpSumSettlement(parts=[{"amount": settlement, "due_date": _month_on(TODAY)}]),
    ]
    return debt, share, proposals


def _month_on(day):
    from core.schedules import add_months

    return add_months(day, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_client_the_page_says_to_choose_one(page, lang):
    at = page(lang, None)
    assert translate("state.choose_client_first", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_a_client_without_debts_is_sent_to_the_debts_page(page, lang):
    client_id, _ = seed(debts=())
    at = page(lang, client_id)
    assert translate("proposals.no_debts", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_shows_cores_figures_for_every_proposal_and_the_minimum_plan(page, lang):
    client_id, accounts = seed()
    at = page(lang, client_id)
    debt, share, proposals = expected_inputs(accounts)
    comparison = compare_proposals(debt, proposals, share, TODAY)
    minimum = comparison.minimum_plan
    results = [*comparison.results, minimum.result]
    frame = table(at)
    assert len(frame) == len(results)
    col = {
        name: translate(f"proposals.col.{name}", lang)
        for name in ("payment", "months", "total", "cost", "saving", "rate", "affordable")
    }
    for row, result in zip(frame.to_dict("records"), results, strict=True):
        assert row[col["payment"]] == format_money(result.highest_payment, lang)
        assert row[col["months"]] == result.months
        assert row[col["total"]] == format_money(result.total_paid, lang)
        if result.kind == "baseline":
            assert row[col["saving"]] == "—"
        elif result.saving < 0:
            more = format_money(-result.saving, lang)
            assert row[col["saving"]] == translate("proposals.vs.more", lang, amount=more)
        else:
            less = format_money(result.saving, lang)
            assert row[col["saving"]] == translate("proposals.vs.less", lang, amount=less)
        if result.waived_of_owed > 0:
            assert row[col["cost"]].startswith(("减免", "waiver"))
        else:
            assert row[col["cost"]] == format_money(result.cost_beyond_owed, lang)
        rate = result.rate_on_owed
        assert row[col["rate"]] == ("—" if rate is None else format_percent(rate, lang))
        assert "-" not in row[col["rate"]] and "-" not in row[col["saving"]]
        yes_no = "proposals.yes" if result.affordable else "proposals.no"
        assert row[col["affordable"]] == translate(yes_no, lang)
    # the share comes from the latest budget's allocation, and is what the chart's limit shows
    assert at.text_input(key=f"proposals.share.{accounts[0].id}").value == f"{share:,.2f}"
    payment_chart = charts(at)[0]
    limit = payment_chart["data"][-1]
    assert limit["y"] == [float(share)] * 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_recommendation_is_cores_with_its_reason(page, lang):
    from core.reasons import describe

    client_id, accounts = seed()
    at = page(lang, client_id)
    debt, share, proposals = expected_inputs(accounts)
    comparison = compare_proposals(debt, proposals, share, TODAY)
    shown = texts(at.success) + texts(at.warning)
    assert describe(comparison.reason, lang) in shown
    if comparison.recommended is not None:
        star = [n for n in table(at)[translate("proposals.col.proposal", lang)] if n[0] == "★"]
        assert len(star) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_moving_the_term_slider_changes_the_table_and_the_chart(page, lang):
    client_id, accounts = seed()
    at = page(lang, client_id)
    months_col = translate("proposals.col.months", lang)
    before_table, before_chart = table(at)[months_col].tolist(), charts(at)[0]["data"]
    at.slider(key="proposals.months").set_value(36).run()
    assert not at.exception
    after_table, after_chart = table(at)[months_col].tolist(), charts(at)[0]["data"]
    assert after_table[1] == 36 and before_table[1] != 36
    assert after_chart != before_chart
    extension = evaluate_proposal(accounts[0].debt, TermExtension(months=36), "1", TODAY)
    assert after_chart[1]["y"][1:] == [float(p) for _, p in extension.plan.payments_by_period]


@pytest.mark.parametrize("lang", LANGS)
def test_a_waiver_above_100_percent_gives_an_inline_message(page, lang):
    client_id, _ = seed()
    at = page(lang, client_id)
    at.text_input(key="proposals.waiver").set_value("120").run()
    assert not at.exception
    assert translate("proposals.error.waiver", lang) in texts(at.error)
    # the waiver is left out; the other proposals are still compared
    assert len(table(at)) == 4


@pytest.mark.parametrize("lang", LANGS)
def test_a_settlement_date_in_the_past_gives_an_inline_message(page, lang):
    client_id, _ = seed()
    at = page(lang, client_id)
    at.date_input(key="proposals.settle_date.0").set_value(TODAY - timedelta(days=1)).run()
    assert not at.exception
    assert translate("proposals.error.past_date", lang) in texts(at.error)
    assert len(table(at)) == 4


def test_settlement_dates_out_of_order_give_an_inline_message(page):
    client_id, _ = seed()
    at = page("en", client_id)
    at.radio(key="proposals.settle_parts").set_value(2).run()
    at.date_input(key="proposals.settle_date.1").set_value(TODAY + timedelta(days=1)).run()
    assert translate("proposals.error.date_order", "en") in texts(at.error)


def test_a_down_payment_above_the_balance_is_explained_not_raised(page):
    client_id, _ = seed()
    at = page("en", client_id)
    at.multiselect(key="proposals.kinds").select("down_payment").run()
    at.text_input(key="proposals.down").set_value("999999").run()
    assert not at.exception
    assert at.error, "an inline message names the down payment"


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_proposal_is_kept_and_gives_the_sentence_to_say(page, lang):
    client_id, accounts = seed()
    at = page(lang, client_id)
    assert translate("proposals.saved.none", lang) in texts(at.caption)
    at.selectbox(key="proposals.save_choice").set_value(0)  # the term extension
    at.button[0].click().run()
    assert not at.exception
    saved = store.init_db().proposals.list_for_client(client_id)
    assert [s.proposal for s in saved] == [TermExtension(months=24)]
    assert saved[0].debt_id == accounts[0].id

    at = page(lang, client_id)  # a fresh session: what was saved is read back
    assert texts(at.success).count(translate("proposals.kind.term_extension", lang)) >= 1
    debt, share, _ = expected_inputs(accounts)
    result = evaluate_proposal(debt, TermExtension(months=24), share, TODAY)
    expected = pitch(debt, result, lang, can_pay=share, monthly_income=Decimal("6000.00"))
    assert at.code[0].value == expected


def test_the_sentence_can_be_said_in_the_other_language(page):
    client_id, _ = seed()
    at = page("en", client_id)
    at.button[0].click().run()
    at.radio(key="proposals.pitch_lang").set_value("zh-CN").run()
    assert at.code[0].value.startswith("我目前每月收入6,000元")


def test_editing_the_share_changes_what_is_affordable(page):
    client_id, accounts = seed()
    at = page("en", client_id)
    at.text_input(key=f"proposals.share.{accounts[0].id}").set_value("1").run()
    affordable = table(at)[translate("proposals.col.affordable", "en")].tolist()
    assert set(affordable) == {translate("proposals.no", "en")}
    assert translate("proposals.none_affordable", "en") in texts(at.warning)


def test_switching_debts_compares_the_other_debt(page):
    client_id, accounts = seed()
    at = page("en", client_id)
    at.selectbox(key="proposals.debt").set_value(accounts[1].id).run()
    assert not at.exception
    debt, share, proposals = expected_inputs(accounts, 1)
    baseline = compare_proposals(debt, proposals[:1], share, TODAY).results[0]
    first = table(at).iloc[0][translate("proposals.col.total", "en")]
    assert first == format_money(baseline.total_paid, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_household_opens_without_error(page, lang):
    case = example_case(TODAY)
    db = store.init_db()
    client = db.clients.create(case.client)
    for account in case.debts:
        db.debts.add(account.model_copy(update={"client_id": client.id}))
    db.budgets.add_version(client.id, case.budget_from, case.budget)
    at = page(lang, client.id)
    assert len(table(at)) >= 4
    assert len(charts(at)) == 3  # payments, paid so far, what each is worth to the lender


def recovery_bars(at, lang):
    spec = next(
        c
        for c in charts(at)
        if c["layout"]["title"]["text"] == translate("recovery.chart.title", lang)
    )
    return {trace["name"]: trace["x"] for trace in spec["data"]}


@pytest.mark.parametrize("lang", LANGS)
def test_the_lender_side_values_each_row_and_no_agreement_with_the_assumptions_in_view(page, lang):
    client_id, _ = seed()
    at = page(lang, client_id)
    owed = compare_proposals(DEBTS[0], [Baseline()], D("3000"), TODAY).rows[0].owed
    expected = no_agreement_value(owed, TODAY, RecoveryAssumptions()).present_value
    bars = recovery_bars(at, lang)
    assert bars[translate("recovery.chart.no_agreement", lang)] == [float(expected)]
    # one bar per row of the comparison table, then no agreement
    assert len(bars[translate("recovery.chart.proposals", lang)]) == len(table(at))
    said = " ".join(i.value for i in [*at.info, *at.warning])
    assert ("按我们的估算" if lang == "zh-CN" else "By our estimate") in said
    # the counselor's own assumption moves the figure: nothing recovered without agreement
    at.number_input(key="proposals.recovery.no_agreement_share").set_value(0.0).run()
    assert not at.exception, at.exception
    assert recovery_bars(at, lang)[translate("recovery.chart.no_agreement", lang)] == [0.0]


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_proposal_is_recorded_as_agreed_with_the_plan_of_that_day(page, lang):
    client_id, accounts = seed()
    at = page(lang, client_id)
    at.selectbox(key="proposals.save_choice").set_value(0)  # the term extension
    at.button[0].click().run()
    agreed_on = TODAY - timedelta(days=2)
    at.date_input(key="proposals.agreed_on").set_value(agreed_on)
    submit = next(b for b in at.button if b.label == translate("proposals.agreed.button", lang))
    submit.click().run()
    assert not at.exception
    [saved] = store.init_db().proposals.list_for_client(client_id)
    assert saved.status is store.ProposalStatus.AGREED
    assert saved.agreed_on == agreed_on
    debt, share, _ = expected_inputs(accounts)
    expected = evaluate_proposal(debt, TermExtension(months=24), share, agreed_on).plan
    # Issue 17: the installments fall on the first date chosen (the contract has no due day on
    # file, so a month after today by default), not a month after the day agreed.
    first = add_months(TODAY, 1)
    assert saved.plan == plan_starting_on(TermExtension(months=24), expected, agreed_on, first)
    assert saved.plan.rows[0].due_date == first
    already = translate("proposals.agreed.already", lang, date=format_date(agreed_on, lang))
    assert already in [info.value for info in at.info]


GUIDE_DEBT = Debt(
    creditor="来分期",
    lender_type="online_platform",
    outstanding_principal="12000",
    overdue_amount="900",
    days_overdue=30,
    accrued_interest_and_penalties="1500",
    penalty_rate="0.27",
    rate_quote="0.18",
    remaining_months=12,
)
#: Income 4,000 leaving 800 for repayments.
GUIDE_BUDGET = Budget(incomes=["4000"], essential_costs={"food": "2000", "housing": "1200"})


@pytest.mark.parametrize("lang", LANGS)
def test_guide_case_save_form_preselects_the_recommendation_as_it_changes(page, lang):
    """Issue 16: after adding 停息挂账 the banner recommended it but the save form still
    preselected the extension; and the minimum plan was never a candidate."""
    client_id, _ = seed(debts=(GUIDE_DEBT,), budget=GUIDE_BUDGET)
    at = page(lang, client_id)
    at.slider(key="proposals.months").set_value(24).run()
    at.multiselect(key="proposals.kinds").set_value(["term_extension", "interest_waiver"])
    at.text_input(key="proposals.waiver").set_value("60").run()
    assert not at.exception
    names = table(at)[translate("proposals.col.proposal", lang)].tolist()
    starred = [n for n in names if n.startswith("★")]
    minimum = translate("proposals.minimum_label", lang, months=format_months(20, lang))
    assert starred == [f"★ {minimum}"]
    choice = at.selectbox(key="proposals.save_choice")
    assert choice.format_func(choice.value) == minimum
    assert "¥15,478.99" in texts(at.success)

    kinds = ["term_extension", "interest_waiver", "stop_interest"]
    at.multiselect(key="proposals.kinds").set_value(kinds).run()
    assert not at.exception
    frame = table(at)
    stop = frame[
        frame[translate("proposals.col.proposal", lang)].str.contains(
            translate("proposals.kind.stop_interest", lang), regex=False
        )
    ].iloc[0]
    assert stop[translate("proposals.col.payment", lang)] == format_money(D("525.00"), lang)
    waiver = translate(
        "proposals.cost.waiver", lang, amount=format_money(D("900"), lang), share="6.67%"
    )
    assert stop[translate("proposals.col.cost", lang)] == waiver
    assert stop[translate("proposals.col.rate", lang)] == "—"
    choice = at.selectbox(key="proposals.save_choice")
    assert translate("proposals.kind.stop_interest", lang) in choice.format_func(choice.value)
    assert translate("proposals.recommended_if_agreed", lang, label="").strip(": ：") in texts(
        at.success
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_plans_new_rate_above_the_24_percent_line_is_flagged(page, lang):
    """Rate lines judge every rate charged from now on, a plan's new rate included."""
    online = Debt(
        creditor="来分期",
        lender_type="online_platform",
        outstanding_principal="12000",
        rate_quote="0.18",
        remaining_months=12,
    )
    client_id, _ = seed(debts=(online,))
    at = page(lang, client_id)
    at.text_input(key="proposals.rate").set_value("30").run()
    assert not at.exception
    flagged = [w.value for w in at.warning if "30.00%" in w.value]
    assert flagged and "24.00%" in flagged[0]
    assert ("法发〔2017〕22号" in flagged[0]) if lang == "zh-CN" else ("art. 2" in flagged[0])
    at.text_input(key="proposals.rate").set_value("12").run()
    assert not [w.value for w in at.warning if "12.00%" in w.value]


@pytest.mark.parametrize("lang", LANGS)
def test_a_proposal_the_lender_refused_is_recorded_and_kept(page, lang):
    client_id, _ = seed()
    at = page(lang, client_id)
    at.selectbox(key="proposals.save_choice").set_value(0)  # the term extension
    at.button[0].click().run()
    at.button(key="proposals.refuse").click().run()
    assert not at.exception
    (saved,) = store.init_db().proposals.list_for_client(client_id)
    assert saved.status.value == "refused"
    assert translate("proposals.refused.already", lang) in texts(at.warning)
    with pytest.raises(KeyError):
        at.button(key="proposals.refuse")  # nothing more to refuse


# --- issue 20: the credit-record clock under each proposal -------------------------------------


def credit_block(at) -> list[str]:
    """The Markdown of the credit-record block: its title, then its lines."""
    bodies = [m.value for m in at.markdown]
    title = f"**{translate('credit_plan.title', at.session_state['lang'])}**"
    if title not in bodies:
        return []
    start = bodies.index(title)
    return bodies[start : start + 2]


def five_years_on(day):
    """征信业管理条例 art. 16 by hand: the same day 5 years later, or that month's last day."""
    import calendar
    from datetime import date

    last = calendar.monthrange(day.year + 5, day.month)[1]
    return date(day.year + 5, day.month, min(day.day, last))


def seed_guide_account(reports) -> int:
    from core.rules.credit_record import Reporting

    db = store.init_db()
    client = db.clients.create(Client(name="张明"))
    db.debts.add(
        DebtAccount(
            client_id=client.id,
            debt=GUIDE_DEBT,
            reports_credit=Reporting(reports),
            overdue_since=TODAY - timedelta(days=30),
        )
    )
    db.budgets.add_version(client.id, TODAY, GUIDE_BUDGET)
    return client.id


@pytest.mark.parametrize("lang", LANGS)
def test_each_proposal_shows_when_the_late_payment_record_would_end(page, lang):
    """The guide's 来分期 (900 overdue + 1,500 accrued = 2,400 past due), reported to the credit
    system: the 24-month extension (661.59 a month) clears 2,400 with its 4th installment —
    15 Jul 2026 → record until 15 Jul 2031 for the core's 15 Mar 2026; here from the page's
    first installment (a month from today, the debt having no due day): 3 months after it."""
    from core.agreement import first_due_date
    from i18n import md_escape
    from ui.proposal_widgets import proposal_label

    client_id = seed_guide_account("yes")
    at = page(lang, client_id)
    at.slider(key="proposals.months").set_value(24).run()
    assert not at.exception
    _, body = credit_block(at)
    fourth = add_months(first_due_date(GUIDE_DEBT, TODAY), 3)
    label = md_escape(proposal_label(TermExtension(months=24), lang))
    clock = translate(
        "credit.clock.under_plan",
        lang,
        cleared=format_date(fourth, lang),
        end=format_date(five_years_on(fourth), lang),
    )
    line = translate("credit_plan.line", lang, plan=f"**{label}**", clock=clock)
    assert f"- {line}" in body.split("\n")
    assert len(body.split("\n")) == len(table(at))  # one line a row of the comparison
    captions = [c.value for c in at.caption]
    assert translate("credit.clock.under_plan_basis", lang) in captions
    assert translate("credit.clock.reporting_unknown", lang) not in captions


@pytest.mark.parametrize("lang", LANGS)
def test_the_credit_clock_is_an_estimate_when_reporting_is_unknown_and_absent_when_not(page, lang):
    client_id = seed_guide_account("unknown")
    at = page(lang, client_id)
    assert credit_block(at)
    assert translate("credit.clock.reporting_unknown", lang) in [c.value for c in at.caption]
    client_id = seed_guide_account("no")
    at = page(lang, client_id)
    assert credit_block(at) == []
    client_id, _ = seed(budget=GUIDE_BUDGET)  # 甲银行: not overdue
    at = page(lang, client_id)
    assert credit_block(at) == []


# --- issue 24: what this lender agreed to before, and a refusal recorded ---------------------


def lender_record(creditor_days: list[tuple[str, str, int | None]]) -> None:
    """Another client's debts, one per entry ``(creditor, answer, days)``: a stop-interest
    proposal put on a call on 1 March, then agreed ``days`` later, refused, or not answered."""
    from datetime import UTC, date, datetime

    import services
    from core.calls import Call, Channel, Outcome
    from core.proposals import StopInterest
    from services import LOCAL_USER
    from services.workspace import SavedProposal

    ws = services.open_workspace()
    other = services.clients.create(ws, LOCAL_USER, Client(name="王芳"))
    first_call = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    for n, (creditor, answer, days) in enumerate(creditor_days):
        debt = Debt(creditor=creditor, outstanding_principal="9000", remaining_months=9)
        account = services.debts.add(
            ws, LOCAL_USER, DebtAccount(client_id=other.id, debt=debt, contract_number=f"C{n}")
        )
        saved = services.proposals.save(
            ws,
            LOCAL_USER,
            SavedProposal(client_id=other.id, debt_id=account.id, proposal=StopInterest(months=24)),
        )
        call = Call(
            client_id=other.id,
            debt_id=account.id,
            proposal_id=saved.id,
            at=first_call,
            channel=Channel.PHONE,
            lender=creditor,
            summary="提出停息挂账",
            outcome=Outcome.CALL_BACK,
        )
        services.calls.log(ws, LOCAL_USER, call, now=first_call)
        if answer == "agreed":
            on = date.fromordinal(date(2026, 3, 1).toordinal() + days)
            services.proposals.agree(ws, LOCAL_USER, saved, on, now=first_call)
        elif answer == "refused":
            services.proposals.refuse(ws, LOCAL_USER, saved, now=first_call)


def history_caption(at) -> str | None:
    title = translate("lender_history.line.title", at.session_state["lang"])
    found = [c.value for c in at.caption if md_escape(title) in c.value]
    return found[0] if found else None


@pytest.mark.parametrize("lang", LANGS)
def test_beside_the_kinds_a_line_says_what_this_lender_agreed_to_before(page, lang):
    client_id, _ = seed()
    lender_record(
        [
            ("甲银行", "agreed", 14),
            ("甲银行", "agreed", 10),
            ("甲银行", "agreed", 20),
            ("甲银行", "refused", None),
            ("甲银行", "put", None),
            ("乙分期", "refused", None),  # another lender: not on 甲银行's debt
        ]
    )
    at = page(lang, client_id)
    line = {
        "zh-CN": "甲银行：停息挂账 5次中同意3次，中位14天",
        "en": "甲银行: Stop interest (freeze) agreed 3 of 5 times, median 14 days",
    }[lang]
    assert history_caption(at) == (
        f"**{md_escape(translate('lender_history.line.title', lang))}**\n- {md_escape(line)}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_when_the_lender_has_no_history(page, lang):
    client_id, _ = seed()
    lender_record([("乙分期", "refused", None)])
    at = page(lang, client_id)  # the first debt, 甲银行's
    assert history_caption(at) is None


@pytest.mark.parametrize("lang", LANGS)
def test_an_earlier_proposal_is_shown_with_its_status_and_can_be_marked_refused(page, lang):
    client_id, _ = seed()
    at = page(lang, client_id)
    at.selectbox(key="proposals.save_choice").set_value(0)  # the term extension
    at.button[0].click().run()  # save
    at.selectbox(key="proposals.save_choice").set_value(1)  # the interest waiver
    at.text_input(key="proposals.save_note").set_value("减免 *50%*")
    at.button[0].click().run()  # save
    assert not at.exception, at.exception
    first, latest = store.init_db().proposals.list_for_client(client_id)
    at.button(key=f"proposals.refuse.{first.id}").click().run()
    assert not at.exception, at.exception
    saved = {p.id: p for p in store.init_db().proposals.list_for_client(client_id)}
    assert (saved[first.id].status.value, saved[latest.id].status.value) == ("refused", "saved")
    status = translate("lender_history.status.refused", lang)
    title = first.title
    expected = translate(
        "lender_history.saved_item", lang, title=md_escape(title), status=md_escape(status)
    )
    assert f"- {expected}" in [m.value for m in at.markdown]
    with pytest.raises(KeyError):
        at.button(key=f"proposals.refuse.{first.id}")  # answered: nothing more to refuse
    at.button(key="proposals.refuse")  # the latest is still open to either answer
