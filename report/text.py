"""The report's words and formatted figures, shared by the PDF, the HTML and the share view.

Every output takes its cells from here, so that a field is worded, masked and left out the
same way in all of them (the rule itself is in :mod:`report.plan_report`).
"""

from __future__ import annotations

from datetime import tzinfo
from decimal import Decimal

from core.proposals import DownPayment, LumpSumSettlement
from i18n import format_date, format_money, format_months, format_percent, translate
from report.plan_report import CallLine, DebtLine, PlanReport, PlanStatus


def money(amount: Decimal, lang: str) -> str:
    return format_money(amount, lang)


def field(label: str, value: str, lang: str) -> str:
    """``客户：张*明`` / ``Client: 张*明``."""
    return translate("report.field", lang, label=label, value=value)


def who(report: PlanReport, lang: str) -> list[str]:
    """The client's details, each as label and value; a field left out by masking is not
    named at all."""
    pairs = [("report.client", report.client_label)]
    pairs += [("report.phone", report.mobile), ("report.id_number", report.id_number)]
    return [field(translate(key, lang), value, lang) for key, value in pairs if value]


def status_text(line: DebtLine, lang: str) -> str:
    if line.status is PlanStatus.AGREED and line.agreed_on is not None:
        return translate("report.status.agreed", lang, date=format_date(line.agreed_on, lang))
    return translate(f"report.status.{line.status.value}", lang)


def plan_text(line: DebtLine, lang: str) -> str:
    """The plan named by its kind and terms, e.g. ``延期分期 · 24个月`` — never by the title the
    counselor saved it under."""
    terms = line.terms
    details = []
    months = getattr(terms, "months", None)
    if months is not None:
        details.append(format_months(months, lang))
    share = getattr(terms, "waiver_share", Decimal("0"))
    if share > 0:
        details.append(
            translate("report.detail.waiver", lang, share=format_percent(share, lang, 0))
        )
    if isinstance(terms, DownPayment):
        details.append(translate("report.detail.down", lang, amount=money(terms.amount, lang)))
    if isinstance(terms, LumpSumSettlement):
        details.append(money(terms.total, lang))
        if len(terms.parts) > 1:
            details.append(translate("report.detail.parts", lang, n=len(terms.parts)))
    return " · ".join([translate(f"report.kind.{line.kind.value}", lang), *details])


def rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else format_percent(rate, "en")


def saving_pair(amount: Decimal, lang: str) -> tuple[str, str]:
    """``比原合同节省 ¥600.00``, or ``比原合同多还 ¥1,246.11`` — never a negative saving."""
    if amount < 0:
        return translate("report.extra", lang), money(-amount, lang)
    return translate("report.saving", lang), money(amount, lang)


def summary_pairs(report: PlanReport, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the summary block, in reading order: the plans, then the contracts
    as they stand (this month's demand beside the usual installment)."""
    capacity = (
        money(report.capacity, lang)
        if report.capacity is not None
        else translate("report.no_capacity", lang)
    )
    return [
        (translate("report.capacity", lang), capacity),
        (translate("report.first_month", lang), money(report.first_month, lang)),
        (translate("report.highest_month", lang), money(report.highest_month, lang)),
        (translate("report.total_plan", lang), money(report.total_plan, lang)),
        saving_pair(report.saving, lang),
        (translate("report.total_cost", lang), money(report.total_cost, lang)),
        (translate("report.contract_month", lang), money(report.contract_month, lang)),
        (translate("report.regular_month", lang), money(report.regular_month, lang)),
        (translate("report.total_contract", lang), money(report.total_contract, lang)),
    ]


def fit_text(report: PlanReport, lang: str) -> str | None:
    """Whether every month fits the capacity; None without a budget or debts."""
    if report.capacity is None or not report.months:
        return None
    over = report.months_over_capacity
    if not over:
        return translate("report.fits", lang)
    return translate("report.exceeds", lang, n=len(over), gap=money(report.largest_gap, lang))


#: Columns of the contracts as they stand; "contract" (the number) only when unmasked.
CONTRACT_COLUMNS = (
    "creditor",
    "contract",
    "balance",
    "contract_monthly",
    "regular",
    "contract_total",
)
#: Columns of the plans.
PLAN_COLUMNS = ("creditor", "plan", "status", "monthly", "months", "total", "saving")
#: Columns holding figures (aligned right).
NUMERIC = {"balance", "contract_monthly", "regular", "contract_total", "monthly", "total"}
NUMERIC |= {"saving", "months", "amount", "principal", "interest", "arrears", "period"}


def contract_columns(report: PlanReport) -> tuple[str, ...]:
    return tuple(c for c in CONTRACT_COLUMNS if c != "contract" or not report.masked)


def debt_cells(line: DebtLine, lang: str) -> dict[str, str]:
    """Every cell of a debt by column (contract and plan)."""
    return {
        "creditor": line.creditor,
        "contract": line.contract_number or "—",
        "balance": money(line.owed_now, lang),
        "contract_monthly": money(line.contract_monthly, lang),
        "regular": money(line.regular_monthly, lang),
        "contract_total": money(line.contract_total, lang),
        "plan": plan_text(line, lang),
        "status": status_text(line, lang),
        "monthly": money(line.first_payment, lang),
        "months": format_months(line.months, lang),
        "total": money(line.total_paid, lang),
        "saving": saving_cell(line.saving, lang),
    }


def saving_cell(amount: Decimal, lang: str) -> str:
    """``少还 ¥600.00`` / ``多还 ¥1,246.11`` against the contract (no negative saving)."""
    key = "report.vs.more" if amount < 0 else "report.vs.less"
    return translate(key, lang, amount=money(abs(amount), lang))


def debt_rows(report: PlanReport, columns: tuple[str, ...], lang: str) -> list[list[str]]:
    return [[debt_cells(line, lang)[c] for c in columns] for line in report.debts]


#: Columns of the call history; "agent" only when unmasked.
CALL_COLUMNS = ("time", "creditor", "channel", "agent", "outcome", "summary")


def call_columns(report: PlanReport) -> tuple[str, ...]:
    return tuple(c for c in CALL_COLUMNS if c != "agent" or not report.masked)


def call_cells(call: CallLine, lang: str, zone: tzinfo) -> dict[str, str]:
    wall = call.at.astimezone(zone)
    said = call.summary
    if call.lender_promised:
        said += f"\n→ {call.lender_promised}"
    if call.client_promised:
        said += f"\n← {call.client_promised}"
    return {
        "time": f"{format_date(wall.date(), lang)} {wall:%H:%M}",
        "creditor": call.lender,
        "channel": translate(f"report.channel.{call.channel.value}", lang),
        "agent": call.agent_id or "—",
        "outcome": translate(f"report.outcome.{call.outcome.value}", lang),
        "summary": said,
    }


def call_rows(report: PlanReport, lang: str, zone: tzinfo) -> list[list[str]]:
    columns = call_columns(report)
    return [[call_cells(call, lang, zone)[c] for c in columns] for call in report.calls]


def heading(column: str, lang: str) -> str:
    return translate(f"report.col.{column}", lang)
