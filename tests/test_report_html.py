"""The HTML report shows what a user typed as text (issue 18): a creditor, product, lender,
call summary or promise holding an image, a link, HTML or Markdown adds no markup to the file,
and the browser fetches nothing from it.

The unit tests read the file's own tags: the report of hostile texts has exactly the tags of
the same report with plain texts. The browser test opens the file in Chromium and checks the
DOM and the requests; its chart part depends on ``report/charts.py`` drawing creditors through
``charts.base.plotly_text`` (plotly renders ``<a href>`` and ``<b>`` in a trace's name), an
expected failure until it does.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest

from core.calls import Call, Channel, DebtAccount, Outcome
from core.clients import Client
from core.debts import Debt
from report.html import render_html
from report.plan_report import PlanReport, ReportInputs, build_report

OUTSIDE = "127.0.0.1:9"
#: Short enough for a creditor's name (100 characters with the name before it).
HOSTILE = f'<img src=http://{OUTSIDE}/x.png> **x** <b>b</b> <a href="http://{OUTSIDE}/a">a</a> $x$'
#: For the call's texts, which are longer.
LONGER = f" ![i](http://{OUTSIDE}/p.png) <script>alert(1)</script>"
AS_OF = date(2026, 3, 15)
MADE_AT = datetime(2026, 3, 15, 2, 0, tzinfo=UTC)


def report_with(text: str, *, masked: bool = True) -> PlanReport:
    """A client with one debt and one call whose every typed text ends with ``text``."""
    client = Client(id=1, name="张明")
    debt = DebtAccount(
        id=1,
        client_id=1,
        debt=Debt(
            creditor="来分期" + text,
            product="借款" + text,
            outstanding_principal="12000",
            remaining_months=12,
        ),
    )
    call = Call(
        id=1,
        client_id=1,
        debt_id=1,
        at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC),
        channel=Channel.PHONE,
        lender="来分期" + text,
        summary="客服说" + text + (LONGER if text else ""),
        lender_promised="停催" + text,
        client_promised="还款" + text,
        outcome=Outcome.AGREED,
    )
    inputs = ReportInputs(client=client, debts=(debt,), calls=(call,))
    return build_report(inputs, as_of=AS_OF, made_at=MADE_AT, masked=masked)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, tuple(attrs)))
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data) -> None:
        if not self._hidden:
            self.text.append(data)


def read(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("masked", [True, False], ids=["masked", "unmasked"])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_typed_text_adds_no_tag_to_the_html(lang, masked):
    hostile = read(render_html(report_with(HOSTILE, masked=masked), lang))
    plain = read(render_html(report_with("", masked=masked), lang))
    assert Counter(tag for tag, _ in hostile.tags) == Counter(tag for tag, _ in plain.tags)
    assert not [
        (tag, attrs)
        for tag, attrs in hostile.tags
        if any(OUTSIDE in (value or "") for _, value in attrs)
    ]
    # Read literally, every time it is shown: creditor (contracts, plans), lender, summary.
    shown = " ".join(hostile.text)
    assert shown.count(HOSTILE) >= 4


def test_the_html_holds_no_image_or_link_tag_anywhere():
    html = render_html(report_with(HOSTILE), "zh-CN")
    assert not re.search(r"<img", html, re.IGNORECASE)
    assert f'<a href="http://{OUTSIDE}' not in html
    assert "<script>alert(1)</script>" not in html
    # The charts' data (a script) carries the text as entities for plotly, never a tag.
    assert "&lt;img src=http:\\u002f\\u002f127.0.0.1:9" in html


def test_the_title_names_the_client_as_the_masked_header_does():
    html = render_html(report_with(""), "zh-CN")
    assert "<title>还款计划报告 · 张*</title>" in html


def test_a_name_with_markup_is_escaped_in_the_title_and_header():
    report = report_with("").model_copy(update={"client_label": "<b>张</b>"})
    html = render_html(report, "en")
    assert "<title>Repayment plan report · &lt;b&gt;张&lt;/b&gt;</title>" in html
    assert "Client: &lt;b&gt;张&lt;/b&gt;" in html


# --- in a browser ------------------------------------------------------------------------------


def open_in_chromium(browser, html: str):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_content(html, wait_until="load")
    page.wait_for_selector(".main-svg")
    return page, requests


def outside_elements(page, *, in_charts: bool) -> list[str]:
    """Images, links and frames pointing outside, in the charts or in the rest of the page."""
    return page.eval_on_selector_all(
        "img, a, image, iframe",
        """(nodes, inCharts) => nodes
            .filter((n) => (n.closest('.plotly-graph-div') !== null) === inCharts)
            .map((n) => n.outerHTML)
            .filter((html) => html.includes('127.0.0.1:9'))""",
        in_charts,
    )


@pytest.mark.browser
def test_the_browser_shows_the_text_and_fetches_nothing(browser):
    page, requests = open_in_chromium(browser, render_html(report_with(HOSTILE), "zh-CN"))
    try:
        assert [url for url in requests if OUTSIDE in url] == []
        assert outside_elements(page, in_charts=False) == []
        assert page.locator("td", has_text=HOSTILE).count() >= 4
        assert page.locator("b", has_text="b").count() == 0
        assert page.locator("strong, em").count() == 0
    finally:
        page.close()


@pytest.mark.browser
def test_the_charts_draw_creditors_as_text(browser):
    page, _ = open_in_chromium(browser, render_html(report_with(HOSTILE), "zh-CN"))
    try:
        assert outside_elements(page, in_charts=True) == []
        legend = " ".join(page.locator(".legendtext").all_text_contents())
        assert "<b>b</b>" in legend
    finally:
        page.close()
