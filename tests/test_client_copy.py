"""The client's copy (issue 17): what the PDF, the HTML and the chart images show of the guide's
case, read back as text (the share view's own test is in tests/pages/test_share_page.py).

The guide's case (``report.example.seed_guide_case``): 张明 owes 来分期 12,000 of principal at
18 % over the 12 months left, 900 of it overdue, with 1,500 of interest and penalties accrued.
The contract asks, worked out independently of the app:

- the usual installment: 11,100 (the principal not yet due) at 1.5 % a month over 12 months
  = 11,100 × 0.015 / (1 − 1.015^−12) = 1,017.65 (``Debt.regular_payment``);
- this month: that installment + the 900 overdue + the 1,500 accrued + a month's penalty on
  the overdue (900 × 27 % / 12 = 20.25) = 1,017.65 + 900 + 1,500 + 20.25 = 3,437.90
  (``Debt.monthly_demand``);
- the agreed 24-month extension: 661.59 a month.

The counselor saved the plan as "延期24期（首选）" with the label "内部方案A", noted things about
the client and the debt, and logged a call with agent FD2035 whose summary quotes the agent,
the client's mobile, ID and contract numbers. Masked (the default), the copy names the plan
by its kind and terms, shows none of the internal words, no agent ID, no digits of the mobile,
ID or contract numbers, and every figure whole; unmasked, every output shows the same values.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from client_copy_checks import (
    AGREED_MONTHLY,
    DEMAND,
    GUIDE_INTERNAL,
    LANGS,
    PLAN,
    REGULAR,
    SECRETS,
    THIS_MONTH,
    USUAL,
    details_seen,
    leaks,
)

from i18n import format_date, format_money, translate
from report import text as report_text
from report.charts import report_figures
from report.example import (
    GUIDE_AGENT,
    GUIDE_AS_OF,
    GUIDE_CONTACT,
    GUIDE_CONTRACT,
    GUIDE_ID_NUMBER,
    GUIDE_LANDLINE,
    GUIDE_MOBILE,
    GUIDE_NAME,
    seed_guide_case,
)
from report.html import render_html
from report.images import labelled
from report.pdf import fit_widths, render_pdf
from report.plan_report import PlanReport, ReportInputs, build_report, load_inputs
from store import init_db

MADE_AT = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
#: Money as the report writes it: "-¥1,246.11", "¥661.59".
MONEY = re.compile(r"-?¥[\d,.]*\d")
WHOLE_MONEY = re.compile(r"-?¥\d{1,3}(?:,\d{3})*\.\d{2}")

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> ReportInputs:
    url = f"sqlite:///{tmp_path_factory.mktemp('guide') / 'guide.db'}"
    with init_db(url) as store:
        return load_inputs(store, seed_guide_case(store))


@pytest.fixture(scope="module")
def masked(inputs) -> PlanReport:
    return build_report(inputs, as_of=GUIDE_AS_OF, made_at=MADE_AT)


@pytest.fixture(scope="module")
def unmasked(inputs) -> PlanReport:
    return build_report(inputs, as_of=GUIDE_AS_OF, made_at=MADE_AT, masked=False)


@pytest.fixture(scope="module")
def pdf_texts(masked, unmasked, tmp_path_factory) -> dict[tuple[bool, str], str]:
    """``pdftotext -layout`` of the PDF (without charts), by (masked, language)."""
    folder = tmp_path_factory.mktemp("pdf")
    return {
        (report.masked, lang): pdf_text(render_pdf(report, lang, charts=False), folder)
        for report in (masked, unmasked)
        for lang in LANGS
    }


def pdf_text(data: bytes, folder) -> str:
    path = folder / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


class _Visible(HTMLParser):
    """The text a reader sees: no scripts (plotly.js) nor styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(parser.parts)


def chart_text(report: PlanReport, lang: str) -> str:
    """Every word of the chart images: titles, legends, annotations, hover texts and the
    client label drawn under the title, as the PNG and SVG exports get them."""
    label = translate("report.chart.label", lang, client=report.client_label)
    return "\n".join(
        json.dumps(labelled(fig, client_label=label).to_plotly_json(), ensure_ascii=False)
        for fig in report_figures(report, lang).values()
    )


def figures_shown(report: PlanReport, lang: str) -> set[str]:
    """Every money figure the PDF prints, formatted."""
    figures = {value for _, value in report_text.summary_pairs(report, lang)}
    for line in report.debts:
        cells = report_text.debt_cells(line, lang)
        figures |= {value for value in cells.values() if "¥" in value}
        for row in line.rows:
            amounts = (row.payment, row.principal, row.interest + row.fees, row.arrears)
            figures |= {format_money(amount, lang) for amount in amounts}
    figures |= {format_money(due.amount, lang) for due in report.agreed_dues}
    return {m for value in figures for m in MONEY.findall(value)}


# --- the report itself -------------------------------------------------------------------------


def test_the_guide_case_has_the_figures_worked_by_hand(masked):
    (line,) = masked.debts
    assert (line.contract_monthly, line.regular_monthly) == (Decimal("3437.90"), Decimal("1017.65"))
    assert (masked.contract_month, masked.regular_month) == (Decimal("3437.90"), Decimal("1017.65"))
    assert line.first_payment == Decimal("661.59") and line.months == 24


@pytest.mark.parametrize("which", ["masked", "unmasked"])
def test_the_report_carries_none_of_the_counselors_own_words(request, which):
    report = request.getfixturevalue(which)
    dumped = report.model_dump_json()
    for internal in GUIDE_INTERNAL:
        assert internal not in dumped


def test_masked_the_report_holds_no_identifying_value(masked):
    assert leaks(masked.model_dump_json()) == []
    assert masked.client_label == "张*"
    # Every free text through core.privacy for the client: numbers left out, the client's and
    # the contact's names shortened, figures and dates whole (issue 18).
    (call,) = masked.calls
    assert call.summary == "客服***同意延期24期，每月¥661.59；合同***，张*本人手机***，身份证***。"
    assert call.lender_promised == (
        "工号 *** 承诺不再联系其配偶李*英（单位电话 ***），3个工作日内短信确认，停止催收。"
    )
    assert call.client_promised == "每月15日前还款¥661.59。"


def test_unmasked_the_report_keeps_the_calls_own_words(unmasked):
    (call,) = unmasked.calls
    assert f"其配偶{GUIDE_CONTACT}（单位电话 {GUIDE_LANDLINE}）" in call.lender_promised
    assert GUIDE_MOBILE in call.summary and GUIDE_ID_NUMBER in call.summary


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_is_named_by_its_kind_and_terms(masked, lang):
    assert report_text.plan_text(masked.debts[0], lang) == PLAN[lang]


def test_the_copy_follows_the_schedule_as_agreed(masked):
    # Agreed on 30 Nov 2026 with the first installment on the contract's due day, 15 Dec (the
    # dates the reminders follow), not on the 30th of each month as worked out on the day.
    dues = masked.agreed_dues
    assert (dues[0].due_date, dues[-1].due_date, len(dues)) == (
        date(2026, 12, 15),
        date(2028, 11, 15),
        24,
    )
    assert [d.amount for d in dues] == [Decimal("661.59")] * 23 + [Decimal("661.57")]
    assert masked.debts[0].total_paid == Decimal("15878.14")


# --- the PDF -------------------------------------------------------------------------------


@needs_pdftotext
@pytest.mark.parametrize("lang", LANGS)
def test_the_masked_pdf_shows_no_internal_words_agent_or_personal_numbers(pdf_texts, lang):
    shown = pdf_texts[(True, lang)]
    assert leaks(shown) == []
    assert PLAN[lang] in shown


@needs_pdftotext
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_labels_this_months_demand_beside_the_usual_installment(pdf_texts, lang):
    shown = pdf_texts[(True, lang)]
    assert re.search(rf"{re.escape(DEMAND[lang])}\s+{re.escape(THIS_MONTH)}", shown), shown
    assert re.search(rf"{re.escape(REGULAR[lang])}\s+{re.escape(USUAL)}", shown), shown
    assert AGREED_MONTHLY in shown
    first = format_date(date(2026, 12, 15), lang)
    assert re.search(rf"{re.escape(first)}\s+来分期\s+{re.escape(AGREED_MONTHLY)}", shown)


@needs_pdftotext
@pytest.mark.parametrize("masking", [True, False])
@pytest.mark.parametrize("lang", LANGS)
def test_every_money_figure_of_the_pdf_is_whole(pdf_texts, masked, unmasked, lang, masking):
    shown = pdf_texts[(masking, lang)]
    printed = MONEY.findall(shown)
    broken = [m for m in printed if not WHOLE_MONEY.fullmatch(m)]
    assert broken == [], broken  # e.g. "-¥1,246.1" with its "1" on the next line
    expected = figures_shown(masked if masking else unmasked, lang)
    assert expected <= set(printed), expected - set(printed)


@needs_pdftotext
@pytest.mark.parametrize("lang", LANGS)
def test_every_date_of_the_pdf_is_whole(pdf_texts, masked, lang):
    shown = pdf_texts[(True, lang)]
    agreed = format_date(GUIDE_AS_OF, lang)
    status = translate("report.status.agreed", lang, date=agreed)
    # The status may break between its words, never inside the date ("已达成（202" / "6年…").
    assert agreed in shown and status.split()[-1] in shown
    for due in masked.agreed_dues:
        assert format_date(due.due_date, lang) in shown
    # Halves of a date: a year cut short ("（202", "6年11月30日"), a month without its
    # day or year, a day left on the line before ("Agreed 30" / "Nov 2026").
    halves = [
        r"（\d{1,3}(?!\d)",
        r"(?<!\d)\d{1,3}年",
        r"\d{4}年\d{1,2}月(?!\d{1,2}日)",
        r"(?<!\d )\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}",
        r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?! \d{4})",
    ]
    for half in halves:
        assert not re.search(half, shown), (half, re.search(half, shown))


@needs_pdftotext
@pytest.mark.parametrize("lang", LANGS)
def test_unmasked_the_pdf_shows_every_detail_whole(pdf_texts, lang):
    shown = "".join(pdf_texts[(False, lang)].split())
    for value in (GUIDE_NAME, GUIDE_MOBILE, GUIDE_ID_NUMBER, GUIDE_CONTRACT, GUIDE_AGENT):
        assert value in shown
    assert f"客服{GUIDE_AGENT}同意" in shown  # the call's own words, untouched
    for internal in GUIDE_INTERNAL:
        assert "".join(internal.split()) not in shown


# --- the HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_masked_html_shows_no_internal_words_agent_or_personal_numbers(masked, lang):
    html = render_html(masked, lang)
    shown = visible_text(html)
    assert leaks(shown) == []
    for secret in SECRETS:  # nor in the charts' data inside the scripts
        assert secret not in html
    assert html.count(GUIDE_AGENT) == 0
    assert PLAN[lang] in shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_html_labels_this_months_demand_beside_the_usual_installment(masked, lang):
    shown = visible_text(render_html(masked, lang))
    assert re.search(rf"{re.escape(DEMAND[lang])}\s*{re.escape(THIS_MONTH)}", shown), shown
    assert re.search(rf"{re.escape(REGULAR[lang])}\s*{re.escape(USUAL)}", shown), shown


@pytest.mark.parametrize("lang", LANGS)
def test_unmasked_the_html_shows_what_the_pdf_shows(unmasked, lang):
    shown = visible_text(render_html(unmasked, lang))
    for value in (GUIDE_NAME, GUIDE_MOBILE, GUIDE_ID_NUMBER, GUIDE_CONTRACT, GUIDE_AGENT):
        assert value in shown
    for internal in GUIDE_INTERNAL:
        assert internal not in shown


# --- the chart images ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_images_say_nothing_internal_or_identifying(masked, lang):
    shown = chart_text(masked, lang)
    assert leaks(shown) == []
    assert translate("report.chart.label", lang, client="张*") in shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_labels_the_first_months_demand(masked, lang):
    monthly = report_figures(masked, lang)["monthly"]
    notes = [a.text for a in monthly.layout.annotations]
    assert notes == [f"{DEMAND[lang]}<br>{THIS_MONTH}"]


# --- one rule per field --------------------------------------------------------------------


@needs_pdftotext
@pytest.mark.parametrize("lang", LANGS)
def test_each_output_shows_the_same_details(masked, unmasked, pdf_texts, lang):
    """Which of the client's details each output shows: the same in all (the view's own
    check is in tests/pages/test_share_page.py)."""
    for report in (masked, unmasked):
        pdf = details_seen(pdf_texts[(report.masked, lang)])
        html = details_seen(visible_text(render_html(report, lang)))
        assert pdf == html
    assert details_seen(pdf_texts[(True, lang)]) == {"short name"}
    assert details_seen(pdf_texts[(False, lang)]) == {"name", "mobile", "ID", "contract", "agent"}


# --- column widths -------------------------------------------------------------------------


def test_columns_are_never_narrower_than_their_widest_figure():
    widths = fit_widths([30.0, 10.0, 10.0], (1, 1, 4), 120.0)
    assert widths is not None
    assert widths[0] == 30.0 and sum(widths) == pytest.approx(120.0)
    assert all(w >= n for w, n in zip(widths, [30.0, 10.0, 10.0], strict=True))
    assert fit_widths([80.0, 50.0], (1, 1), 120.0) is None
