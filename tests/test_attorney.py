"""The power of attorney (core.rules.attorney, report.attorney, report.attorney_docx,
report.attorney_pdf): the Word file read back with python-docx and the PDF with pdftotext, in
both languages, hold the client's full name and ID number, the counselor, the lender and the
contract number, each power given and each limit, and the validity dates exactly as
``i18n.format_date`` writes them; the PDF is one A4 page; without consent to contact lenders,
for another client's debt or for terms the rules refuse there is none, said in both languages.

The guide's case (``report.example.seed_guide_case``): 张明 (ID 110101199003071233), 来分期,
contract LFQ2025031500123, on 30 Nov 2026. The counselor 李娜 of 阳光债务咨询中心 is authorised
from 30 Nov 2026 for the default 6 months: to 29 May 2027 (the day before 30 May 2027).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pytest
import sqlalchemy as sa
from docx.oxml.ns import qn

import services
from core.access import Role
from core.calls import DebtAccount
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt
from core.rules.attorney import DEFAULT_SCOPE, AttorneyError, Scope, valid_until
from i18n import format_date
from i18n.errors import model_error_lines
from report.attorney import (
    Attorney,
    attorney_file_name,
    build_attorney,
    compose,
    make_attorney,
)
from report.attorney_docx import render_docx
from report.attorney_pdf import render_pdf
from report.example import (
    GUIDE_AS_OF,
    GUIDE_CONTRACT,
    GUIDE_ID_NUMBER,
    GUIDE_MOBILE,
    GUIDE_NAME,
    seed_guide_case,
)
from report.letter_docx import EAST_ASIAN_FONT
from services import LOCAL_USER
from services.actor import Actor
from services.errors import NotYoursError
from store import init_db
from store.orm import AccountRow

ME = LOCAL_USER
LANGS = ("zh-CN", "en")
COUNSELOR = "李娜"
ORG = "阳光债务咨询中心"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None, reason="no poppler"
)
BOTH_CONSENTS = frozenset({ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS})


# --- reading the files back -------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def pdf_text(data: bytes, folder: Path, name: str) -> str:
    path = folder / f"{name}.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout


def pdf_info(data: bytes, folder: Path, name: str) -> dict[str, str]:
    path = folder / f"{name}.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    pairs = (line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def flat(text: str, lang: str) -> str:
    """Lines joined again: a line broken next to a Chinese character is joined without a
    space (in the Chinese file), an English one
    (broken at a space) with one; the tab or spaces after an item's number become one space."""
    if lang == "zh-CN":
        text = re.sub(r"(?<=[^\x00-\x7f])[ \t]*\n[ \t]*|[ \t]*\n[ \t]*(?=[^\x00-\x7f])", "", text)
    return re.sub(r"\s+", " ", text)


# --- the guide's case ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    """The guide's case, another client with a debt of her own, and a client without consent
    to contact lenders."""
    url = f"sqlite:///{tmp_path_factory.mktemp('attorney') / 'guide.db'}"
    with init_db(url) as ws:
        client_id = seed_guide_case(ws)
        debt_id = services.debts.list_for_client(ws, ME, client_id)[0].id
        other = services.clients.create(
            ws,
            ME,
            Client(name="赵六", consent=Consent(given_on=GUIDE_AS_OF, scopes=BOTH_CONSENTS)),
        )
        other_debt = services.debts.add(
            ws,
            ME,
            DebtAccount(
                client_id=other.id,
                contract_number="ZS-2025-000111",
                debt=Debt(
                    creditor="招商银行信用卡", outstanding_principal="5000", remaining_months=6
                ),
            ),
        )
        only_store = services.clients.create(
            ws,
            ME,
            Client(
                name="钱七",
                consent=Consent(given_on=GUIDE_AS_OF, scopes={ConsentScope.STORE_PERSONAL_DATA}),
            ),
        )
        only_store_debt = services.debts.add(
            ws,
            ME,
            DebtAccount(
                client_id=only_store.id,
                debt=Debt(creditor="某平台", outstanding_principal="1000", remaining_months=3),
            ),
        )
        attorney = make_attorney(
            ws,
            client_id,
            debt_id,
            counselor_name=COUNSELOR,
            counselor_org=ORG,
            valid_from=GUIDE_AS_OF,
            as_of=GUIDE_AS_OF,
        )
        refusals = {}
        for name, args in (
            ("other_debt", (client_id, other_debt.id)),
            ("no_consent", (only_store.id, only_store_debt.id)),
        ):
            with pytest.raises(AttorneyError) as refused:
                make_attorney(
                    ws,
                    *args,
                    counselor_name=COUNSELOR,
                    counselor_org=ORG,
                    valid_from=GUIDE_AS_OF,
                    as_of=GUIDE_AS_OF,
                )
            refusals[name] = refused.value
        yield {
            "attorney": attorney,
            "client_id": client_id,
            "debt_id": debt_id,
            "refusals": refusals,
        }


@pytest.fixture(scope="module")
def files(guide, tmp_path_factory, artifacts):
    """Both files in both languages; kept in test-artifacts with each PDF's page as a PNG."""
    folder = tmp_path_factory.mktemp("attorney-files")
    out = {}
    for lang in LANGS:
        word = render_docx(guide["attorney"], lang)
        pdf = render_pdf(guide["attorney"], lang)
        (artifacts / f"attorney-{lang}.docx").write_bytes(word)
        (artifacts / f"attorney-{lang}.pdf").write_bytes(pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "80",
                    "-png",
                    str(artifacts / f"attorney-{lang}.pdf"),
                    str(artifacts / f"attorney-{lang}"),
                ],
                check=True,
            )
        has_poppler = shutil.which("pdftotext") and shutil.which("pdfinfo")
        out[lang] = {
            "word": word,
            "pdf": pdf,
            "docx": docx_text(word),
            "pdf_text": pdf_text(pdf, folder, lang) if has_poppler else "",
            "pdf_info": pdf_info(pdf, folder, lang) if has_poppler else {},
        }
    return out


def test_the_model_holds_the_client_the_counselor_the_lender_and_the_dates(guide):
    attorney = guide["attorney"]
    assert attorney == Attorney(
        client_id=guide["client_id"],
        debt_id=guide["debt_id"],
        dated=date(2026, 11, 30),
        client_name="张明",
        id_number="110101199003071233",
        creditor="来分期",
        product=attorney.product,
        contract_number="LFQ2025031500123",
        counselor_name=COUNSELOR,
        counselor_org=ORG,
        scope=(Scope.NEGOTIATE_PLAN, Scope.RECEIVE_INFORMATION, Scope.RECEIVE_REPLIES),
        months=6,
        valid_from=date(2026, 11, 30),
        valid_until=date(2027, 5, 29),
    )
    assert (GUIDE_NAME, GUIDE_ID_NUMBER, GUIDE_CONTRACT) == (
        "张明",
        "110101199003071233",
        "LFQ2025031500123",
    )
    assert not attorney.may_sign


#: What each file says, line by line, exactly (the dates as ``format_date`` writes them).
EXPECTED = {
    "zh-CN": (
        "授权委托书",
        "委托人：张明",
        "身份证号：110101199003071233",
        "受托人：李娜",
        "受托人所在机构：阳光债务咨询中心",
        "贷款方：来分期",
        "合同编号：LFQ2025031500123",
        "本人张明，现委托李娜作为本人的代理人，就本人在来分期的借款（合同编号：LFQ2025031500123），"
        "在下列权限范围内代表本人与来分期协商还款事宜。",
        "一、委托权限",
        "1. 就上述借款与贷款方协商还款方案（如延长期限、分期、停息挂账、减免利息和罚息），"
        "并向贷款方说明本人的困难情况和还款能力。",
        "2. 向贷款方了解和查询上述借款的欠款金额、还款记录和合同约定。",
        "3. 接收贷款方提出的还款方案和书面答复，并及时转交本人。",
        "二、权限限制",
        "1. 受托人无权代本人签署任何协议或文件；任何还款协议须由本人确认并亲自签署。",
        "2. 受托人不得以本人名义借款或承担任何新的债务，也不得代本人收取或经手任何款项；"
        "还款由本人直接支付至贷款方的官方还款账户。",
        "3. 受托人的协商不代替本人对还款方案的最终决定。",
        "三、委托期限",
        "本委托自2026年11月30日起至2027年5月29日止（6个月）。",
        "本人可随时以书面形式撤销本委托，撤销自贷款方收到书面通知之日起生效。",
        "委托人（签字）：________________",
        "受托人（签字）：________________",
        "日期：2026年11月30日",
    ),
    "en": (
        "Power of attorney",
        "English reading copy of the Chinese power of attorney, for the counselor to check; the "
        "client signs the Chinese version and the lender receives it.",
        "Principal (client): 张明",
        "ID number: 110101199003071233",
        "Agent (counselor): 李娜",
        "Agent's organisation: 阳光债务咨询中心",
        "Lender: 来分期",
        "Contract number: LFQ2025031500123",
        "I, 张明, appoint 李娜 as my agent to discuss the repayment of my loan with 来分期 "
        "(contract number: LFQ2025031500123) on my behalf, within the powers listed below.",
        "1. Powers given",
        "1. Negotiate a repayment plan for the loan with the lender (such as a longer term, "
        "installments, stopping interest, waiving interest and penalties) and explain my "
        "hardship and what I can afford.",
        "2. Ask for and receive information about the loan: what is owed, the repayment record "
        "and the contract's terms.",
        "3. Receive the lender's repayment proposals and written replies, and pass them on to "
        "me without delay.",
        "2. Limits",
        "1. The agent may not sign any agreement or document on my behalf: any repayment "
        "agreement is confirmed and signed by me.",
        "2. The agent may not borrow or take on any new debt in my name, nor receive or handle "
        "any money for me; I pay the lender directly into its official repayment account.",
        "3. What the agent negotiates does not replace my own final decision on the repayment "
        "plan.",
        "3. Validity",
        "This authorisation is valid from 30 Nov 2026 to 29 May 2027 (6 months).",
        "I may revoke this authorisation in writing at any time; the revocation takes effect "
        "on the day the lender receives the written notice.",
        "Principal (signature): ________________",
        "Agent (signature): ________________",
        "Date: 30 Nov 2026",
    ),
}


def test_the_dates_are_written_as_format_date_writes_them():
    assert [format_date(d, "zh-CN") for d in (date(2026, 11, 30), date(2027, 5, 29))] == [
        "2026年11月30日",
        "2027年5月29日",
    ]
    assert [format_date(d, "en") for d in (date(2026, 11, 30), date(2027, 5, 29))] == [
        "30 Nov 2026",
        "29 May 2027",
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf_text"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_file_says_every_line_exactly(files, fmt, lang):
    if fmt == "pdf_text" and not shutil.which("pdftotext"):
        pytest.skip("no pdftotext")
    text = flat(files[lang][fmt], lang)
    assert [line for line in EXPECTED[lang] if flat(line, lang) not in text] == []
    # the two signatures, each with the date
    date_line = "日期：2026年11月30日" if lang == "zh-CN" else "Date: 30 Nov 2026"
    assert text.count(date_line) == 2
    # nothing of the client beyond the name and the ID number
    assert GUIDE_MOBILE not in re.sub(r"\D", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_english_file_is_marked_as_a_reading_copy(files, lang):
    marked = "English reading copy" in files[lang]["docx"]
    assert marked is (lang == "en")


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_one_a4_page(files, lang):
    info = files[lang]["pdf_info"]
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("595.28 x 841.89 pts (A4)")


def test_the_word_file_is_a4_with_the_east_asian_font_in_every_run(files):
    document = docx.Document(io.BytesIO(files["zh-CN"]["word"]))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = {
        run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
        for paragraph in document.paragraphs
        for run in paragraph.runs
    }
    assert fonts == {EAST_ASIAN_FONT}
    assert document.core_properties.title == "授权委托书（来分期）"


def test_the_file_name_names_no_one(guide):
    attorney = guide["attorney"]
    prefix = f"attorney-{guide['client_id']}-{guide['debt_id']}-2026-11-30"
    assert attorney_file_name(attorney, "zh-CN", ".pdf") == f"{prefix}.pdf"
    assert attorney_file_name(attorney, "en", ".docx") == f"{prefix}-en.docx"


# --- scope and validity -------------------------------------------------------------------------


CONSENT = Consent(given_on=date(2026, 1, 5), scopes=BOTH_CONSENTS)
AS_OF = date(2026, 3, 10)


def _client(**changes) -> Client:
    fields = {"id": 1, "name": "李四", "id_number": None, "consent": CONSENT}
    return Client(**{**fields, **changes})


def _account(**changes) -> DebtAccount:
    fields = {
        "id": 7,
        "client_id": 1,
        "contract_number": "HT-2024-0001",
        "debt": Debt(creditor="某银行信用卡", outstanding_principal="6000", remaining_months=12),
    }
    return DebtAccount(**{**fields, **changes})


def _build(client: Client | None = None, account: DebtAccount | None = None, **terms):
    fields = {
        "counselor_name": COUNSELOR,
        "counselor_org": ORG,
        "valid_from": AS_OF,
        "as_of": AS_OF,
    }
    return build_attorney(client or _client(), account or _account(), **{**fields, **terms})


def _words(attorney: Attorney, lang: str) -> str:
    return "\n".join(block.text for block in compose(attorney, lang))


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 3, 10), 6, date(2026, 9, 9)),
        (date(2026, 3, 10), 1, date(2026, 4, 9)),
        (date(2026, 3, 10), 12, date(2027, 3, 9)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),  # no 31 Feb: the last day of February
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # a leap year
        (date(2026, 12, 1), 1, date(2026, 12, 31)),
    ],
)
def test_validity_ends_the_day_before_the_same_day_months_later(start, months, end):
    assert valid_until(start, months) == end


def test_the_default_scope_is_everything_but_signing():
    assert set(DEFAULT_SCOPE) == {
        Scope.NEGOTIATE_PLAN,
        Scope.RECEIVE_INFORMATION,
        Scope.RECEIVE_REPLIES,
    }


@pytest.mark.parametrize("lang", LANGS)
def test_signing_is_in_the_powers_only_when_ticked(lang, tmp_path):
    signing = {
        "zh-CN": "经本人事先书面确认后，代本人签署上述借款的还款协议。",
        "en": "Sign, on my behalf, a repayment agreement for the loan that I have confirmed in "
        "writing beforehand.",
    }[lang]
    no_signing = {
        "zh-CN": "受托人无权代本人签署任何协议或文件",
        "en": "The agent may not sign any agreement or document on my behalf",
    }[lang]
    default = _build()
    ticked = _build(scope={Scope.SIGN_AGREEMENT, Scope.NEGOTIATE_PLAN})
    assert ticked.scope == (Scope.NEGOTIATE_PLAN, Scope.SIGN_AGREEMENT)
    assert (signing in _words(default, lang), no_signing in _words(default, lang)) == (False, True)
    assert (signing in _words(ticked, lang), no_signing in _words(ticked, lang)) == (True, False)
    # whatever is ticked: no new debt, no money, revocable in writing
    for attorney in (default, ticked):
        words = _words(attorney, lang)
        assert ("不得以本人名义借款" if lang == "zh-CN" else "take on any new debt") in words
        assert ("随时以书面形式撤销" if lang == "zh-CN" else "revoke this authorisation") in words
    if shutil.which("pdftotext"):
        text = flat(pdf_text(render_pdf(ticked, lang), tmp_path, lang), lang)
        assert f"2. {flat(signing, lang)}" in text
        assert no_signing not in text


def test_typed_text_reaches_the_document_as_plain_text():
    attorney = _build(counselor_name=" 李\x00娜\x1b ", counselor_org="中心\r\n二部")
    assert (attorney.counselor_name, attorney.counselor_org) == ("李娜", "中心\n二部")


def test_an_id_number_not_on_record_is_left_to_fill_in():
    words = _words(_build(), "zh-CN")
    assert "身份证号：（请补填）" in words
    assert "合同编号：HT-2024-0001" in words


def test_every_power_ticked_and_long_names_still_fit_one_page(tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("no pdfinfo")
    attorney = _build(
        _client(name="欧阳明华", id_number=GUIDE_ID_NUMBER),
        _account(
            contract_number="JDJR-2024-000123456789",
            debt=Debt(
                creditor="重庆某某小额贷款有限公司（某某金条）",
                product="个人消费分期贷款",
                outstanding_principal="6000",
                remaining_months=12,
            ),
        ),
        counselor_name="司马晓东",
        counselor_org="某某市某某区法律援助与债务咨询服务中心（第二工作站）",
        months=12,
        scope=set(Scope),
    )
    for lang in LANGS:
        assert pdf_info(render_pdf(attorney, lang), tmp_path, lang)["Pages"] == "1"


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_at_the_limits_the_validity_and_the_signatures_stay_together(tmp_path, lang):
    attorney = _build(
        _client(name="欧阳" * 25, id_number="110101199003071233"),
        _account(
            contract_number="HT-" + "1234567890" * 4,
            debt=Debt(
                creditor="某某" * 25,
                product="循环贷" * 10,
                outstanding_principal="6000",
                remaining_months=12,
            ),
        ),
        counselor_name="李" * 50,
        counselor_org="阳光" * 50,
        months=12,
        scope=set(Scope),
    )
    data = render_pdf(attorney, lang)
    assert pdf_info(data, tmp_path, lang)["Pages"] == "2"
    path = tmp_path / "limits.pdf"
    path.write_bytes(data)
    last = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    words = (
        ("三、委托期限", "委托人（签字）", "受托人（签字）", "日期：2026年3月10日")
        if lang == "zh-CN"
        else ("3. Validity", "Principal (signature)", "Agent (signature)", "Date: 10 Mar 2026")
    )
    assert [word for word in words if word not in last] == []


# --- refusals -----------------------------------------------------------------------------------


CONSENT_REFUSED = {
    "zh-CN": "授权委托书：客户还没有同意由我们代其联系贷款方，因此不能生成授权委托书。"
    "请先在客户资料中记录这项同意。",
    "en": "Power of attorney: the client has not agreed that we contact lenders for them, so no "
    "power of attorney can be made. Record that consent on the client's record first.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_without_consent_to_contact_lenders_there_is_none(guide, lang):
    refused = guide["refusals"]["no_consent"]
    assert refused.code == "attorney_needs_consent"
    assert model_error_lines(refused, lang) == [CONSENT_REFUSED[lang]]
    only_store = Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA})
    for client in (_client(consent=only_store), _client(consent=None)):
        with pytest.raises(AttorneyError) as no_consent:
            _build(client)
        assert model_error_lines(no_consent.value, lang) == [CONSENT_REFUSED[lang]]


def test_another_clients_debt_is_refused(guide):
    refused = guide["refusals"]["other_debt"]
    assert refused.code == "attorney_no_debt"
    assert model_error_lines(refused, "zh-CN") == ["授权委托书：该客户名下没有这笔债务。"]
    assert model_error_lines(refused, "en") == ["Power of attorney: the client has no such debt."]
    with pytest.raises(AttorneyError) as built:
        _build(account=_account(client_id=2))
    assert built.value.code == "attorney_no_debt"


@pytest.mark.parametrize("months", [0, -1, 13, 24])
def test_months_outside_1_to_12_are_refused(months):
    with pytest.raises(AttorneyError) as refused:
        _build(months=months)
    assert refused.value.code == "attorney_months"
    assert model_error_lines(refused.value, "zh-CN") == ["授权委托书：委托期限须为1至12个月。"]
    assert model_error_lines(refused.value, "en") == [
        "Power of attorney: the authorisation lasts 1 to 12 months."
    ]


@pytest.mark.parametrize("months", [1, 12])
def test_1_and_12_months_are_accepted(months):
    assert _build(months=months).months == months


def test_a_start_more_than_30_days_back_is_refused_30_accepted():
    assert _build(valid_from=AS_OF - timedelta(days=30)).valid_from == date(2026, 2, 8)
    with pytest.raises(AttorneyError) as refused:
        _build(valid_from=AS_OF - timedelta(days=31))
    assert refused.value.code == "attorney_backdated"
    assert model_error_lines(refused.value, "zh-CN") == ["授权委托书：委托起始日最早只能是30天前。"]
    assert model_error_lines(refused.value, "en") == [
        "Power of attorney: the authorisation cannot start more than 30 days ago."
    ]


@pytest.mark.parametrize("name", ["", "   ", "\x00", "李" * 51])
def test_the_counselors_name_is_required_1_to_50_characters(name):
    with pytest.raises(AttorneyError) as refused:
        _build(counselor_name=name)
    assert refused.value.code == "attorney_counselor_name"
    assert model_error_lines(refused.value, "zh-CN") == [
        "授权委托书：请填写受托顾问的姓名（1至50个字）。"
    ]
    assert model_error_lines(refused.value, "en") == [
        "Power of attorney: enter the counselor's name (1 to 50 characters)."
    ]
    assert _build(counselor_name="李" * 50).counselor_name == "李" * 50


def test_the_organisation_is_at_most_100_characters_and_may_be_left_out():
    with pytest.raises(AttorneyError) as refused:
        _build(counselor_org="阳" * 101)
    assert refused.value.code == "attorney_counselor_org"
    attorney = _build(counselor_org="")
    assert "受托人所在机构" not in _words(attorney, "zh-CN")


def test_the_powers_must_include_negotiating():
    with pytest.raises(AttorneyError) as refused:
        _build(scope={Scope.RECEIVE_INFORMATION})
    assert refused.value.code == "attorney_needs_negotiation"
    assert model_error_lines(refused.value, "en") == [
        "Power of attorney: the powers must include negotiating the repayment plan: that is "
        "what the document is for."
    ]


def _counselor(ws, username: str) -> Actor:
    """A counselor's account, written with plain SQL (the accounts store is another module's)."""
    values = {
        "version": 1,
        "created_at": datetime(2026, 3, 1, tzinfo=UTC),
        "updated_at": datetime(2026, 3, 1, tzinfo=UTC),
        "username": username,
        "display_name": username,
        "role": Role.COUNSELOR.value,
        "password_hash": None,
        "disabled": False,
        "failed_sign_ins": 0,
    }
    with ws.engine.begin() as connection:
        result = connection.execute(sa.insert(AccountRow.__table__).values(**values))
        account_id = int(result.inserted_primary_key[0])
    return Actor(username, username, Role.COUNSELOR, account_id)


def test_the_records_are_read_as_the_acting_counselor(tmp_path):
    with init_db(f"sqlite:///{tmp_path / 'team.db'}") as ws:
        mine, theirs = _counselor(ws, "counselor.a"), _counselor(ws, "counselor.b")
        client = services.clients.create(ws, mine, _client(id=None))
        assert client.id is not None
        account = services.debts.add(ws, mine, _account(id=None, client_id=client.id))
        terms = {
            "counselor_name": COUNSELOR,
            "counselor_org": ORG,
            "valid_from": AS_OF,
            "as_of": AS_OF,
        }
        made = make_attorney(ws, client.id, account.id, actor=mine, **terms)
        assert (made.client_name, made.contract_number) == ("李四", "HT-2024-0001")
        with pytest.raises(NotYoursError):
            make_attorney(ws, client.id, account.id, actor=theirs, **terms)
