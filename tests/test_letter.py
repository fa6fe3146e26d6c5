"""The letter to the lender (report.letter, report.letter_docx, report.letter_pdf): the Word file
read back with python-docx and the PDF with pdftotext hold every figure of the saved proposal
exactly, the proof gathered (and nothing else) as enclosures, the full contract number and the
client's name, the ID and mobile numbers by their last 4 only; without consent to contact
lenders there is no letter, said in both languages.

The guide's case (``report.example.seed_guide_case``; worked by hand in
``tests/pages/test_golden_browser.py``), on 30 Nov 2026: 来分期, 12,000 at 18.00 % a year, 900
overdue for 30 days, 1,500 of interest and penalties accrued; income 4,000, essential costs
1,200 + 2,000 → 800.00 a month. The contract asks 3,437.90 this month (2,637.90 short of 800)
and 1,017.65 after (217.65 short). Three saved proposals, each with its plan:

- the 24-month extension agreed on the call: 661.59 × 23 + 661.57 = 15,878.14, from 15 Dec 2026
  (the contract's due day) to 15 Nov 2028; nothing waived;
- the minimum plan, 20 months: 773.95 × 19 + 773.94 = 15,478.99, from 15 Dec 2026 to 15 Jul 2028;
- 停息挂账 over 24 months with 60 % of the accrued waived: (12,000 + 1,500 × 40 %) / 24
  = 525.00 × 24 = 12,600.00, waiving 900.00 (13,500 − 12,600); saved without its plan (an
  older record): worked out again from 30 Nov 2026, first due 30 Dec 2026.

A client out of work and on 低保 (王建国): income 1,180.00 (the allowance), essential costs 300
+ 600 + 100 = 1,000.00 → 180.00 a month. 安信消费金融: 9,000 of principal, 600 accrued; 停息挂账
over 60 months with half the accrued waived: (9,000 + 300) / 60 = 155.00 × 60 = 9,300.00,
waiving 300.00. Situations: out of work since 1 Jun 2025, on 低保 since 1 Sep 2025; the
失业证明 gathered, the 低保证 not: only the 失业证明 is enclosed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import docx
import pytest

import services
from core.affordability import Budget, CostCategory, IncomeItem
from core.agreement import first_due_date, plan_starting_on
from core.calls import DebtAccount
from core.clients import Client, Consent, ConsentScope, id_check_char
from core.debts import Debt, LenderType
from core.plans import Plan
from core.proposals import (
    DownPayment,
    LumpSumSettlement,
    SettlementPart,
    StopInterest,
    TermExtension,
    evaluate_proposal,
)
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from i18n import format_date, format_money
from i18n.errors import model_error_lines
from report.example import (
    GUIDE_AS_OF,
    GUIDE_CONTACT,
    GUIDE_CONTRACT,
    GUIDE_ID_NUMBER,
    GUIDE_MOBILE,
    GUIDE_NAME,
    seed_guide_case,
)
from report.letter import (
    Letter,
    LetterError,
    LetterInputs,
    build_letter,
    compose,
    letter_file_name,
    load_letter_inputs,
    make_letter,
)
from report.letter_docx import EAST_ASIAN_FONT, render_docx
from report.letter_pdf import render_pdf
from services import LOCAL_USER, SavedProposal
from store import init_db

ME = LOCAL_USER
LANGS = ("zh-CN", "en")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")

# --- the client out of work and on 低保 ---------------------------------------------------------

DIBAO_NAME = "王建国"
DIBAO_MOBILE = "13700001111"
DIBAO_ID = "32058219800101123" + id_check_char("32058219800101123")
DIBAO_CONTRACT = "AXCF-2025-0033771"
DIBAO_AS_OF = date(2026, 3, 10)


# --- reading the files back -------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word file, one per line."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def pdf_text(data: bytes, folder: Path, name: str = "letter") -> str:
    path = folder / f"{name}.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)


def plan_figures(plan: Plan, lang: str) -> set[str]:
    """Every figure of a saved plan as the letter must write it: each payment and its date,
    the number of installments and the total."""
    figures = {format_money(plan.total_paid, lang)}
    for row in plan.rows:
        figures.add(format_money(row.payment, lang))
        if row.due_date is not None:
            figures.add(format_date(row.due_date, lang))
    return figures


# --- the guide's case -------------------------------------------------------------------------


def _save(ws, client_id: int, debt_id: int, proposal, *, with_plan: bool = True) -> SavedProposal:
    account = services.debts.get(ws, ME, debt_id)
    plan = None
    if with_plan:  # as the Proposals page saves it: the plan moved onto the contract's due day
        worked = evaluate_proposal(account.debt, proposal, Decimal("800"), GUIDE_AS_OF).plan
        first_due = first_due_date(account.debt, GUIDE_AS_OF)
        plan = plan_starting_on(proposal, worked, GUIDE_AS_OF, first_due)
    return services.proposals.save(
        ws,
        ME,
        SavedProposal(client_id=client_id, debt_id=debt_id, proposal=proposal, plan=plan),
        now=datetime(2026, 11, 30, 3, 0, tzinfo=UTC),
    )


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    """The guide's case with a hardship situation whose note quotes the client's numbers and
    names his wife, and the minimum plan and the 停息挂账 saved beside the agreed extension."""
    url = f"sqlite:///{tmp_path_factory.mktemp('letter') / 'guide.db'}"
    with init_db(url) as ws:
        client_id = seed_guide_case(ws)
        debt_id = services.debts.list_for_client(ws, ME, client_id)[0].id
        services.hardship.add(
            ws,
            ME,
            HardshipSituation(
                client_id=client_id,
                kind=SituationKind.UNEMPLOYMENT,
                started_on=date(2026, 8, 1),
                note=(
                    f"工厂停产后失业，妻子{GUIDE_CONTACT}收入也减少；手机 {GUIDE_MOBILE[:3]} "
                    f"{GUIDE_MOBILE[3:7]} {GUIDE_MOBILE[7:]}，身份证{GUIDE_ID_NUMBER}，"
                    f"合同{GUIDE_CONTRACT}。**X** <b>b</b>"
                ),
            ),
        )
        agreed = services.proposals.agreed(ws, ME, client_id, debt_id)
        minimum = _save(ws, client_id, debt_id, TermExtension(months=20))
        stop = _save(
            ws,
            client_id,
            debt_id,
            StopInterest(months=24, waiver_share=Decimal("0.6")),
            with_plan=False,
        )
        plans = {  # the stop plan as it is worked out on the letter's day
            "extension": agreed.plan,
            "minimum": minimum.plan,
            "stop": evaluate_proposal(
                services.debts.get(ws, ME, debt_id).debt,
                stop.proposal,
                Decimal("800"),
                GUIDE_AS_OF,
            ).plan,
        }
        letters = {
            name: build_letter(
                load_letter_inputs(ws, client_id, debt_id, proposal_id=saved.id, as_of=GUIDE_AS_OF),
                as_of=GUIDE_AS_OF,
            )
            for name, saved in (("extension", agreed), ("minimum", minimum), ("stop", stop))
        }
        default = load_letter_inputs(ws, client_id, debt_id, as_of=GUIDE_AS_OF)
        saved = {"extension": agreed, "minimum": minimum, "stop": stop}
        yield {"letters": letters, "saved": saved, "plans": plans, "default": default}


@pytest.fixture(scope="module")
def guide_files(guide, tmp_path_factory):
    """Each letter's Word and PDF text in each language (the PDFs made once)."""
    folder = tmp_path_factory.mktemp("letter-files")
    out = {}
    for name, letter in guide["letters"].items():
        for lang in LANGS:
            word = render_docx(letter, lang)
            pdf = render_pdf(letter, lang)
            out[name, lang] = {
                "docx": docx_text(word),
                "docx_bytes": word,
                "pdf_bytes": pdf,
                "pdf": pdf_text(pdf, folder, f"{name}-{lang}") if shutil.which("pdftotext") else "",
            }
    return out


#: The golden figures, written by hand (see the module docstring), per letter and language.
GOLDEN = {
    "extension": {
        "zh-CN": (
            "¥661.59",
            "¥661.57",
            "24期",
            "¥15,878.14",
            "2026年12月15日",
            "2028年11月15日",
            "第1–23期 每期¥661.59",
            "第24期 ¥661.57",
        ),
        "en": ("¥661.59", "¥661.57", "¥15,878.14", "15 Dec 2026", "15 Nov 2028"),
    },
    "minimum": {
        "zh-CN": ("¥773.95", "¥773.94", "20期", "¥15,478.99", "2026年12月15日", "2028年7月15日"),
        "en": ("¥773.95", "¥773.94", "¥15,478.99", "15 Dec 2026", "15 Jul 2028"),
    },
    "stop": {
        "zh-CN": ("¥525.00", "24期", "¥12,600.00", "¥900.00", "2026年12月30日", "2028年11月30日"),
        "en": ("¥525.00", "¥12,600.00", "¥900.00", "30 Dec 2026", "30 Nov 2028"),
    },
}
#: The contract and the budget, the same in every letter of the case.
GUIDE_COMMON = (
    "18.00%",
    "¥12,000.00",
    "¥900.00",
    "¥1,500.00",
    "¥13,500.00",
    "¥3,437.90",
    "¥1,017.65",
    "¥4,000.00",
    "¥1,200.00",
    "¥2,000.00",
    "¥3,200.00",
    "¥800.00",
    "¥2,637.90",
    "¥217.65",
)


def test_the_letter_model_holds_the_saved_plans_figures(guide):
    ext, minimum, stop = (guide["letters"][k].terms for k in ("extension", "minimum", "stop"))
    assert (ext.monthly, ext.count, ext.total, ext.waived) == (
        Decimal("661.59"),
        24,
        Decimal("15878.14"),
        Decimal("0.00"),
    )
    assert [(r.first, r.last, r.amount) for r in ext.runs] == [
        (1, 23, Decimal("661.59")),
        (24, 24, Decimal("661.57")),
    ]
    assert (ext.first_due, ext.last_due) == (date(2026, 12, 15), date(2028, 11, 15))
    assert (minimum.monthly, minimum.count, minimum.total) == (
        Decimal("773.95"),
        20,
        Decimal("15478.99"),
    )
    assert (stop.monthly, stop.count, stop.total, stop.waived) == (
        Decimal("525.00"),
        24,
        Decimal("12600.00"),
        Decimal("900.00"),
    )
    assert (stop.first_due, stop.last_due) == (date(2026, 12, 30), date(2028, 11, 30))
    letter = guide["letters"]["extension"]
    assert letter.contract.annual_rate is not None
    assert round(letter.contract.annual_rate * 100, 2) == Decimal("18.00")
    assert (letter.contract.demand_now, letter.contract.regular) == (
        Decimal("3437.90"),
        Decimal("1017.65"),
    )
    assert (letter.capacity, letter.gap_now, letter.gap_regular) == (
        Decimal("800.00"),
        Decimal("2637.90"),
        Decimal("217.65"),
    )
    assert letter.agreed_on == GUIDE_AS_OF
    assert guide["letters"]["minimum"].agreed_on is None


def test_without_a_proposal_named_the_letter_is_for_the_agreed_one(guide):
    assert guide["default"].saved.id == guide["saved"]["extension"].id


@pytest.mark.parametrize("name", ["extension", "minimum", "stop"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_word_file_holds_every_figure_of_the_saved_plan(guide, guide_files, name, lang):
    text = guide_files[name, lang]["docx"]
    figures = plan_figures(guide["plans"][name], lang)
    missing = sorted(f for f in {*figures, *GOLDEN[name][lang], *GUIDE_COMMON} if f not in text)
    assert missing == []


@needs_pdftotext
@pytest.mark.parametrize("name", ["extension", "minimum", "stop"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_holds_every_figure_of_the_saved_plan(guide, guide_files, name, lang):
    text = guide_files[name, lang]["pdf"]
    figures = plan_figures(guide["plans"][name], lang)
    missing = sorted(f for f in {*figures, *GOLDEN[name][lang], *GUIDE_COMMON} if f not in text)
    assert missing == []


def test_the_stop_interest_saved_without_its_plan_is_worked_out_from_the_letters_day(guide):
    """An older record without its plan: the figures of 停息挂账 evaluated on as_of."""
    letter = guide["letters"]["stop"]
    schedule = [(i.number, i.due_date, i.amount) for i in letter.terms.schedule]
    assert schedule[0] == (1, date(2026, 12, 30), Decimal("525.00"))
    assert schedule[-1] == (24, date(2028, 11, 30), Decimal("525.00"))
    assert {amount for _, _, amount in schedule} == {Decimal("525.00")}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_lender_reads_the_name_and_contract_whole_the_id_and_mobile_by_their_last_4(
    guide_files, fmt, lang
):
    if fmt == "pdf" and not shutil.which("pdftotext"):
        pytest.skip("no pdftotext")
    for name in ("extension", "minimum", "stop"):
        text = guide_files[name, lang][fmt]
        assert GUIDE_NAME in text
        assert GUIDE_CONTRACT in text
        assert "****1233" in text  # the ID's last 4 (header and the note)
        assert "****5678" in text  # the mobile's last 4 (header and the note)
        assert GUIDE_MOBILE not in digits_only(text)
        assert GUIDE_ID_NUMBER[:14] not in digits_only(text)
        assert GUIDE_CONTACT not in text  # the wife, named in the note: 李*英
        assert "李*英" in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_full_identifier_anywhere_in_the_word_files_parts(guide_files, lang):
    """Not in the text, the metadata or any other part of the file."""
    import zipfile

    data = guide_files["extension", lang]["docx_bytes"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            content = archive.read(part).decode("utf-8", errors="ignore")
            assert GUIDE_MOBILE not in digits_only(content), part
            assert GUIDE_ID_NUMBER[:14] not in digits_only(content), part


@pytest.mark.parametrize("lang", LANGS)
def test_the_counselors_note_is_scrubbed_for_the_lender_and_read_as_plain_text(guide_files, lang):
    text = guide_files["extension", lang]["docx"]
    note = (
        "工厂停产后失业，妻子李*英收入也减少；手机 ****5678，身份证****1233，"
        "合同LFQ2025031500123。**X** <b>b</b>"
    )
    assert note in text


def test_the_word_file_is_a4_with_the_east_asian_font_set(guide_files):
    data = guide_files["extension", "zh-CN"]["docx_bytes"]
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    body = document.element.body
    fonts = body.findall(".//" + docx.oxml.ns.qn("w:rFonts"))
    assert fonts
    assert {f.get(docx.oxml.ns.qn("w:eastAsia")) for f in fonts} == {EAST_ASIAN_FONT}
    defaults = document.styles.element.find(docx.oxml.ns.qn("w:docDefaults"))
    default_font = defaults.find(".//" + docx.oxml.ns.qn("w:rFonts"))
    assert default_font.get(docx.oxml.ns.qn("w:eastAsia")) == EAST_ASIAN_FONT
    assert default_font.get(docx.oxml.ns.qn("w:eastAsiaTheme")) is None
    # editable: headings in Word's own style, the figures in real tables
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:2] == ["一、借款现状", "二、困难情况"]
    assert headings[-1] == "附表：还款计划明细"
    assert len(document.tables) == 5  # loan, budget, demand, plan, schedule
    schedule = document.tables[-1]
    assert [c.text for c in schedule.rows[0].cells] == ["期次", "还款日", "金额"]
    assert [c.text for c in schedule.rows[1].cells] == ["1", "2026年12月15日", "¥661.59"]
    assert [c.text for c in schedule.rows[24].cells] == ["24", "2028年11月15日", "¥661.57"]


def test_the_pdf_is_a4(guide_files):
    data = guide_files["extension", "zh-CN"]["pdf_bytes"]
    assert b"/MediaBox [0 0 595.28 841.89]" in data


@needs_pdftotext
def test_the_letter_asks_for_written_confirmation_and_ends_with_date_and_signature(guide_files):
    zh = guide_files["extension", "zh-CN"]["pdf"]
    assert "以书面形式" in zh and "官方渠道" in zh
    assert "申请人（签名）：" in zh
    assert "日期：2026年11月30日" in zh
    assert "本方案已于2026年11月30日与贵方客服沟通并获初步同意" in zh
    en = guide_files["extension", "en"]["pdf"]
    assert "in writing" in en and "official channels" in en
    assert "Date: 30 Nov 2026" in en
    assert "English reading copy" in en


# --- the client out of work and on 低保 --------------------------------------------------------


@pytest.fixture(scope="module")
def dibao(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('letter') / 'dibao.db'}"
    with init_db(url) as ws:
        consent = Consent(
            given_on=DIBAO_AS_OF - timedelta(days=3),
            scopes={ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS},
        )
        client = services.clients.create(
            ws,
            ME,
            Client(name=DIBAO_NAME, mobile=DIBAO_MOBILE, id_number=DIBAO_ID, consent=consent),
        )
        services.budgets.save_version(
            ws,
            ME,
            client.id,
            DIBAO_AS_OF,
            Budget(
                incomes=(IncomeItem(label="other", amount=Decimal("1180")),),
                essential_costs={
                    CostCategory.HOUSING: Decimal("300"),
                    CostCategory.FOOD: Decimal("600"),
                    CostCategory.UTILITIES: Decimal("100"),
                },
            ),
        )
        account = services.debts.add(
            ws,
            ME,
            DebtAccount(
                client_id=client.id,
                contract_number=DIBAO_CONTRACT,
                debt=Debt(
                    creditor="安信消费金融",
                    lender_type=LenderType.CONSUMER_FINANCE,
                    product="现金分期",
                    outstanding_principal=Decimal("9000"),
                    overdue_amount=Decimal("1500"),
                    days_overdue=95,
                    accrued_interest_and_penalties=Decimal("600"),
                    rate_quote=Decimal("0.18"),
                    remaining_months=10,
                    next_due_date=date(2026, 3, 20),
                ),
            ),
        )
        for kind, started, note in (
            (SituationKind.UNEMPLOYMENT, date(2025, 6, 1), "工厂关闭，失业"),
            (SituationKind.MINIMUM_LIVING_ALLOWANCE, date(2025, 9, 1), "全家享受低保"),
        ):
            services.hardship.add(
                ws,
                ME,
                HardshipSituation(client_id=client.id, kind=kind, started_on=started, note=note),
            )
        services.hardship.set_gathered(
            ws, ME, client.id, [ProofItem.UNEMPLOYMENT_CERTIFICATE], version=0
        )
        proposal = StopInterest(months=60, waiver_share=Decimal("0.5"))
        worked = evaluate_proposal(account.debt, proposal, Decimal("180"), DIBAO_AS_OF).plan
        plan = plan_starting_on(
            proposal, worked, DIBAO_AS_OF, first_due_date(account.debt, DIBAO_AS_OF)
        )
        saved = services.proposals.save(
            ws,
            ME,
            SavedProposal(client_id=client.id, debt_id=account.id, proposal=proposal, plan=plan),
            now=datetime(2026, 3, 10, 2, 0, tzinfo=UTC),
        )
        letter = build_letter(
            load_letter_inputs(ws, client.id, account.id, as_of=DIBAO_AS_OF), as_of=DIBAO_AS_OF
        )
        evidence = services.hardship.evidence(ws, ME, client.id)
        yield {"letter": letter, "saved": saved, "evidence": evidence}


@pytest.fixture(scope="module")
def dibao_files(dibao, tmp_path_factory, artifacts):
    """The letter in both languages; kept in test-artifacts (with each PDF's first page as a
    PNG, to look at)."""
    folder = tmp_path_factory.mktemp("dibao-files")
    out = {}
    for lang in LANGS:
        word = render_docx(dibao["letter"], lang)
        pdf = render_pdf(dibao["letter"], lang)
        (artifacts / f"letter-{lang}.docx").write_bytes(word)
        (artifacts / f"letter-{lang}.pdf").write_bytes(pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "80",
                    "-png",
                    str(artifacts / f"letter-{lang}.pdf"),
                    str(artifacts / f"letter-{lang}"),
                ],
                check=True,
            )
        out[lang] = {
            "docx": docx_text(word),
            "pdf": pdf_text(pdf, folder, lang) if shutil.which("pdftotext") else "",
        }
    return out


def test_the_dibao_clients_evidence_lists_both_certificates(dibao):
    lines = {line.item: line.status.value for line in dibao["evidence"].lines}
    assert lines[ProofItem.UNEMPLOYMENT_CERTIFICATE] == "gathered"
    assert lines[ProofItem.MINIMUM_LIVING_CERTIFICATE] == "missing"
    assert dibao["letter"].enclosures == (ProofItem.UNEMPLOYMENT_CERTIFICATE,)


def test_the_dibao_letters_figures(dibao):
    letter = dibao["letter"]
    terms = letter.terms
    assert (terms.monthly, terms.count, terms.total, terms.waived) == (
        Decimal("155.00"),
        60,
        Decimal("9300.00"),
        Decimal("300.00"),
    )
    assert (letter.net_income, letter.essential_total, letter.capacity) == (
        Decimal("1180"),
        Decimal("1000"),
        Decimal("180"),
    )
    assert letter.plan_fits


DIBAO_FIGURES = {
    "zh-CN": (
        "¥155.00",
        "60期",
        "¥9,300.00",
        "¥300.00",
        "¥1,180.00",
        "¥1,000.00",
        "¥180.00",
        "2026年3月20日",
        "2031年2月20日",
        "自2025年6月1日起：失业（至今）。",
        "自2025年9月1日起：享受低保或特困供养（至今）。",
        "具体情况：工厂关闭，失业",
        "具体情况：全家享受低保",
        "1. 失业证明（失业登记）",
        "合同编号：AXCF-2025-0033771",
        "申请人：王建国",
    ),
    "en": (
        "¥155.00",
        "¥9,300.00",
        "¥300.00",
        "¥1,180.00",
        "¥180.00",
        "20 Mar 2026",
        "20 Feb 2031",
        "Since 1 Jun 2025: Out of work (still so).",
        "Unemployment certificate (失业证明)",
        "Contract number: AXCF-2025-0033771",
    ),
}
#: Proof not gathered (or not needed) is never enclosed.
NOT_ENCLOSED = {
    "zh-CN": ("低保证", "特困人员救助供养证明", "解除或终止劳动合同证明", "社保停缴记录"),
    "en": (
        "Minimum living allowance certificate",
        "Extreme-hardship",
        "Letter ending the employment contract",
        "social-insurance payments stopped",
    ),
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_dibao_letter_holds_every_figure_and_only_the_proof_gathered(
    dibao, dibao_files, fmt, lang
):
    if fmt == "pdf" and not shutil.which("pdftotext"):
        pytest.skip("no pdftotext")
    # a list item's marker is followed by a tab (Word) or spaces (pdftotext -layout)
    text = re.sub(r"[ \t]+", " ", dibao_files[lang][fmt])
    expected = {*plan_figures(dibao["saved"].plan, lang), *DIBAO_FIGURES[lang]}
    assert sorted(f for f in expected if f not in text) == []
    assert [word for word in NOT_ENCLOSED[lang] if word in text] == []
    assert DIBAO_MOBILE not in digits_only(text)
    assert DIBAO_ID[:14] not in digits_only(text)
    assert "****1111" in text
    assert f"****{DIBAO_ID[-4:]}" in text


# --- refusals ------------------------------------------------------------------------------------


CONSENT_REFUSED = {
    "zh-CN": "给贷款方的申请信：客户还没有同意由我们代其联系贷款方，因此不能生成给贷款方的申请信。"
    "请先在客户资料中记录这项同意。",
    "en": "Letter to the lender: the client has not agreed that we contact lenders for them, so "
    "no letter to the lender can be made. Record that consent on the client's record first.",
}


def _inputs(**changes) -> LetterInputs:
    """A small case built from core models alone (no database)."""
    consent = Consent(
        given_on=date(2026, 1, 5),
        scopes={ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS},
    )
    account = DebtAccount(
        id=7,
        client_id=1,
        contract_number="HT-2024-0001",
        debt=Debt(
            id=7,
            creditor="某银行信用卡",
            lender_type=LenderType.BANK_CREDIT_CARD,
            outstanding_principal=Decimal("6000"),
            accrued_interest_and_penalties=Decimal("600"),
            remaining_months=12,
        ),
    )
    fields = {
        "client": Client(id=1, name="李四", consent=consent),
        "account": account,
        "accounts": (account,),
        "saved": SavedProposal(id=3, client_id=1, debt_id=7, proposal=TermExtension(months=12)),
        "budget": Budget(incomes=[Decimal("3000")], essential_costs={CostCategory.FOOD: 2000}),
    }
    return LetterInputs(**{**fields, **changes})


@pytest.mark.parametrize("lang", LANGS)
def test_without_consent_to_contact_lenders_there_is_no_letter(lang):
    only_store = Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA})
    with pytest.raises(LetterError) as refused:
        build_letter(
            _inputs(client=Client(id=1, name="李四", consent=only_store)), as_of=date(2026, 3, 1)
        )
    assert refused.value.code == "letter_needs_consent"
    assert model_error_lines(refused.value, lang) == [CONSENT_REFUSED[lang]]
    with pytest.raises(LetterError) as no_consent:
        build_letter(_inputs(client=Client(id=1, name="李四")), as_of=date(2026, 3, 1))
    assert model_error_lines(no_consent.value, lang) == [CONSENT_REFUSED[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_loading_a_letter_without_consent_is_refused_before_reading_the_rest(tmp_path, lang):
    with init_db(f"sqlite:///{tmp_path / 'none.db'}") as ws:
        client = services.clients.create(ws, ME, Client(name="赵六"))
        with pytest.raises(LetterError) as refused:
            load_letter_inputs(ws, client.id, 99)
    assert model_error_lines(refused.value, lang) == [CONSENT_REFUSED[lang]]


def test_no_budget_no_proposal_no_debt_each_said_in_both_languages(tmp_path):
    with pytest.raises(LetterError) as no_budget:
        build_letter(_inputs(budget=None), as_of=date(2026, 3, 1))
    assert no_budget.value.code == "letter_needs_budget"
    assert model_error_lines(no_budget.value, "zh-CN") == [
        "给贷款方的申请信：还没有收支预算。申请信要写明收入、必要支出和每月能还多少，"
        "请先在“还款能力”页填写。"
    ]
    consent = Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.CONTACT_LENDERS})
    with init_db(f"sqlite:///{tmp_path / 'none.db'}") as ws:
        client = services.clients.create(ws, ME, Client(name="赵六", consent=consent))
        account = services.debts.add(
            ws,
            ME,
            DebtAccount(
                client_id=client.id,
                debt=Debt(creditor="某平台", outstanding_principal="1000", remaining_months=3),
            ),
        )
        with pytest.raises(LetterError) as no_proposal:
            load_letter_inputs(ws, client.id, account.id)
        with pytest.raises(LetterError) as no_debt:
            load_letter_inputs(ws, client.id, account.id + 1)
    assert no_proposal.value.code == "letter_needs_proposal"
    assert model_error_lines(no_proposal.value, "en") == [
        "Letter to the lender: this debt has no saved proposal yet. Save the plan to put to the "
        "lender on the Proposals page first."
    ]
    assert model_error_lines(no_debt.value, "zh-CN") == [
        "给贷款方的申请信：该客户名下没有这笔债务。"
    ]


# --- other kinds of plan, and typed text as plain text ------------------------------------------


def _words(letter: Letter, lang: str) -> str:
    return "\n".join(
        "\n".join([b.text, *("\t".join(r) for r in (b.header, *b.rows) if r)])
        for b in compose(letter, lang)
    )


def test_a_settlement_in_two_parts_lists_each_part_and_the_rest_waived():
    parts = (
        SettlementPart(amount=Decimal("2000"), due_date=date(2026, 3, 20)),
        SettlementPart(amount=Decimal("2500.50"), due_date=date(2026, 4, 20)),
    )
    letter = build_letter(
        _inputs(
            saved=SavedProposal(
                id=3, client_id=1, debt_id=7, proposal=LumpSumSettlement(parts=parts)
            )
        ),
        as_of=date(2026, 3, 1),
    )
    assert (letter.terms.count, letter.terms.total, letter.terms.waived) == (
        2,
        Decimal("4500.50"),
        Decimal("2099.50"),  # 6,600 owed − 4,500.50
    )
    zh = _words(letter, "zh-CN")
    assert "分2笔共还款¥4,500.50结清本合同全部欠款" in zh
    assert "第1期 ¥2,000.00\n第2期 ¥2,500.50" in zh
    assert "申请减免金额\t¥2,099.50" in zh
    assert "1\t2026年3月20日\t¥2,000.00" in zh
    assert "2\t2026年4月20日\t¥2,500.50" in zh


def test_a_down_payment_is_listed_before_the_installments():
    letter = build_letter(
        _inputs(
            saved=SavedProposal(
                id=3,
                client_id=1,
                debt_id=7,
                proposal=DownPayment(amount=Decimal("600"), months=10),
            )
        ),
        as_of=date(2026, 3, 1),
    )
    zh = _words(letter, "zh-CN")
    assert "先一次性还款¥600.00，余款分10期按月偿还。" in zh
    assert "首付（2026年3月1日）\t¥600.00" in zh
    assert "首付\t2026年3月1日\t¥600.00" in zh
    assert "每期还款\t¥600.00" in zh  # 6,000 over 10 months at no interest
    assert "10\t2027年1月1日\t¥600.00" in zh


def test_typed_text_reaches_both_files_as_plain_text(tmp_path):
    """Control characters dropped, markup kept as the characters typed."""
    hostile = "说明\x00\x1b[31m **X** <b>b</b> ![i](http://127.0.0.1:9/p.png)\r\n第二行"
    inputs = _inputs(
        situations=(
            HardshipSituation(kind=SituationKind.OTHER, started_on=date(2026, 1, 1), note=hostile),
        ),
        account=_inputs().account.model_copy(
            update={
                "debt": _inputs().account.debt.model_copy(update={"creditor": "某银行<i>卡</i>"})
            }
        ),
    )
    letter = build_letter(inputs, as_of=date(2026, 3, 1))
    assert (
        letter.situations[0].note
        == "说明[31m **X** <b>b</b> ![i](http://127.0.0.1:9/p.png)\n第二行"
    )
    word = docx_text(render_docx(letter, "zh-CN"))
    assert "具体情况：说明[31m **X** <b>b</b> ![i](http://127.0.0.1:9/p.png)\n第二行" in word
    assert "致：某银行<i>卡</i>" in word
    if shutil.which("pdftotext"):
        text = pdf_text(render_pdf(letter, "zh-CN"), tmp_path)
        assert "**X** <b>b</b>" in text
        assert "致：某银行<i>卡</i>" in text


def test_make_letter_loads_and_builds_and_the_file_name_names_no_one(tmp_path):
    with init_db(f"sqlite:///{tmp_path / 'guide.db'}") as ws:
        client_id = seed_guide_case(ws)
        debt_id = services.debts.list_for_client(ws, ME, client_id)[0].id
        letter = make_letter(ws, client_id, debt_id, as_of=GUIDE_AS_OF)
        inputs = load_letter_inputs(ws, client_id, debt_id, as_of=GUIDE_AS_OF)
    assert letter == build_letter(inputs, as_of=GUIDE_AS_OF)
    assert (
        letter_file_name(letter, "zh-CN", ".docx")
        == f"letter-{client_id}-{debt_id}-2026-11-30.docx"
    )
    assert (
        letter_file_name(letter, "en", ".pdf") == f"letter-{client_id}-{debt_id}-2026-11-30-en.pdf"
    )


# --- the command line -----------------------------------------------------------------------


def _cli_with_letter():
    from cli import report as cli

    return cli


def test_the_command_line_writes_the_letter_or_says_why_not(tmp_path, capsys):
    cli = _cli_with_letter()
    url = f"sqlite:///{tmp_path / 'guide.db'}"
    with init_db(url) as ws:
        client_id = seed_guide_case(ws)
        debt_id = services.debts.list_for_client(ws, ME, client_id)[0].id
        other = services.clients.create(ws, ME, Client(name="赵六")).id
    common = ["--database", url, "--as-of", GUIDE_AS_OF.isoformat()]
    word, pdf = tmp_path / "letter.docx", tmp_path / "letter.pdf"
    assert cli.main([str(client_id), "--letter", str(debt_id), "--out", str(word), *common]) == 0
    assert cli.main([str(client_id), "--letter", str(debt_id), "--out", str(pdf), *common]) == 0
    assert "¥15,878.14" in docx_text(word.read_bytes())
    assert pdf.read_bytes().startswith(b"%PDF")
    assert word.stat().st_mode & 0o777 == 0o600
    capsys.readouterr()
    refused = [str(other), "--letter", str(debt_id), "--out", str(tmp_path / "x.docx")]
    assert cli.main([*refused, *common]) == 5
    assert capsys.readouterr().err == f"error: {CONSENT_REFUSED['zh-CN']}\n"
    assert cli.main([*refused, "--lang", "en", *common]) == 5
    assert capsys.readouterr().err == f"error: {CONSENT_REFUSED['en']}\n"
    assert not (tmp_path / "x.docx").exists()
    wrong = [str(client_id), "--letter", str(debt_id), "--out", str(tmp_path / "x.txt")]
    assert cli.main([*wrong, *common]) == 2
