"""The import section with AppTest (a harness page calling ``render_import`` as the Debts page
does): the templates downloaded and uploaded back, a lender's GBK export with its notes, a
refused file, the mapping changed and remembered, only the chosen valid rows saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from page_helpers import capture_downloads, texts
from streamlit.testing.v1 import AppTest

import services
from core.clients import Client
from core.debt_import import Target
from core.rates import QuoteKind
from i18n import translate
from services import LOCAL_USER
from services.debt_import import template_csv
from ui.debt_import_widgets import template_rows

HARNESS = Path(__file__).parent / "debt_import_harness.py"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "debt_import"
LANGS = ("zh-CN", "en")


@pytest.fixture
def client_id(isolated_database) -> int:
    ws = services.open_workspace(isolated_database)
    return services.clients.create(ws, LOCAL_USER, Client(name="张明")).id


def saved(isolated_database, client_id):
    ws = services.open_workspace(isolated_database)
    return services.debts.list_for_client(ws, LOCAL_USER, client_id)


def open_section(client_id: int, lang: str) -> AppTest:
    at = AppTest.from_file(str(HARNESS), default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["client_id"] = client_id
    at.run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "application/octet-stream"))
    at.run()
    assert not at.exception, at.exception
    return at


def preview(at: AppTest):
    (frame,) = [df.value for df in at.dataframe]
    return frame


def mapping_box(at: AppTest, index: int):
    (box,) = [
        s
        for s in at.selectbox
        if s.key.startswith("debtimport_map_") and s.key.endswith(f"_{index}")
    ]
    return box


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_downloaded_template_uploads_back_and_saves_the_guides_debt(
    client_id, isolated_database, monkeypatch, lang, kind
):
    offered = capture_downloads(monkeypatch)
    at = open_section(client_id, lang)
    name = f"{translate('debt_import.template_file', lang)}.{kind}"
    assert set(offered) == {
        f"{translate('debt_import.template_file', lang)}.csv",
        f"{translate('debt_import.template_file', lang)}.xlsx",
    }
    upload(at, name, offered[name])
    frame = preview(at)
    assert frame[translate("debt_import.col.status", lang)].tolist() == [
        translate("debt_import.status.valid", lang)
    ]
    assert frame[translate("debt_import.col.creditor", lang)].tolist() == ["来分期"]
    assert frame[translate("debt_import.col.principal", lang)].tolist() == ["¥12,000.00"]
    assert frame[translate("debt_import.col.rate", lang)].tolist() == ["18%"]
    assert frame[translate("debt_import.col.kind", lang)].tolist() == [
        translate("enum.quote_kind.annual", lang)
    ]
    assert translate("debt_import.summary", lang, total=1, valid=1, invalid=0) in texts(at.caption)
    save = at.button(key="debtimport_save")
    assert save.label == translate("debt_import.save", lang, n=1)
    save.click().run()
    assert not at.exception, at.exception
    assert texts(at.success) == [translate("debt_import.saved", lang, n=1)]
    (account,) = saved(isolated_database, client_id)
    debt = account.debt
    assert (account.contract_number, debt.creditor, debt.outstanding_principal) == (
        "LFQ2025031500123",
        "来分期",
        Decimal("12000.00"),
    )
    assert (debt.rate_quote, debt.rate_kind, debt.penalty_rate) == (
        Decimal("0.18"),
        QuoteKind.ANNUAL,
        Decimal("0.27"),
    )
    assert (debt.overdue_amount, debt.days_overdue, debt.next_due_date) == (
        Decimal("900.00"),
        30,
        date(2026, 12, 15),
    )
    # The uploader is empty again: a second click cannot save the file twice.
    assert not at.dataframe
    assert at.file_uploader[0].value is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_lender_export_in_gbk_shows_every_row_with_its_notes(client_id, isolated_database, lang):
    at = open_section(client_id, lang)
    upload(at, "来分期导出.csv", (FIXTURES / "lender_export_gbk.csv").read_bytes())
    assert translate("debt_import.read_from", lang, line=2, count=2) in texts(at.caption)
    assert mapping_box(at, 0).value is Target.CREDITOR
    assert mapping_box(at, 4).value is Target.OUTSTANDING_PRINCIPAL
    frame = preview(at)
    assert frame[translate("debt_import.col.line", lang)].tolist() == [3, 4]
    assert frame[translate("debt_import.col.status", lang)].tolist() == [
        translate("debt_import.status.valid", lang),
        translate("debt_import.status.noted", lang),
    ]
    messages = frame[translate("debt_import.col.messages", lang)].tolist()
    separator = translate("debt_import.message_separator", lang)
    assert messages[1] == separator.join(
        [
            translate(
                "error.line",
                lang,
                field=translate("field.next_due_date", lang),
                problem=translate(
                    "debt_import.note.serial_date",
                    lang,
                    value="46000",
                    date={"zh-CN": "2025年12月9日", "en": "9 Dec 2025"}[lang],
                ),
            ),
            translate(
                "error.line",
                lang,
                field=translate("field.day_basis", lang),
                problem=translate("debt_import.note.day_basis_assumed", lang, basis=360),
            ),
        ]
    )
    at.button(key="debtimport_save").click().run()
    assert texts(at.success) == [translate("debt_import.saved", lang, n=2)]
    assert [a.debt.outstanding_principal for a in saved(isolated_database, client_id)] == [
        Decimal("12000.00"),
        Decimal("3000.00"),
    ]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh-CN", "文件：文件是空的，没有任何内容"),
        ("en", "File: the file is empty: there is nothing in it"),
    ],
)
def test_an_empty_file_is_refused_with_a_message(client_id, lang, message):
    at = open_section(client_id, lang)
    upload(at, "empty.csv", b"")
    assert texts(at.error) == [message]
    assert not at.dataframe
    assert not [b for b in at.button if b.key == "debtimport_save"]


def test_rows_with_errors_are_shown_and_only_valid_chosen_rows_are_saved(
    client_id, isolated_database
):
    at = open_section(client_id, "zh-CN")
    data = (
        "机构,剩余本金,剩余期数,年化利率\n"
        "来分期,12000,12,18%\n"
        '借呗,"12,00",6,18%\n'
        "花呗,3000,3,18%\n"
    ).encode("utf-8-sig")
    upload(at, "debts.csv", data)
    frame = preview(at)
    assert frame["状态"].tolist() == ["✓可导入", "✗有错误", "✓可导入"]
    assert frame["问题与提示"].tolist()[1] == (
        "剩余本金：“12,00”不是能识别的金额（可写 12000、12,000.00、¥12,000、1.5万）"
    )
    assert "共 3 行：2 行可以导入，1 行有错误（不会保存）。" in texts(at.caption)
    assert at.button(key="debtimport_save").label == "保存 2 笔债务"
    at.checkbox(key="debtimport_all_valid").uncheck().run()
    chooser = at.multiselect(key="debtimport_lines")
    assert chooser.options == ["第 2 行 · 来分期", "第 4 行 · 花呗"]
    chooser.set_value([4]).run()
    assert at.button(key="debtimport_save").label == "保存 1 笔债务"
    at.button(key="debtimport_save").click().run()
    assert texts(at.success) == ["已导入 1 笔债务。"]
    assert [a.debt.creditor for a in saved(isolated_database, client_id)] == ["花呗"]


def test_a_changed_mapping_is_remembered_for_the_next_file_of_the_same_shape(
    client_id, isolated_database
):
    data = "平台,待还本金,期数,备注\n来分期,12000,12,客户说有宽限期\n".encode()
    at = open_section(client_id, "zh-CN")
    upload(at, "export.csv", data)
    assert mapping_box(at, 2).value is None  # "期数" alone is not recognised
    assert texts(at.error) == ["还缺少必需的列：剩余期数。请在上面为它们选择对应的列。"]
    assert at.button(key="debtimport_save").disabled
    mapping_box(at, 2).set_value(Target.REMAINING_MONTHS).run()
    assert texts(at.error) == []
    at.button(key="debtimport_save").click().run()
    assert texts(at.success) == ["已导入 1 笔债务。"]
    # The next export of the same shape, in a new session: mapped as saved.
    again = open_section(client_id, "en")
    upload(again, "export-december.csv", data.replace("来分期".encode(), "借呗".encode()))
    assert mapping_box(again, 2).value is Target.REMAINING_MONTHS
    assert translate("debt_import.remembered", "en") in texts(again.caption)
    assert preview(again)["Status"].tolist() == ["✓ Ready"]


def test_a_debt_already_recorded_is_left_out_unless_chosen(client_id, isolated_database):
    headers, example = template_rows("zh-CN")
    data = template_csv(headers, example)
    at = open_section(client_id, "zh-CN")
    upload(at, "模板.csv", data)
    at.button(key="debtimport_save").click().run()
    assert texts(at.success) == ["已导入 1 笔债务。"]
    # The same file again: its row is recorded already, so nothing is chosen.
    upload(at, "模板.csv", data)
    frame = preview(at)
    assert frame["状态"].tolist() == ["已录入"]
    assert frame["问题与提示"].tolist() == ["合同编号 LFQ2025031500123 已在这位客户的债务中"]
    assert texts(at.warning) == [
        "有 1 行的合同编号已录入，默认不导入；确实要再导入的，请取消下面的勾选后选择。"
    ]
    save = at.button(key="debtimport_save")
    assert (save.label, save.disabled) == ("保存 0 笔债务", True)
    at.checkbox(key="debtimport_all_valid").uncheck().run()
    assert at.multiselect(key="debtimport_lines").value == []
    at.multiselect(key="debtimport_lines").set_value([2]).run()
    at.button(key="debtimport_save").click().run()
    assert texts(at.success) == ["已导入 1 笔债务。"]
    assert len(saved(isolated_database, client_id)) == 2
