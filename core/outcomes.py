"""What the agency's work achieved: cases by stage, debts negotiated, monthly payments before and
after, what lenders gave up, and how long agreement took — per counselor, per lender, per month.

The inputs are plain records the services read (:class:`CaseRecord` per client,
:class:`DebtRecord` per debt, :class:`AgreementRecord` per agreed proposal); :func:`outcomes`
groups them for a period ``start`` … ``end`` (both days included) by one :class:`Dimension`,
and :func:`totals` gives the same figures for everything at once.

What each figure means
----------------------
- **Cases by stage** (:attr:`Figures.cases`): each case's stage at the end of ``end``
  (:func:`core.case_lifecycle.stage_on`); for a month, at the end of that month (or ``end``
  when earlier). A case not yet open then is left out. A client without any recorded step is
  ``open`` from :attr:`CaseRecord.since` (the day the client was added; always, when unknown).
- **Debts negotiated**: agreements reached in the period (``agreed_on`` within it), one per
  debt and proposal agreed.
- **Monthly payment before** (:attr:`Figures.before`): for each of those debts, what its
  contract demands with the next payment (:attr:`core.debts.Debt.monthly_demand`, passed in
  :attr:`DebtRecord.monthly_demand`); **after**: the agreed plan's regular payment
  (:func:`regular_payment`). Sums, exact to the fen.
- **Given up** (:attr:`Figures.forgiven`): per agreed plan, what was owed when it was agreed
  (:attr:`core.plans.Plan.opening`: principal plus accrued interest and penalties) that its
  payments do not repay as principal or arrears — the interest and penalties waived, and in a
  settlement the principal too (:func:`forgiven`).
- **Months to agreement**: per agreement, whole months from the case's opening (its first
  step, else :attr:`CaseRecord.since`) to ``agreed_on`` (:func:`core.case_lifecycle.whole_months`);
  :attr:`Figures.months_total` and :attr:`Figures.months_counted` add them up, and
  :attr:`Figures.mean_months` is their mean to one decimal (half up). An agreement dated
  before its case opened is not counted.

Grouping
--------
- by **counselor**: the client's counselor (``None``: nobody's, and every case in single-user
  mode);
- by **lender**: an agreement under its debt's lender; a case under every lender the client
  has a debt with (so lenders' case counts add up to more than the cases there are);
- by **month**: an agreement under the month it was agreed in; cases under every month of
  the period, at that month's end.

Groups come out in key order (counselor ids with ``None`` last, lenders by name, months in
order); a counselor or lender with neither cases nor agreements is left out.

>>> figures = totals([], [], [], start=date(2026, 1, 1), end=date(2026, 12, 31))
>>> figures.debts_negotiated, figures.before, figures.mean_months
(0, Decimal('0.00'), None)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.case_lifecycle import CaseStage, StageChange, opened_on, ordered, stage_on, whole_months
from core.errors import CoreError
from core.money import ZERO_MONEY, money_total
from core.plans import Plan


class Dimension(StrEnum):
    COUNSELOR = "counselor"
    LENDER = "lender"
    MONTH = "month"


class CaseRecord(BaseModel):
    """A client's case: its counselor, its steps, and the day the client was added."""

    model_config = ConfigDict(frozen=True)

    client_id: int
    counselor_id: int | None = None
    history: tuple[StageChange, ...] = ()
    since: date | None = None


class DebtRecord(BaseModel):
    """A debt: whose, which lender (as the history names it), and its contract's demand."""

    model_config = ConfigDict(frozen=True)

    client_id: int
    debt_id: int
    lender: str
    monthly_demand: Decimal


class AgreementRecord(BaseModel):
    """A proposal the lender agreed to, for one debt, with the plan as agreed."""

    model_config = ConfigDict(frozen=True)

    client_id: int
    debt_id: int
    agreed_on: date
    plan: Plan


Key = int | str | date | None


class Figures(BaseModel):
    """The figures of one group (or of everything: ``key`` ``None``)."""

    model_config = ConfigDict(frozen=True)

    key: Key = None
    cases: dict[CaseStage, int] = Field(default_factory=lambda: dict.fromkeys(CaseStage, 0))
    debts_negotiated: int = 0
    before: Decimal = ZERO_MONEY
    after: Decimal = ZERO_MONEY
    forgiven: Decimal = ZERO_MONEY
    months_total: int = 0
    months_counted: int = 0

    @property
    def case_count(self) -> int:
        return sum(self.cases.values())

    @property
    def monthly_saving(self) -> Decimal:
        """How much less the client pays each month: before minus after."""
        return self.before - self.after

    @property
    def mean_months(self) -> Decimal | None:
        """Mean months to agreement, to one decimal (half up); ``None`` with none counted."""
        if not self.months_counted:
            return None
        mean = Decimal(self.months_total) / Decimal(self.months_counted)
        return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def regular_payment(plan: Plan) -> Decimal:
    """A plan's usual monthly payment: the highest monthly total from its second payment on
    (the first may be a down payment or the first of a lump sum), or its only one.

    >>> from core.plans import PlanRow
    >>> def row(period, payment):
    ...     return PlanRow(period=period, due_date=None, payment=Decimal(payment),
    ...                    principal=Decimal(payment), interest=0, fees=0, arrears=0, balance=0)
    >>> regular_payment(Plan(opening=Decimal("900"), rows=(row(0, "500"), row(1, "200"),
    ...                                                    row(2, "200"))))
    Decimal('200.00')
    """
    totals = [total for _, total in plan.payments_by_period]
    if not totals:
        return ZERO_MONEY
    return max(totals[1:]) if len(totals) > 1 else totals[0]


def forgiven(plan: Plan) -> Decimal:
    """What was owed when the plan was agreed that it does not repay as principal or arrears
    (never below zero)."""
    repaid = money_total(row.principal + row.arrears for row in plan.rows)
    return max(ZERO_MONEY, plan.opening - repaid)


def _month_end(month: date) -> date:
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def months_of(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s to ``end``'s.

    >>> [m.isoformat() for m in months_of(date(2025, 12, 15), date(2026, 2, 1))]
    ['2025-12-01', '2026-01-01', '2026-02-01']
    """
    months: list[date] = []
    month = start.replace(day=1)
    while month <= end:
        months.append(month)
        month = _month_end(month) + timedelta(days=1)
    return months


def case_stage_on(case: CaseRecord, day: date) -> CaseStage | None:
    """The case's stage at the end of ``day`` (``None``: not open yet); see the module
    docstring for a case without steps."""
    if case.history:
        return stage_on(case.history, day)
    if case.since is not None and case.since > day:
        return None
    return CaseStage.OPEN


def case_opened_on(case: CaseRecord) -> date | None:
    return opened_on(ordered(case.history)) if case.history else case.since


def months_to_agree(case: CaseRecord | None, agreed_on: date) -> int | None:
    """Whole months from the case's opening to ``agreed_on``; ``None`` when unknown or when
    the agreement comes before the opening."""
    start = case_opened_on(case) if case is not None else None
    if start is None or agreed_on < start:
        return None
    return whole_months(start, agreed_on)


class _Sums:
    """Running figures of one group."""

    def __init__(self) -> None:
        self.cases = dict.fromkeys(CaseStage, 0)
        self.debts = 0
        self.before: list[Decimal] = []
        self.after: list[Decimal] = []
        self.forgiven: list[Decimal] = []
        self.months: list[int] = []

    def figures(self, key: Key) -> Figures:
        return Figures(
            key=key,
            cases=self.cases,
            debts_negotiated=self.debts,
            before=money_total(self.before),
            after=money_total(self.after),
            forgiven=money_total(self.forgiven),
            months_total=sum(self.months),
            months_counted=len(self.months),
        )


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise CoreError("end", f"{end} is before {start}", code="period_order")


def _add_agreement(
    sums: _Sums,
    agreement: AgreementRecord,
    debt: DebtRecord | None,
    case: CaseRecord | None,
) -> None:
    sums.debts += 1
    sums.before.append(debt.monthly_demand if debt is not None else ZERO_MONEY)
    sums.after.append(regular_payment(agreement.plan))
    sums.forgiven.append(forgiven(agreement.plan))
    months = months_to_agree(case, agreement.agreed_on)
    if months is not None:
        sums.months.append(months)


def _sort_key(key: Key) -> tuple[int, str]:
    if key is None:
        return (1, "")
    if isinstance(key, int):
        return (0, f"{key:020d}")
    if isinstance(key, date):
        return (0, key.isoformat())
    return (0, key)


def outcomes(
    cases: Iterable[CaseRecord],
    debts: Iterable[DebtRecord],
    agreements: Iterable[AgreementRecord],
    *,
    start: date,
    end: date,
    by: Dimension,
) -> list[Figures]:
    """The figures per ``by`` for the period ``start`` … ``end`` (see the module docstring).

    ``debts`` and ``agreements`` of clients not among ``cases`` are left out (the cases are
    the clients the figures are about)."""
    _check_period(start, end)
    case_by_client = {case.client_id: case for case in cases}
    debt_list = [debt for debt in debts if debt.client_id in case_by_client]
    debt_by_id = {debt.debt_id: debt for debt in debt_list}
    lenders_of: dict[int, set[str]] = {}
    for debt in debt_list:
        lenders_of.setdefault(debt.client_id, set()).add(debt.lender)
    within = [
        agreement
        for agreement in agreements
        if agreement.client_id in case_by_client and start <= agreement.agreed_on <= end
    ]
    groups: dict[Key, _Sums] = {}

    def group(key: Key) -> _Sums:
        return groups.setdefault(key, _Sums())

    if by is Dimension.MONTH:
        for month in months_of(start, end):
            sums = group(month)
            day = min(_month_end(month), end)
            for case in case_by_client.values():
                stage = case_stage_on(case, day)
                if stage is not None:
                    sums.cases[stage] += 1
    else:
        for case in case_by_client.values():
            stage = case_stage_on(case, end)
            if stage is None:
                continue
            keys: Sequence[Key]
            if by is Dimension.COUNSELOR:
                keys = [case.counselor_id]
            else:
                keys = sorted(lenders_of.get(case.client_id, ()))
            for case_key in keys:
                group(case_key).cases[stage] += 1
    for agreement in within:
        key: Key
        if by is Dimension.MONTH:
            key = agreement.agreed_on.replace(day=1)
        elif by is Dimension.COUNSELOR:
            key = case_by_client[agreement.client_id].counselor_id
        else:
            lent = debt_by_id.get(agreement.debt_id)
            key = lent.lender if lent is not None else ""
        _add_agreement(
            group(key),
            agreement,
            debt_by_id.get(agreement.debt_id),
            case_by_client.get(agreement.client_id),
        )
    return [groups[key].figures(key) for key in sorted(groups, key=_sort_key)]


def totals(
    cases: Iterable[CaseRecord],
    debts: Iterable[DebtRecord],
    agreements: Iterable[AgreementRecord],
    *,
    start: date,
    end: date,
) -> Figures:
    """The figures of everything for the period: each case counted once, at ``end``."""
    _check_period(start, end)
    case_by_client = {case.client_id: case for case in cases}
    debt_by_id = {debt.debt_id: debt for debt in debts if debt.client_id in case_by_client}
    sums = _Sums()
    for case in case_by_client.values():
        stage = case_stage_on(case, end)
        if stage is not None:
            sums.cases[stage] += 1
    for agreement in agreements:
        if agreement.client_id in case_by_client and start <= agreement.agreed_on <= end:
            _add_agreement(
                sums,
                agreement,
                debt_by_id.get(agreement.debt_id),
                case_by_client.get(agreement.client_id),
            )
    return sums.figures(None)
