"""Call prep: the lender's official channel, the scam checklist, the documents, the client's
hardship situations and their proof, and the script card (in both languages, as a PDF to
print) — everything to have ready before dialling."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

import services
from core.calls import DocumentChecklist, DocumentItem, OfficialChannel, ServiceChannelKind
from core.errors import CoreError
from core.rules.hardship import CHECKLIST_ITEM as HARDSHIP_LINE
from core.rules.legal import LegalStatus
from core.rules.scam import (
    NumberSource,
    ScamAnswers,
    Severity,
    must_hang_up,
    scam_advice,
    scam_red_flags,
)
from core.rules.script import CallScript, call_script
from core.rules.templates import render
from i18n import LANGUAGES, md_escape, translate
from report.script_card import script_card_pdf
from services import ProposalStatus, StoreError
from services.actor import team_mode
from ui.attorney_widgets import render_attorney
from ui.call_widgets import (
    debt_label,
    monthly_income,
    open_call_page,
    page_link_if_present,
    proposal_result,
)
from ui.errors import show_error
from ui.evidence_widgets import render_evidence
from ui.hardship_widgets import load_evidence, render_hardship
from ui.i18n import current_language, enum_labels, t, worded
from ui.state import actor, audited_download, now_local

SCAM_QUESTIONS = (
    "asked_fee_before_plan",
    "asked_transfer_to_personal_account",
    "asked_password_or_sms_code",
    "third_party_offers_paid_negotiation",
    "pressed_to_act_now",
)


def render_channels(store, account) -> None:
    st.subheader(t("prep.channels.title"))
    kinds = enum_labels(ServiceChannelKind)
    if account.official_channels:
        st.table(
            [
                {
                    t("prep.channels.kind"): kinds[channel.kind],
                    # st.table draws its cells as Markdown
                    t("prep.channels.value"): md_escape(channel.value),
                    t("prep.channels.found"): md_escape(channel.note) or "—",
                }
                for channel in account.official_channels
            ]
        )
    else:
        st.warning(t("prep.channels.none"), icon=":material/travel_explore:")
    with (
        st.expander(t("prep.channels.add"), icon=":material/add_call:"),
        st.form(f"prep_channel_form_{account.id}", clear_on_submit=True, border=False),
    ):
        kind, value = st.columns([1, 2])
        kind.selectbox(
            t("prep.channels.kind"), list(kinds), format_func=kinds.get, key=worded("prep_ch_kind")
        )
        value.text_input(t("prep.channels.value"), key="prep_ch_value")
        st.text_input(
            t("prep.channels.found"),
            key="prep_ch_note",
            placeholder=t("prep.channels.found_placeholder"),
        )
        submitted = st.form_submit_button(t("prep.channels.save"), key="prep_ch_save")
    if submitted:
        state = st.session_state
        try:
            channel = OfficialChannel(
                kind=state["prep_ch_kind"], value=state["prep_ch_value"], note=state["prep_ch_note"]
            )
            channels = (*account.official_channels, channel)
            services.debts.update(
                store, actor(), account.model_copy(update={"official_channels": channels})
            )
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            st.rerun()


def render_scam_check(lang) -> None:
    st.subheader(t("prep.scam.title"))
    st.caption(t("prep.scam.help"))
    sources = enum_labels(NumberSource)
    # Unanswered until the counselor answers: a preset "from the lender's app" would pass a
    # scammer's number as safe.
    st.selectbox(
        t("prep.scam.number_source"),
        list(sources),
        format_func=sources.get,
        index=None,
        placeholder=t("prep.scam.number_source_placeholder"),
        key=worded("prep_source"),
    )
    left, right = st.columns(2)
    for i, question in enumerate(SCAM_QUESTIONS):
        (left if i % 2 == 0 else right).checkbox(
            t(f"prep.scam.q.{question}"), key=f"prep_{question}"
        )
    verified = {None: t("prep.scam.unknown"), True: t("prep.scam.yes"), False: t("prep.scam.no")}
    st.radio(
        t("prep.scam.verified_identity"),
        list(verified),
        format_func=verified.get,
        key="prep_verified",
        horizontal=True,
    )
    state = st.session_state
    answers = ScamAnswers(
        number_source=state["prep_source"],
        verified_identity=state["prep_verified"],
        **{question: state[f"prep_{question}"] for question in SCAM_QUESTIONS},
    )
    flags = scam_red_flags(answers, lang)
    advice = scam_advice(flags, lang)
    if must_hang_up(flags):
        with st.container(border=True, key="prep_stop"):
            st.error(f"### {t('prep.scam.stop')}\n\n{advice}", icon=":material/dangerous:")
    elif flags:
        st.warning(advice, icon=":material/warning:")
    elif answers.number_source is None:
        st.info(t("prep.scam.answer_source"), icon=":material/help:")
    else:
        st.success(advice, icon=":material/verified_user:")
    for flag in flags:
        tag = t(f"prep.scam.severity.{flag.severity.value}")
        colour = "red" if flag.severity is Severity.HIGH else "orange"
        st.markdown(f":{colour}-badge[{tag}] {flag.text}")


def choose_caller(client_id: int) -> bool:
    """Whether someone negotiates on the client's behalf: always in team mode (signed-in
    counselors); in single-user mode as chosen, per client (a counselor by default)."""
    if team_mode():
        return True
    labels = {True: t("prep.caller.counselor"), False: t("prep.caller.client")}
    return bool(
        st.radio(
            t("prep.caller.label"),
            [True, False],
            format_func=labels.__getitem__,
            key=worded(f"prep_caller_{client_id}"),
            horizontal=True,
            help=t("prep.caller.help"),
        )
    )


def render_documents(
    store,
    client,
    account,
    hardship_ready: bool | None,
    *,
    on_behalf: bool = False,
    saved: DocumentChecklist | None = None,
) -> None:
    """The checklist; its "proof of hardship" line follows the evidence list (read-only) once
    the client has a hardship situation (``hardship_ready`` not ``None``). The power of
    attorney counts only ``on_behalf``; then, not ticked, a warning points to its section.
    ``saved``: the checklist as the page read it."""
    st.subheader(t("prep.docs.title"))
    checklist = saved or DocumentChecklist(client_id=client.id, debt_id=account.id)
    if hardship_ready is not None:
        checklist = checklist.model_copy(update={HARDSHIP_LINE.value: hardship_ready})
    needed = checklist.needed(on_behalf=on_behalf)
    ready = len(needed) - len(checklist.missing(on_behalf=on_behalf))
    st.progress(
        ready / len(needed) if needed else 1.0,
        text=t("prep.docs.progress", ready=ready, total=len(needed)),
    )
    if on_behalf and not checklist.power_of_attorney:
        st.warning(t("prep.docs.poa_missing"), icon=":material/contract:")
    labels = enum_labels(DocumentItem)
    with st.form(f"prep_docs_form_{account.id}", border=True):
        left, right = st.columns(2)
        for i, item in enumerate(needed):
            column = left if i % 2 == 0 else right
            if item is HARDSHIP_LINE and hardship_ready is not None:
                # Keyed by its value: a new value is a new box, drawn as the evidence says.
                column.checkbox(
                    labels[item],
                    value=hardship_ready,
                    key=f"prep_doc_{account.id}_{item.value}_auto_{hardship_ready}",
                    disabled=True,
                    help=t("pack.proof.checklist_auto_help"),
                )
                continue
            column.checkbox(
                labels[item],
                value=getattr(checklist, item.value),
                key=f"prep_doc_{account.id}_{item.value}",
            )
        submitted = st.form_submit_button(t("prep.docs.save"), key="prep_docs_save")
    if submitted:
        update = {
            item.value: hardship_ready
            if item is HARDSHIP_LINE and hardship_ready is not None
            else st.session_state[f"prep_doc_{account.id}_{item.value}"]
            for item in needed  # the power of attorney, not shown, keeps its saved value
        }
        try:
            services.checklists.save(store, actor(), checklist.model_copy(update=update))
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            st.rerun()
    render_evidence(store, client.id, current_language())


def script_markdown(script: CallScript) -> str:
    """The card as clean markdown: a heading per section, lists, the objections as pairs.

    Every line is text (the client's and the lender's names, the agent's ID are in it): the
    Markdown is only ours, around it.
    """

    def heading(section: str) -> str:
        return f"### {render(f'script.section.{section}', script.language)}"

    def items(marker: str, lines) -> str:
        return "\n".join(f"{marker} {md_escape(line)}" for line in lines)

    objections = [
        f"- **{md_escape(o.says)}**  \n  → {md_escape(o.answer)}" for o in script.objections
    ]
    blocks = [
        heading("opening"),
        items("1.", script.opening),
        heading("proposal"),
        items("-", script.proposal),
        heading("objections"),
        "\n".join(objections),
        heading("close"),
        items("-", (script.close_agreed, script.close_not_agreed)),
        heading("reminders"),
        items("-", script.reminders),
    ]
    return "\n\n".join(blocks) + "\n"


def render_script(
    store,
    client,
    account,
    *,
    checklist: DocumentChecklist | None = None,
    on_behalf: bool = False,
    legal: LegalStatus | None = None,
) -> None:
    """The card for a saved proposal, in both languages: ``checklist`` (as the page read it)
    says which documents and whether the power of attorney are ready, ``on_behalf`` who calls,
    ``legal`` the debt's legal status."""
    st.subheader(t("prep.script.title"))
    saved = [
        p
        for p in services.proposals.list_for_client(store, actor(), client.id)
        if p.debt_id == account.id
    ]
    if not saved:
        st.info(t("prep.script.no_proposal"), icon=":material/compare_arrows:")
        page_link_if_present(
            "app_pages/proposals.py", "page.proposals", ":material/compare_arrows:"
        )
        return
    # The agreed proposal first, then the newest.
    saved.sort(key=lambda p: (p.status is not ProposalStatus.AGREED, -(p.id or 0)))
    by_id = {p.id: p for p in saved}
    names = {
        p.id: (p.title or t(f"calls.proposal_kind.{p.proposal.kind.value}"))
        + (f" · {t('prep.script.agreed')}" if p.status is ProposalStatus.AGREED else "")
        for p in saved
    }
    chosen = st.selectbox(
        t("prep.script.proposal"),
        list(by_id),
        format_func=names.get,
        key=worded("prep_proposal"),
    )
    try:
        result = proposal_result(store, client.id, account, by_id[chosen])
        income = monthly_income(store, client.id)
        scripts = {
            language: call_script(
                client,
                account.debt,
                result,
                language,
                contract_number=account.contract_number or None,
                monthly_income=income,
                documents=checklist,
                on_behalf=on_behalf,
                legal=legal,
            )
            for language in LANGUAGES
        }
    except (ValidationError, CoreError) as exc:
        show_error(exc)
        return
    for tab, language in zip(
        st.tabs([t(f"lang.name.{language}") for language in LANGUAGES]), LANGUAGES, strict=True
    ):
        with tab:
            with st.container(border=True, key=f"prep_card_{language}"):
                st.markdown(script_markdown(scripts[language]))
            st.download_button(
                t("prep.script.download"),
                data=audited_download(
                    store,
                    "client.script_card",
                    client.id,
                    lambda language=language: card_pdf_bytes(
                        scripts[language], account.debt.creditor
                    ),
                    format="pdf",
                    language=language,
                ),
                file_name=f"repaytalk-script-{language}.pdf",
                mime="application/pdf",
                icon=":material/print:",
                key=f"prep_download_{language}",
                on_click="ignore",
                help=t("prep.script.download_help"),
            )


def card_pdf_bytes(script: CallScript, creditor: str) -> bytes:
    """The printable card, titled in the card's own language."""
    language = script.language
    title = f"{translate('prep.script.title', language)} · {creditor}"
    return script_card_pdf(script, title=title, subtitle=translate("app.title", language))


def choose_account(accounts):
    by_id = {account.id: account for account in accounts}
    labels = {debt_id: debt_label(account) for debt_id, account in by_id.items()}
    return by_id[st.selectbox(t("prep.debt"), list(by_id), format_func=labels.get, key="prep_debt")]


def main() -> None:
    store, client, accounts = open_call_page("prep.title")
    lang = current_language()
    account = choose_account(accounts)
    on_behalf = choose_caller(client.id)
    evidence = load_evidence(store, client.id)
    checklist = services.checklists.for_client(store, actor(), client.id, account.id)
    as_of = now_local().date()
    render_channels(store, account)
    render_scam_check(lang)
    render_documents(
        store,
        client,
        account,
        evidence.ready if evidence else None,
        on_behalf=on_behalf,
        saved=checklist,
    )
    render_attorney(
        store,
        client.id,
        account.id,
        as_of,
        lang,
        recorded=bool(checklist and checklist.power_of_attorney),
    )
    render_hardship(store, evidence, lang)
    render_script(
        store,
        client,
        account,
        checklist=checklist,
        on_behalf=on_behalf,
        legal=legal_status(store, client.id, account, as_of),
    )


def legal_status(store, client_id: int, account, as_of) -> LegalStatus | None:
    """The chosen debt's legal status (one read of the client's legal steps), or ``None``
    when it cannot be read (the Debts page says why)."""
    try:
        found = services.legal.for_accounts(store, actor(), client_id, [account], as_of=as_of)
    except (CoreError, StoreError):
        return None
    legal = found.get(account.id)
    return legal.status if legal else None


main()
