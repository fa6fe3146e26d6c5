"""core.privacy: one scrubber per audience (issue 18).

Two property tests generate ID numbers (with a valid check character), mobiles, landlines,
bank cards and contract numbers in many spellings — spaces, hyphens, dots, full-width digits,
``+86`` / ``0086`` / ``(+86)``, mixed case, extensions — inside free text of Chinese and English
words, money, dates, percentages and short numbers, with the names the record holds:

- separated from their neighbours by punctuation or words, the output is exactly the text with
  each identifier replaced by what its audience may see of it (nothing but ``***`` for the
  client; the last 4 characters of an ID, mobile, landline or card, the whole contract number
  and the client's name for the lender; a contact's name shortened for both), so every figure,
  date and word around survives unchanged;
- run together with spaces and dashes, no 6 digits in a row of an identifier survive (the
  lender's last 4 are fewer), whatever else the scrubber takes for a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.clients import Client, ClientContact, Consent, ConsentScope, MaskKind, id_check_char, mask
from core.privacy import HIDDEN, TAIL_MARK, Audience, Known, scrub

CLIENT, LENDER = Audience.CLIENT, Audience.LENDER
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


# --- identifiers and their spellings -----------------------------------------------------------


@dataclass(frozen=True)
class Identifier:
    """One identifier as typed, and what each audience may see of it."""

    kind: str
    value: str  # the canonical digits (or letters and digits)
    typed: str
    client: str
    lender: str


def tail(value: str) -> str:
    return TAIL_MARK + value[-4:]


def group(value: str, sizes: list[int], seps: list[str]) -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(value[start : start + size])
        start += size
    if start < len(value):
        parts.append(value[start:])
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += seps[i % len(seps)] + part
    return out


separators = st.sampled_from([" ", "-", " - ", ".", "\u3000", "－", "  ", "—"])
wide = st.booleans()


@st.composite
def id_numbers(draw) -> Identifier:
    region = draw(st.sampled_from(["110101", "310104", "440305", "370102", "510107", "650102"]))
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2024, 12, 31)))
    body = region + born.strftime("%Y%m%d") + draw(st.from_regex(r"\A[0-9]{3}\Z"))
    value = body + id_check_char(body)
    sizes = draw(st.sampled_from([[18], [6, 8, 4], [6, 4, 4, 4], [3, 3, 4, 4, 4], [4] * 4]))
    seps = draw(st.lists(separators, min_size=1, max_size=3))
    typed = group(value, sizes, seps)
    if draw(st.booleans()):
        typed = typed.replace("X", "x")
    if draw(wide):
        typed = typed.translate(WIDE)
    return Identifier("id", value, typed, HIDDEN, tail(value))


@st.composite
def mobiles(draw) -> Identifier:
    value = "1" + draw(st.sampled_from("3456789")) + draw(st.from_regex(r"\A[0-9]{9}\Z"))
    sizes = draw(st.sampled_from([[11], [3, 4, 4], [3, 8], [3, 4]]))
    seps = draw(st.lists(separators, min_size=1, max_size=2))
    prefix = draw(st.sampled_from(["", "+86 ", "+86", "0086 ", "0086-", "(+86) ", "+86-", "86 "]))
    typed = prefix + group(value, sizes, seps)
    if draw(wide):
        typed = typed.translate(WIDE)
    return Identifier("mobile", value, typed, HIDDEN, tail(value))


@st.composite
def landlines(draw) -> Identifier:
    area = draw(st.sampled_from(["010", "021", "020", "0755", "0571", "0371"]))
    length = 8 if len(area) == 3 else draw(st.sampled_from([7, 8]))
    subscriber = draw(st.sampled_from("2345678")) + draw(
        st.from_regex(rf"\A[0-9]{{{length - 1}}}\Z")
    )
    spelled = draw(st.sampled_from([subscriber, subscriber[:4] + " " + subscriber[4:]]))
    form = draw(st.sampled_from(["{a}-{s}", "({a}) {s}", "{a} {s}", "（{a}）{s}", "+86 {i} {s}"]))
    typed = form.format(a=area, s=spelled, i=area[1:])
    typed += draw(st.sampled_from(["", " 转 802", "转12", " ext. 305", "-123"]))
    if draw(wide):
        typed = typed.translate(WIDE)
    return Identifier("landline", area + subscriber, typed, HIDDEN, tail(subscriber))


@st.composite
def bank_cards(draw) -> Identifier:
    length = draw(st.sampled_from([16, 17, 19]))
    value = draw(st.sampled_from(["62", "40", "52"])) + draw(
        st.from_regex(rf"\A[0-9]{{{length - 2}}}\Z")
    )
    sep = draw(st.sampled_from(["", " ", "-", "  "]))
    typed = group(value, [4, 4, 4, 4], [sep])
    return Identifier("card", value, typed, HIDDEN, tail(value))


@st.composite
def contract_numbers(draw, *, spaces: bool = False) -> Identifier:
    """Capital letters and 3 to 16 digits, in which no mobile or landline number hides."""
    letters = draw(st.text("ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=4))
    groups = draw(
        st.lists(st.from_regex(r"\A[0-9]{3,8}\Z"), min_size=1, max_size=2).filter(
            lambda groups: (
                not re.search(r"1[3-9][0-9]{9}", "".join(groups))
                and not re.fullmatch(r"0[0-9]{2,3}", groups[0])
            )  # nor a landline's area code
        )
    )
    joint = draw(st.sampled_from(["", "-", "_", "/"] + ([" "] if spaces else [])))
    typed = joint.join([letters, *groups]) if joint else letters + "-".join(groups)
    typed = draw(st.sampled_from([typed, typed.lower(), typed.title()]))
    return Identifier("contract", typed, typed, HIDDEN, typed)


identifiers = st.one_of(id_numbers(), mobiles(), landlines(), bank_cards(), contract_numbers())


# --- the text around them ----------------------------------------------------------------------

SURNAMES, GIVEN = "张王李赵钱孙周吴", "明强华丽伟芳敏静"
CJK_WORDS = ["还款", "协商", "客服说", "已核实", "请于", "回电", "合同", "逾期", "减免", "分期"]
CJK_WORDS += ["本人", "联系", "催收", "身份证", "手机", "卡号", "座机"]
EN_WORDS = ["call", "back", "agreed", "contract", "ID", "phone", "on", "due", "please", "card"]
EN_WORDS += ["COVID19", "5G", "the agent said"]
#: Between two segments: never a space or dash alone (that would join two numbers).
DELIMITERS = ["，", "。", "：", "；", "、", "（", "）", "\n", " 和 ", " and ", ", ", ": ", "说"]

money = st.one_of(
    st.integers(0, 99_999_999).map(lambda fen: f"¥{fen // 100:,}.{fen % 100:02d}"),
    st.integers(1, 9_999_999).map(lambda n: f"{n}元"),
    st.integers(1, 999).map(lambda n: f"{n / 10}万"),
    st.integers(1, 99_999).map(lambda n: f"RMB {n}"),
)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))
dates = st.one_of(
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    days.map(lambda d: f"{d.month}月{d.day}日"),
    days.map(lambda d: f"{d.year}/{d.month}/{d.day}"),
)
short_numbers = st.one_of(
    st.integers(1, 60).map(lambda n: f"第{n}期"),
    st.integers(1, 600).map(lambda n: f"{n}个月"),
    st.integers(0, 3600).map(lambda n: f"{n / 100}%"),
    st.integers(1, 999_999).map(lambda n: f"编号{n}号"),
)
fillers = st.one_of(st.sampled_from(CJK_WORDS + EN_WORDS), money, dates, short_numbers)
cjk_names = st.builds(
    lambda s, g: s + g,
    st.sampled_from(SURNAMES),
    st.text(GIVEN, min_size=1, max_size=2),
)


@dataclass(frozen=True)
class Case:
    known: Known
    segments: tuple[tuple[str, object], ...]  # ("text", str) | ("id", Identifier) | ("name", str)
    delimiters: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.join(lambda kind, item: item.typed if kind == "id" else item)

    def expected(self, audience: Audience) -> str:
        def shown(kind, item):
            if kind == "text":
                return item
            if kind == "name":
                if audience is LENDER and item == self.known.name:
                    return item
                return mask(MaskKind.NAME, item)
            return item.client if audience is CLIENT else item.lender

        return self.join(shown)

    def join(self, show) -> str:
        out = ""
        for i, (kind, item) in enumerate(self.segments):
            out += (self.delimiters[i - 1] if i else "") + show(kind, item)
        return out


@st.composite
def cases(draw) -> Case:
    names = draw(st.lists(cjk_names, min_size=1, max_size=3, unique=True))
    # No name inside another (张明 and 张明华 would be two people sharing a name).
    names = [n for n in names if not any(n != m and n in m for m in names)]
    found = draw(st.lists(identifiers, min_size=1, max_size=4))
    contracts = tuple(i.value for i in found if i.kind == "contract")
    known = Known(name=names[0], contacts=tuple(names[1:]), contract_numbers=contracts)
    segments: list[tuple[str, object]] = [("id", item) for item in found]
    segments += [("name", name) for name in draw(st.lists(st.sampled_from(names), max_size=2))]
    segments += [("text", text) for text in draw(st.lists(fillers, min_size=1, max_size=6))]
    order = draw(st.permutations(range(len(segments))))
    delimiters = draw(
        st.lists(
            st.sampled_from(DELIMITERS), min_size=len(segments) - 1, max_size=len(segments) - 1
        )
    )
    return Case(known, tuple(segments[i] for i in order), tuple(delimiters))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from(list(Audience)))
def test_each_audience_sees_exactly_what_it_may_and_everything_around_survives(case, audience):
    assert scrub(case.text, audience, case.known) == case.expected(audience)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_without_the_record_numbers_are_found_by_their_shape(case):
    # Unknown contract numbers are still found (by shape); names are not.
    known = Known()
    no_names = Case(
        known,
        tuple(s for s in case.segments if s[0] != "name"),
        case.delimiters,
    )
    assert scrub(no_names.text, CLIENT) == no_names.expected(CLIENT)
    assert scrub(no_names.text, LENDER) == no_names.expected(LENDER)


def digit_windows(text: str, size: int) -> set[str]:
    digits = re.sub(r"\D", "", text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return {digits[i : i + size] for i in range(len(digits) - size + 1)}


def cluster_windows(text: str, size: int) -> set[str]:
    """Windows of ``size`` digits within each run of digits, spaces, dashes and dots."""
    runs = re.findall(r"[0-9０-９][0-9０-９ \-－—.\u3000]*", text)
    return set().union(*(digit_windows(run, size) for run in runs)) if runs else set()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(identifiers, contract_numbers(spaces=True)), min_size=1, max_size=4),
    st.lists(fillers, max_size=5),
    st.lists(st.sampled_from([" ", "-", " - ", "，", "  ", "、"]), min_size=9, max_size=9),
    st.permutations(range(9)),
)
def test_run_together_no_six_digits_of_an_identifier_survive(found, around, joints, order):
    pieces = [item.typed for item in found] + list(around)
    pieces = [pieces[i] for i in order if i < len(pieces)]
    text = "".join(p + joints[i] for i, p in enumerate(pieces))
    contracts = [item.value for item in found if item.kind == "contract"]
    for audience in Audience:
        if audience is LENDER:
            # A number glued to a contract number by a dash reads as part of it, and the
            # lender keeps contract numbers whole: join with spaces and commas only.
            text = "".join(
                p + (" " if "-" in joints[i] else joints[i]) for i, p in enumerate(pieces)
            )
        # The lender's last 4 (****7651) are allowed: they never join the digits around them.
        shown = re.sub(r"\*{4}[0-9X]{4}", "#", scrub(text, audience))
        # What may be seen anyway: the figures around, and the contract numbers for the lender.
        seen = around + (contracts if audience is LENDER else [])
        leaked = set()
        for item in found:
            if audience is LENDER and item.kind == "contract":
                continue
            leaked |= digit_windows(item.value, 6) & cluster_windows(shown, 6)
        assert leaked <= digit_windows("，".join(seen), 6), (audience, text, shown)


# --- the issue's cases, exactly ------------------------------------------------------------------

CONSENT = Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA})
ZHANG = Client(
    name="张明",
    mobile="13912345678",
    id_number="110101199003077651",
    consent=CONSENT,
    contacts=(ClientContact(name="李秀英", relation="spouse"), ClientContact(name="王强")),
)
ZHANG_KNOWN = Known.of(ZHANG, contract_numbers=("LFQ2025031500123",), agent_ids=("FD2035",))


def test_known_of_a_client_holds_every_name_and_number_on_record():
    expected = Known(
        name="张明",
        contacts=("李秀英", "王强"),
        mobiles=("13912345678",),
        id_numbers=("110101199003077651",),
        contract_numbers=("LFQ2025031500123",),
        agent_ids=("FD2035",),
    )
    assert expected == ZHANG_KNOWN
    assert ZHANG_KNOWN.names == ("张明", "李秀英", "王强")
    assert Known.of(None, agent_ids=(" 8812 ", "")) == Known(agent_ids=("8812",))


@pytest.mark.parametrize(
    ("text", "client", "lender"),
    [
        # The issue's cases: a hyphenated contract number, an ID typed with spaces (it showed
        # 14 of 18 characters), the next action of the .ics.
        ("合同AXCF-2024-0091277已结清", "合同***已结清", "合同AXCF-2024-0091277已结清"),
        ("身份证 110101 19900307 7651", "身份证 ***", "身份证 ****7651"),
        ("回电 13912345678", "回电 ***", "回电 ****5678"),
        ("XF-2025-889900", "***", "XF-2025-889900"),
        ("身份证110101-1990-0307-765x。", "身份证***。", "身份证****765X。"),
        ("ID １１０１０１１９９００３０７７６５１ ok", "ID *** ok", "ID ****7651 ok"),
        ("手机 +86 139-1234-5678", "手机 ***", "手机 ****5678"),
        ("手机0086 139 1234 5678", "手机***", "手机****5678"),
        ("(+86)139.1234.5678", "***", "****5678"),
        ("单位电话010-12345678", "单位电话***", "单位电话****5678"),
        ("(021) 6123 4567 转 802", "***", "****4567"),
        ("0755-8888 6666，", "***，", "****6666，"),
        ("卡号6222 0212 3456 7890", "卡号***", "卡号****7890"),
        ("工号A123", "工号***", "工号A123"),
        ("官方客服 400-820-8820", "官方客服 400-820-8820", "官方客服 400-820-8820"),
    ],
)
def test_the_issues_spellings(text, client, lender):
    assert scrub(text, CLIENT) == client
    assert scrub(text, LENDER) == lender


SUMMARY = (
    "客服FD2035说合同LFQ2025031500123逾期，已联系张明的配偶李秀英（电话 0571-8765 4321），"
    "王强也接到电话；张明同意2026年12月15日前还¥661.59，3-5个工作日内回复，利率18%，分24期。"
)


def test_a_call_summary_for_the_client():
    assert scrub(SUMMARY, CLIENT, ZHANG_KNOWN) == (
        "客服***说合同***逾期，已联系张*的配偶李*英（电话 ***），"
        "王*也接到电话；张*同意2026年12月15日前还¥661.59，3-5个工作日内回复，利率18%，分24期。"
    )


def test_a_call_summary_for_the_lender():
    assert scrub(SUMMARY, LENDER, ZHANG_KNOWN) == (
        "客服FD2035说合同LFQ2025031500123逾期，已联系张明的配偶李*英（电话 ****4321），"
        "王*也接到电话；张明同意2026年12月15日前还¥661.59，3-5个工作日内回复，利率18%，分24期。"
    )


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize(
    "text",
    [
        "2026-04-01",
        "2026年4月1日",
        "4月1日前",
        "2026/4/1",
        "2026.04.01",
        "2024-2025年",
        "¥12,000.00",
        "￥500",
        "12000元",
        "12,000元",
        "3.5万",
        "RMB 300",
        "1,200.00",
        "12000.00",
        "利率18%",
        "0.05％",
        "第2期",
        "24个月",
        "3个工作日",
        "编号123456",
        "COVID19 and 5G stay",
        "14:30-15:00",
        "95188",
    ],
)
def test_figures_and_dates_survive_unchanged(text, audience):
    assert scrub(text, audience, ZHANG_KNOWN) == text


def test_the_numbers_on_record_are_found_in_any_spelling():
    known = Known.of(None, contract_numbers=("HT-8812",), agent_ids=("7021",))
    text = "工号 7021，合同 ht 8812，共还¥8,812.00"
    assert scrub(text, CLIENT, known) == "工号 ***，合同 ***，共还¥8,812.00"
    assert scrub(text, LENDER, known) == text


def test_the_records_mobile_and_id_reach_the_lender_by_their_last_four_only():
    text = "本人手机13912345678，身份证110101199003077651"
    assert scrub(text, LENDER, ZHANG_KNOWN) == "本人手机****5678，身份证****7651"


def test_an_english_name_on_record_is_found_in_any_case():
    client = Client(name="Li Ming", contacts=(ClientContact(name="Wang Fang"),))
    known = Known.of(client)
    text = "li ming said WANG FANG called; Li Mingyu did not"
    assert scrub(text, CLIENT, known) == "l*****g said W*******G called; Li Mingyu did not"
    assert scrub(text, LENDER, known) == "li ming said W*******G called; Li Mingyu did not"


def test_a_one_character_name_is_not_searched_for():
    known = Known(name="明")
    assert scrub("明天还款", CLIENT, known) == "明天还款"


def test_empty_text_stays_empty():
    assert scrub("", CLIENT) == ""
