"""The report's words and formatted figures, shared by the PDF, the HTML and the share view."""

from __future__ import annotations

from decimal import Decimal

from i18n import format_date, format_money, format_months, format_percent, translate
from report.plan_report import CallLine, DebtLine, PlanReport, PlanStatus


def money(amount: Decimal, lang: str) -> str:
    return format_money(amount, lang)


def status_text(line: DebtLine, lang: str) -> str:
    if line.status is PlanStatus.AGREED and line.agreed_on is not None:
        return translate("report.status.agreed", lang, date=format_date(line.agreed_on, lang))
    return translate(f"report.status.{line.status.value}", lang)


def plan_text(line: DebtLine, lang: str) -> str:
    """The plan's title if it has one, else the name of its kind."""
    return line.title or translate(f"report.kind.{line.kind.value}", lang)


def rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else format_percent(rate, "en")


def summary_pairs(report: PlanReport, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the summary block, in reading order."""
    capacity = (
        money(report.capacity, lang)
        if report.capacity is not None
        else translate("report.no_capacity", lang)
    )
    return [
        (translate("report.capacity", lang), capacity),
        (translate("report.first_month", lang), money(report.first_month, lang)),
        (translate("report.highest_month", lang), money(report.highest_month, lang)),
        (translate("report.contract_month", lang), money(report.contract_month, lang)),
        (translate("report.total_plan", lang), money(report.total_plan, lang)),
        (translate("report.total_contract", lang), money(report.total_contract, lang)),
        (translate("report.saving", lang), money(report.saving, lang)),
        (translate("report.total_cost", lang), money(report.total_cost, lang)),
    ]


def fit_text(report: PlanReport, lang: str) -> str | None:
    """Whether every month fits the capacity; None without a budget or debts."""
    if report.capacity is None or not report.months:
        return None
    over = report.months_over_capacity
    if not over:
        return translate("report.fits", lang)
    return translate("report.exceeds", lang, n=len(over), gap=money(report.largest_gap, lang))


DEBT_COLUMNS = (
    "creditor",
    "contract",
    "balance",
    "contract_monthly",
    "plan",
    "status",
    "monthly",
    "months",
    "total",
    "saving",
)


def debt_row(line: DebtLine, lang: str) -> list[str]:
    return [
        line.creditor,
        line.contract_number or "—",
        money(line.owed_now, lang),
        money(line.contract_monthly, lang),
        plan_text(line, lang),
        status_text(line, lang),
        money(line.first_payment, lang),
        format_months(line.months, lang),
        money(line.total_paid, lang),
        money(line.saving, lang),
    ]


CALL_COLUMNS = ("time", "creditor", "channel", "agent", "outcome", "summary", "next")


def call_row(call: CallLine, lang: str, zone) -> list[str]:
    wall = call.at.astimezone(zone)
    when = f"{format_date(wall.date(), lang)} {wall:%H:%M}"
    said = call.summary
    if call.lender_promised:
        said += f"\n→ {call.lender_promised}"
    if call.client_promised:
        said += f"\n← {call.client_promised}"
    follow = call.next_action
    if call.next_action_on is not None:
        follow = f"{format_date(call.next_action_on, lang)} {follow}".strip()
    return [
        when,
        call.lender,
        translate(f"report.channel.{call.channel.value}", lang),
        call.agent_id or "—",
        translate(f"report.outcome.{call.outcome.value}", lang),
        said,
        follow or "—",
    ]


def heading(column: str, lang: str) -> str:
    return translate(f"report.col.{column}", lang)
