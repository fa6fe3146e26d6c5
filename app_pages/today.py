"""Today: every client's open follow-ups and due installments, overdue first, each one can be
marked done; and the next escalation step of each negotiation that has stalled."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import streamlit as st

import services
from core.calls import Payment
from core.rules.adherence import Status, plan_adherence
from core.rules.escalation import EscalationStep, attempts_from_calls, next_escalation
from core.rules.followups import is_overdue
from core.rules.timing import LOCAL_TZ, local
from i18n import format_date, format_money, md_escape
from services import StoreError
from ui.call_widgets import agreed_cases
from ui.errors import show_error
from ui.i18n import current_language, enum_label, t
from ui.state import actor, client_label, get_store, now_local

SHOW_ALL_KEY = "today_show_all"
HORIZON_DAYS = 7
ERROR_KEY = "today_error"
#: Due installments worth showing, most urgent first.
URGENCY = (Status.MISSED, Status.DUE_TODAY, Status.DUE_SOON)


def _remember(exc: Exception) -> None:
    st.session_state[ERROR_KEY] = exc


def complete_task(task_id: int) -> None:
    store = get_store()
    try:
        services.tasks.complete(store, actor(), services.tasks.get(store, actor(), task_id))
    except StoreError as exc:
        _remember(exc)


def record_shortfall(payment: Payment) -> None:
    try:
        get_store().payments.record(payment)
    except StoreError as exc:
        _remember(exc)


def when_text(moment: datetime, lang: str) -> str:
    wall = local(moment)
    return f"{format_date(wall.date(), lang)} {wall:%H:%M}"


def render_tasks(store, clients, now, lang) -> None:
    st.subheader(t("today.tasks.title"))
    show_all = st.toggle(t("today.tasks.show_all"), key=SHOW_ALL_KEY)
    horizon = datetime.combine(now.date() + timedelta(days=HORIZON_DAYS + 1), time(), LOCAL_TZ)
    tasks = services.tasks.list_open(store, actor(), due_before=None if show_all else horizon)
    if not tasks:
        st.success(t("today.tasks.none"), icon=":material/task_alt:")
        return
    overdue = [task for task in tasks if is_overdue(task, now)]
    if overdue:
        st.error(t("today.tasks.overdue_count", n=len(overdue)), icon=":material/warning:")
    # list_open is soonest-due first, so what is overdue comes first.
    for task in tasks:
        late = is_overdue(task, now)
        client = clients.get(task.client_id)
        with st.container(border=True):
            text, action = st.columns([5, 1], vertical_alignment="center")
            badge = (
                f":red-badge[:material/warning: {t('today.overdue')}]"
                if late
                else f":blue-badge[{enum_label(task.kind)}]"
            )
            text.markdown(
                f"{badge} **{when_text(task.due, lang)}** · "
                f"{md_escape(client_label(client)) if client else '—'}\n\n{md_escape(task.title)}"
            )
            action.button(
                t("today.done"),
                key=f"today_done_{task.id}",
                icon=":material/check:",
                on_click=complete_task,
                args=(task.id,),
                width="stretch",
            )


def render_installments(store, clients, now, lang) -> None:
    st.subheader(t("today.dues.title"))
    rows = []
    for client in clients.values():
        cases = agreed_cases(store, client.id)
        if not cases:
            continue
        payments = services.payments.list_for_client(store, actor(), client.id)
        for case in cases:
            paid = [payment for payment in payments if payment.proposal_id == case.saved.id]
            adherence = plan_adherence(case.plan, paid, now, language=lang)
            rows += [
                (client, case, item) for item in adherence.installments if item.status in URGENCY
            ]
    if not rows:
        st.success(t("today.dues.none"), icon=":material/event_available:")
        return
    rows.sort(key=lambda row: (URGENCY.index(row[2].status), row[2].due_date))
    for client, case, item in rows:
        missed = item.status is Status.MISSED
        with st.container(border=True):
            text, action = st.columns([5, 1], vertical_alignment="center")
            colour = "red" if missed else "orange"
            text.markdown(
                f":{colour}-badge[{enum_label(item.status)}] "
                f"**{format_date(item.due_date, lang)}** · {md_escape(client_label(client))} · "
                f"{md_escape(case.lender)}\n\n"
                + t(
                    "today.dues.line",
                    number=item.number,
                    amount=format_money(item.amount, lang),
                    short=format_money(item.shortfall, lang),
                )
            )
            payment = Payment(
                client_id=client.id,
                debt_id=case.saved.debt_id,
                proposal_id=case.saved.id,
                paid_on=now.date(),
                amount=item.shortfall,
                reference=t("today.dues.reference", number=item.number),
            )
            action.button(
                t("today.dues.paid"),
                key=f"today_paid_{case.saved.id}_{item.number}",
                icon=":material/payments:",
                on_click=record_shortfall,
                args=(payment,),
                help=t("today.dues.paid_help", amount=format_money(item.shortfall, lang)),
                width="stretch",
            )


def stalled_negotiations(store, clients, now, lang):
    """(client, lender, step) for every debt whose negotiation is tried and not resolved."""
    found = []
    for client in clients.values():
        calls = services.calls.list_for_client(store, actor(), client.id, newest_first=False)
        if not calls:
            continue
        for account in services.debts.list_for_client(store, actor(), client.id):
            debt = account.debt
            mine = [
                call
                for call in calls
                if call.debt_id == account.id
                or (call.debt_id is None and call.lender == debt.creditor)
            ]
            attempts = attempts_from_calls(mine)
            if not attempts:
                continue
            step = next_escalation(attempts, debt.lender_type, now, language=lang)
            if step.step is not EscalationStep.RESOLVED:
                found.append((client, debt.creditor, step))
    found.sort(key=lambda item: (not item[2].due_now, item[2].not_before))
    return found


def render_escalations(store, clients, now, lang) -> None:
    st.subheader(t("today.escalation.title"))
    stalled = stalled_negotiations(store, clients, now, lang)
    if not stalled:
        st.success(t("today.escalation.none"), icon=":material/handshake:")
        return
    for client, lender, step in stalled:
        with st.container(border=True):
            when = (
                t("today.escalation.now")
                if step.due_now
                else t("today.escalation.from", when=when_text(step.not_before, lang))
            )
            colour = "red" if step.due_now else "gray"
            st.markdown(
                f":{colour}-badge[{when}] **{enum_label(step.step)}** · "
                f"{md_escape(client_label(client))} · {md_escape(lender)}"
            )
            st.markdown(step.text)
            st.caption(step.reason.text)


def show_remembered_error() -> None:
    """An error a button's callback met on the run before, shown once."""
    error = st.session_state.pop(ERROR_KEY, None)
    if error is not None:
        show_error(error)


def main() -> None:
    store = get_store()
    if store is None:
        return
    st.title(t("today.title"))
    show_remembered_error()
    lang = current_language()
    now = now_local()
    st.caption(t("today.as_of", when=when_text(now, lang)))
    clients = {client.id: client for client in services.clients.list_all(store, actor())}
    if not clients:
        st.info(t("today.no_clients"), icon=":material/person_search:")
        return
    render_tasks(store, clients, now, lang)
    render_installments(store, clients, now, lang)
    render_escalations(store, clients, now, lang)


main()
