"""Calls: log a call while on the phone, copy the confirmation, follow payments against the
agreed plan, log collection contacts, and see it all on a timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
from charts.base import plotly_config
from charts.timeline import (
    RecordEnd,
    call_events,
    collection_events,
    due_events,
    event_rows,
    filter_by_lender,
    payment_events,
    record_end_events,
    task_events,
    timeline_figure,
)
from core.calls import Call, Channel, DebtAccount, Direction, Outcome, Payment
from core.clients import Client
from core.errors import CoreError
from core.privacy import Known
from core.rules.adherence import plan_adherence
from core.rules.conduct import (
    CollectionContact,
    CollectionEvent,
    ContactTarget,
    collection_conduct_flags,
)
from core.rules.followups import follow_up_tasks
from core.rules.legal import Party
from core.rules.script import confirmation_message
from core.rules.timing import local
from i18n import code_labeller, format_date, format_money, md_escape, translate
from services import Actor, SavedProposal, StoreError, Workspace
from services.legal import DebtLegal
from ui.call_widgets import (
    AgreedCase,
    agreed_cases,
    client_ics,
    debt_label,
    legal_events,
    local_moment,
    open_call_page,
    proposal_choice_label,
    proposal_result,
)
from ui.errors import show_error
from ui.holiday_widgets import calendar_note
from ui.i18n import current_language, enum_label, enum_labels, t, worded
from ui.state import actor, audited_download, now_local, request_for, session_memo
from ui.widgets import money_input

FORM_KEYS = (
    "calls_date",
    "calls_time",
    "calls_agent_id",
    "calls_summary",
    "calls_lender_promised",
    "calls_client_promised",
    "calls_next_action",
    "calls_next_action_on",
    "calls_recorded",
    "calls_agent_told",
    "calls_proposal",
)
#: Durable keys: the call just saved (its confirmation is shown) and a pending form reset.
LAST_CALL_KEY = "calls_last_call_id"
RESET_KEY = "calls_reset_form"
NOTICE_KEY = "calls_notice"
#: How a collector can reach the client (a regulator case is not one of them).
COLLECTION_CHANNELS = [channel for channel in Channel if channel is not Channel.REGULATOR]


@dataclass(frozen=True)
class CallPage:
    """What every part of the page works from: read once a run, in :func:`main`."""

    store: Workspace
    client: Client
    accounts: tuple[DebtAccount, ...]
    cases: tuple[AgreedCase, ...]
    now: datetime
    lang: str
    #: The client's saved proposals of a debt, the newest first: what a call may have put.
    proposals: tuple[SavedProposal, ...] = ()

    # Each list read once a run, when a tab first needs it (no write happens between the
    # tabs' reads; the collection tab reads again after adding a contact).
    @cached_property
    def payments(self) -> tuple[Payment, ...]:
        return tuple(services.payments.list_for_client(self.store, actor(), self.client.id))

    @cached_property
    def contacts(self) -> tuple[CollectionContact, ...]:
        return tuple(services.collections.list_for_client(self.store, actor(), self.client.id))

    @property
    def accounts_by_id(self) -> dict[int, DebtAccount]:
        return {account.id: account for account in self.accounts}


def prepare_form_defaults(now) -> None:
    """Start time defaults to now; after a save the form starts again, empty, at the new now."""
    if st.session_state.pop(RESET_KEY, False):
        for key in FORM_KEYS:
            st.session_state.pop(key, None)
    st.session_state.setdefault("calls_date", now.date())
    st.session_state.setdefault("calls_time", now.time().replace(second=0, microsecond=0))


def chosen_proposal(page: CallPage) -> SavedProposal | None:
    chosen = st.session_state.get("calls_proposal")
    return next((p for p in page.proposals if p.id == chosen), None)


def read_call(page: CallPage) -> Call:
    account = page.accounts_by_id[st.session_state["calls_debt"]]
    proposal = chosen_proposal(page)
    return Call(
        client_id=page.client.id,
        debt_id=account.id,
        proposal_id=proposal.id if proposal is not None else None,
        lender=account.debt.creditor,
        at=local_moment(st.session_state["calls_date"], st.session_state["calls_time"]),
        channel=st.session_state["calls_channel"],
        direction=st.session_state["calls_direction"],
        agent_id=st.session_state["calls_agent_id"],
        summary=st.session_state["calls_summary"],
        lender_promised=st.session_state["calls_lender_promised"],
        client_promised=st.session_state["calls_client_promised"],
        outcome=st.session_state["calls_outcome"],
        next_action=st.session_state["calls_next_action"],
        next_action_on=st.session_state["calls_next_action_on"],
        recorded=st.session_state["calls_recorded"],
        agent_told_of_recording=st.session_state["calls_agent_told"],
    )


def save_call(page: CallPage) -> None:
    store = page.store
    proposal = chosen_proposal(page)
    if proposal is not None and proposal.debt_id != st.session_state["calls_debt"]:
        st.error(t("lender_history.call.other_debt"), icon=":material/error:")
        return
    try:
        call = read_call(page)
        tasks = follow_up_tasks(call, page.now, language=page.lang)
        saved, _ = services.calls.log(
            store,
            actor(),
            call,
            tasks,
            request_id=request_for("call", call),
            now=page.now,
            language=page.lang,
        )
    except (ValidationError, CoreError, StoreError) as exc:
        show_error(exc)
        return
    st.session_state[LAST_CALL_KEY] = saved.id
    st.session_state[RESET_KEY] = True
    st.rerun()


def render_call_form(page: CallPage) -> None:
    prepare_form_defaults(page.now)
    accounts_by_id = page.accounts_by_id
    with st.form("calls_form", border=True):
        st.selectbox(
            t("calls.form.debt"),
            list(accounts_by_id),
            format_func=lambda debt_id: debt_label(accounts_by_id[debt_id]),
            key=worded("calls_debt"),
        )
        proposals = {saved.id: saved for saved in page.proposals}
        st.selectbox(
            t("lender_history.call.proposal"),
            [None, *proposals],
            format_func=lambda saved_id: (
                t("lender_history.call.no_proposal")
                if saved_id is None
                else proposal_choice_label(proposals[saved_id], accounts_by_id, page.lang)
            ),
            key=worded("calls_proposal"),
            help=t("lender_history.call.proposal_help"),
        )
        when_date, when_time, channel = st.columns(3)
        when_date.date_input(t("calls.form.date"), key="calls_date", format="YYYY-MM-DD")
        when_time.time_input(t("calls.form.time"), key="calls_time", step=60)
        channel.selectbox(
            t("calls.form.channel"),
            list(Channel),
            format_func=enum_labels(Channel).get,
            key=worded("calls_channel"),
        )
        direction, agent = st.columns(2)
        direction.radio(
            t("calls.form.direction"),
            list(Direction),
            format_func=enum_labels(Direction).get,
            key=worded("calls_direction"),
            horizontal=True,
        )
        agent.text_input(
            t("calls.form.agent_id"), key="calls_agent_id", help=t("calls.form.agent_id_help")
        )
        st.text_area(t("calls.form.summary"), key="calls_summary", height=100)
        lender_side, client_side = st.columns(2)
        lender_side.text_area(t("calls.form.lender_promised"), key="calls_lender_promised")
        client_side.text_area(t("calls.form.client_promised"), key="calls_client_promised")
        outcome, action, action_on = st.columns([1, 2, 1])
        outcome.selectbox(
            t("calls.form.outcome"),
            list(Outcome),
            format_func=enum_labels(Outcome).get,
            key=worded("calls_outcome"),
        )
        action.text_input(t("calls.form.next_action"), key="calls_next_action")
        action_on.date_input(
            t("calls.form.next_action_on"),
            value=None,
            key="calls_next_action_on",
            format="YYYY-MM-DD",
        )
        recorded, told = st.columns(2)
        recorded.checkbox(t("calls.form.recorded"), key="calls_recorded")
        told.checkbox(t("calls.form.agent_told"), key="calls_agent_told")
        submitted = st.form_submit_button(
            t("calls.form.save"), type="primary", icon=":material/save:", key="calls_save"
        )
    if submitted:
        save_call(page)


def render_confirmation(page: CallPage) -> None:
    store, client, lang = page.store, page.client, page.lang
    call_id = st.session_state.get(LAST_CALL_KEY)
    if call_id is None:
        return
    try:
        call = services.calls.get(store, actor(), call_id)
    except StoreError:
        st.session_state.pop(LAST_CALL_KEY, None)
        return
    if call.client_id != client.id:
        return
    st.success(t("calls.saved", lender=md_escape(call.lender)), icon=":material/check_circle:")
    tasks = [
        task
        for task in services.tasks.list_for_client(store, actor(), client.id)
        if task.source_call_id == call.id
    ]
    if tasks:
        st.expander(t("calls.tasks_created", n=len(tasks)), icon=":material/task_alt:").markdown(
            "\n".join(
                f"- {format_date(local(task.due).date(), lang)} {local(task.due):%H:%M} — "
                f"{md_escape(task.title)}"
                for task in tasks
            )
        )
    if call.outcome is Outcome.NO_ANSWER:
        return
    case = next((c for c in page.cases if c.saved.debt_id == call.debt_id), None)
    agreed = None
    if case is not None and case.account is not None:
        agreed = proposal_result(store, client.id, case.account, case.saved)
    st.subheader(t("calls.confirmation.title"))
    st.caption(t("calls.confirmation.help"))
    contracts = [account.contract_number for account in page.accounts]
    message = confirmation_message(call, client, lang, agreed=agreed, contract_numbers=contracts)
    st.markdown(f"**{t('calls.confirmation.subject')}** {md_escape(message.subject)}")
    st.code(message.text, language=None, wrap_lines=True)
    other = "en" if lang == "zh-CN" else "zh-CN"
    with st.expander(t("calls.confirmation.other_language")):
        other_message = confirmation_message(
            call, client, other, agreed=agreed, contract_numbers=contracts
        )
        st.code(f"{other_message.subject}\n\n{other_message.text}", language=None, wrap_lines=True)


def render_timeline(page: CallPage) -> None:
    store, client, accounts, cases = page.store, page.client, page.accounts, page.cases
    now, lang = page.now, page.lang
    calls = services.calls.list_for_client(store, actor(), client.id)
    tasks = services.tasks.list_for_client(store, actor(), client.id)
    payments, contacts = page.payments, page.contacts
    lender_by_call = {call.id: call.lender for call in calls}
    lender_by_debt = {account.id: account.debt.creditor for account in accounts}
    lender_by_plan = {case.saved.id: case.lender for case in cases if case.saved.id is not None}
    events = call_events(calls, lang) + task_events(
        tasks, lender_by_call, now, lang, lender_by_plan
    )
    events += collection_events(contacts, lang)
    events += payment_events(payments, lender_by_debt, lang)
    for case in cases:
        paid = [p for p in payments if p.proposal_id == case.saved.id]
        events += due_events(plan_adherence(case.plan, paid, now, language=lang), case.lender, lang)
    events += record_end_events(record_ends(page), lang)
    legal = legal_of(page)
    events += legal_events(legal, lang)
    lenders = sorted(
        {account.debt.creditor for account in accounts}
        | set(lender_by_call.values())
        | {contact.lender for contact in contacts}
    )
    chosen = st.multiselect(
        t("calls.timeline.filter"),
        lenders,
        key=worded("calls_lenders"),
        placeholder=t("calls.all"),
        select_all=False,  # its label is English only
    )
    shown = filter_by_lender(events, chosen)
    if not shown:
        st.info(t("calls.timeline.empty"), icon=":material/timeline:")
        return
    overdue = sum(event.overdue for event in shown)
    if overdue:
        st.error(t("calls.timeline.overdue_count", n=overdue), icon=":material/warning:")
    # Built once per browser session for the same events, minute and language.
    minute = now.replace(second=0, microsecond=0)
    figure = session_memo(
        "calls.timeline",
        (tuple(shown), minute, lang),
        lambda: timeline_figure(shown, minute, lang),
    )
    st.plotly_chart(
        figure,
        width="stretch",
        config=plotly_config("repaytalk-timeline"),
        key="calls_timeline_chart",
    )
    rows = event_rows(shown, lang)
    overdue_column = t("calls.list.overdue")
    table = pd.DataFrame(rows)
    styled = table.style.apply(
        lambda row: (
            ["background-color: #FDECEA; color: #9A3412" if row[overdue_column] else ""] * len(row)
        ),
        axis=1,
    )
    st.dataframe(styled, hide_index=True, width="stretch", key="calls_list")
    render_legal_notes(legal, [event for event in shown if event.lane == "legal"])
    ics_tasks = [
        task for task in tasks if not chosen or lender_by_call.get(task.source_call_id) in chosen
    ]
    ics_cases = [case for case in cases if not chosen or case.lender in chosen]
    known = Known.of(
        client,
        contract_numbers=[account.contract_number for account in page.accounts],
        agent_ids=[call.agent_id for call in calls],
    )
    ics = client_ics(ics_cases, ics_tasks, chosen[0] if chosen else "", now, lang, known=known)
    left, right = st.columns(2)
    # Built when clicked, and each download is a line in the audit trail.
    who = actor()
    left.download_button(
        t("calls.download.ics"),
        audited_download(store, "client.shared", client.id, lambda: ics, format="ics"),
        file_name="repaytalk-calls.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        key="calls_download_ics",
        on_click="ignore",
    )
    right.download_button(
        t("calls.download.csv"),
        audited_download(
            store,
            "data.exported",
            client.id,
            lambda: calls_csv(page, who),
            kind="calls",
            masked=True,
        ),
        file_name="repaytalk-calls.csv",
        mime="text/csv",
        icon=":material/table:",
        key="calls_download_csv",
        on_click="ignore",
    )


def legal_of(page: CallPage) -> list[DebtLegal]:
    """The debts' legal steps and deadlines as of the page's day (one read for the client)."""
    try:
        found = services.legal.for_accounts(
            page.store, actor(), page.client.id, page.accounts, as_of=page.now.date()
        )
    except (CoreError, StoreError) as exc:
        show_error(exc)
        return []
    return [legal for legal in found.values() if legal.events]


def render_legal_notes(legal: list[DebtLegal], shown: list) -> None:
    """Under the list, when legal entries are shown: how deadlines are counted, the
    creditor's deadline as a guide, and that this is information, not legal advice (12348)."""
    if not shown:
        return
    deadlines = [deadline for debt in legal for deadline in debt.deadlines]
    if deadlines:
        st.caption(calendar_note(deadline.due for deadline in deadlines if deadline.open))
    if any(deadline.party is Party.CREDITOR for deadline in deadlines):
        st.caption(t("legal.deadline.enforcement_estimate"))
    st.caption(t("legal.advice.disclaimer"))
    st.caption(t("legal.advice.legal_aid"))


def record_ends(page: CallPage) -> list[RecordEnd]:
    """Each overdue account's record end if the overdue ended today (the page's now), where the
    lender reports or may (an estimate); none where it does not."""
    # The page's debts, read once (``services.debts.credit_clocks`` would read them again).
    as_of = page.now.date()
    clocks = [services.debts.credit_clock(account, as_of) for account in page.accounts]
    return [
        RecordEnd(
            lender=item.account.debt.creditor,
            ends_on=item.clock.record_ends_on,
            estimate=item.clock.is_estimate,
            status=enum_label(item.clock.reports, page.lang),
        )
        for item in clocks
        if item.clock is not None
    ]


def calls_csv(page: CallPage, who: Actor) -> bytes:
    """The client's calls as the store exports them (the Data page's file, for one client),
    for ``who`` (taken while the page ran: a download builds it later)."""
    lang = page.lang
    return services.data.export(
        page.store,
        who,
        services.data.ExportKind.CALLS,
        client_id=page.client.id,
        language=lang,
        label=code_labeller(lang),
        header=lambda column: translate(f"export.col.{column}", lang),
        mask_names=True,
    )


def render_payments(page: CallPage) -> None:
    store, client, cases, now, lang = page.store, page.client, page.cases, page.now, page.lang
    if not cases:
        st.info(t("calls.payments.no_plan"), icon=":material/handshake:")
        return
    by_id = {case.saved.id: case for case in cases}
    case = by_id[
        st.selectbox(
            t("calls.payments.plan"),
            list(by_id),
            format_func={key: case.label for key, case in by_id.items()}.get,
            key="calls_payment_plan",
        )
    ]
    payments = [p for p in page.payments if p.proposal_id == case.saved.id]
    adherence = plan_adherence(case.plan, payments, now, language=lang)
    for alert in adherence.alerts:
        st.error(alert.text, icon=":material/error:")
    for warning in adherence.warnings:
        st.warning(warning.text, icon=":material/schedule:")
    if adherence.summary is not None:
        st.success(adherence.summary.text, icon=":material/check_circle:")
    due, paid, upcoming = st.columns(3)
    due.metric(t("calls.payments.total_due"), format_money(adherence.total_due, lang))
    paid.metric(t("calls.payments.total_paid"), format_money(adherence.total_paid, lang))
    following = adherence.next_due
    upcoming.metric(
        t("calls.payments.next_due"),
        format_date(following.due_date, lang) if following else "—",
        format_money(following.shortfall, lang) if following else None,
        delta_color="off",
    )
    with st.form("calls_payment_form", border=True):
        st.markdown(f"**{t('calls.payments.record')}**")
        day, amount, reference = st.columns([1, 1, 2])
        day.date_input(
            t("calls.payments.paid_on"),
            value=now.date(),
            key="calls_paid_on",
            format="YYYY-MM-DD",
        )
        with amount:
            value = money_input(t("calls.payments.amount"), "calls_pay_amount")
        reference.text_input(t("calls.payments.reference"), key="calls_pay_reference")
        submitted = st.form_submit_button(
            t("calls.payments.save"), icon=":material/payments:", key="calls_pay_save"
        )
    if submitted and value is not None:
        try:
            if value <= 0:
                raise CoreError("amount", "a payment is more than nothing", code="invalid_amount")
            if st.session_state["calls_paid_on"] > now.date():
                raise CoreError("paid_on", "a payment cannot be in the future", code="future")
            payment = Payment(
                client_id=client.id,
                debt_id=case.saved.debt_id,
                proposal_id=case.saved.id,
                paid_on=st.session_state["calls_paid_on"],
                amount=value,
                reference=st.session_state["calls_pay_reference"],
            )
            services.payments.record(
                store, actor(), payment, request_id=request_for("payment", payment)
            )
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            st.session_state.pop("calls_pay_amount", None)
            st.rerun()
    table = pd.DataFrame(
        [
            {
                t("calls.payments.col.number"): item.number,
                t("calls.payments.col.due_date"): format_date(item.due_date, lang),
                t("calls.payments.col.amount"): format_money(item.amount, lang),
                t("calls.payments.col.paid"): format_money(item.paid, lang),
                t("calls.payments.col.status"): enum_label(item.status),
            }
            for item in adherence.installments
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="calls_installments")


def render_collection(page: CallPage) -> None:
    store, client, now, lang = page.store, page.client, page.now, page.lang
    accounts_by_id = page.accounts_by_id
    with st.form("calls_collection_form", border=True):
        st.markdown(f"**{t('calls.collection.log')}**")
        debt, day, clock = st.columns([2, 1, 1])
        debt.selectbox(
            t("calls.form.debt"),
            list(accounts_by_id),
            format_func=lambda debt_id: debt_label(accounts_by_id[debt_id]),
            key=worded("calls_coll_debt"),
        )
        day.date_input(t("calls.form.date"), value=now.date(), key="calls_coll_date")
        clock.time_input(
            t("calls.form.time"),
            value=now.time().replace(second=0, microsecond=0),
            key="calls_coll_time",
            step=60,
        )
        target, channel, collector = st.columns([1, 1, 2])
        target.selectbox(
            t("calls.collection.contacted"),
            list(ContactTarget),
            format_func=enum_labels(ContactTarget).get,
            key=worded("calls_coll_target"),
        )
        channel.selectbox(
            t("calls.collection.channel"),
            COLLECTION_CHANNELS,
            format_func=enum_labels(Channel).get,
            key=worded("calls_coll_channel"),
        )
        collector.text_input(t("calls.collection.collector"), key="calls_coll_collector")
        threats, safety, insults = st.columns(3)
        threats.checkbox(t("calls.collection.threats"), key="calls_coll_threats")
        safety.checkbox(t("calls.collection.safety"), key="calls_coll_safety")
        insults.checkbox(t("calls.collection.insults"), key="calls_coll_insults")
        st.text_area(t("calls.collection.note"), key="calls_coll_note", height=80)
        submitted = st.form_submit_button(
            t("calls.collection.save"), icon=":material/save:", key="calls_coll_save"
        )
    added = False
    if submitted:
        state = st.session_state
        try:
            event = CollectionEvent(
                at=local_moment(state["calls_coll_date"], state["calls_coll_time"]),
                contacted=state["calls_coll_target"],
                threats=state["calls_coll_threats"],
                threat_to_safety=state["calls_coll_safety"],
                insults=state["calls_coll_insults"],
            )
            if event.at > now:
                raise CoreError("at", "a contact cannot be in the future", code="future")
            account = accounts_by_id[state["calls_coll_debt"]]
            contact = CollectionContact(
                client_id=client.id,
                debt_id=account.id,
                lender=account.debt.creditor,
                event=event,
                channel=state["calls_coll_channel"],
                collector=state["calls_coll_collector"],
                note=state["calls_coll_note"],
            )
            services.collections.add(
                store, actor(), contact, request_id=request_for("collection", contact)
            )
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            added = True
    # Read again after an add, so the new contact shows; else the list the timeline read.
    contacts = (
        services.collections.list_for_client(store, actor(), client.id) if added else page.contacts
    )
    if not contacts:
        st.caption(t("calls.collection.none"))
        return
    moments = [contact.at for contact in contacts]
    for contact in contacts:
        event = contact.event
        account = accounts_by_id.get(contact.debt_id)
        lender_type = account.debt.lender_type if account else "other"
        flags = collection_conduct_flags(
            event,
            [moment for moment in moments if moment != event.at],
            lender_type=lender_type,
            language=lang,
        )
        wall = local(event.at)
        heading = [
            f"**{format_date(wall.date(), lang)} {wall:%H:%M}**",
            md_escape(contact.lender),
            enum_label(event.contacted),
            enum_label(contact.channel),
        ]
        if contact.collector:
            heading.append(md_escape(contact.collector))
        with st.container(border=True):
            st.markdown(" · ".join(heading))
            if contact.note:
                st.markdown(md_escape(contact.note))
            if not flags:
                st.caption(t("calls.collection.no_flags"))
            for flag in flags:
                st.warning(flag.text, icon=":material/gpp_maybe:")
            if flags:
                st.markdown(f"{t('calls.collection.complain')} {flags[0].complaint}")
                st.caption(flags[0].evidence)


def open_page() -> CallPage:
    """The page's context; the page stops (with a hint) when there is no client or no debt."""
    store, client, accounts = open_call_page("calls.title")
    debt_ids = {account.id for account in accounts}
    saved = services.proposals.list_for_client(store, actor(), client.id)
    return CallPage(
        store=store,
        client=client,
        accounts=tuple(accounts),
        cases=tuple(agreed_cases(store, client.id, accounts=accounts, proposals=saved)),
        now=now_local(),
        lang=current_language(),
        proposals=tuple(p for p in reversed(saved) if p.debt_id in debt_ids),
    )


def main() -> None:
    page = open_page()
    log_tab, timeline_tab, payments_tab, collection_tab = st.tabs(
        [
            t("calls.tab.log"),
            t("calls.tab.timeline"),
            t("calls.tab.payments"),
            t("calls.tab.collection"),
        ]
    )
    with log_tab:
        render_call_form(page)
        render_confirmation(page)
    with timeline_tab:
        render_timeline(page)
    with payments_tab:
        render_payments(page)
    with collection_tab:
        render_collection(page)


main()
