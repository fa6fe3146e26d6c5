"""Today: every client's open follow-ups and the installments of every agreed plan, overdue
first — the next 7 days and everything overdue (and each plan's next installment), or all of
them with "show all"; a task marked done can be undone (today's done list); and the next
escalation step of each negotiation that has stalled."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import streamlit as st

import services
from core.calls import Payment
from core.rules.adherence import URGENT, Status, installments_to_list, plan_adherence
from core.rules.followups import is_overdue
from core.rules.timing import LOCAL_TZ, local
from i18n import format_date, format_money, md_escape
from services import StoreError
from ui.call_widgets import agreed_cases
from ui.errors import show_error
from ui.guard import guarded_fragment
from ui.i18n import current_language, enum_label, t
from ui.legal_widgets import render_upcoming
from ui.state import actor, client_label, get_store, now_local

SHOW_ALL_KEY = "today_show_all"
HORIZON_DAYS = 7
ERROR_KEY = "today_error"
#: Durable key: the catalogue key of a toast a button's callback left for the next run.
TOAST_KEY = "today_toast"
#: The order of every installment when all are shown, most urgent first.
ORDER = (*URGENT, Status.UPCOMING, Status.PAID_LATE, Status.PAID)
COLOURS = {
    Status.MISSED: "red",
    Status.DUE_TODAY: "orange",
    Status.DUE_SOON: "orange",
    Status.UPCOMING: "blue",
    Status.PAID_LATE: "green",
    Status.PAID: "green",
}


def _remember(exc: Exception) -> None:
    st.session_state[ERROR_KEY] = exc


def complete_task(task_id: int) -> None:
    store = get_store()
    try:
        services.tasks.complete(store, actor(), services.tasks.get(store, actor(), task_id))
    except StoreError as exc:
        _remember(exc)
        return
    st.session_state[TOAST_KEY] = "followups.today.done_toast"


def reopen_task(task_id: int) -> None:
    """Undo "done": the task is open again (and back in the list)."""
    store = get_store()
    try:
        services.tasks.reopen(store, actor(), services.tasks.get(store, actor(), task_id))
    except StoreError as exc:
        _remember(exc)
        return
    st.session_state[TOAST_KEY] = "followups.today.undone_toast"


def record_shortfall(payment: Payment) -> None:
    try:
        get_store().payments.record(payment)
    except StoreError as exc:
        _remember(exc)


def when_text(moment: datetime, lang: str) -> str:
    wall = local(moment)
    return f"{format_date(wall.date(), lang)} {wall:%H:%M}"


def render_tasks(store, clients, now, lang, show_all: bool) -> None:
    st.subheader(t("today.tasks.title"))
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


def render_done_today(store, clients, now, lang) -> None:
    """The tasks marked done today, each with an undo (they are read back from the database,
    so a reload keeps them)."""
    start = datetime.combine(now.date(), time(), LOCAL_TZ)
    done = services.tasks.list_done(store, actor(), since=start)
    if not done:
        return
    title = t("followups.today.done_title", n=len(done))
    with st.expander(title, expanded=True, icon=":material/done_all:"):
        for task in done:
            client = clients.get(task.client_id)
            text, action = st.columns([5, 1], vertical_alignment="center")
            when = when_text(task.done_at, lang) if task.done_at else ""
            text.markdown(
                f":green-badge[:material/check: {when}] "
                f"{md_escape(client_label(client)) if client else '—'} · "
                f"~~{md_escape(task.title)}~~"
            )
            action.button(
                t("followups.today.undo"),
                key=f"today_undo_{task.id}",
                icon=":material/undo:",
                on_click=reopen_task,
                args=(task.id,),
                help=t("followups.today.undo_help"),
                width="stretch",
            )


@st.fragment
@guarded_fragment
def task_lists(store, clients, now, lang, show_all: bool) -> None:
    """The open tasks and today's done ones: a fragment, so "done" and "undo" rerun these two
    lists alone (nothing else on the page depends on a task being done)."""
    show_remembered_error()
    render_tasks(store, clients, now, lang, show_all)
    render_done_today(store, clients, now, lang)


def render_installments(store, clients, now, lang, show_all: bool) -> None:
    st.subheader(t("today.dues.title"))
    today = now.date()
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
                (client, case, item)
                for item in installments_to_list(adherence, today, HORIZON_DAYS, show_all=show_all)
            ]
    if not rows:
        st.success(t("today.dues.none"), icon=":material/event_available:")
        return
    rows.sort(key=lambda row: (ORDER.index(row[2].status), row[2].due_date, row[1].saved.id))
    for client, case, item in rows:
        with st.container(border=True):
            text, action = st.columns([5, 1], vertical_alignment="center")
            status = f":{COLOURS[item.status]}-badge[{enum_label(item.status)}]"
            if item.status is Status.UPCOMING:
                days = (item.due_date - today).days
                status += f" :gray-badge[{t('followups.today.in_days', n=days)}]"
            if item.paid_on is not None:
                line = t(
                    "followups.today.paid_line",
                    number=item.number,
                    amount=format_money(item.amount, lang),
                    paid_on=format_date(item.paid_on, lang),
                )
            else:
                line = t(
                    "today.dues.line",
                    number=item.number,
                    amount=format_money(item.amount, lang),
                    short=format_money(item.shortfall, lang),
                )
            text.markdown(
                f"{status} **{format_date(item.due_date, lang)}** · "
                f"{md_escape(client_label(client))} · {md_escape(case.lender)}\n\n{line}"
            )
            if item.paid_on is not None:
                continue
            payment = Payment(
                client_id=client.id,
                debt_id=case.saved.debt_id,
                proposal_id=case.saved.id,
                paid_on=today,
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


def render_escalations(store, clients, now, lang) -> None:
    st.subheader(t("today.escalation.title"))
    stalled = services.negotiations.stalled(store, actor(), list(clients.values()), now, lang)
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
            for note in step.legal:  # a debt at a legal stage: advice, disclaimer, 12348
                st.caption(note.text)


def show_remembered_error() -> None:
    """An error a button's callback met on the run before, shown once; or its toast."""
    error = st.session_state.pop(ERROR_KEY, None)
    if error is not None:
        show_error(error)
    toast = st.session_state.pop(TOAST_KEY, None)
    if toast is not None:
        st.toast(t(toast), icon=":material/check_circle:")


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
    show_all = st.toggle(t("followups.today.show_all"), key=SHOW_ALL_KEY)
    task_lists(store, clients, now, lang, show_all)
    render_installments(store, clients, now, lang, show_all)
    render_upcoming(store, clients, now.date(), lang, show_all)  # legal deadlines running
    render_escalations(store, clients, now, lang)


main()
