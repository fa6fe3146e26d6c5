"""Reading debts from files (issue 24): amounts, rates and dates from cells, CSV encodings,
workbooks (formulas, merged cells, serial dates, sheets), refused files, the header mapping,
and the templates importing back in both languages."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pydantic import ValidationError

from core.calls import DebtAccount
from core.debt_import import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    Cell,
    CellError,
    ImportRefusedError,
    Problem,
    RateCell,
    Target,
    decode_text,
    header_shape,
    mapping_from,
    mapping_values,
    missing_targets,
    parse_amount,
    parse_date,
    parse_rate,
    parse_rows,
    read_csv,
    suggest_mapping,
    table_from_grid,
)
from core.debts import Debt, LenderType
from core.rates import QuoteKind
from i18n import translate
from i18n.errors import model_error_lines
from services.debt_import import read_file, template_csv, template_xlsx
from ui.debt_import_widgets import (
    choice_labels,
    header_aliases,
    row_messages,
    template_rows,
)

FIXTURES = Path(__file__).parent / "fixtures" / "debt_import"
LANGS = ("zh-CN", "en")


def grid(*rows):
    return [[Cell(value) for value in row] for row in rows]


def refusal(call) -> ImportRefusedError:
    with pytest.raises(ImportRefusedError) as caught:
        call()
    return caught.value


def cell_error(call) -> tuple[str, dict]:
    with pytest.raises(CellError) as caught:
        call()
    return caught.value.code, caught.value.params


def read_csv_text(text: str, encoding: str = "utf-8"):
    return read_file(text.encode(encoding), "debts.csv").table


def rows_of(table, client_id: int = 7):
    mapping = suggest_mapping(table.headers, header_aliases())
    return parse_rows(table, mapping, client_id, choice_labels())


# --- amounts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.5万", "15000.00"),
        ("¥12,000.00", "12000.00"),
        ("￥3,500.5", "3500.50"),
        ("12 000", "12000.00"),
        ("3千", "3000.00"),
        ("1.2w", "12000.00"),
        ("1.2W", "12000.00"),
        ("2k", "2000.00"),
        ("２万", "20000.00"),
        ("12000元", "12000.00"),
        ("1.5万元", "15000.00"),
        ("RMB 800", "800.00"),
        ("0.01", "0.01"),
        ("1,234,567.89", "1234567.89"),
        (12000.5, "12000.50"),
        (15000, "15000.00"),
        (0.1, "0.10"),
        (13200.000000000002, "13200.00"),  # binary noise of a formula's result
        (Decimal("99.9"), "99.90"),
    ],
)
def test_amounts_are_read_exactly_to_the_fen(text, amount):
    read = parse_amount(text)
    assert read == Decimal(amount)
    assert str(read) == amount  # two decimals, exactly


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,2000", "not_an_amount"),  # a comma that is no thousands separator
        ("12,00", "not_an_amount"),
        ("1万5千", "not_an_amount"),
        ("1.2.3", "not_an_amount"),
        ("约一万", "not_an_amount"),
        ("12.345", "too_precise"),
        ("1.2345678万", "too_precise"),
        (0.001, "too_precise"),
        (True, "not_an_amount"),
    ],
)
def test_amounts_that_cannot_be_read_are_refused_never_guessed(text, code):
    assert cell_error(lambda: parse_amount(text))[0] == code


def test_an_amount_refusal_names_the_cell_as_written():
    assert cell_error(lambda: parse_amount(" 1,2000 ")) == ("not_an_amount", {"value": "1,2000"})


# --- rates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "quote", "kind"),
    [
        ("18%", "0.18", None),
        ("18％", "0.18", None),
        (0.18, "0.18", None),
        ("0.18", "0.18", None),
        ("年化18%", "0.18", QuoteKind.ANNUAL),
        ("年利率 7.8%", "0.078", QuoteKind.ANNUAL),
        ("18% p.a.", "0.18", QuoteKind.ANNUAL),
        ("日息0.05%", "0.0005", QuoteKind.DAILY),
        ("日利率0.065%", "0.00065", QuoteKind.DAILY),
        ("日息万五", "0.0005", QuoteKind.DAILY),
        ("月息1.5%", "0.015", QuoteKind.MONTHLY),
        ("月费率0.68%", "0.0068", QuoteKind.MONTHLY_FEE),
        ("0.5‰", "0.0005", None),
        (0, "0", None),
        (0.18000000000000002, "0.18", None),
    ],
)
def test_rates_become_fractions_with_their_kind_when_the_cell_says_it(value, quote, kind):
    assert parse_rate(value) == RateCell(Decimal(quote), kind)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("18", "rate_needs_percent"),
        (18, "rate_needs_percent"),
        ("abc", "not_a_rate"),
        ("18%-24%", "not_a_rate"),
    ],
)
def test_rates_that_cannot_be_read_are_refused(value, code):
    assert cell_error(lambda: parse_rate(value))[0] == code


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (45658, date(2025, 1, 1)),
        ("45658", date(2025, 1, 1)),
        (45658.75, date(2025, 1, 1)),
        (46000, date(2025, 12, 9)),
        (61, date(1900, 3, 1)),
        (datetime(2025, 1, 15, 0, 0), date(2025, 1, 15)),
        (date(2026, 12, 15), date(2026, 12, 15)),
        ("2025-01-15", date(2025, 1, 15)),
        ("2025/1/5", date(2025, 1, 5)),
        ("2025.1.5", date(2025, 1, 5)),
        ("2025年1月15日", date(2025, 1, 15)),
        ("20250115", date(2025, 1, 15)),
        ("2025-01-15 00:00:00", date(2025, 1, 15)),
    ],
)
def test_dates_from_cells_text_and_excel_serial_days(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize("value", ["2025-02-30", "3/4/2025", "next month", 60, 0, 3_000_000])
def test_dates_that_cannot_be_read_are_refused(value):
    assert cell_error(lambda: parse_date(value))[0] == "not_a_date"


# --- CSV files ---------------------------------------------------------------------------------

HEADER = "机构,剩余本金,剩余期数,年化利率\n"


def test_a_gbk_file_from_a_chinese_excel_is_read_not_refused():
    table = read_csv_text(HEADER + "来分期,12000,12,18%\n", "gbk")
    assert table.encoding == "gb18030"
    assert table.headers == ("机构", "剩余本金", "剩余期数", "年化利率")
    assert [cell.value for cell in table.rows[0].cells] == ["来分期", "12000", "12", "18%"]


def test_gb18030_only_characters_are_read():
    table = read_csv_text(HEADER + "㐀分期,12000,12,18%\n", "gb18030")
    assert table.rows[0].cells[0].value == "㐀分期"


def test_utf8_with_and_without_bom():
    with_bom = read_file((HEADER + "来分期,1,1,1%\n").encode("utf-8-sig"), "a.csv").table
    without = read_csv_text(HEADER + "来分期,1,1,1%\n")
    assert with_bom.encoding == without.encoding == "utf-8-sig"
    assert with_bom.headers == without.headers == ("机构", "剩余本金", "剩余期数", "年化利率")


def test_utf16_tab_separated_text_from_excel():
    table = read_file("机构\t剩余本金\t剩余期数\n来分期\t12000\t12\n".encode("utf-16"), "a.txt")
    assert table.table.encoding == "utf-16"
    assert table.table.headers == ("机构", "剩余本金", "剩余期数")


def test_decoding_says_which_encoding_and_refuses_binary():
    assert decode_text("机构".encode("gbk")) == ("机构", "gb18030")
    assert decode_text("\ufeff机构".encode()) == ("机构", "utf-8-sig")
    refused = refusal(lambda: read_csv(b"\x00\x01\x02binary"))
    assert (refused.field, refused.code) == ("file", "import_unreadable")


@pytest.mark.parametrize("content", [b"", b"\n\n", b" , ,\n,,\n", "\ufeff".encode()])
def test_an_empty_file_is_refused(content):
    refused = refusal(lambda: read_file(content, "empty.csv"))
    assert refused.code == "import_empty"


def test_a_header_without_rows_is_refused():
    assert refusal(lambda: read_csv_text(HEADER + "\n,,,\n")).code == "import_header_only"


def test_more_than_200_rows_are_refused_with_the_limit_named():
    body = "".join(f"机构{n},1000,12,18%\n" for n in range(MAX_IMPORT_ROWS + 1))
    refused = refusal(lambda: read_csv_text(HEADER + body))
    assert refused.code == "import_too_many_rows"
    assert refused.params == {"max": 200, "count": 201}
    for lang, text in [
        ("zh-CN", "文件：文件有 201 行数据，一次最多导入 200 行（一位客户的债务）；请拆分文件"),
        (
            "en",
            "File: the file has 201 rows; at most 200 can be imported at once (one client's "
            "debts): split the file",
        ),
    ]:
        assert model_error_lines(refused, lang) == [text]


def test_200_rows_are_accepted():
    body = "".join(f"机构{n},1000,12,18%\n" for n in range(MAX_IMPORT_ROWS))
    assert len(read_csv_text(HEADER + body).rows) == 200


def test_a_file_over_5_mb_is_refused_with_the_limit_named():
    refused = refusal(lambda: read_file(b"a" * (MAX_IMPORT_BYTES + 1), "big.csv"))
    assert (refused.code, refused.params) == ("import_too_large", {"max_mb": 5})
    assert model_error_lines(refused, "zh-CN") == [
        "文件：文件超过 5 MB，无法导入；请只保留这位客户的债务后再上传"
    ]


def test_an_old_xls_and_a_broken_workbook_are_refused():
    assert refusal(lambda: read_file(b"\xd0\xcf\x11\xe0rest", "old.xls")).code == (
        "import_old_excel"
    )
    assert refusal(lambda: read_file(b"PK\x03\x04broken", "a.xlsx")).code == "import_unreadable"


def test_a_title_line_above_the_header_is_skipped_and_line_numbers_kept():
    table = table_from_grid(
        grid(["来分期 借款明细"], [], ["机构", "剩余本金", "剩余期数"], ["来分期", "1", "2"])
    )
    assert table.header_line == 3
    assert table.headers == ("机构", "剩余本金", "剩余期数")
    assert [row.line for row in table.rows] == [4]


# --- the realistic export ----------------------------------------------------------------------


def test_a_lender_export_in_gbk_reads_into_exact_debts():
    table = read_file((FIXTURES / "lender_export_gbk.csv").read_bytes(), "export.csv").table
    assert table.encoding == "gb18030"
    mapping = suggest_mapping(table.headers)
    assert mapping == {
        0: Target.CREDITOR,
        1: Target.PRODUCT,
        2: Target.CONTRACT_NUMBER,
        3: Target.ORIGINAL_PRINCIPAL,
        4: Target.OUTSTANDING_PRINCIPAL,
        5: Target.OVERDUE_AMOUNT,
        6: Target.DAYS_OVERDUE,
        7: Target.ACCRUED,
        8: Target.RATE,
        9: Target.REMAINING_MONTHS,
        10: Target.NEXT_DUE_DATE,
    }
    first, second = parse_rows(table, mapping, 7)
    assert first.line == 3 and second.line == 4
    assert first.notes == () and first.problems == ()
    assert first.account == DebtAccount(
        client_id=7,
        contract_number="LFQ2025031500123",
        debt=Debt(
            creditor="来分期",
            product="现金分期",
            original_principal=Decimal("20000.00"),
            outstanding_principal=Decimal("12000.00"),
            overdue_amount=Decimal("900.00"),
            days_overdue=30,
            accrued_interest_and_penalties=Decimal("1500.00"),
            rate_quote=Decimal("0.18"),
            rate_kind=QuoteKind.ANNUAL,
            remaining_months=12,
            next_due_date=date(2026, 12, 15),
        ),
    )
    assert second.account is not None
    debt = second.account.debt
    assert (debt.outstanding_principal, debt.rate_quote, debt.rate_kind, debt.day_basis) == (
        Decimal("3000.00"),
        Decimal("0.0005"),
        QuoteKind.DAILY,
        360,
    )
    assert debt.next_due_date == date(2025, 12, 9)
    assert second.notes == (
        Problem("next_due_date", "serial_date", {"value": "46000", "date": date(2025, 12, 9)}),
        Problem("day_basis", "day_basis_assumed", {"basis": 360}),
    )
    assert row_messages(second, "zh-CN") == [
        "下次还款日：Excel 日期序号 46000 按 2025年12月9日 读取",
        "计息天数：日利率没有注明计息天数，按一年 360 天计算",
    ]
    assert row_messages(second, "en") == [
        "Next due date: Excel day number 46000 read as 9 Dec 2025",
        "Day count: the daily rate gives no day count: read on a 360-day year",
    ]


# --- rows with problems ------------------------------------------------------------------------


def test_each_field_says_what_is_wrong_in_both_languages():
    table = read_csv_text(HEADER + ',"12,00",12.5,18\n')
    (row,) = rows_of(table)
    assert not row.valid and row.account is None
    assert row.problems == (
        Problem("creditor", "missing"),
        Problem("outstanding_principal", "not_an_amount", {"value": "12,00"}),
        Problem("remaining_months", "not_a_whole_number", {"value": "12.5"}),
        Problem("rate_quote", "rate_needs_percent", {"value": "18"}),
    )
    assert row_messages(row, "zh-CN") == [
        "债权机构：必填，这一行是空的",
        "剩余本金：“12,00”不是能识别的金额（可写 12000、12,000.00、¥12,000、1.5万）",
        "剩余期数：“12.5”不是整数",
        "报价利率：“18”没有百分号，无法判断：18% 请写“18%”或“0.18”",
    ]
    assert row_messages(row, "en")[0] == "Creditor: is required and empty here"


def test_a_row_the_model_refuses_is_worded_as_the_form_words_it():
    table = read_csv_text(HEADER + "来分期,0,12,18%\n")
    (row,) = rows_of(table)
    assert isinstance(row.error, ValidationError)
    assert row_messages(row, "zh-CN") == [
        "剩余本金：请输入不小于 0 的金额（如 12000 或 12,000.50）"
    ]
    assert row_messages(row, "en") == [
        "Outstanding principal: enter an amount of 0 or more (e.g. 12000 or 12,000.50)"
    ]


def test_a_rate_without_its_kind_is_read_as_annual_with_a_note():
    table = read_csv_text("机构,剩余本金,剩余期数,利率\n来分期,12000,12,18%\n")
    (row,) = rows_of(table)
    assert row.account is not None and row.account.debt.rate_kind is QuoteKind.ANNUAL
    assert row.notes == (Problem("rate_kind", "rate_assumed_annual"),)


def test_the_rate_header_gives_the_kind_and_the_cell_may_override_it_only_without_a_conflict():
    table = read_csv_text("机构,剩余本金,剩余期数,日利率\n来分期,12000,12,0.05%\n")
    (row,) = rows_of(table)
    assert row.account is not None
    assert (row.account.debt.rate_kind, row.account.debt.rate_quote) == (
        QuoteKind.DAILY,
        Decimal("0.0005"),
    )
    table = read_csv_text(
        "机构,剩余本金,剩余期数,利率,报价方式\n来分期,12000,12,日息0.05%,年利率\n"
    )
    (row,) = rows_of(table)
    assert row.problems == (Problem("rate_kind", "rate_kind_conflict"),)


def test_a_monthly_fee_quote_takes_the_flat_fee_method_and_labels_read_in_either_language():
    table = read_csv_text(
        "机构,剩余本金,剩余期数,利率,报价方式,机构类型\n"
        "安信消费金融,9000,15,0.68%,Monthly fee rate,消费金融公司\n"
        "城东农商银行,20000,30,7.8%,年利率,Bank loan\n"
    )
    fee, bank = rows_of(table)
    assert fee.account is not None and bank.account is not None
    assert (fee.account.debt.rate_kind, fee.account.debt.method.value) == (
        QuoteKind.MONTHLY_FEE,
        "flat_fee",
    )
    assert fee.account.debt.lender_type is LenderType.CONSUMER_FINANCE
    assert bank.account.debt.lender_type is LenderType.BANK_LOAN


def test_an_unknown_choice_is_a_problem():
    table = read_csv_text("机构,剩余本金,剩余期数,机构类型\n来分期,1,1,外星银行\n")
    (row,) = rows_of(table)
    assert row.problems == (Problem("lender_type", "not_a_choice", {"value": "外星银行"}),)


# --- workbooks ---------------------------------------------------------------------------------


def xlsx(build, *, cached: dict[str, str] | None = None) -> bytes:
    """A workbook made by ``build(book)``; ``cached`` gives formula cells the value Excel
    would have saved with them (openpyxl saves formulas without one)."""
    book = openpyxl.Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if not cached:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                for ref, value in cached.items():
                    start = text.index(f'<c r="{ref}"')
                    end = text.index("</c>", start)
                    text = (
                        text[:start]
                        + text[start:end].replace("<v></v>", f"<v>{value}</v>")
                        + text[end:]
                    )
                content = text.encode()
            target.writestr(item, content)
    return patched.getvalue()


def test_formulas_give_their_cached_values_and_one_without_says_so_per_cell():
    def build(book):
        page = book.active
        page.append(["机构", "剩余本金", "剩余期数", "年化利率"])
        page.append(["来分期", "=1.2*10000", 12, 0.18])
        page.append(["借呗", "=B2/2", 6, 0.18])

    data = xlsx(build, cached={"B2": "12000"})
    table = read_file(data, "debts.xlsx").table
    first, second = rows_of(table)
    assert first.account is not None
    assert first.account.debt.outstanding_principal == Decimal("12000.00")
    assert second.problems == (
        Problem("outstanding_principal", "formula_no_value", {"column": "剩余本金"}),
    )
    assert row_messages(second, "zh-CN") == [
        "剩余本金：公式没有保存计算结果（“剩余本金”列）：请在 Excel 中打开并保存后再导入，"
        "或把这一列“粘贴为数值”"
    ]


def test_merged_cells_give_their_value_to_the_top_left_cell_only_and_say_so_on_the_others():
    def build(book):
        page = book.active
        page.append(["来分期借款明细"])
        page.merge_cells("A1:D1")
        page.append(["机构", "剩余本金", "剩余期数", "年化利率"])
        page.append(["来分期", 12000, 12, "18%"])
        page.append([None, 8000, 6, "18%"])
        page.append([None, 3000, 3, "18%"])
        page.merge_cells("A3:A5")

    table = read_file(xlsx(build), "debts.xlsx").table
    assert table.header_line == 2
    first, second, third = rows_of(table)
    assert first.valid and first.account is not None
    assert first.account.debt.creditor == "来分期"
    for row in (second, third):
        assert row.problems == (Problem("creditor", "merged", {"column": "机构"}),)
    assert row_messages(second, "en") == [
        "Creditor: inside merged cells: the value is only on the first row of the merged range "
        "(column “机构”); unmerge them and fill in every row"
    ]


def test_workbook_dates_serial_numbers_percent_cells_and_a_chosen_sheet():
    def build(book):
        book.active.title = "说明"
        book.active.append(["这张表只是说明"])
        page = book.create_sheet("债务")
        page.append(
            ["机构", "剩余本金", "剩余期数", "年化利率", "下次还款日", "合同日期", "合同号"]
        )
        page.append(["来分期", 12000.5, 12, 0.18, datetime(2026, 12, 15), 45658, 20250315001])
        page["D2"].number_format = "0%"

    data = xlsx(build)
    # The first sheet is notes, not debts: the first sheet holding a debt list is read.
    chosen = read_file(data, "debts.xlsx")
    assert (chosen.sheets, chosen.sheet) == (("说明", "债务"), "债务")
    notes = refusal(lambda: read_file(data, "debts.xlsx", sheet="说明"))
    assert notes.code == "import_header_only"
    (row,) = rows_of(chosen.table)
    assert row.account is not None
    debt = row.account.debt
    assert debt.outstanding_principal == Decimal("12000.50")
    assert debt.rate_quote == Decimal("0.18")
    assert debt.next_due_date == date(2026, 12, 15)
    assert debt.contract_date == date(2025, 1, 1)
    assert row.account.contract_number == "20250315001"
    assert row.notes == (
        Problem("contract_date", "serial_date", {"value": "45658", "date": date(2025, 1, 1)}),
    )
    assert refusal(lambda: read_file(data, "debts.xlsx", sheet="没有")).code == "import_no_sheet"


@pytest.mark.parametrize("count", [201, 400])
def test_a_sheet_of_more_than_200_rows_is_refused_with_its_true_count(count):
    def build(book):
        book.active.append(["机构", "剩余本金", "剩余期数"])
        for n in range(count):
            book.active.append([f"机构{n}", 1000, 12])

    refused = refusal(lambda: read_file(xlsx(build), "many.xlsx"))
    assert (refused.code, refused.params) == ("import_too_many_rows", {"max": 200, "count": count})


def test_a_sheet_with_one_text_cell_is_header_only():
    def build(book):
        book.active.append(["这张表只是说明"])

    assert refusal(lambda: read_file(xlsx(build), "a.xlsx")).code == "import_header_only"


# --- mapping -----------------------------------------------------------------------------------


def test_headers_in_both_languages_are_suggested():
    headers = [
        "平台", "待还本金", "合同号", "剩余期数", "年化利率", "下次还款日", "逾期天数",
        "逾期金额", "备注",
    ]  # fmt: skip
    assert suggest_mapping(headers) == {
        0: Target.CREDITOR,
        1: Target.OUTSTANDING_PRINCIPAL,
        2: Target.CONTRACT_NUMBER,
        3: Target.REMAINING_MONTHS,
        4: Target.RATE,
        5: Target.NEXT_DUE_DATE,
        6: Target.DAYS_OVERDUE,
        7: Target.OVERDUE_AMOUNT,
    }
    english = ["Creditor", "Principal", "Contract No.", "Months left", "APR", "Next due date"]
    assert suggest_mapping(english) == {
        0: Target.CREDITOR,
        1: Target.OUTSTANDING_PRINCIPAL,
        2: Target.CONTRACT_NUMBER,
        3: Target.REMAINING_MONTHS,
        4: Target.RATE,
        5: Target.NEXT_DUE_DATE,
    }


def test_the_best_name_wins_and_each_target_goes_to_one_column():
    # "逾期本金" is the overdue amount although it contains "本金"; of two creditor columns
    # the exact name wins.
    assert suggest_mapping(["本金", "逾期本金", "贷款机构名称", "机构"]) == {
        0: Target.OUTSTANDING_PRINCIPAL,
        1: Target.OVERDUE_AMOUNT,
        3: Target.CREDITOR,
    }
    assert suggest_mapping(["备注", "姓名", ""]) == {}


def test_missing_required_columns():
    assert missing_targets({0: Target.CREDITOR, 1: None}) == [
        Target.OUTSTANDING_PRINCIPAL,
        Target.REMAINING_MONTHS,
    ]
    assert (
        missing_targets(
            {0: Target.CREDITOR, 1: Target.OUTSTANDING_PRINCIPAL, 2: Target.REMAINING_MONTHS}
        )
        == []
    )


def test_a_file_shape_ignores_spacing_case_and_width_but_not_the_columns():
    assert header_shape(["机构", "剩余本金(元)", "APR"]) == header_shape(
        [" 机构 ", "剩余本金（元）", "apr"]
    )
    assert header_shape(["机构", "剩余本金"]) != header_shape(["剩余本金", "机构"])
    assert len(header_shape(["机构"])) == 32


def test_a_remembered_mapping_round_trips_and_one_of_another_width_is_dropped():
    headers = ["机构", "备注", "本金"]
    mapping = {0: Target.CREDITOR, 2: Target.OUTSTANDING_PRINCIPAL}
    saved = mapping_values(headers, mapping)
    assert saved == ["creditor", None, "outstanding_principal"]
    assert mapping_from(headers, saved) == mapping
    assert mapping_from(headers, ["creditor"]) is None
    assert mapping_from(headers, ["creditor", None, "no_such_field"]) is None


# --- templates ---------------------------------------------------------------------------------

GUIDE_DEBT = DebtAccount(
    client_id=7,
    contract_number="LFQ2025031500123",
    debt=Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal=Decimal("12000.00"),
        overdue_amount=Decimal("900.00"),
        days_overdue=30,
        accrued_interest_and_penalties=Decimal("1500.00"),
        penalty_rate=Decimal("0.27"),
        rate_quote=Decimal("0.18"),
        rate_kind=QuoteKind.ANNUAL,
        remaining_months=12,
        next_due_date=date(2026, 12, 15),
    ),
)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_templates_import_back_cleanly_in_both_languages(lang, kind):
    headers, example = template_rows(lang)
    if kind == "csv":
        data = template_csv(headers, example)
        assert data.startswith(b"\xef\xbb\xbf")
    else:
        data = template_xlsx(headers, example, translate("debt_import.template_sheet", lang))
    table = read_file(data, f"template.{kind}").table
    assert table.headers == tuple(headers)
    mapping = suggest_mapping(table.headers, header_aliases())
    assert sorted(mapping) == list(range(len(headers)))
    (row,) = parse_rows(table, mapping, 7, choice_labels())
    assert (row.problems, row.notes, row.error) == ((), (), None)
    assert row.account == GUIDE_DEBT


def test_template_headers_are_the_targets_labels():
    headers, example = template_rows("zh-CN")
    assert headers == [
        "债权机构", "机构类型", "合同编号", "剩余本金", "逾期本金", "逾期天数",
        "已产生的利息和罚息", "利率", "报价方式", "罚息利率", "剩余期数", "下次还款日",
    ]  # fmt: skip
    assert example[:2] == ["来分期", "网络借贷平台"]
    assert template_rows("en")[0][:3] == ["Creditor", "Lender type", "Contract number"]


def test_a_required_field_no_column_holds_is_named_on_each_row():
    table = read_csv_text("机构,备注\n来分期,x\n")
    (row,) = parse_rows(table, {0: Target.CREDITOR}, 7)
    assert row.problems == (
        Problem("outstanding_principal", "no_column"),
        Problem("remaining_months", "no_column"),
    )
    assert row_messages(row, "zh-CN") == [
        "剩余本金：没有对应的列（请在上面选择）",
        "剩余期数：没有对应的列（请在上面选择）",
    ]
