"""The plan report: figures worked by hand, masking, and the PDF's text read back by pdftotext.

The example client (``report.example``), evaluated on 15 Mar 2026:

- capacity: income 8,000 − essential costs (2,000 + 3,000) = 3,000.00 a month;
- 招商银行信用卡: principal 12,000, accrued 1,200, rate 0, 12 months left. The contract asks
  12,000 / 12 = 1,000.00 a month and the accrued 1,200 with the first payment → first payment
  2,200.00, total 13,200.00. Proposed 停息挂账 over 24 months with half the accrued waived:
  (12,000 + 1,200 × 0.5) / 24 = 12,600 / 24 = 525.00 a month, total 12,600.00, saving 600.00,
  cost beyond principal 12,600 − 12,000 = 600.00; first due 15 Apr 2026;
- 某消费金融: principal 6,000, rate 0, 12 months left → 500.00 a month, 6,000.00 in all.
  Agreed on 1 Mar 2026: 20 months → 6,000 / 20 = 300.00 a month from 1 Apr 2026, saving 0.
- So: April 2026 asks 525.00 + 300.00 = 825.00 under the plans (2,200 + 500 = 2,700.00 under
  the contracts); in all 12,600 + 6,000 = 18,600.00 against 13,200 + 6,000 = 19,200.00,
  saving 600.00.
"""

import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cli import report as cli
from core.clients import Client, ClientContact
from core.privacy import Audience, Known, scrub
from report.example import (
    AGENT_ID,
    AS_OF,
    CONTRACT_NUMBER,
    ID_NUMBER,
    MOBILE,
    NAME,
    seed_example,
)
from report.pdf import render_pdf
from report.plan_report import PlanStatus, ReportInputs, build_report, load_inputs
from store import init_db

MADE_AT = datetime(2026, 3, 15, 2, 0, tzinfo=UTC)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


@pytest.fixture
def store():
    store = init_db()
    yield store
    store.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> ReportInputs:
    """One example client for the module's read-only tests (PDFs take seconds each)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'example.db'}"
    with init_db(url) as example:
        return load_inputs(example, seed_example(example))


@pytest.fixture(scope="module")
def report(inputs):
    return build_report(inputs, as_of=AS_OF, made_at=MADE_AT)


@pytest.fixture(scope="module")
def masked_pdf_text(report, tmp_path_factory):
    """The masked PDF's text (no charts) in each language, made once."""
    folder = tmp_path_factory.mktemp("pdf")
    return {
        lang: pdf_text(render_pdf(report, lang, charts=False), folder) for lang in ("zh-CN", "en")
    }


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout


def test_each_debt_shows_its_chosen_plan_worked_by_hand(report):
    card, loan = report.debts
    assert (card.status, card.first_payment, card.months) == (
        PlanStatus.PROPOSED,
        Decimal("525.00"),
        24,
    )
    assert (card.total_paid, card.contract_total, card.saving) == (
        Decimal("12600.00"),
        Decimal("13200.00"),
        Decimal("600.00"),
    )
    assert card.contract_monthly == Decimal("2200.00")
    assert (loan.status, loan.agreed_on, loan.first_payment, loan.months) == (
        PlanStatus.AGREED,
        date(2026, 3, 1),
        Decimal("300.00"),
        20,
    )
    assert loan.rows[0].due_date == date(2026, 4, 1)


def test_the_totals_add_up_the_debts(report):
    assert report.capacity == Decimal("3000.00")
    assert report.first_month == Decimal("825.00")
    assert report.contract_month == Decimal("2700.00")
    assert report.total_plan == Decimal("18600.00")
    assert report.total_contract == Decimal("19200.00")
    assert report.saving == Decimal("600.00")
    assert report.total_cost == Decimal("600.00")
    assert report.months_over_capacity == ()


def test_months_run_from_the_first_payment_to_the_last_without_gaps(report):
    months = [m.month for m in report.months]
    # 1 Apr 2026 (first due) to 15 Mar 2028 (the card's 24th payment): 24 months.
    assert months[0] == date(2026, 4, 1) and months[-1] == date(2028, 3, 1)
    assert len(months) == 24
    assert report.months[0].plan == Decimal("825.00")
    assert report.months[0].contract == Decimal("2700.00")
    # After the loan's 20th payment (1 Nov 2027) only the card's 525.00 is left.
    assert report.months[-1].plan == Decimal("525.00")


def test_only_agreed_plans_give_agreed_dates(report):
    assert len(report.agreed_dues) == 20
    assert {d.creditor for d in report.agreed_dues} == {"某消费金融"}
    assert report.agreed_dues[0].amount == Decimal("300.00")


def test_a_later_saved_proposal_wins_unless_one_is_agreed(store):
    from core.proposals import TermExtension
    from store import SavedProposal

    card = load_inputs(store, seed_example(store)).debts[0]
    store.proposals.save(
        SavedProposal(client_id=card.client_id, debt_id=card.id, proposal=TermExtension(months=30))
    )
    report = build_report(load_inputs(store, card.client_id), as_of=AS_OF, made_at=MADE_AT)
    # 12,000 over 30 months at rate 0 = 400.00, the accrued 1,200 spread over the 30 = 40.00.
    assert report.debts[0].months == 30
    assert report.debts[0].first_payment == Decimal("440.00")


def test_masking_shortens_the_name_and_leaves_out_phone_id_contract_and_agent(report):
    # One rule per field in every output (issue 17): the name shortened, the rest left out.
    assert report.client_label == "张*明"
    assert report.mobile == "" and report.id_number == ""
    assert report.debts[0].contract_number == ""
    assert report.calls[0].agent_id == ""
    assert report.calls[-1].summary == "第1次沟通：张*明（手机 ***，身份证 ***）说明失业。"
    dumped = report.model_dump_json()
    for secret in (NAME, MOBILE, ID_NUMBER, CONTRACT_NUMBER, AGENT_ID):
        assert secret not in dumped


def test_without_masking_the_details_are_whole(inputs):
    report = build_report(inputs, as_of=AS_OF, made_at=MADE_AT, masked=False)
    assert (report.client_label, report.mobile) == (NAME, MOBILE)
    assert MOBILE in report.calls[0].summary


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("call 13812345678 now", "call *** now"),
        ("call +86 138-1234-5678 now", "call *** now"),
        ("ID 11010519491231002x.", "ID ***."),
        ("card 6222021234567890123", "card ***"),
        ("agreed 300.00 on 2026-04-01", "agreed 300.00 on 2026-04-01"),
        ("工号 A123 答复", "工号 *** 答复"),
        ("客服FD2035同意延期24期，每月¥661.59", "客服***同意延期24期，每月¥661.59"),
        ("合同 XF-2025-889900 与 HT20240315001", "合同 *** 与 ***"),
        ("3月1日前还¥12,000.00，利率18%，第2期", "3月1日前还¥12,000.00，利率18%，第2期"),
        ("COVID19 and 5G stay", "COVID19 and 5G stay"),
        # issue 18: a hyphenated contract and an ID typed with spaces (it showed 14 of 18)
        ("合同AXCF-2024-0091277", "合同***"),
        ("身份证 110101 19900307 7651", "身份证 ***"),
    ],
)
def test_scrub_leaves_out_numbers_that_identify_a_person(text, scrubbed):
    # The client's copy scrubs free text with core.privacy (its own tests: tests/test_privacy.py).
    assert scrub(text, Audience.CLIENT) == scrubbed


def test_scrub_leaves_out_the_numbers_on_record_even_when_shaped_like_nothing():
    # A staff number of four digits: no pattern finds it, the record does.
    said = "工号8812，座机 010-6688 1234，共还¥8,812.00"
    known = Known(agent_ids=("8812",))
    assert scrub(said, Audience.CLIENT, known) == "工号***，座机 ***，共还¥8,812.00"


def test_scrub_masks_the_clients_own_name_and_the_contacts():
    client = Client(name="张小明", contacts=(ClientContact(name="王芳"),))
    assert scrub("张小明本人来电，王芳代接", Audience.CLIENT, Known.of(client)) == (
        "张*明本人来电，王*代接"
    )


@needs_pdftotext
@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        ("zh-CN", ["还款计划报告", "方案概要", "债务与方案", "约定还款日程", "沟通记录"]),
        ("en", ["Repayment plan report", "Plan summary", "Debts and plans", "Call history"]),
    ],
)
def test_the_pdf_has_the_headings_and_exact_figures(masked_pdf_text, lang, headings):
    text = masked_pdf_text[lang]
    for heading in headings:
        assert heading in text
    for figure in ("¥3,000.00", "¥825.00", "¥2,700.00", "¥18,600.00", "¥19,200.00", "¥600.00"):
        assert figure in text
    for figure in ("¥525.00", "¥300.00", "¥13,200.00", "¥2,200.00"):
        assert figure in text
    assert "招商银行信用卡" in text and "某消费金融" in text


@needs_pdftotext
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_pdf_never_shows_a_phone_or_id_number(masked_pdf_text, lang):
    text = masked_pdf_text[lang]
    squeezed = "".join(text.split())
    for secret in (MOBILE, ID_NUMBER, CONTRACT_NUMBER, NAME, AGENT_ID):
        assert secret not in squeezed
    for part in ("5678", "002X", "5001"):  # not even the ends
        assert part not in squeezed


@needs_pdftotext
def test_the_unmasked_pdf_would_show_them_so_the_check_can_fail(inputs, tmp_path):
    unmasked = build_report(inputs, as_of=AS_OF, made_at=MADE_AT, masked=False)
    squeezed = "".join(pdf_text(render_pdf(unmasked, "zh-CN", charts=False), tmp_path).split())
    assert MOBILE in squeezed and ID_NUMBER in squeezed


@needs_pdftotext
@pytest.mark.parametrize(
    ("lang", "first", "footer"),
    [
        ("zh-CN", "第 1 页，共", "不构成财务或法律建议"),
        ("en", "Page 1 of", "not financial or legal advice"),
    ],
)
def test_every_page_has_a_number_and_the_disclaimer(masked_pdf_text, lang, first, footer):
    text = masked_pdf_text[lang]
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    assert first in pages[0]
    assert all(footer in page for page in pages)
    total = len(pages)
    last = f"第 {total} 页，共 {total} 页" if lang == "zh-CN" else f"Page {total} of {total}"
    assert last in pages[-1]


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="no pdfimages")
def test_the_charts_are_embedded_as_images(report, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(report, "zh-CN"))
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
    ).stdout
    assert len(listing.strip().splitlines()) - 2 == 2  # two header lines, one line per image


def test_without_chromium_the_pdf_is_still_made_with_a_note(report, tmp_path, monkeypatch):
    from report import images

    monkeypatch.setattr(images, "_server_started", False)
    monkeypatch.setattr(images, "find_chromium", lambda: None)
    data = render_pdf(report, "en")
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        assert "No Chromium browser was found" in pdf_text(data, tmp_path)


def test_an_html_report_is_self_contained_and_masked(report):
    from report.html import render_html

    html = render_html(report, "zh-CN")
    assert html.startswith("<!DOCTYPE html>")
    assert "还款计划报告" in html and "¥18,600.00" in html
    assert "cdn" not in html.lower().split("plotly.js v")[0][-2000:]
    assert '<script src="http' not in html
    for secret in (MOBILE, ID_NUMBER, CONTRACT_NUMBER, NAME):
        assert secret not in html


def test_the_command_line_writes_a_pdf(store, isolated_database, tmp_path, capsys):
    client_id = seed_example(store)
    out = tmp_path / "plan.pdf"
    code = cli.main([str(client_id), "--out", str(out), "--lang", "en", "--as-of", "2026-03-15"])
    assert code == cli.EXIT_OK
    assert out.read_bytes().startswith(b"%PDF")


def test_the_command_line_writes_html(store, tmp_path):
    client_id = seed_example(store)
    out = tmp_path / "plan.html"
    assert cli.main([str(client_id), "--out", str(out), "--html"]) == cli.EXIT_OK
    assert "还款计划报告" in out.read_text(encoding="utf-8")


def test_the_command_line_refuses_an_unknown_client(store, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert cli.main(["999", "--out", str(out)]) == cli.EXIT_NO_CLIENT
    assert "no client with id 999" in capsys.readouterr().err
    assert not out.exists()


def test_the_command_line_reports_an_unwritable_file(store, tmp_path, capsys):
    client_id = seed_example(store)
    out = tmp_path / "missing-folder" / "plan.pdf"
    assert cli.main([str(client_id), "--out", str(out), "--html"]) == cli.EXIT_IO
    assert "cannot write" in capsys.readouterr().err


# --- at the speed of fpdf2 (issue 19) ------------------------------------------------------


def test_the_cjk_font_is_parsed_once_per_process(report, monkeypatch, tmp_path):
    """After the first document no font is parsed again: fpdf2's add_font is never called."""
    import fpdf

    render_pdf(report, "zh-CN", charts=False)  # the process's first parse, if not done yet

    def parse(*args, **kwargs):
        raise AssertionError("the font was parsed again")

    monkeypatch.setattr(fpdf.FPDF, "add_font", parse)
    first = render_pdf(report, "zh-CN", charts=False)
    second = render_pdf(report, "en", charts=False)
    if shutil.which("pdftotext"):
        assert "还款计划" in pdf_text(first, tmp_path)
        assert "Repayment plan" in pdf_text(second, tmp_path)


def test_each_document_gets_its_own_subset_of_the_shared_faces():
    """fpdf2 subsets the fontTools font in place when it writes a file: each document has
    its own, and its own glyphs, while the parsed metrics are shared."""
    from fpdf import FPDF

    from report.pdf import FAMILY, add_cjk_fonts

    one, two = FPDF(), FPDF()
    add_cjk_fonts(one)
    add_cjk_fonts(two)
    assert set(one.fonts) == set(two.fonts) == {FAMILY.lower(), f"{FAMILY.lower()}B"}
    for key in one.fonts:
        a, b = one.fonts[key], two.fonts[key]
        assert a.cw is b.cw and a.cmap is b.cmap and a.glyph_ids is b.glyph_ids
        assert a.ttfont is not b.ttfont and a.subset is not b.subset
        assert a.missing_glyphs is not b.missing_glyphs
    for pdf, words in ((one, "甲乙丙"), (two, "丁戊己")):
        pdf.add_page()
        pdf.set_font(FAMILY, size=12)
        pdf.cell(0, 10, words)
    assert bytes(one.output()).startswith(b"%PDF")
    assert bytes(two.output()).startswith(b"%PDF")  # its font was not subset by the first


def test_every_slot_of_fpdf2s_parsed_font_is_shared_or_made_anew():
    """An fpdf2 upgrade that adds state to its TTFFont must say whether a document fills it."""
    from fpdf.fonts import TTFFont

    from report.pdf import PER_DOCUMENT_SLOTS

    shared = {
        "type", "name", "desc", "glyph_ids", "sp", "ss", "up", "ut", "cw", "ttffile", "fontkey",
        "emphasis", "scale", "cmap", "color_font", "unicode_range", "palette_index",
        "is_compressed", "is_cff", "is_cid_keyed", "is_symbol", "cff_ros",
        "collection_font_number",
    }  # fmt: skip
    assert set(TTFFont.__slots__) == shared | PER_DOCUMENT_SLOTS


def _count_drawings(monkeypatch) -> list:
    from report import images, pdf

    drawn = []

    def draw(fig, fmt, **kwargs):
        drawn.append(kwargs)
        return b"\x89PNG fake"

    monkeypatch.setattr(images, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(pdf, "export_image", draw)
    monkeypatch.setattr(pdf, "_chart_cache", type(pdf._chart_cache)())
    return drawn


def test_the_charts_are_drawn_once_per_report(report, monkeypatch):
    from report.pdf import chart_images

    drawn = _count_drawings(monkeypatch)
    first = chart_images(report, "zh-CN")
    assert len(first) == 2 and len(drawn) == 2
    # the same report made again a moment later: the same charts
    again = report.model_copy(update={"made_at": datetime(2026, 3, 15, 3, tzinfo=UTC)})
    assert chart_images(again, "zh-CN") == first
    assert len(drawn) == 2
    # another language, or other figures: drawn again
    chart_images(report, "en")
    chart_images(report.model_copy(update={"capacity": Decimal("2500.00")}), "zh-CN")
    assert len(drawn) == 6


def test_a_chart_that_could_not_be_drawn_is_not_kept(report, monkeypatch):
    from report import pdf
    from report.images import ImageExportError

    drawn = _count_drawings(monkeypatch)
    working = pdf.export_image

    def broken(fig, fmt, **kwargs):
        raise ImageExportError("the chart could not be drawn")

    monkeypatch.setattr(pdf, "export_image", broken)
    assert pdf.chart_images(report, "zh-CN") is None
    monkeypatch.setattr(pdf, "export_image", working)
    assert len(pdf.chart_images(report, "zh-CN")) == 2
    assert len(drawn) == 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="no pdftoppm")
def test_the_tables_look_exactly_like_fpdf2s_own(tmp_path):
    """The report draws its tables itself (one cell() per line already broken); every pixel
    is where fpdf2's ``table()`` with the same settings puts it — striped rows, headings
    repeated on a new page, cells of several lines centred."""
    from fpdf import FPDF
    from fpdf.enums import TableCellFillMode
    from fpdf.fonts import FontFace
    from PIL import Image, ImageChops

    from report.pdf import FAMILY, HEADER_FILL, PADDING, STRIPE_FILL, _draw_table, add_cjk_fonts

    headings = ["日期", "债权机构", "Amount"]
    rows = [
        [
            f"2026年{1 + i % 12}月{1 + i % 28}日",
            "某消费金融\n（第二行）" if i % 3 else "招商银行",
            f"¥{i},000.00",
        ]
        for i in range(60)
    ]
    widths, aligns, size = [40.0, 90.0, 52.0], ["LEFT", "LEFT", "RIGHT"], 8.0

    def document(draw) -> Path:
        pdf = FPDF(format="A4")
        add_cjk_fonts(pdf)
        pdf.set_margins(14, 14, 14)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.add_page()
        pdf.set_font(FAMILY, size=size)
        pdf.ln(200)  # the table starts low on the page, so it breaks
        draw(pdf)
        path = tmp_path / f"{draw.__name__}.pdf"
        path.write_bytes(bytes(pdf.output()))
        return path

    def ours(pdf):
        _draw_table(pdf, [headings, *rows], widths, size, 5.0, aligns)

    def fpdf2s(pdf):
        with pdf.table(
            col_widths=widths,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
            line_height=5.0,
            text_align=tuple(aligns),
            cell_fill_color=STRIPE_FILL,
            cell_fill_mode=TableCellFillMode.ROWS,
            borders_layout="HORIZONTAL_LINES",
            padding=PADDING,
        ) as table:
            for row in [headings, *rows]:
                table.row(row)

    pages = {}
    for draw in (ours, fpdf2s):
        subprocess.run(
            ["pdftoppm", "-r", "100", "-png", str(document(draw)), str(tmp_path / draw.__name__)],
            check=True,
        )
        pages[draw.__name__] = sorted(tmp_path.glob(f"{draw.__name__}-*.png"))
    assert len(pages["ours"]) == len(pages["fpdf2s"]) >= 3
    for mine, theirs in zip(pages["ours"], pages["fpdf2s"], strict=True):
        a, b = Image.open(mine).convert("RGB"), Image.open(theirs).convert("RGB")
        assert ImageChops.difference(a, b).getbbox() is None, mine.name


def test_the_figures_are_built_once_per_report_and_language(report):
    from report.charts import report_figures

    figures = report_figures(report, "zh-CN")
    again = report.model_copy(update={"made_at": datetime(2026, 3, 16, 2, tzinfo=UTC)})
    assert report_figures(again, "zh-CN")["monthly"] is figures["monthly"]
    assert report_figures(report, "en")["monthly"] is not figures["monthly"]
    other = report.model_copy(update={"capacity": Decimal("2500.00")})
    assert report_figures(other, "zh-CN")["monthly"] is not figures["monthly"]
