"""The share view with AppTest: masked by default, both languages, figures equal the report's."""

from datetime import date

import pytest
from client_copy_checks import (
    AGREED_MONTHLY,
    DEMAND,
    LANGS,
    PLAN,
    REGULAR,
    THIS_MONTH,
    USUAL,
    details_seen,
    leaks,
)
from hostile_text import as_read

from i18n import format_date, translate
from report.example import (
    AS_OF,
    CONTRACT_NUMBER,
    GUIDE_AS_OF,
    ID_NUMBER,
    MOBILE,
    NAME,
    seed_example,
    seed_guide_case,
)
from store import init_db

PAGE = "app_pages/share.py"


@pytest.fixture
def example_client():
    store = init_db()
    try:
        yield seed_example(store)
    finally:
        store.close()


@pytest.fixture
def guide_client():
    store = init_db()
    try:
        yield seed_guide_case(store)
    finally:
        store.close()


def page_text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in (*at.warning, *at.success, *at.info)]
    parts += [h.value for h in at.subheader] + [str(m.value) for m in at.metric]
    parts += [m.label for m in at.metric] + [str(m.delta) for m in at.metric]
    shown = as_read("\n".join(parts))  # user text is escaped Markdown: read it as shown
    return "\n".join([shown, *(df.value.to_csv() for df in at.dataframe)])


def open_share(open_app, client_id, lang, as_of=AS_OF):
    at = open_app(lang=lang)
    at.session_state["client_id"] = client_id
    at.session_state["share_as_of"] = as_of
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_with_no_client_chosen_the_page_asks_for_one(open_app, lang):
    at = open_app(PAGE, lang=lang)
    assert not at.exception
    assert translate("page.share", lang) in [title.value for title in at.title]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_view_shows_the_masked_name_and_the_plan_figures(open_app, example_client, lang):
    at = open_share(open_app, example_client, lang)
    shown = page_text(at)
    # Worked by hand in tests/test_report_pdf.py: 525.00 + 300.00 in the first month against a
    # capacity of 3,000.00; 18,600.00 repaid in all; 600.00 saved against 19,200.00.
    assert translate("share.heading", lang, client="张*明") in shown
    assert "¥825.00 / ¥3,000.00" in shown, shown
    print([(m.value, m.delta) for m in at.metric])
    assert "¥18,600.00" in shown and "¥600.00" in shown and "¥19,200.00" in shown
    assert translate("report.fits", lang) in [s.value for s in at.success]
    assert "招商银行信用卡" in shown and "某消费金融" in shown
    footer = translate("share.footer", lang, date="").split("·")[-1].strip()
    assert footer in shown
    for secret in (NAME, MOBILE, ID_NUMBER, CONTRACT_NUMBER):
        assert secret not in shown


def test_turning_masking_off_shows_the_full_details(open_app, example_client):
    at = open_share(open_app, example_client, "en")
    at.toggle(key="share_unmask").set_value(True).run()
    assert not at.exception
    shown = page_text(at)
    assert NAME in shown and MOBILE in shown and CONTRACT_NUMBER in shown
    assert at.warning[0].value == translate("share.unmasked_warning", "en")


def test_the_client_can_be_chosen_by_the_address(open_app, example_client):
    at = open_app(lang="en")
    at.query_params["client"] = str(example_client)
    at.session_state["share_as_of"] = AS_OF
    at.switch_page(PAGE).run()
    assert not at.exception
    assert translate("share.heading", "en", client="张*明") in page_text(at)


def test_the_downloads_are_offered(open_app, example_client):
    at = open_share(open_app, example_client, "zh-CN")
    assert at.selectbox(key="share_size").value == "wide"
    at.selectbox(key="share_chart_choice").set_value("cumulative").run()
    assert not at.exception


def test_a_client_without_debts_gets_a_message_not_an_error(open_app):
    from core.clients import Client

    store = init_db()
    client = store.clients.create(Client(name="李四"))
    store.close()
    at = open_share(open_app, client.id, "en")
    assert translate("report.no_debts", "en") in [i.value for i in at.info]
    assert translate("share.heading", "en", client="李*") in page_text(at)


def test_the_example_is_dated_so_the_figures_are_stable():
    assert date(2026, 3, 15) == AS_OF


# --- the guide's case: the client's copy (issue 17) ---------------------------------------------


def view_text(at) -> str:
    """The page without the sidebar (the counselor's own, with the chosen client's details)."""
    return page_text(at.main)


@pytest.mark.parametrize("lang", LANGS)
def test_the_view_names_the_plan_and_shows_nothing_internal(open_app, guide_client, lang):
    at = open_share(open_app, guide_client, lang, GUIDE_AS_OF)
    shown = view_text(at)
    # The counselor saved the plan as "延期24期（首选）" and logged agent FD2035 with the
    # client's numbers: none of it reaches the view; the plan is named by kind and terms.
    assert leaks(shown) == [], shown
    assert PLAN[lang] in shown
    assert details_seen(shown) == {"short name"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_view_shows_this_months_demand_beside_the_usual_installment(
    open_app, guide_client, lang
):
    at = open_share(open_app, guide_client, lang, GUIDE_AS_OF)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[DEMAND[lang]] == THIS_MONTH
    assert metrics[REGULAR[lang]] == USUAL
    monthly = translate("share.metric.monthly", lang)
    assert metrics[monthly] == f"{AGREED_MONTHLY} / ¥800.00"
    # the next payments as agreed: from the contract's due day, 15 Dec 2026
    first = format_date(date(2026, 12, 15), lang)
    assert f"{first} · 来分期 · **{AGREED_MONTHLY}**" in view_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_unmasked_the_view_shows_the_details_the_pdf_shows(open_app, guide_client, lang):
    at = open_share(open_app, guide_client, lang, GUIDE_AS_OF)
    at.toggle(key="share_unmask").set_value(True).run()
    assert not at.exception
    shown = view_text(at)
    # The view has no call history, so no agent; the rest is whole, as in the PDF and HTML.
    assert details_seen(shown) == {"name", "mobile", "ID", "contract"}
    assert PLAN[lang] in shown
    assert not [leak for leak in leaks(shown) if leak in ("延期24期（首选）", "首选")]


# --- issue 20: the late-payment record under each plan -----------------------------------------


def credit_lines_shown(at) -> list[str]:
    """The lines of the credit-record block (its title, then one Markdown list)."""
    bodies = [m.value for m in at.main.markdown]
    title = f"**{translate('credit_plan.title', at.session_state['lang'])}**"
    if title not in bodies:
        return []
    return bodies[bodies.index(title) + 1].split("\n")


def set_reporting(client_id: int, reports: str) -> None:
    import services
    from core.rules.credit_record import Reporting

    store = init_db()
    (account,) = store.debts.list_for_client(client_id)
    changed = account.model_copy(update={"reports_credit": Reporting(reports)})
    services.debts.update(store, services.LOCAL_USER, changed)


def record_line(lang: str, *, unknown: bool) -> str:
    """The guide's agreed extension: 24 × 661.59 from 15 Dec 2026, the contract's due day;
    2,400.00 past due (900 overdue + 1,500 accrued): 3 × 661.59 = 1,984.77 < 2,400.00 ≤
    2,646.36, so the 4th installment, 15 Mar 2027, ends the overdue; the record 5 years on."""
    from i18n import md_escape

    clock = translate(
        "credit.clock.under_plan",
        lang,
        cleared=format_date(date(2027, 3, 15), lang),
        end=format_date(date(2032, 3, 15), lang),
    )
    if unknown:
        gap = "" if lang == "zh-CN" else " "
        clock = f"{clock}{gap}{translate('credit.clock.reporting_unknown', lang)}"
    plan = f"**{md_escape(f'来分期 · {PLAN[lang]}')}**"
    return f"- {translate('credit_plan.line', lang, plan=plan, clock=clock)}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_view_says_when_the_late_payment_record_would_end_under_the_plan(
    open_app, guide_client, lang
):
    """Done when (issue 20): one record end per plan — whether 来分期 reports is not known
    yet (as saved), so the date is flagged as a guide; the basis is said."""
    at = open_share(open_app, guide_client, lang, GUIDE_AS_OF)
    assert credit_lines_shown(at) == [record_line(lang, unknown=True)]
    assert translate("credit.clock.under_plan_basis", lang) in [c.value for c in at.caption]
    assert leaks(view_text(at)) == []
    set_reporting(guide_client, "yes")
    at = open_share(open_app, guide_client, lang, GUIDE_AS_OF)
    assert credit_lines_shown(at) == [record_line(lang, unknown=False)]


@pytest.mark.parametrize("lang", LANGS)
def test_no_record_line_when_the_lender_does_not_report_or_nothing_is_overdue(
    open_app, guide_client, example_client, lang
):
    set_reporting(guide_client, "no")
    at = open_share(open_app, guide_client, lang, GUIDE_AS_OF)
    assert credit_lines_shown(at) == []
    assert translate("credit.clock.under_plan_basis", lang) not in [c.value for c in at.caption]
    at = open_share(open_app, example_client, lang)  # no debt of the example is overdue
    assert credit_lines_shown(at) == []
