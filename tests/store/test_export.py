"""CSV exports of calls, tasks and payments: UTF-8 with a BOM so that Excel reads Chinese, times
in Shanghai, money in yuan to the fen, formulas made inert."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from store_samples import SHANGHAI, a_call, a_client, a_debt, a_payment, a_task

from cli.store import OK, main
from core.clients import mask
from i18n import LANGUAGES, translate
from store import InvalidDataError
from store.export import (
    COLUMNS,
    ExportKind,
    export_calls_csv,
    export_csv,
    export_payments_csv,
    export_tasks_csv,
    write_csv_files,
)

BOM = b"\xef\xbb\xbf"


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    assert data.count(BOM) == 1
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline="")))


def header_in(language: str):
    """Headers from the catalogue, as the Data page and the command line label them."""
    return lambda column: translate(f"export.col.{column}", language)


@pytest.fixture
def records(store):
    zhang = store.clients.create(a_client())
    li = store.clients.create(a_client(name="李四", mobile=None))
    debt = store.debts.add(a_debt(zhang.id))
    call, (task,) = store.calls.add_with_tasks(
        a_call(zhang.id, debt_id=debt.id), [a_task(None, notes="=1+2")]
    )
    store.calls.add(
        a_call(
            li.id,
            at=datetime(2026, 3, 2, 0, 15, tzinfo=SHANGHAI),
            summary="-50% 减免？",
            recorded=False,
            agent_told_of_recording=False,
            next_action_on=None,
            next_action="",
        )
    )
    payment = store.payments.record(
        a_payment(zhang.id, amount="1072.01", debt_id=debt.id, reference="支付宝 转账")
    )
    store.payments.record(a_payment(li.id, amount="0.10", paid_on=date(2026, 4, 1)))
    return {"zhang": zhang, "li": li, "debt": debt, "call": call, "task": task, "pay": payment}


def test_calls_export_in_chinese_with_times_in_shanghai(store, records):
    rows = read_csv(export_calls_csv(store, header=header_in("zh-CN"), mask_names=False))
    assert rows[0] == [
        "客户编号",
        "客户",
        "编号",
        "时间",
        "渠道",
        "方向",
        "机构",
        "工号",
        "合同/订单号",
        "沟通摘要",
        "机构承诺",
        "客户承诺",
        "结果",
        "下一步",
        "下一步日期",
        "已录音",
        "已告知录音",
    ]
    zhang, li = records["zhang"], records["li"]
    assert rows[1] == [
        str(zhang.id),
        "张明",
        str(records["call"].id),
        "2026-03-01 21:30",  # saved as 13:30 UTC, shown at UTC+8
        "phone",
        "outgoing",
        "来分期",
        "FD2035",
        "HT-2024-0315-001",
        "申请停息挂账 36 期；客服称需上级审批",
        "3 个工作日内回电",
        "补充收入证明",
        "call_back",
        "等待回电，未回电则再次致电",
        "2026-03-04",
        "是",
        "是",
    ]
    # A cell starting with "-" would be a formula in a spreadsheet: it is made text.
    assert rows[2][:4] == [str(li.id), "李四", rows[2][2], "2026-03-02 00:15"]
    assert rows[2][8:10] == ["", "'-50% 减免？"]
    assert rows[2][14:] == ["", "否", "否"]
    assert len(rows) == 3


def test_payments_export_in_yuan_to_the_fen(store, records):
    rows = read_csv(
        export_payments_csv(store, language="en", header=header_in("en"), mask_names=False)
    )
    assert rows[0] == [
        "Client ID",
        "Client",
        "ID",
        "Paid on",
        "Amount (yuan)",
        "Contract/order number",
        "Proposal ID",
        "Reference",
    ]
    assert rows[1] == [
        str(records["zhang"].id),
        "张明",
        str(records["pay"].id),
        "2026-03-20",
        "1072.01",
        "HT-2024-0315-001",
        "",
        "支付宝 转账",
    ]
    assert rows[2][3:5] == ["2026-04-01", "0.10"]


def test_tasks_export_with_their_source_call(store, records):
    rows = read_csv(
        export_tasks_csv(store, language="en", header=header_in("en"), mask_names=False)
    )
    assert rows[0] == [
        "Client ID",
        "Client",
        "ID",
        "Due",
        "Kind",
        "Task",
        "Done",
        "Done at",
        "Source call ID",
        "Notes",
    ]
    assert rows[1] == [
        str(records["zhang"].id),
        "张明",
        str(records["task"].id),
        "2026-03-02 21:30",
        "check_plan_in_app",
        "24 小时内在 APP 查看方案",
        "no",
        "",
        str(records["call"].id),
        "'=1+2",
    ]
    done = store.tasks.complete(records["task"], at=datetime(2026, 3, 2, 13, 0, tzinfo=SHANGHAI))
    assert read_csv(export_tasks_csv(store))[1][6:8] == ["是", "2026-03-02 13:00"]
    assert done.done


def test_one_clients_records_only(store, records):
    rows = read_csv(export_calls_csv(store, client_id=records["li"].id, mask_names=False))
    assert [row[1] for row in rows[1:]] == ["李四"]
    assert read_csv(export_payments_csv(store, client_id=424242))[1:] == []


def test_names_can_be_masked_and_codes_translated(store, records):
    labels = {("channel", "phone"): "电话", ("outcome", "call_back"): "约定回电"}
    rows = read_csv(
        export_calls_csv(
            store,
            client_id=records["zhang"].id,
            mask_names=True,
            translate=lambda kind, code: labels.get((kind, code), code),
        )
    )
    assert rows[1][1] == "张*"
    assert (rows[1][4], rows[1][12]) == ("电话", "约定回电")


def test_without_a_header_function_the_header_row_is_the_column_keys(store, records):
    rows = read_csv(export_payments_csv(store, language="en"))
    assert rows[0] == [
        "client_id",
        "client",
        "id",
        "paid_on",
        "amount",
        "contract_number",
        "proposal_id",
        "reference",
    ]
    assert rows[1][4] == "1072.01"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(ExportKind))
def test_every_column_has_a_header_in_the_catalogue(kind, language):
    headers = [translate(f"export.col.{column}", language) for column in COLUMNS[kind]]
    assert all(header.strip() for header in headers)
    assert len(set(headers)) == len(headers)


def test_the_export_of_an_empty_database_is_its_header(store):
    for kind in ExportKind:
        assert len(read_csv(export_csv(store, kind))) == 1


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"kind": "emails"}, "kind"),
        ({"kind": "calls", "language": "fr"}, "language"),
        ({"kind": "calls", "client_id": "7"}, "client_id"),
    ],
)
def test_a_bad_export_request_is_named(store, options, field):
    with pytest.raises(InvalidDataError) as caught:
        export_csv(store, **options)
    assert caught.value.field == field


def test_the_three_files_are_written_into_a_folder(store, records, tmp_path):
    written = write_csv_files(store, tmp_path / "exports" / "march", mask_names=False)
    assert sorted(path.name for path in written.values()) == [
        "calls.csv",
        "payments.csv",
        "tasks.csv",
    ]
    assert read_csv(written[ExportKind.CALLS].read_bytes())[1][1] == "张明"


def test_the_command_line_exports(store, records, database_url, tmp_path):
    out = io.StringIO()
    code = main(
        ["--database", database_url, "export-csv", str(tmp_path), "--only", "payments"],
        stdout=out,
        stderr=io.StringIO(),
    )
    assert code == OK
    assert [p.name for p in tmp_path.glob("*.csv")] == ["payments.csv"]
    assert read_csv((tmp_path / "payments.csv").read_bytes())[0][4] == "金额（元）"


# --- one masking default ----------------------------------------------------------------------


def test_every_export_is_masked_unless_asked_otherwise(store, records, tmp_path):
    """The store, the service the pages call and the command line share one default."""
    import services
    from store.export import MASKED_BY_DEFAULT

    assert MASKED_BY_DEFAULT is True
    shown = {"calls": ["张*", "李*"], "tasks": ["张*"], "payments": ["张*", "李*"]}
    for kind in ExportKind:
        rows = read_csv(export_csv(store, kind))
        assert [row[1] for row in rows[1:]] == shown[kind], kind
        assert services.data.export(store, services.LOCAL_USER, kind, language="zh-CN") == (
            export_csv(store, kind)
        )
    written = write_csv_files(store, tmp_path / "out")
    assert read_csv(written[ExportKind.CALLS].read_bytes())[1][1] == "张*"


def export_from_the_command_line(database_url, folder, *flags):
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--database", database_url, "export-csv", str(folder), "--only", "calls", *flags],
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_masks_by_default_and_says_nothing_about_it(
    store, records, database_url, tmp_path
):
    code, out, err = export_from_the_command_line(database_url, tmp_path)
    assert (code, err) == (OK, "")
    assert out == f"wrote {tmp_path / 'calls.csv'}\n"
    rows = read_csv((tmp_path / "calls.csv").read_bytes())
    assert [row[1] for row in rows[1:]] == ["张*", "李*"]


def test_the_old_mask_names_flag_is_still_accepted_and_changes_nothing(
    store, records, database_url, tmp_path
):
    code, _, err = export_from_the_command_line(database_url, tmp_path / "a", "--mask-names")
    assert (code, err) == (OK, "")
    export_from_the_command_line(database_url, tmp_path / "b")
    assert (tmp_path / "a" / "calls.csv").read_bytes() == (
        tmp_path / "b" / "calls.csv"
    ).read_bytes()


def test_no_mask_writes_full_names_with_a_warning_on_stderr(store, records, database_url, tmp_path):
    code, out, err = export_from_the_command_line(database_url, tmp_path, "--no-mask")
    assert code == OK
    assert err == (
        "warning: --no-mask: the files hold clients' personal data (full names, numbers and"
        " notes); keep them private and delete them when done\n"
    )
    assert "warning" not in out
    rows = read_csv((tmp_path / "calls.csv").read_bytes())
    assert [row[1] for row in rows[1:]] == ["张明", "李四"]


def test_no_mask_and_mask_names_together_are_a_usage_error(store, database_url, tmp_path):
    code, _, _ = export_from_the_command_line(database_url, tmp_path, "--no-mask", "--mask-names")
    assert code == 2
    assert not tmp_path.joinpath("calls.csv").exists()


def test_export_files_are_private_and_a_folder_made_for_them_too(store, records, tmp_path):
    from store.files import mode_of

    written = write_csv_files(store, tmp_path / "exports" / "march")
    assert {path.name: oct(mode_of(path)) for path in written.values()} == {
        "calls.csv": "0o600",
        "tasks.csv": "0o600",
        "payments.csv": "0o600",
    }
    assert oct(mode_of(tmp_path / "exports")) == oct(mode_of(tmp_path / "exports" / "march"))
    assert oct(mode_of(tmp_path / "exports" / "march")) == "0o700"


# --- masked free text: the client scrubber ------------------------------------------------------


@pytest.fixture
def talkative(store):
    """A client whose free text quotes every number and name their record holds, spelled as
    heard."""
    from core.clients import ClientContact

    client = store.clients.create(
        a_client(
            name="张小明",
            mobile="13912345678",
            id_number="110101199003077651",
            contacts=(ClientContact(name="李强", relation="spouse"),),
        )
    )
    debt = store.debts.add(a_debt(client.id, contract_number="AXCF-2024-0091277"))
    store.calls.add_with_tasks(
        a_call(
            client.id,
            debt_id=debt.id,
            agent_id="7021",
            summary="张小明说李强也接到电话；身份证 110101 19900307 7651，合同AXCF-2024-0091277",
            lender_promised="工号7021答应 3 个工作日内回电",
            client_promised="4月1日前还¥1,200.00",
            next_action="回电 139 1234 5678",
        ),
        [a_task(None, title="提醒李强回电 13912345678", notes="合同 AXCF 2024 0091277")],
    )
    store.payments.record(
        a_payment(client.id, debt_id=debt.id, reference="尾号5678 转账 AXCF-2024-0091277")
    )
    return client


PERSONAL = (
    "张小明",
    "李强",
    "13912345678",
    "1234 5678",
    "110101199003077651",
    "19900307",
    "0091277",
    "7021",
)


def test_a_masked_export_scrubs_free_text_with_what_the_record_holds(store, talkative):
    calls = read_csv(export_calls_csv(store))
    tasks = read_csv(export_tasks_csv(store))
    payments = read_csv(export_payments_csv(store))
    assert calls[1][1] == "张*明"
    assert calls[1][7:14] == [
        "**21",  # the agent's staff number, as the contract's: its last characters only
        "*************1277",
        "张*明说李*也接到电话；身份证 ***，合同***",
        "工号***答应 3 个工作日内回电",
        "4月1日前还¥1,200.00",  # dates and money stay
        "call_back",
        "回电 ***",
    ]
    assert tasks[1][5] == "提醒李*回电 ***"
    assert "0091277" not in tasks[1][9]
    assert payments[1][5] == "*************1277"
    every_cell = "\n".join(",".join(row) for data in (calls, tasks, payments) for row in data)
    for value in PERSONAL:
        assert value not in every_cell, value


def test_an_unmasked_export_keeps_the_text_as_typed(store, talkative):
    calls = read_csv(export_calls_csv(store, mask_names=False))
    assert calls[1][1] == "张小明"
    assert calls[1][7:10] == [
        "7021",
        "AXCF-2024-0091277",
        "张小明说李强也接到电话；身份证 110101 19900307 7651，合同AXCF-2024-0091277",
    ]


def test_masking_reads_the_records_in_a_fixed_number_of_statements(store, talkative):
    for number in range(12):
        client = store.clients.create(a_client(name=f"客户{number}"))
        store.calls.add(a_call(client.id, summary=f"客户{number}说好"))
    statements = []

    def count(*args):
        statements.append(args[2])

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        rows = read_csv(export_calls_csv(store))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    assert len(rows) == 14
    assert [row[9] for row in rows[2:]] == [f"{mask('name', f'客户{n}')}说好" for n in range(12)]
    assert rows[2][9] == "客*0说好"
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4  # the rows, then clients, contracts and agents
