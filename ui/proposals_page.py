"""Proposals: for one debt, compare offers to the lender, save the one to put forward, and say it.

Thin: widgets → core proposal models → ``core.proposals.compare_proposals`` (memoised per browser
session and inputs) → table, charts, recommendation; the saved proposal → ``core.rules.pitch``.

The page script ``app_pages/proposals.py`` only calls :func:`main`: this module is compiled once
per process by the import system, where a page script's own code is recompiled by every runner
that does not share Streamlit's script cache (AppTest compiles it on every run).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import streamlit as st
from pydantic import ValidationError

import services
from charts.base import plotly_config
from charts.proposals import cumulative_chart, payment_chart
from charts.recovery import recovery_panel
from core.agreement import first_due_date, first_monthly_due, plan_starting_on
from core.allocation import allocate_capacity
from core.calls import TaskKind
from core.debts import Debt
from core.errors import CoreError
from core.lender_history import KindHistory
from core.proposals import (
    Baseline,
    Comparison,
    MinimumPlan,
    Proposal,
    ProposalKind,
    compare_proposals,
    evaluate_proposal,
    parse_proposal,
    proposal_plan,
)
from core.reasons import describe
from core.rules.pitch import pitch
from core.rules.rate_lines import describe_flag, plan_rate_flags
from core.rules.recovery import RecoveryAssumptions, recovery_for_comparison
from i18n import LANGUAGES, format_date, format_money, md_escape, translate
from i18n.errors import model_error_lines
from report.letter import LetterError, letter_file_name, make_letter
from report.letter_docx import DOCX_MIME
from report.letter_docx import render_docx as letter_docx
from report.letter_pdf import render_pdf as letter_pdf
from services import ProposalSettings, ProposalStatus, SavedProposal, StoreError, lender_history
from ui.errors import show_error
from ui.guard import guarded_fragment
from ui.i18n import current_language, t, worded
from ui.lender_history_widgets import show_debt_history
from ui.proposal_widgets import (
    debt_label,
    proposal_inputs,
    proposal_label,
    restore_settings,
    results_table,
    row_label,
    rows_compared,
    show_credit_clocks,
)
from ui.state import (
    actor,
    audited_download,
    get_store,
    now_local,
    request_for,
    require_client,
    session_memo,
    today,
)
from ui.tables import fitted_columns, table_height

#: Durable key (not a widget key): the debt being worked on.
DEBT_KEY = "proposals_debt_id"
#: What the page says after a full rerun it caused (a catalogue key).
FLASH_KEY = "proposals_flash"


def compare(
    debt_json: str, proposals_json: tuple[str, ...], can_pay: str, as_of: date
) -> tuple[Comparison, MinimumPlan]:
    """The comparison (the contract first) and the minimum plan."""
    debt = Debt.model_validate_json(debt_json)
    proposals = [Baseline(), *(parse_proposal(p) for p in proposals_json)]
    comparison = compare_proposals(debt, proposals, can_pay, as_of)
    return comparison, comparison.minimum_plan


def compared(key: tuple, lang: str):
    """The comparison with its table and charts for ``key`` (client, inputs), built once per
    browser session and language: a term seen before costs a lookup, not a rebuild."""

    def build():
        comparison, minimum = compare(*key[1:])
        series = [(row_label(r, m, lang), r.plan) for r, m in rows_compared(comparison, minimum)]
        return (
            comparison,
            minimum,
            results_table(comparison, minimum, lang),
            payment_chart(series, Decimal(key[3]), lang),
            cumulative_chart(series, lang),
        )

    return session_memo("proposals.compared", (*key, lang), build)


def choose_debt(accounts):
    ids = [a.id for a in accounts]
    if st.session_state.get(DEBT_KEY) not in ids:
        st.session_state[DEBT_KEY] = ids[0]
    by_id = {a.id: a for a in accounts}
    lang = current_language()
    st.session_state["proposals.debt"] = st.session_state[DEBT_KEY]
    chosen = st.selectbox(
        t("proposals.input.debt"),
        options=ids,
        key=worded("proposals.debt"),
        format_func=lambda i: debt_label(by_id[i], lang),
        on_change=lambda: st.session_state.update({DEBT_KEY: st.session_state["proposals.debt"]}),
    )
    return by_id[chosen]


def share_input(
    store, client_id, accounts, account, column
) -> tuple[Decimal | None, Decimal | None]:
    """What this debt can get each month (editable) and the client's monthly income."""
    version = services.budgets.current(store, actor(), client_id)
    lang = current_language()
    if version is None:
        default = account.debt.monthly_demand
        income = None
        note = t("proposals.share.no_budget")
    else:
        budget = version.budget
        income = budget.net_income
        allocation = allocate_capacity([a.debt for a in accounts], budget.capacity)
        default = next(s.amount for s in allocation.shares if s.debt_id == account.id)
        note = t(
            "proposals.share.note",
            capacity=format_money(budget.capacity, lang),
            count=len(accounts),
            share=format_money(default, lang),
        )
    key = f"proposals.share.{account.id}"
    if key not in st.session_state:
        st.session_state[key] = f"{default:,.2f}"
    text = column.text_input(t("proposals.input.share"), key=key, help=t("proposals.help.share"))
    column.caption(note)
    from core.money import to_money

    try:
        return to_money(text or "0", "capacity"), income
    except CoreError:
        column.error(t("proposals.error.amount"), icon=":material/error:")
        return None, income


def valid_only(debt: Debt, proposals: list[Proposal], as_of: date) -> list[Proposal]:
    """The proposals core can plan for this debt; each one it cannot is explained inline."""
    kept = []
    for proposal in proposals:
        try:
            proposal_plan(debt, proposal, as_of)
        except (CoreError, ValidationError) as exc:
            st.markdown(f"**{proposal_label(proposal, current_language())}**")
            show_error(exc)
            continue
        kept.append(proposal)
    return kept


def show_recommendation(comparison: Comparison, minimum: MinimumPlan, lang: str) -> None:
    best = comparison.best
    if best is not None:
        label = row_label(best, comparison.recommends_minimum, lang)
        title = t(
            "proposals.recommended_if_agreed" if best.needs_consent else "proposals.recommended",
            label=label,
        )
        lines = [describe(comparison.reason, lang), *(describe(r, lang) for r in best.reasons)]
        st.success(f"**{title}**\n\n" + "\n\n".join(lines), icon=":material/thumb_up:")
    else:
        st.warning(
            f"**{t('proposals.none_affordable')}**\n\n{describe(comparison.reason, lang)}",
            icon=":material/warning:",
        )
    text = "\n\n".join(describe(r, lang) for r in minimum.reasons)
    st.info(f"**{t('proposals.minimum.title')}**\n\n{text}", icon=":material/low_priority:")


def show_plan_rate_flags(comparison: Comparison, debt: Debt, lang: str) -> None:
    """A plan that sets a new rate is judged against the rate lines like the contract."""
    lines = []
    for result in comparison.results:
        for flag in plan_rate_flags(result.proposal, debt):
            if flag.above:
                label = row_label(result, False, lang)
                lines.append(f"**{md_escape(label)}**: {describe_flag(flag, lang)}")
    if lines:
        st.warning("\n\n".join(lines), icon=":material/gavel:")


def save_form(
    store, client_id, account, comparison, minimum, lang, settings: ProposalSettings, as_of
) -> None:
    choices = [(r, m) for r, m in rows_compared(comparison, minimum) if r.kind != "baseline"]
    if not choices:
        return
    labels = [row_label(r, m, lang) for r, m in choices]
    recommended = comparison.best
    default = next((i for i, (r, _) in enumerate(choices) if r is recommended), 0)
    # The selection follows the recommendation whenever the recommendation changes (a kept
    # widget state would otherwise stay on the row recommended before).
    chosen_for = (tuple(labels), labels[default])
    if st.session_state.get("proposals.save_for") != chosen_for:
        st.session_state["proposals.save_for"] = chosen_for
        st.session_state["proposals.save_choice"] = default
    with st.form("proposals.save_form", border=True):
        st.markdown(f"**{t('proposals.save.title')}**")
        index = st.selectbox(
            t("proposals.save.which"),
            options=range(len(choices)),
            format_func=lambda i: labels[i],
            key=worded("proposals.save_choice"),
        )
        note = st.text_input(t("proposals.save.note"), key="proposals.save_note", max_chars=200)
        submitted = st.form_submit_button(t("proposals.save.button"), type="primary")
    if not submitted:
        return
    result = choices[index][0]
    try:
        plan = result.plan
        if settings.first_due is not None:
            plan = plan_starting_on(result.proposal, plan, as_of, settings.first_due)
        proposal = SavedProposal(
            client_id=client_id,
            debt_id=account.id,
            proposal=result.proposal,
            title=(note or labels[index]).strip()[:200],
            plan=plan,
            settings=settings,
        )
        saved = services.proposals.save(
            store,
            actor(),
            proposal,
            request_id=request_for("proposal", proposal),
            now=now_local(),
            language=lang,
        )
    except (StoreError, ValidationError, CoreError) as exc:
        show_error(exc)
        return
    st.session_state["proposals_saved_id"] = saved.id
    # The saved list below the fragment changes: the whole page runs again, saying so.
    st.session_state[FLASH_KEY] = "proposals.save.done"
    st.rerun()


def saved_for(store, client_id: int, account) -> list[SavedProposal] | StoreError:
    """The proposals saved for this debt, oldest first (or the store's refusal, to show)."""
    try:
        return [
            s
            for s in services.proposals.list_for_client(store, actor(), client_id)
            if s.debt_id == account.id
        ]
    except StoreError as exc:
        return exc


def show_saved(store, saved, client_id, account, can_pay, income, as_of, lang, settings) -> None:
    """The proposal put forward and the earlier ones (``saved``: from :func:`saved_for`, read
    before the workbench is drawn so that nothing waits on the store after the charts)."""
    if isinstance(saved, StoreError):
        show_error(saved)
        return
    st.subheader(t("proposals.saved.title"))
    if not saved:
        st.caption(t("proposals.saved.none"))
        return
    chosen = saved[-1]  # the latest saved is the one to put forward
    label = proposal_label(chosen.proposal, lang)
    title = md_escape(chosen.title) if chosen.title and chosen.title != label else None
    text = (
        t("proposals.saved.current", title=title, label=label)
        if title
        else t("proposals.saved.current_untitled", label=label)
    )
    st.success(text, icon=":material/bookmark_added:")
    agreed_form(store, account, chosen, can_pay, as_of, lang, settings)
    if len(saved) > 1:
        with st.expander(t("proposals.saved.earlier", n=len(saved) - 1)):
            for item in reversed(saved[:-1]):
                earlier_item(store, item, lang)
    pitch_lang = st.radio(
        t("proposals.pitch.language"),
        options=list(LANGUAGES),
        format_func=lambda code: translate(f"lang.name.{code}", lang),
        key="proposals.pitch_lang",
        index=list(LANGUAGES).index(lang),
        horizontal=True,
    )
    try:
        result = evaluate_proposal(account.debt, chosen.proposal, can_pay, as_of)
        text = pitch(account.debt, result, pitch_lang, can_pay=can_pay, monthly_income=income)
    except (CoreError, ValidationError) as exc:
        show_error(exc)
        return
    st.markdown(f"**{t('proposals.pitch.title')}**")
    st.code(text, language=None, wrap_lines=True)
    if not result.affordable:
        st.warning(t("proposals.pitch.above_share"), icon=":material/warning:")
    letter_downloads(store, client_id, account, chosen, as_of, lang)


def letter_downloads(
    store, client_id: int, account, chosen: SavedProposal, as_of: date, lang: str
) -> None:
    """The letter to the lender for the proposal put forward (Word and PDF, Chinese to send or
    the English reading copy); without the client's consent to contact lenders, or without a
    budget, the reason instead, in the user's language."""
    st.markdown(f"**{t('letter.download.title')}**")
    try:
        letter = make_letter(
            store, client_id, account.id, proposal_id=chosen.id, as_of=as_of, actor=actor()
        )
    except LetterError as exc:  # no consent to contact lenders, no budget: why, not a failure
        st.info("\n\n".join(model_error_lines(exc, lang)), icon=":material/info:")
        return
    except (StoreError, CoreError) as exc:
        show_error(exc)
        return
    st.caption(t("letter.download.note"))
    letter_lang = st.radio(
        t("letter.download.language"),
        options=list(LANGUAGES),
        format_func=lambda code: translate(f"letter.download.language.{code}", lang),
        key=worded("proposals.letter_lang"),
        horizontal=True,
    )
    left, right = st.columns(2)
    left.download_button(
        t("letter.download.docx"),
        data=audited_download(
            store,
            "client.letter",
            client_id,
            lambda: letter_docx(letter, letter_lang),
            format="docx",
            debt_id=account.id,
        ),
        file_name=letter_file_name(letter, letter_lang, ".docx"),
        mime=DOCX_MIME,
        key="proposals_letter_docx",
        icon=":material/description:",
        on_click="ignore",
    )
    right.download_button(
        t("letter.download.pdf"),
        data=audited_download(
            store,
            "client.letter",
            client_id,
            lambda: letter_pdf(letter, letter_lang),
            format="pdf",
            debt_id=account.id,
        ),
        file_name=letter_file_name(letter, letter_lang, ".pdf"),
        mime="application/pdf",
        key="proposals_letter_pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )


def earlier_item(store, item: SavedProposal, lang: str) -> None:
    """A proposal saved before the latest: its title and where it stands with the lender, and
    — while the lender has not answered — the action to record a refusal."""
    title = item.title or proposal_label(item.proposal, lang)
    status = t(f"lender_history.status.{item.status.value}")
    line = t("lender_history.saved_item", title=md_escape(title), status=md_escape(status))
    if item.status is not ProposalStatus.SAVED:
        st.markdown(f"- {line}")
        return
    text, action = st.columns([4, 1], vertical_alignment="center")
    text.markdown(f"- {line}")
    with action:
        refused_button(store, item, lang, key=f"proposals.refuse.{item.id}")


def refused_button(
    store, chosen: SavedProposal, lang: str, *, key: str = "proposals.refuse"
) -> None:
    """The lender said no: keep the proposal as history (the next step is on Today)."""
    if not st.button(t("proposals.refused.button"), key=key, icon=":material/block:"):
        return
    try:
        services.proposals.refuse(store, actor(), chosen, now=now_local(), language=lang)
    except (StoreError, ValidationError, CoreError) as exc:  # a stale copy too
        show_error(exc)
        return
    st.toast(t("proposals.refused.done"), icon=":material/block:")
    st.rerun()


def agreed_form(
    store, account, chosen: SavedProposal, can_pay, as_of, lang, settings: ProposalSettings
) -> None:
    """Record that the lender agreed to the proposal, keeping the plan as agreed on that day
    (so later changes to the debt's balances do not move the agreed installments), its first
    installment on the date agreed — the contract's due day unless changed. The reminders
    before each installment come with it (``services.proposals.agree``)."""
    if chosen.status is ProposalStatus.AGREED:
        st.info(
            t("proposals.agreed.already", date=format_date(chosen.agreed_on, lang)),
            icon=":material/handshake:",
        )
        agreed_summary(store, chosen, lang)
        return
    if chosen.status is ProposalStatus.REFUSED:
        st.warning(t("proposals.refused.already"), icon=":material/block:")
        return
    refused_button(store, chosen, lang)
    first_default = first_monthly_due(chosen.plan) if chosen.plan is not None else None
    if first_default is None or first_default < as_of:
        first_default = settings.first_due or first_due_date(account.debt, as_of)
    with st.form("proposals.agree_form", border=True):
        st.markdown(f"**{t('proposals.agreed.title')}**")
        on_col, first_col = st.columns(2)
        agreed_on = on_col.date_input(
            t("proposals.agreed.date"),
            value=as_of,
            max_value=as_of,
            key="proposals.agreed_on",
            format="YYYY-MM-DD",
        )
        first_due = first_col.date_input(
            t("followups.first_due"),
            value=first_default,
            key="proposals.agreed_first_due",
            format="YYYY-MM-DD",
            help=t("followups.first_due_help", date=format_date(first_default, lang))
            if account.debt.next_due_date is not None
            else t("followups.first_due_help_none"),
        )
        submitted = st.form_submit_button(t("proposals.agreed.button"))
    if not submitted:
        return
    try:
        result = evaluate_proposal(account.debt, chosen.proposal, can_pay, agreed_on)
        plan = plan_starting_on(chosen.proposal, result.plan, agreed_on, first_due)
        services.proposals.agree(
            store, actor(), chosen, agreed_on, plan=plan, now=now_local(), language=lang
        )
    except (StoreError, ValidationError, CoreError) as exc:
        show_error(exc)
        return
    st.toast(t("proposals.agreed.done"), icon=":material/handshake:")
    st.rerun()


def agreed_summary(store, chosen: SavedProposal, lang) -> None:
    """The agreed plan's first installment and how many reminders Today holds for it."""
    if chosen.plan is None or chosen.client_id is None:
        return
    first = first_monthly_due(chosen.plan) or (
        chosen.plan.rows[0].due_date if chosen.plan.rows else None
    )
    if first is None:
        return
    try:
        tasks = services.tasks.list_for_client(store, actor(), chosen.client_id)
    except StoreError as exc:
        show_error(exc)
        return
    reminders = [
        task
        for task in tasks
        if task.kind is TaskKind.INSTALLMENT_REMINDER and task.proposal_id == chosen.id
    ]
    count = len({row.due_date for row in chosen.plan.rows})
    st.caption(
        t(
            "followups.agreed_plan",
            first=format_date(first, lang),
            count=count,
            n=len(reminders),
        )
    )


def lender_figures(store, account) -> Mapping[ProposalKind, KindHistory]:
    """What this debt's lender did with each kind before, across the clients the counselor
    may see (read once a full run: the fragment reruns on every slider move)."""
    try:
        return lender_history.for_lender(store, actor(), account.debt.creditor)
    except StoreError as exc:
        show_error(exc)
        return {}


def main() -> None:
    st.title(t("page.proposals"))
    store = get_store()
    if store is None:
        return
    client = require_client(store)
    if client is None:
        return
    lang = current_language()
    as_of = today()
    try:
        accounts = services.debts.list_for_client(store, actor(), client.id)
    except StoreError as exc:
        show_error(exc)
        return
    if not accounts:
        st.info(t("proposals.no_debts"), icon=":material/info:")
        st.page_link("app_pages/debts.py", label=t("page.debts"), icon=":material/receipt_long:")
        return
    st.caption(t("proposals.intro", date=format_date(as_of, lang)))
    left, right = st.columns([3, 2])
    with left:
        account = choose_debt(accounts)
    can_pay, income = share_input(store, client.id, accounts, account, right)
    try:
        saved_settings = services.proposals.settings_for(store, actor(), client.id, account.id)
    except StoreError as exc:
        show_error(exc)
        saved_settings = None
    restored = restore_settings(saved_settings, f"{client.id}:{account.id}", as_of)
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.toast(t(flash), icon=":material/check_circle:")
    # Read before anything heavy is drawn: see show_saved.
    saved = saved_for(store, client.id, account)
    history = lender_figures(store, account)
    settings = workbench(
        store,
        client.id,
        account,
        can_pay,
        as_of,
        restored,
        has_budget=income is not None,
        history=history,
    )
    if can_pay is None or settings is None:
        return
    show_saved(store, saved, client.id, account, can_pay, income, as_of, lang, settings)


#: The lender-side assumptions a counselor may change: (field, catalogue key, kind, maximum).
#: ``percent`` fields are typed as percentages; ``months`` and ``money`` as they are.
RECOVERY_INPUTS = (
    ("cost_of_funds", "cost_of_funds", "percent", 50),
    ("break_within", "break_within", "percent", 100),
    ("break_beyond", "break_beyond", "percent", 100),
    ("after_break_share", "after_break_share", "percent", 100),
    ("after_break_delay_months", "after_break_delay", "months", 120),
    ("after_break_cost", "after_break_cost", "percent", 100),
    ("no_agreement_share", "no_agreement_share", "percent", 100),
    ("no_agreement_delay_months", "no_agreement_delay", "months", 120),
    ("no_agreement_cost", "no_agreement_cost", "percent", 100),
    ("legal_costs", "legal_costs", "money", 100_000_000),
)
RECOVERY_PREFIX = "proposals.recovery."
RECOVERY_HELP = {
    "cost_of_funds": "recovery.help.cost_of_funds",
    "break_within": "recovery.help.break_chances",
    "break_beyond": "recovery.help.break_chances",
    "after_break_delay_months": "recovery.help.delays",
    "no_agreement_delay_months": "recovery.help.delays",
}


def _typed(field: str, kind: str, typed: float | int) -> Decimal | int:
    """An assumption as the model takes it, from what its input shows."""
    if kind == "percent":
        return Decimal(str(typed)) / 100
    if kind == "months":
        return int(typed)
    return Decimal(str(typed))


def _shown(field: str, kind: str) -> float | int:
    """What an assumption's input shows by default (percentages as percentages)."""
    default = getattr(RecoveryAssumptions(), field)
    if kind == "percent":
        return float(default * 100)
    if kind == "months":
        return int(default)
    return float(default)


def assumptions_as_left() -> RecoveryAssumptions | ValidationError:
    """The assumptions as the counselor left them in this browser session (the defaults until
    changed), read before their inputs are drawn: the inputs sit under the chart they feed,
    and the chart is worked out before anything of the results is drawn (see
    :func:`workbench`). The refusal itself when the values do not go together."""
    values = {
        field: _typed(
            field, kind, st.session_state.get(f"{RECOVERY_PREFIX}{field}", _shown(field, kind))
        )
        for field, _, kind, _ in RECOVERY_INPUTS
    }
    try:
        return RecoveryAssumptions(**values)
    except ValidationError as exc:
        return exc


def assumption_inputs() -> None:
    """The assumptions' inputs, one set per browser session: they describe lenders, not this
    debt. What they hold is read by :func:`assumptions_as_left` on the run they cause."""
    columns = st.columns(3)
    for index, (field, name, kind, maximum) in enumerate(RECOVERY_INPUTS):
        column = columns[index % 3]
        label = t(f"recovery.input.{name}")
        help_key = RECOVERY_HELP.get(field)
        help_text = t(help_key) if help_key else None
        key = f"{RECOVERY_PREFIX}{field}"
        shown = _shown(field, kind)
        if kind == "percent":
            column.number_input(
                label,
                min_value=0.0,
                max_value=float(maximum),
                value=shown,
                step=0.5,
                format="%.1f",
                key=key,
                help=help_text,
            )
        elif kind == "months":
            column.number_input(
                label, min_value=0, max_value=maximum, value=shown, step=1, key=key, help=help_text
            )
        else:
            column.number_input(
                label,
                min_value=0.0,
                max_value=float(maximum),
                value=shown,
                step=500.0,
                format="%.2f",
                key=key,
                help=help_text,
            )


def recovery_figures(
    comparison: Comparison,
    minimum: MinimumPlan,
    can_pay: Decimal,
    has_budget: bool,
    as_of: date,
    lang: str,
    memo_key: tuple,
) -> tuple[list[str], object]:
    """The lender-side panel (row labels and the panel, or the error to show), worked out
    once per browser session for the same comparison, assumptions and language."""
    labels = [row_label(r, m, lang) for r, m in rows_compared(comparison, minimum)]
    assumptions = assumptions_as_left()
    if isinstance(assumptions, ValidationError):
        return labels, assumptions

    def build():
        recovery = recovery_for_comparison(
            comparison, can_pay if has_budget else None, as_of, assumptions
        )
        return recovery_panel(labels, recovery, lang, index=comparison.recommended)

    try:
        panel = session_memo(
            "proposals.recovery",
            (*memo_key, assumptions.model_dump_json(), has_budget, lang),
            build,
        )
    except CoreError as exc:
        return labels, exc
    return labels, panel


def show_recovery():
    """The lender-side section's frame: its title and the assumptions, in view and editable.
    Returns the place above the assumptions where :func:`recovery_results` draws what each
    proposal is worth (the workbench draws it last: see there)."""
    st.subheader(t("recovery.title"))
    st.caption(t("recovery.intro"))
    shown = st.container()
    with st.expander(t("recovery.assumptions.title")):
        st.caption(t("recovery.estimate_note"))
        assumption_inputs()
    return shown


def recovery_results(shown, labels: list[str], panel, lang: str) -> None:
    """What each proposal is worth to the lender against no agreement, and the sentence to
    say for the recommended plan, into ``shown`` (``panel``: from :func:`recovery_figures`, or
    the error to show in its place)."""
    if isinstance(panel, (ValidationError, CoreError)):
        with shown:
            show_error(panel)
        return
    with shown:
        st.plotly_chart(
            panel.figure,
            width="stretch",
            key="proposals.chart.recovery",
            config=plotly_config("recovery"),
        )
        lines = [
            f"- **{md_escape(label)}**：{md_escape(line)}"
            if lang == "zh-CN"
            else f"- **{md_escape(label)}**: {md_escape(line)}"
            for label, line in zip(labels, panel.rows, strict=True)
        ]
        lines.append(f"- {md_escape(panel.no_agreement)}")
        st.markdown("\n".join(lines))
        st.caption(" ".join(md_escape(line) for line in panel.assumptions))
        if panel.sentence:
            box = st.info if panel.persuasive else st.warning
            box(
                f"**{md_escape(t('recovery.sentence.title'))}**  \n{md_escape(panel.sentence)}",
                icon=":material/record_voice_over:" if panel.persuasive else ":material/info:",
            )


@st.fragment
@guarded_fragment
def workbench(
    store,
    client_id: int,
    account,
    can_pay: Decimal | None,
    as_of: date,
    restored: bool,
    has_budget: bool = True,
    history: Mapping[ProposalKind, KindHistory] | None = None,
) -> ProposalSettings | None:
    """The proposal inputs, their comparison, charts and recommendation, and the save form.

    A fragment: moving a slider or ticking a kind reruns this part alone, with the save form's
    preselection following the recommendation; saving reruns the whole page (the saved list
    below changes). Returns the settings as they stand (the full run passes them on).
    ``history``: what this debt's lender did with each kind before, shown beside the kinds.
    """
    lang = current_language()
    with st.container(border=True):
        if restored:
            st.caption(t("followups.settings_restored"))
        proposals, settings = proposal_inputs(account, as_of)
        show_debt_history(account.debt.creditor, history or {})
    if can_pay is None:
        return None
    debt = account.debt
    proposals = valid_only(debt, proposals, as_of)
    key = (
        client_id,
        debt.model_dump_json(),
        tuple(p.model_dump_json() for p in proposals),
        str(can_pay),
        as_of,
    )
    comparison, minimum, table, payments, cumulative = compared(key, lang)
    # Everything the results show is worked out before the first of them is drawn: the browser
    # then gets the whole rerun at once and lays it out once, instead of redrawing the charts
    # while later parts are still being computed.
    labels, panel = recovery_figures(comparison, minimum, can_pay, has_budget, as_of, lang, key)
    st.subheader(t("proposals.compare.title"))
    st.caption(
        t(
            "proposals.compare.owed",
            owed=format_money(debt.opening_balance, lang),
            principal=format_money(debt.outstanding_principal, lang),
            arrears=format_money(debt.accrued_interest_and_penalties, lang),
        )
    )
    # Widths from the content, so every header shows at 1280 px (long cells wrap); the name
    # stays in view while a phone scrolls.
    columns, row_height = fitted_columns(table, pinned=(t("proposals.col.proposal"),))
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="proposals.table",
        column_config=columns,
        row_height=row_height,
        height=table_height(len(table), row_height),
    )
    show_plan_rate_flags(comparison, debt, lang)
    show_credit_clocks(
        account, comparison, minimum, lang, as_of=as_of, first_due=settings.first_due
    )
    show_recommendation(comparison, minimum, lang)
    chart_left, chart_right = st.columns(2)
    recovery_place = show_recovery()
    save_form(store, client_id, account, comparison, minimum, lang, settings, as_of)
    # The charts last, each into its place above: they are the costliest for the browser to
    # draw, and arriving with the end of the run they are drawn once the rest is in place.
    chart_left.plotly_chart(payments, width="stretch", key="proposals.chart.payment")
    chart_right.plotly_chart(cumulative, width="stretch", key="proposals.chart.cumulative")
    recovery_results(recovery_place, labels, panel, lang)
    return settings
