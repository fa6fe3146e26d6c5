"""Tables fit 1280 px with every header whole, in both languages (issue 17: "Affordabl…",
"Due this mont…", the 利率红线 column and the Proposals table's last two columns were cut).

For each table: no sideways scrolling at 1280 px beside the open sidebar, every column drawn,
and each column (as :func:`ui.tables.fitted_widths` sizes it from the same rows) wider than its
header as the browser measures it in the grid's own font, plus the grid's padding.
"""

from __future__ import annotations

import pytest
from browser_helpers import wait_idle
from playwright.sync_api import expect

from i18n import translate
from ui.tables import fitted_widths

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
GRID_PADDING = 16  # 8 px each side of a cell's text
#: (navigation title, page heading) of the pages with tables.
PAGES = (
    ("page.debts", "debts.title"),
    ("page.affordability", "afford.title"),
    ("page.proposals", "page.proposals"),
)

# Only the tables drawn on the page (one in a closed expander has no grid yet).
READ_TABLES = """() => [...document.querySelectorAll('[data-testid=stDataFrame]')]
  .filter(df => df.offsetParent !== null && df.querySelector('table[role=grid]'))
  .map(df => {
    const scroller = df.querySelector('.dvn-scroller');
    const grid = df.querySelector('table[role=grid]');
    const themed = df.querySelector('[style*="--gdg-font-family"]');
    const style = getComputedStyle(themed);
    const font = style.getPropertyValue('--gdg-font-family');
    const header = style.getPropertyValue('--gdg-header-font-style');
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.font = `${header} ${font}`;
    const heads = [...grid.querySelectorAll('th')].map(th => th.textContent);
    const rows = [...grid.querySelectorAll('tbody tr')].map(
        tr => [...tr.querySelectorAll('td')].map(td => td.textContent));
    return {
        scroll: scroller.scrollWidth, visible: scroller.clientWidth,
        columns: Number(grid.getAttribute('aria-colcount')),
        heads, rows, measured: heads.map(h => canvas.measureText(h).width),
    };
})"""


def open_page(page, nav_key: str, title_key: str, lang: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(translate(nav_key, lang), exact=True).click()
    heading = page.get_by_role("heading", name=translate(title_key, lang), exact=True)
    expect(heading).to_be_visible(timeout=20_000)
    wait_idle(page)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(800)  # the grid draws after its element appears


@pytest.fixture(scope="module")
def page(browser, app_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{app_url}/clients")
    wait_idle(page)
    page.get_by_role("button", name=translate("clients.example", "zh-CN")).click()
    expect(page.get_by_text(translate("clients.example_saved", "zh-CN"))).to_be_visible(
        timeout=20_000
    )
    wait_idle(page)
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_table_fits_1280_px_with_whole_headers(page, artifacts, lang):
    page.get_by_test_id("stSidebar").get_by_text(translate(f"lang.name.{lang}", lang)).click()
    wait_idle(page)
    for nav_key, title_key in PAGES:
        open_page(page, nav_key, title_key, lang)
        name = nav_key.removeprefix("page.")
        page.screenshot(path=artifacts / f"tables-{name}-{lang}-1280.png")
        tables = page.evaluate(READ_TABLES)
        assert tables, name
        for table in tables:
            heads = table["heads"]
            where = f"{name} {heads}"
            assert table["scroll"] <= table["visible"], f"{where} scrolls sideways"
            assert len(heads) == table["columns"], f"{where}: columns left undrawn"
            columns = [[row[i] for row in table["rows"]] for i in range(len(heads))]
            widths, _ = fitted_widths(heads, columns)
            assert sum(widths) <= table["visible"], where
            for head, width, measured in zip(heads, widths, table["measured"], strict=True):
                assert width >= measured + GRID_PADDING, f"{where}: {head!r} is cut"
