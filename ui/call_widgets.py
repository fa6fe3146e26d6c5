"""Pieces the call pages share: debt labels, the agreed plans of a client, the client's
calendar and the debts' legal steps and deadlines on the timeline.

The clock is read through ``ui.state`` (``now_local``, ``today``); ``core`` never reads it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

import streamlit as st
from streamlit.errors import StreamlitAPIException

import services
from charts.timeline import NOON, TimelineEvent
from core.agreement import first_monthly_due, plan_starting_on
from core.calls import DebtAccount, FollowUpTask
from core.clients import Client
from core.privacy import Known
from core.proposals import ProposalResult, evaluate_proposal
from core.rules.adherence import AgreedPlan
from core.rules.legal import Party
from core.rules.timing import LOCAL_TZ, at_local
from i18n import translate
from report.calendar import plan_calendar
from services import ProposalStatus, SavedProposal, Workspace
from services.legal import DebtLegal
from ui.i18n import enum_label, t
from ui.legal_widgets import cited, left_text
from ui.proposal_widgets import proposal_label
from ui.state import actor, get_store, require_client, today


def local_moment(day: date, clock: time) -> datetime:
    """A date and a wall-clock time typed on a page, as a Shanghai instant."""
    return datetime.combine(day, clock.replace(second=0, microsecond=0), tzinfo=LOCAL_TZ)


def open_call_page(title_key: str) -> tuple[Workspace, Client, list[DebtAccount]]:
    """A call page's opening: the store, the title, the chosen client and their debts; the page
    stops (with a hint where to go) when one of them is missing."""
    store = get_store()
    if store is None:
        st.stop()
    st.title(t(title_key))
    client = require_client(store)
    if client is None:
        st.stop()
    accounts = services.debts.list_for_client(store, actor(), client.id)
    if not accounts:
        st.info(t("calls.no_debts"), icon=":material/receipt_long:")
        page_link_if_present("app_pages/debts.py", "page.debts", ":material/receipt_long:")
        st.stop()
    return store, client, accounts


def proposal_choice_label(
    saved: SavedProposal, accounts_by_id: Mapping[int, DebtAccount], lang: str
) -> str:
    """A saved proposal in the call form's list: its debt, its title (or kind and terms) and
    where it stands with the lender. Plain text: a selectbox shows it as typed."""
    account = accounts_by_id.get(saved.debt_id) if saved.debt_id is not None else None
    return translate(
        "lender_history.call.proposal_of",
        lang,
        debt=debt_label(account) if account is not None else "—",
        title=saved.title or proposal_label(saved.proposal, lang),
        status=translate(f"lender_history.status.{saved.status.value}", lang),
    )


def page_link_if_present(path: str, title_key: str, icon: str) -> None:
    """A link to another page, left out while that page is not in the navigation yet."""
    with contextlib.suppress(StreamlitAPIException):
        st.page_link(path, label=t(title_key), icon=icon)


def debt_label(account: DebtAccount) -> str:
    debt = account.debt
    parts = [debt.creditor]
    if debt.product:
        parts.append(debt.product)
    if account.contract_number:
        parts.append(f"…{account.contract_number[-4:]}")
    return " · ".join(parts)


@dataclass(frozen=True)
class AgreedCase:
    """An agreed proposal with its debt and the plan whose due dates the client must meet."""

    saved: SavedProposal
    account: DebtAccount | None
    plan: AgreedPlan

    @property
    def lender(self) -> str:
        return self.account.debt.creditor if self.account else self.saved.title or "—"

    @property
    def label(self) -> str:
        title = self.saved.title or t(f"calls.proposal_kind.{self.saved.proposal.kind.value}")
        return f"{self.lender} · {title}"


def plan_of(saved: SavedProposal, account: DebtAccount | None) -> AgreedPlan | None:
    """The saved plan, or the proposal evaluated on the day it was agreed (None if neither)."""
    if saved.plan is not None:
        return saved.plan
    if account is None:
        return None
    as_of = saved.agreed_on or today()
    return evaluate_proposal(account.debt, saved.proposal, 0, as_of).plan


def agreed_cases(
    store: Workspace,
    client_id: int,
    *,
    accounts: Sequence[DebtAccount] | None = None,
    proposals: Sequence[SavedProposal] | None = None,
) -> list[AgreedCase]:
    """The client's agreed plans, one per debt (the store keeps at most one agreed per debt).

    ``accounts`` and ``proposals``: the client's debts and saved proposals when the page has
    already read them (else they are read here)."""
    if accounts is None:
        accounts = services.debts.list_for_client(store, actor(), client_id)
    if proposals is None:
        proposals = services.proposals.list_for_client(store, actor(), client_id)
    by_id = {account.id: account for account in accounts}
    cases = []
    for saved in proposals:
        if saved.status is not ProposalStatus.AGREED:
            continue
        account = by_id.get(saved.debt_id)
        plan = plan_of(saved, account)
        if plan is not None:
            cases.append(AgreedCase(saved=saved, account=account, plan=plan))
    return cases


def proposal_result(
    store: Workspace, client_id: int, account: DebtAccount, saved: SavedProposal
) -> ProposalResult:
    """The saved proposal evaluated for the script: capacity from the client's current budget
    (or, without one, the plan's highest payment), dated as agreed (or today), its installments
    on the dates saved with it (the first on the contract's due day unless changed)."""
    as_of = saved.agreed_on or today()
    budget = services.budgets.current(store, actor(), client_id)
    if budget is not None:
        capacity = budget.budget.capacity
    else:
        capacity = evaluate_proposal(account.debt, saved.proposal, 0, as_of).highest_payment
    result = evaluate_proposal(account.debt, saved.proposal, capacity, as_of)
    first = first_monthly_due(saved.plan) if saved.plan is not None else None
    if first is None or first < as_of:
        return result
    return result.model_copy(
        update={"plan": plan_starting_on(saved.proposal, result.plan, as_of, first)}
    )


def monthly_income(store: Workspace, client_id: int) -> Decimal | None:
    budget = services.budgets.current(store, actor(), client_id)
    return budget.budget.net_income if budget is not None else None


# --- calendar --------------------------------------------------------------------------


def one_line(text: str) -> str:
    """``text`` with every run of spaces and line breaks as one space."""
    return " ".join(text.split())


def client_ics(
    cases: list[AgreedCase],
    tasks: list[FollowUpTask],
    lender: str,
    now: datetime,
    lang: str,
    known: Known | None = None,
) -> bytes:
    """One ``.ics`` with every agreed plan's due dates and the tasks (UIDs stay stable).

    A lender's name is typed text: on one line here (a line break in it made the page fail).
    ``known`` is what the client's record holds (``core.privacy.Known.of``): its names and
    numbers are scrubbed from every text of the file, whatever their spelling.
    """
    first = cases[0] if cases else None
    calendar = plan_calendar(
        plan=first.plan if first else None,
        plan_key=first.saved.id if first else "none",
        lender=one_line(first.lender if first else lender),
        tasks=tasks,
        now=now,
        language=lang,
        known=known,
    )
    for case in cases[1:]:
        more = plan_calendar(
            plan=case.plan,
            plan_key=case.saved.id,
            lender=one_line(case.lender),
            now=now,
            language=lang,
            known=known,
        )
        for event in more.walk("VEVENT"):
            calendar.add_component(event)
    return calendar.to_ical()


# --- the legal lane of the timeline ------------------------------------------------------


def legal_events(debts: Iterable[DebtLegal], lang: str) -> list[TimelineEvent]:
    """Each debt's legal steps (stage and date; the document note, personal data, in the
    title as a call's summary is) and every deadline they set — on its due date, with how long
    is left and its article, worded as Today words them. A client's deadline passed while still open
    is overdue."""
    events = []
    for legal in debts:
        for saved in legal.events:
            stage = enum_label(saved.event.stage)
            note = saved.event.document.strip()
            events.append(
                TimelineEvent(
                    at=at_local(saved.event.on, NOON),
                    lane="legal",
                    style="legal.step",
                    lender=legal.creditor,
                    title=f"{stage} · {note}" if note else stage,
                    status=stage,
                )
            )
        for deadline in legal.deadlines:
            running = deadline.open and not deadline.passed
            events.append(
                TimelineEvent(
                    at=at_local(deadline.due, NOON),
                    lane="legal",
                    style="legal.deadline" if running else "legal.deadline_closed",
                    lender=legal.creditor,
                    title=f"{enum_label(deadline.kind)} · {cited(deadline)}",
                    status=left_text(deadline),
                    overdue=deadline.open and deadline.passed and deadline.party is Party.DEBTOR,
                )
            )
    return events
