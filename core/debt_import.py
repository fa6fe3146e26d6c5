"""Debts read from a lender's export or a counselor's spreadsheet: cells in, debts out.

Pure: bytes or cell values in, :class:`ImportRow` s out — no file, no clock. Reading a ``.xlsx``
needs a file-like object, so ``services.debt_import`` unpacks the workbook into a
:class:`Grid` and hands it here; a CSV is decoded here (:func:`read_csv`).

The steps
---------
1. :func:`read_csv` (or ``services.debt_import.read_workbook``) gives a :class:`Grid`: the rows
   of cells, each cell with its value and, when the sheet hides its value, why
   (:class:`CellIssue`: a merged cell other than its top-left one, a formula saved without its
   result).
2. :func:`table_from_grid` finds the header row (the first of the first rows naming at least
   two known columns; a title line above it is skipped), keeps the data rows and refuses what
   cannot be a client's debts (:class:`ImportRefusedError`): an empty file, a header without
   rows, more than :data:`MAX_IMPORT_ROWS` rows.
3. :func:`suggest_mapping` maps each column to a :class:`Target` by its header, in Chinese or
   English (:data:`HEADER_ALIASES`, plus the caller's own, such as the template's headers);
   :func:`header_shape` names the header row so a mapping can be remembered for the next file
   of the same shape.
4. :func:`parse_rows` reads each row into a :class:`~core.calls.DebtAccount`, or says for each
   field what is wrong (:class:`Problem`, worded by the pages). What is read on a stated
   assumption (a rate without its kind read as annual, a daily rate without its day basis on
   360 days, an Excel serial number read as a date) is a note on the row, never silent.

Amounts
-------
``"12000"``, ``"12,000.00"``, ``"¥12,000.00"``, ``"12 000"``, ``"1.5万"``, ``"1.2w"``,
``"3千"``, ``"2k"``, ``"12000元"`` are read exactly (``Decimal``, to the fen); anything else —
``"1,2000"``, ``"1万5千"``, more than two decimals of a yuan — is refused with a message:
an amount is never guessed.

>>> parse_amount("1.5万"), parse_amount("¥12,000.00"), parse_amount("12 000")
(Decimal('15000.00'), Decimal('12000.00'), Decimal('12000.00'))

Rates
-----
A rate is a fraction as the :class:`~core.debts.Debt` model keeps it: ``"18%"`` and ``0.18``
are 0.18; ``"日息0.05%"`` is a daily quote of 0.0005; ``"18"`` (no per cent sign, above 1) is
refused rather than read as 18 or as 1800 %.

>>> parse_rate("日息0.05%")
RateCell(quote=Decimal('0.0005'), kind=<QuoteKind.DAILY: 'daily'>)

Dates
-----
A date cell, ``2025-01-15``, ``2025/1/15``, ``2025.1.15``, ``2025年1月15日``, ``20250115``, or
an Excel serial day number (``45658`` is 2025-01-01, counted from 1899-12-30).

>>> parse_date(45658)
datetime.date(2025, 1, 1)
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from core.calls import DebtAccount
from core.debts import Debt, LenderType
from core.errors import CoreError
from core.rates import QuoteKind
from core.schedules import Method

__all__ = [
    "DEFAULT_DAY_BASIS",
    "HEADER_ALIASES",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ROWS",
    "REQUIRED_TARGETS",
    "Cell",
    "CellError",
    "CellIssue",
    "Grid",
    "ImportRefusedError",
    "ImportRow",
    "Problem",
    "RateCell",
    "Table",
    "Target",
    "check_size",
    "decode_text",
    "header_shape",
    "missing_targets",
    "normalize_header",
    "parse_amount",
    "parse_date",
    "parse_rate",
    "parse_rows",
    "read_csv",
    "suggest_mapping",
    "table_from_grid",
]

#: The largest file accepted (5 MB, as an upload on the Data page).
MAX_IMPORT_BYTES = 5 * 1024 * 1024
#: The most debts one file may bring: more is not one client's debts (or not a debt list).
MAX_IMPORT_ROWS = 200
#: How many rows from the top may hold the header (title lines above it are skipped).
HEADER_SEARCH_ROWS = 10
#: The day basis a daily quote without one is read on (a note says so on the row).
DEFAULT_DAY_BASIS = 360
#: Excel's day 0 for serial dates (the 1900 system, after its 29 Feb 1900 that never was).
EXCEL_EPOCH = date(1899, 12, 30)
#: The first serial day Excel counts right (1900-03-01); the largest it knows (9999-12-31).
FIRST_SERIAL, LAST_SERIAL = 61, 2_958_465
FEN = Decimal("0.01")
#: How far a number cell may be from a fen (or a rate from 10 decimals) as binary noise.
FLOAT_NOISE = Decimal("0.000001")
RATE_PLACES = Decimal("1e-10")
_MIDNIGHT = dt_time(0, 0)
#: Cell values that mean "nothing here" in lenders' exports.
BLANKS = frozenset({"", "-", "--", "—", "——", "/", "无", "n/a", "none", "null"})
#: Excel's error values, as a sheet saved with them shows them.
EXCEL_ERRORS = frozenset(
    {"#n/a", "#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!"}
)


class Target(StrEnum):
    """A field a column can fill (a :class:`~core.debts.Debt` field, the contract number, or
    the parts of a quoted rate)."""

    CREDITOR = "creditor"
    LENDER_TYPE = "lender_type"
    PRODUCT = "product"
    CONTRACT_NUMBER = "contract_number"
    CONTRACT_DATE = "contract_date"
    OUTSTANDING_PRINCIPAL = "outstanding_principal"
    OVERDUE_AMOUNT = "overdue_amount"
    DAYS_OVERDUE = "days_overdue"
    ACCRUED = "accrued_interest_and_penalties"
    RATE = "rate_quote"
    RATE_KIND = "rate_kind"
    DAY_BASIS = "day_basis"
    PENALTY_RATE = "penalty_rate"
    METHOD = "method"
    REMAINING_MONTHS = "remaining_months"
    NEXT_DUE_DATE = "next_due_date"
    OTHER_CHARGES = "other_monthly_charges"
    AMOUNT_RECEIVED = "amount_received"
    ORIGINAL_PRINCIPAL = "original_principal"
    ORIGINAL_MONTHS = "original_months"


#: Without these columns no row can be a debt.
REQUIRED_TARGETS = (Target.CREDITOR, Target.OUTSTANDING_PRINCIPAL, Target.REMAINING_MONTHS)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Header names lenders and counselors use, normalised (:func:`normalize_header`). A header
#: equal to one maps to its target; otherwise the longest name it contains wins ("逾期本金" is
#: the overdue amount, not the principal).
HEADER_ALIASES: Mapping[Target, tuple[str, ...]] = {
    Target.CREDITOR: _words(
        "债权机构 债权人 机构 平台 贷款机构 借款平台 出借人 贷款平台 银行 发卡行 机构名称 平台名称 "
        "creditor lender platform bank"
    ),
    Target.LENDER_TYPE: _words("机构类型 债权类型 类型 lendertype type"),
    Target.PRODUCT: _words("产品 产品名称 借款产品 product"),
    Target.CONTRACT_NUMBER: _words(
        "合同号 合同编号 借款合同号 订单号 借据号 账号 卡号 "
        "contract contractnumber contractno orderno loanid"
    ),
    Target.CONTRACT_DATE: _words("合同日期 借款日期 放款日期 签约日期 contractdate loandate"),
    Target.OUTSTANDING_PRINCIPAL: _words(
        "剩余本金 待还本金 未还本金 本金余额 剩余未还本金 本金 欠款本金 principal outstanding "
        "outstandingprincipal principalleft balance"
    ),
    Target.OVERDUE_AMOUNT: _words("逾期金额 逾期本金 逾期欠款 overdue overdueamount"),
    Target.DAYS_OVERDUE: _words("逾期天数 逾期日数 dayspastdue daysoverdue dpd"),
    Target.ACCRUED: _words(
        "已产生息费 息费 已产生的利息和罚息 利息罚息 应还利息 未还利息 罚息金额 "
        "accrued accruedinterest interestandpenalties"
    ),
    Target.RATE: _words(
        "利率 年化利率 年利率 日利率 月利率 月费率 费率 日息 月息 年化 报价利率 "
        "rate interestrate apr annualrate dailyrate monthlyrate quotedrate"
    ),
    Target.RATE_KIND: _words("报价方式 利率类型 计息方式 ratekind quotedas ratetype"),
    Target.DAY_BASIS: _words("计息天数 年计息天数 daybasis daycount"),
    Target.PENALTY_RATE: _words("罚息利率 罚息率 逾期利率 penaltyrate defaultrate"),
    Target.METHOD: _words("还款方式 repaymentmethod method"),
    Target.REMAINING_MONTHS: _words(
        "剩余期数 剩余期限 未还期数 待还期数 剩余月数 remainingmonths monthsleft remainingterm "
        "termleft"
    ),
    Target.NEXT_DUE_DATE: _words(
        "下次还款日 下期还款日 还款日 下个还款日 最近还款日 到期日 nextduedate nextdue duedate"
    ),
    Target.OTHER_CHARGES: _words("其他每月费用 每月其他费用 月服务费 othermonthlycharges"),
    Target.AMOUNT_RECEIVED: _words("实际到手金额 到手金额 实收金额 amountreceived"),
    Target.ORIGINAL_PRINCIPAL: _words(
        "原借款本金 借款本金 借款金额 合同金额 originalprincipal loanamount"
    ),
    Target.ORIGINAL_MONTHS: _words("原借款期数 借款期数 总期数 originalmonths originalterm"),
}

#: Words in a rate's header or cell that say how it is quoted (checked in this order: "月费率"
#: before "月").
KIND_WORDS: tuple[tuple[str, QuoteKind], ...] = (
    ("月费率", QuoteKind.MONTHLY_FEE),
    ("手续费", QuoteKind.MONTHLY_FEE),
    ("费率", QuoteKind.MONTHLY_FEE),
    ("monthlyfee", QuoteKind.MONTHLY_FEE),
    ("fee", QuoteKind.MONTHLY_FEE),
    ("日", QuoteKind.DAILY),
    ("daily", QuoteKind.DAILY),
    ("perday", QuoteKind.DAILY),
    ("day", QuoteKind.DAILY),
    ("月", QuoteKind.MONTHLY),
    ("monthly", QuoteKind.MONTHLY),
    ("permonth", QuoteKind.MONTHLY),
    ("month", QuoteKind.MONTHLY),
    ("年", QuoteKind.ANNUAL),
    ("annual", QuoteKind.ANNUAL),
    ("apr", QuoteKind.ANNUAL),
    ("pa", QuoteKind.ANNUAL),
    ("year", QuoteKind.ANNUAL),
)

#: Values of a lender-type, rate-kind or method column beyond the labels the pages show
#: (which the caller passes in: see :func:`parse_rows`).
CHOICE_ALIASES: Mapping[Target, Mapping[str, StrEnum]] = {
    Target.LENDER_TYPE: {
        "信用卡": LenderType.BANK_CREDIT_CARD,
        "银行": LenderType.BANK_LOAN,
        "消费金融": LenderType.CONSUMER_FINANCE,
        "消金": LenderType.CONSUMER_FINANCE,
        "网贷": LenderType.ONLINE_PLATFORM,
        "网络贷款": LenderType.ONLINE_PLATFORM,
        "小贷": LenderType.MICROLOAN,
        "小额贷款": LenderType.MICROLOAN,
        "其他": LenderType.OTHER,
        "民间借贷": LenderType.OTHER,
    },
    Target.RATE_KIND: {
        "年": QuoteKind.ANNUAL,
        "年化": QuoteKind.ANNUAL,
        "月": QuoteKind.MONTHLY,
        "月息": QuoteKind.MONTHLY,
        "日": QuoteKind.DAILY,
        "日息": QuoteKind.DAILY,
        "月费率": QuoteKind.MONTHLY_FEE,
        "手续费": QuoteKind.MONTHLY_FEE,
        "fee": QuoteKind.MONTHLY_FEE,
    },
    Target.METHOD: {},
}


class ImportRefusedError(CoreError):
    """A file that cannot be imported at all (``field`` is ``"file"``); the ``code`` says why:
    ``import_too_large``, ``import_empty``, ``import_header_only``, ``import_too_many_rows``,
    ``import_unreadable``, ``import_old_excel``, ``import_no_sheet``."""

    code = "import_invalid"

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__("file", message, code=code, params=params)


class CellIssue(StrEnum):
    """Why a sheet's cell shows no value although the sheet may mean one."""

    MERGED = "merged"  # inside a merged range, not its top-left cell: the value is there only
    FORMULA_NO_VALUE = "formula_no_value"  # a formula saved without its result


@dataclass(frozen=True)
class Cell:
    """One cell: a ``str`` (CSV), or what a workbook holds (number, date, text, ``None``)."""

    value: Any = None
    issue: CellIssue | None = None


#: The rows of a sheet or CSV file, as cells, in file order (blank rows included).
Grid = Sequence[Sequence[Cell]]


@dataclass(frozen=True)
class TableRow:
    #: The row's number in the file (1 = the first line or sheet row).
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """The header row and the data rows under it (blank rows left out)."""

    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    header_line: int = 1
    #: How a CSV file was decoded (``None`` for a workbook).
    encoding: str | None = None


@dataclass(frozen=True)
class Problem:
    """Why a field of a row cannot be read (``code``, worded by the page with ``params``), or
    what was assumed to read it (a note)."""

    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class ImportRow:
    """One data row: the debt it makes, or what is wrong with it."""

    line: int
    #: The row's cells as text, by column (for the preview).
    values: tuple[str, ...]
    account: DebtAccount | None = None
    #: Fields that could not be read (no debt is built then).
    problems: tuple[Problem, ...] = ()
    #: The model's refusal of the values read (a ``ValidationError`` or ``CoreError``).
    error: ValidationError | CoreError | None = None
    #: Assumptions made to read the row (it is valid nonetheless).
    notes: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return self.account is not None


@dataclass(frozen=True)
class RateCell:
    """A rate as read from a cell: the fraction, and its kind when the cell says it."""

    quote: Decimal
    kind: QuoteKind | None = None


# --- reading a CSV file ------------------------------------------------------------------------


def check_size(data: bytes) -> None:
    """Refuse a file above :data:`MAX_IMPORT_BYTES` (``import_too_large``, with ``max_mb``)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefusedError(
            "import_too_large",
            f"{len(data)} bytes, above the {MAX_IMPORT_BYTES} accepted",
            max_mb=MAX_IMPORT_BYTES // (1024 * 1024),
        )


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-16 with its byte-order mark, else UTF-8
    (with or without a BOM), else GB18030 (which reads GBK and GB2312: what a Chinese Excel
    saves as "CSV"). Bytes that are none of them are ``import_unreadable``.

    >>> decode_text("机构".encode("gbk"))
    ('机构', 'gb18030')
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    raise ImportRefusedError("import_unreadable", "not a text file in UTF-8, UTF-16 or GB18030")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (",", "\t", ";", "，")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(data: bytes) -> tuple[Grid, str]:
    """The cells of a CSV (or tab-separated) file and its encoding (see :func:`decode_text`);
    the separator is the one the first line uses most (``,`` ``\\t`` ``;`` or ``，``)."""
    check_size(data)
    text, encoding = decode_text(data)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=_delimiter(text))
    try:
        grid = [[Cell(value) for value in row] for row in reader]
    except csv.Error as exc:
        raise ImportRefusedError("import_unreadable", f"not a CSV file: {exc}") from None
    return grid, encoding


# --- the header row ----------------------------------------------------------------------------


def normalize_header(text: object) -> str:
    """A header as aliases are matched: full-width to half-width, lower case, without spaces,
    brackets and punctuation ("剩余本金（元）" → "剩余本金元").

    >>> normalize_header(" Next Due-Date ")
    'nextduedate'
    """
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).lower()
    return re.sub(r"[\s()\[\]【】{}<>《》:：*_\-/\\.,，、;；'\"“”‘’#№%]+", "", folded)


def _is_blank(cell: Cell) -> bool:
    """Whether the cell holds nothing (a formula without its saved value holds something)."""
    if cell.issue is CellIssue.FORMULA_NO_VALUE:
        return False
    value = cell.value
    return value is None or (isinstance(value, str) and not value.strip())


def _match(header: str, aliases: Mapping[str, Target]) -> tuple[Target, int] | None:
    """The target ``header`` names, with how well (an exact match beats any contained one)."""
    if not header:
        return None
    if header in aliases:
        return aliases[header], 10_000
    found = [(len(alias), target) for alias, target in aliases.items() if alias in header]
    if not found:
        return None
    length, target = max(found, key=lambda item: item[0])
    return target, length


def _alias_table(extra: Mapping[str, Target] | None) -> dict[str, Target]:
    table = {alias: target for target, names in HEADER_ALIASES.items() for alias in names}
    for name, target in (extra or {}).items():
        key = normalize_header(name)
        if key:
            table[key] = target
    return table


def suggest_mapping(
    headers: Sequence[str], extra: Mapping[str, Target] | None = None
) -> dict[int, Target]:
    """Each column's target by its header (column index → target); each target at most once,
    to the column that names it best (the leftmost of equals). ``extra`` adds header names
    (the template's, in every language) to :data:`HEADER_ALIASES`.

    >>> suggest_mapping(["机构", "剩余本金(元)", "逾期本金", "剩余期数"])
    {0: <Target.CREDITOR: 'creditor'>, 1: <Target.OUTSTANDING_PRINCIPAL: 'outstanding_principal'>, 2: <Target.OVERDUE_AMOUNT: 'overdue_amount'>, 3: <Target.REMAINING_MONTHS: 'remaining_months'>}
    """  # noqa: E501
    aliases = _alias_table(extra)
    best: dict[Target, tuple[int, int]] = {}
    for index, header in enumerate(headers):
        found = _match(normalize_header(header), aliases)
        if found is None:
            continue
        target, score = found
        if target not in best or score > best[target][1]:
            best[target] = (index, score)
    return dict(sorted((index, target) for target, (index, _) in best.items()))


def header_shape(headers: Sequence[str]) -> str:
    """A name for the header row (its normalised headers, hashed): files of the same shape —
    the same lender's export — share it, so their mapping can be remembered."""
    text = "\x1f".join(normalize_header(header) for header in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def missing_targets(mapping: Mapping[int, Target | None]) -> list[Target]:
    """The :data:`REQUIRED_TARGETS` no column is mapped to."""
    mapped = set(mapping.values())
    return [target for target in REQUIRED_TARGETS if target not in mapped]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value == datetime.combine(value.date(), _MIDNIGHT):
        return value.date().isoformat()
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value).strip()


def table_from_grid(grid: Grid, *, encoding: str | None = None) -> Table:
    """The header row and the data rows of ``grid`` (see the module docstring).

    Refused (:class:`ImportRefusedError`): nothing in it (``import_empty``), a header without
    a row under it (``import_header_only``), more than :data:`MAX_IMPORT_ROWS` data rows
    (``import_too_many_rows``, with ``max`` and ``count``).
    """
    filled = [
        (line, tuple(row)) for line, row in enumerate(grid, 1) if any(not _is_blank(c) for c in row)
    ]
    if not filled:
        raise ImportRefusedError("import_empty", "the file holds no values")
    aliases = _alias_table(None)
    header_at = 0
    for position, (_, row) in enumerate(filled[:HEADER_SEARCH_ROWS]):
        named = {_match(normalize_header(_text(c.value)), aliases) for c in row} - {None}
        if len(named) >= 2:
            header_at = position
            break
    header_line, header_row = filled[header_at]
    width = max(
        (index + 1 for index, cell in enumerate(header_row) if not _is_blank(cell)), default=0
    )
    data = filled[header_at + 1 :]
    for _, row in data:
        width = max(
            width, max((i + 1 for i, cell in enumerate(row) if not _is_blank(cell)), default=0)
        )
    if not data:
        raise ImportRefusedError("import_header_only", "a header row and no rows under it")
    if len(data) > MAX_IMPORT_ROWS:
        raise ImportRefusedError(
            "import_too_many_rows",
            f"{len(data)} rows, more than the {MAX_IMPORT_ROWS} accepted",
            max=MAX_IMPORT_ROWS,
            count=len(data),
        )

    def padded(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return (row + (Cell(),) * width)[:width]

    headers = tuple(_text(cell.value) for cell in padded(header_row))
    rows = tuple(TableRow(line, padded(row)) for line, row in data)
    return Table(headers, rows, header_line, encoding)


# --- reading values ----------------------------------------------------------------------------


class CellError(ValueError):
    """Why a cell cannot be read: a ``code`` (``not_an_amount``, ``too_precise``,
    ``not_a_whole_number``, ``not_a_rate``, ``rate_needs_percent``, ``not_a_date``,
    ``not_a_choice``) and the ``params`` its text needs (the cell's ``value``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


_MULTIPLIERS = {
    "万": Decimal(10_000),
    "w": Decimal(10_000),
    "千": Decimal(1000),
    "k": Decimal(1000),
    "亿": Decimal(100_000_000),
}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?")


def _number_text(value: Any, code: str) -> Decimal:
    """An exact number from a cell (float cells through their shortest repr)."""
    if isinstance(value, bool):
        raise CellError(code, value=str(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError(code, value=str(value))
        return Decimal(repr(value))
    raise CellError(code, value=_text(value))


def parse_amount(value: Any) -> Decimal:
    """An amount of money in yuan, exact to the fen (see the module docstring); a
    :class:`ValueError` whose ``code`` is ``not_an_amount`` or ``too_precise`` otherwise.

    >>> parse_amount("3千"), parse_amount("1.2w"), parse_amount(12000.5)
    (Decimal('3000.00'), Decimal('12000.00'), Decimal('12000.50'))
    """
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower()
        shown = value.strip()
        for prefix in ("¥", "rmb", "cny", "人民币"):
            text = text.removeprefix(prefix).strip()
        text = text.removesuffix("元").strip()
        multiplier = Decimal(1)
        if text and text[-1] in _MULTIPLIERS:
            multiplier = _MULTIPLIERS[text[-1]]
            text = text[:-1].strip()
        text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
        if "," in text or " " in text:
            if not _GROUPED.fullmatch(text):
                raise CellError("not_an_amount", value=shown)
            text = text.replace(",", "").replace(" ", "")
        if not _NUMBER.fullmatch(text):
            raise CellError("not_an_amount", value=shown)
        amount = Decimal(text) * multiplier
    else:
        amount = _number_text(value, "not_an_amount")
        shown = _text(value)
        if isinstance(value, float) and abs(amount - amount.quantize(FEN)) < FLOAT_NOISE:
            amount = amount.quantize(FEN)  # 13200.000000000002 from a formula is 13,200.00
    if amount != amount.quantize(FEN, rounding="ROUND_DOWN"):
        raise CellError("too_precise", value=shown)
    return amount.quantize(FEN)


def _whole_number(value: Any, suffixes: tuple[str, ...]) -> int:
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower()
        for suffix in suffixes:
            if text.endswith(suffix):
                text = text.removesuffix(suffix).strip()
                break
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise CellError("not_a_whole_number", value=value.strip()) from None
    else:
        number = _number_text(value, "not_a_whole_number")
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError("not_a_whole_number", value=_text(value))
    return int(number)


_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CHINESE_DIGITS |= {"八": 8, "九": 9}
_PER_TEN_THOUSAND = re.compile(r"(?:万分之|万)([一二两三四五六七八九]|\d+(?:\.\d+)?)")


def _kind_in(text: str) -> QuoteKind | None:
    for word, kind in KIND_WORDS:
        if word in text:
            return kind
    return None


def parse_rate(value: Any) -> RateCell:
    """A rate as a fraction, with its kind when the cell states it ("日息0.05%", "年化18%");
    see the module docstring. A ``ValueError`` (code ``not_a_rate`` or ``rate_needs_percent``)
    otherwise.

    >>> parse_rate("18%"), parse_rate(0.18)
    (RateCell(quote=Decimal('0.18'), kind=None), RateCell(quote=Decimal('0.18'), kind=None))
    """
    if not isinstance(value, str):
        number = _number_text(value, "not_a_rate")
        if isinstance(value, float) and number != number.quantize(RATE_PLACES):
            number = number.quantize(RATE_PLACES).normalize()  # 0.18000000000000002 is 0.18
        if number >= 1:
            raise CellError("rate_needs_percent", value=_text(value))
        return RateCell(number)
    shown = value.strip()
    text = unicodedata.normalize("NFKC", value).lower()
    text = normalize_header(text.replace("%", "pct").replace("‰", "pml").replace(".", "dot"))
    text = text.replace("pct", "%").replace("pml", "‰").replace("dot", ".")
    kind = _kind_in(re.sub(r"\d+(?:\.\d+)?|[%‰.\s]", "", text))
    per_ten_thousand = _PER_TEN_THOUSAND.search(text)
    if per_ten_thousand:
        digit = per_ten_thousand.group(1)
        count = Decimal(_CHINESE_DIGITS[digit]) if digit in _CHINESE_DIGITS else Decimal(digit)
        return RateCell(count / 10_000, kind)
    numbers = re.findall(r"\d+(?:\.\d+)?|\.\d+", text)
    if len(numbers) != 1:
        raise CellError("not_a_rate", value=shown)
    number = Decimal(numbers[0])
    if "%" in text:
        return RateCell(number / 100, kind)
    if "‰" in text:
        return RateCell(number / 1000, kind)
    if number >= 1:
        raise CellError("rate_needs_percent", value=shown)
    return RateCell(number, kind)


_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def _serial_date(number: Decimal, shown: str) -> date:
    day = int(number)  # a serial with a time of day: the day it falls on
    if not FIRST_SERIAL <= day <= LAST_SERIAL:
        raise CellError("not_a_date", value=shown)
    return EXCEL_EPOCH + timedelta(days=day)


def parse_date(value: Any) -> date:
    """A date from a date cell, a written date or an Excel serial day (see the module
    docstring); a ``ValueError`` with code ``not_a_date`` otherwise (``3/4/2025`` included:
    day and month cannot be told apart).

    >>> parse_date("2025年1月15日"), parse_date("46000")
    (datetime.date(2025, 1, 15), datetime.date(2025, 12, 9))
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower()
        for pattern in _DATE_PATTERNS:
            found = pattern.fullmatch(text)
            if found:
                year, month, day = (int(part) for part in found.groups())
                try:
                    return date(year, month, day)
                except ValueError:
                    raise CellError("not_a_date", value=value.strip()) from None
        if re.fullmatch(r"\d{1,7}(\.\d+)?", text):
            return _serial_date(Decimal(text), value.strip())
        raise CellError("not_a_date", value=value.strip())
    return _serial_date(_number_text(value, "not_a_date"), _text(value))


def _is_serial(value: Any) -> bool:
    if isinstance(value, bool | date | datetime):
        return False
    if isinstance(value, int | float | Decimal):
        return True
    return isinstance(value, str) and bool(re.fullmatch(r"\s*\d{1,7}(\.\d+)?\s*", value))


def _choice(value: Any, target: Target, labels: Mapping[str, StrEnum]) -> StrEnum:
    key = normalize_header(value)
    table = {normalize_header(k): v for k, v in CHOICE_ALIASES[target].items()}
    table |= {normalize_header(k): v for k, v in labels.items()}
    enum: type[StrEnum] = {
        Target.LENDER_TYPE: LenderType,
        Target.RATE_KIND: QuoteKind,
        Target.METHOD: Method,
    }[target]
    table |= {normalize_header(member.value): member for member in enum}
    if key in table:
        return table[key]
    raise CellError("not_a_choice", value=_text(value))


# --- rows into debts ---------------------------------------------------------------------------

_AMOUNTS = (
    Target.OUTSTANDING_PRINCIPAL,
    Target.OVERDUE_AMOUNT,
    Target.ACCRUED,
    Target.OTHER_CHARGES,
    Target.AMOUNT_RECEIVED,
    Target.ORIGINAL_PRINCIPAL,
)
_WHOLE = {
    Target.DAYS_OVERDUE: ("天", "日", "days", "day", "d"),
    Target.REMAINING_MONTHS: ("个月", "期", "月", "months", "month", "m"),
    Target.ORIGINAL_MONTHS: ("个月", "期", "月", "months", "month", "m"),
    Target.DAY_BASIS: ("天", "days"),
}
_DATES = (Target.CONTRACT_DATE, Target.NEXT_DUE_DATE)
_CHOICES = (Target.LENDER_TYPE, Target.RATE_KIND, Target.METHOD)


def _read_cell(
    target: Target, value: Any, labels: Mapping[Target, Mapping[str, StrEnum]]
) -> tuple[Any, Problem | None]:
    """The value of ``target`` in a non-blank cell, and a note if it was read on an assumption."""
    if target in _AMOUNTS:
        return parse_amount(value), None
    if target in _WHOLE:
        return _whole_number(value, _WHOLE[target]), None
    if target in _DATES:
        note = None
        read = parse_date(value)
        if _is_serial(value):
            note = Problem(target.value, "serial_date", {"value": _text(value), "date": read})
        return read, note
    if target in _CHOICES:
        return _choice(value, target, labels.get(target, {})), None
    if target in (Target.RATE, Target.PENALTY_RATE):
        return parse_rate(value), None
    return _text(value), None


def _header_kind(header: str) -> QuoteKind | None:
    return _kind_in(normalize_header(header))


def _cell_blank(cell: Cell) -> bool:
    value = cell.value
    return value is None or (isinstance(value, str) and normalize_header(value) in BLANKS)


def _penalty_as_annual(rate: RateCell, notes: list[Problem]) -> Decimal:
    if rate.kind is QuoteKind.MONTHLY:
        return rate.quote * 12
    if rate.kind is QuoteKind.DAILY:
        notes.append(
            Problem(Target.PENALTY_RATE.value, "day_basis_assumed", {"basis": DEFAULT_DAY_BASIS})
        )
        return rate.quote * DEFAULT_DAY_BASIS
    if rate.kind is QuoteKind.MONTHLY_FEE:
        raise CellError("not_a_rate", value=str(rate.quote))
    return rate.quote


def parse_row(
    row: TableRow,
    headers: Sequence[str],
    mapping: Mapping[int, Target | None],
    client_id: int,
    labels: Mapping[Target, Mapping[str, StrEnum]] | None = None,
) -> ImportRow:
    """One data row read through ``mapping`` (see :func:`parse_rows`)."""
    labels = labels or {}
    values = tuple(_text(cell.value) for cell in row.cells)
    read: dict[Target, Any] = {}
    problems: list[Problem] = []
    notes: list[Problem] = []
    seen: set[Target] = set()
    for index, target in sorted(mapping.items()):
        if target is None or target in seen or index >= len(row.cells):
            continue
        seen.add(target)
        cell = row.cells[index]
        if cell.issue is not None:
            problems.append(Problem(target.value, cell.issue.value, {"column": headers[index]}))
            continue
        if _cell_blank(cell):
            if target in REQUIRED_TARGETS:
                problems.append(Problem(target.value, "missing"))
            continue
        if isinstance(cell.value, str) and normalize_header(cell.value) in EXCEL_ERRORS:
            problems.append(Problem(target.value, "excel_error", {"value": cell.value.strip()}))
            continue
        try:
            value, note = _read_cell(target, cell.value, labels)
        except CellError as exc:
            problems.append(Problem(target.value, exc.code, exc.params))
            continue
        read[target] = value
        if note is not None:
            notes.append(note)
    for target in REQUIRED_TARGETS:
        if target not in seen:
            problems.append(Problem(target.value, "no_column"))
    fields: dict[str, Any] = {}
    rate = read.get(Target.RATE)
    try:
        kind = _rate_kind(read, rate, headers, mapping, notes)
    except CellError as exc:
        problems.append(Problem(Target.RATE_KIND.value, exc.code, exc.params))
        kind = QuoteKind.ANNUAL
    try:
        if rate is not None:
            fields["rate_quote"] = rate.quote
        fields["rate_kind"] = kind
        if kind is QuoteKind.DAILY:
            basis = read.get(Target.DAY_BASIS)
            if basis is None:
                basis = DEFAULT_DAY_BASIS
                notes.append(Problem("day_basis", "day_basis_assumed", {"basis": basis}))
            fields["day_basis"] = basis
        elif Target.DAY_BASIS in read:
            fields["day_basis"] = None  # a day basis belongs to a daily quote only
        if kind is QuoteKind.MONTHLY_FEE:
            fields["method"] = Method.FLAT_FEE
        elif Target.METHOD in read:
            fields["method"] = read[Target.METHOD]
        if Target.PENALTY_RATE in read:
            fields["penalty_rate"] = _penalty_as_annual(read[Target.PENALTY_RATE], notes)
    except CellError as exc:
        problems.append(Problem(Target.PENALTY_RATE.value, exc.code, exc.params))
    if problems:
        return ImportRow(row.line, values, problems=tuple(problems), notes=tuple(notes))
    plain = (
        Target.CREDITOR,
        Target.LENDER_TYPE,
        Target.PRODUCT,
        Target.CONTRACT_DATE,
        Target.OUTSTANDING_PRINCIPAL,
        Target.OVERDUE_AMOUNT,
        Target.DAYS_OVERDUE,
        Target.ACCRUED,
        Target.REMAINING_MONTHS,
        Target.NEXT_DUE_DATE,
        Target.OTHER_CHARGES,
        Target.AMOUNT_RECEIVED,
        Target.ORIGINAL_PRINCIPAL,
        Target.ORIGINAL_MONTHS,
    )
    fields |= {target.value: read[target] for target in plain if target in read}
    try:
        account = DebtAccount(
            client_id=client_id,
            contract_number=read.get(Target.CONTRACT_NUMBER, ""),
            debt=Debt(**fields),
        )
    except (ValidationError, CoreError) as exc:
        return ImportRow(row.line, values, error=exc, notes=tuple(notes))
    return ImportRow(row.line, values, account=account, notes=tuple(notes))


def _rate_kind(
    read: Mapping[Target, Any],
    rate: RateCell | None,
    headers: Sequence[str],
    mapping: Mapping[int, Target | None],
    notes: list[Problem],
) -> QuoteKind:
    """How the rate is quoted: said by its cell, else the rate-kind column, else the rate
    column's header ("日利率"), else annual (with a note, when there is a rate)."""
    column = read.get(Target.RATE_KIND)
    stated = rate.kind if rate is not None else None
    if stated is not None and column is not None and stated is not column:
        raise CellError("rate_kind_conflict")
    if stated is not None:
        return stated
    if isinstance(column, QuoteKind):
        return column
    header = next((headers[i] for i, t in mapping.items() if t is Target.RATE), "")
    from_header = _header_kind(header)
    if from_header is not None:
        return from_header
    if rate is not None and rate.quote != 0:
        notes.append(Problem("rate_kind", "rate_assumed_annual"))
    return QuoteKind.ANNUAL


def parse_rows(
    table: Table,
    mapping: Mapping[int, Target | None],
    client_id: int,
    labels: Mapping[Target, Mapping[str, StrEnum]] | None = None,
) -> tuple[ImportRow, ...]:
    """Every data row of ``table`` read through ``mapping`` (column index → target; a column
    mapped to ``None`` or not at all is left out; a target mapped twice, its first column)
    as a debt of ``client_id``. ``labels`` are the choice labels the pages show, by target
    (the lender types' labels in each language …), accepted as well as the enum values and
    :data:`CHOICE_ALIASES`."""
    return tuple(parse_row(row, table.headers, mapping, client_id, labels) for row in table.rows)


def mapping_from(
    headers: Sequence[str], saved: Iterable[str | None] | None
) -> dict[int, Target] | None:
    """A remembered mapping (one target value or ``None`` per column) for ``headers``, or
    ``None`` when it does not fit them (another width, an unknown target)."""
    if saved is None:
        return None
    values = list(saved)
    if len(values) != len(headers):
        return None
    mapping: dict[int, Target] = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        try:
            mapping[index] = Target(value)
        except ValueError:
            return None
    return mapping


def mapping_values(
    headers: Sequence[str], mapping: Mapping[int, Target | None]
) -> list[str | None]:
    """``mapping`` as remembered: one target value (or ``None``) per column."""
    return [
        (target.value if (target := mapping.get(index)) is not None else None)
        for index in range(len(headers))
    ]
