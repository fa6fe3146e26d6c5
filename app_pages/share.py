"""Share (分享视图): one screen to screenshot and send — the plan, masked — and its downloads.

Thin: the store's records → :func:`report.plan_report.build_report` (masked unless the user
turns masking off for this view) → metrics, the key chart, debts, when each overdue debt's
late-payment record would end under its plan (an estimate), agreed dates, footer.
``?client=ID`` in the address opens a client's view directly. Downloads (chart PNG/SVG, PDF,
HTML) are made only when their button is clicked.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.base import plotly_config
from core.calls import DebtAccount
from core.errors import CoreError
from core.plans import Plan
from i18n import DISPLAY_ZONE, LANGUAGES, format_date, format_money, md_escape, translate
from i18n.errors import model_error_lines
from report import text
from report.charts import report_figures
from report.html import render_html
from report.images import (
    SIZES,
    chart_html,
    export_image,
    find_chromium,
    warm_up_in_background,
)
from report.letter import LetterError, letter_file_name, make_letter
from report.letter_docx import DOCX_MIME
from report.letter_docx import render_docx as letter_docx
from report.letter_pdf import render_pdf as letter_pdf
from report.pdf import render_pdf
from report.plan_report import PlanReport, PlanStatus, ReportInputs, build_report, load_inputs
from services import StoreError
from ui.errors import show_error
from ui.i18n import current_language, t, worded
from ui.proposal_widgets import clock_text, plan_clock
from ui.state import (
    actor,
    audited_download,
    current_client_id,
    get_store,
    now_local,
    require_client,
    select_client,
)
from ui.tables import fitted_table

#: How many upcoming agreed payments the view lists.
NEXT_DATES = 6
#: Durable key (not a widget key): the day the figures are worked out for, if not today.
AS_OF_KEY = "share_as_of"


#: Audit actions of what leaves the counselor's hands from this page.
SHARED = "client.shared"
LETTER = "client.letter"


def client_from_query() -> None:
    """``?client=ID`` chooses that client (a link straight to a client's share view)."""
    value = st.query_params.get("client")
    if value and value.isdigit() and int(value) != current_client_id():
        select_client(int(value))
        st.rerun()  # so that the sidebar, drawn before this page, names the client too


def render_header(report: PlanReport, lang: str) -> None:
    st.subheader(t("share.heading", client=md_escape(report.client_label)), anchor=False)
    made = format_date(report.made_at.astimezone(DISPLAY_ZONE).date(), lang)
    st.caption(t("share.subtitle", made=made, as_of=format_date(report.as_of, lang)))
    if not report.masked:
        st.warning(t("share.unmasked_warning"), icon=":material/visibility:")
        st.markdown(md_escape(" · ".join(text.who(report, lang))))


def render_metrics(report: PlanReport, lang: str) -> None:
    capacity = (
        format_money(report.capacity, lang)
        if report.capacity is not None
        else t("report.no_capacity")
    )
    first, second = st.columns(2), st.columns(2)
    first[0].metric(
        t("share.metric.monthly"),
        t(
            "share.metric.monthly_value",
            payment=format_money(report.first_month, lang),
            capacity=capacity,
        ),
        border=True,
    )
    first[1].metric(
        t("share.metric.highest"), format_money(report.highest_month, lang), border=True
    )
    second[0].metric(
        t("share.metric.total"),
        format_money(report.total_plan, lang),
        t("share.metric.contract_total", total=format_money(report.total_contract, lang)),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    saving_label, saving = text.saving_pair(report.saving, lang)
    second[1].metric(
        saving_label,
        saving,
        t("share.metric.cost", cost=format_money(report.total_cost, lang)),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    # The contracts as they stand: this month's demand (arrears included) beside the usual
    # installment, worded as in the PDF and the HTML.
    st.caption(t("report.section.contracts"))
    third = st.columns(2)
    third[0].metric(
        t("report.contract_month"), format_money(report.contract_month, lang), border=True
    )
    third[1].metric(
        t("report.regular_month"), format_money(report.regular_month, lang), border=True
    )
    fit = text.fit_text(report, lang)
    if fit and report.months_over_capacity:
        st.warning(fit, icon=":material/warning:")
    elif fit:
        st.success(fit, icon=":material/check_circle:")


def render_debts(report: PlanReport, lang: str) -> None:
    st.markdown(f"**{t('share.debts')}**")
    columns = ("creditor", "plan", "status", "monthly", "months", "saving")
    if not report.masked:
        columns = ("creditor", "contract", *columns[1:])
    frame = pd.DataFrame(text.debt_rows(report, columns, lang))
    frame.columns = [text.heading(c, lang) for c in columns]
    fitted_table(frame, key="share_debts")


def render_credit(report: PlanReport, accounts: tuple[DebtAccount, ...], lang: str) -> None:
    """Under each overdue debt's plan, when its late-payment record would end (an estimate;
    nothing for a debt not overdue or a lender that does not report)."""
    by_id = {account.id: account for account in accounts}
    lines = []
    for line in report.debts:
        account = by_id.get(line.debt_id)
        if account is None:
            continue
        try:
            clock = plan_clock(
                account, Plan(opening=line.owed_now, rows=line.rows), line.forgiven, line.kind
            )
        except CoreError:  # a payment without a date
            words = t("credit_plan.undated")
        else:
            if clock is None:
                continue
            words = clock_text(clock, lang)
        label = md_escape(f"{line.creditor} · {text.plan_text(line, lang)}")
        lines.append(f"- {t('credit_plan.line', plan=f'**{label}**', clock=words)}")
    if not lines:
        return
    st.markdown(f"**{t('credit_plan.title')}**")
    st.markdown("\n".join(lines))
    st.caption(t("credit.clock.under_plan_basis"))


def render_dates(report: PlanReport, lang: str) -> None:
    dues = [d for d in report.agreed_dues if d.due_date >= report.as_of]
    st.markdown(f"**{t('share.next_dates')}**")
    if not dues:
        st.caption(t("report.no_dates"))
        return
    lines = [
        f"- {format_date(d.due_date, lang)} · {md_escape(d.creditor)} · "
        f"**{format_money(d.amount, lang)}**"
        for d in dues[:NEXT_DATES]
    ]
    if len(dues) > NEXT_DATES:
        lines.append(f"- {t('report.more_dates', n=len(dues) - NEXT_DATES)}")
    st.markdown("\n".join(lines))


def render_view(report: PlanReport, lang: str, accounts: tuple[DebtAccount, ...] = ()) -> None:
    with st.container(border=True, key="share_view"):
        render_header(report, lang)
        if not report.debts:
            st.info(t("report.no_debts"), icon=":material/info:")
        else:
            render_metrics(report, lang)
            figure = report_figures(report, lang)["monthly"]
            st.plotly_chart(
                figure,
                width="stretch",
                config=plotly_config(f"plan-{report.client_id}"),
                theme=None,  # the same colours and hatching as the images and the PDF
                key="share_chart",
            )
            render_debts(report, lang)
            render_credit(report, accounts, lang)
            render_dates(report, lang)
        made = format_date(report.made_at.astimezone(DISPLAY_ZONE).date(), lang)
        st.caption(t("share.footer", date=made))


def render_downloads(store, client_id: int, report: PlanReport, lang: str) -> None:
    st.markdown(f"##### :material/download: {t('share.downloads')}")
    st.caption(t("share.downloads_note"))
    figures = report_figures(report, lang) if report.months else {}
    label = translate("report.chart.label", lang, client=report.client_label)
    stem = f"plan-{report.client_id}-{report.as_of.isoformat()}"
    if figures:
        left, right = st.columns(2)
        chart = left.selectbox(
            t("share.chart"),
            list(figures),
            format_func=lambda name: translate(f"report.chart.{name}.title", lang),
            key=worded("share_chart_choice"),
        )
        size = right.selectbox(
            t("share.size"),
            list(SIZES),
            format_func=lambda name: translate(f"share.size.{name}", lang),
            key=worded("share_size"),
        )
        width, height = SIZES[size]
        fig = figures[chart]
        buttons = st.columns(4)
        if find_chromium() is None:
            st.info(t("share.no_chromium"), icon=":material/info:")
            buttons[0].download_button(
                t("share.chart_html"),
                data=audited_download(
                    store,
                    SHARED,
                    client_id,
                    lambda: chart_html(fig, client_label=label),
                    format="chart_html",
                    masked=report.masked,
                ),
                file_name=f"{stem}-{chart}.html",
                mime="text/html",
                key="share_chart_html",
                on_click="ignore",
            )
        else:
            warm_up_in_background()  # the export server is ready by the time a PNG is asked for
            for column, fmt, mime in ((0, "png", "image/png"), (1, "svg", "image/svg+xml")):
                buttons[column].download_button(
                    t(f"share.{fmt}"),
                    data=audited_download(
                        store,
                        SHARED,
                        client_id,
                        lambda fmt=fmt: export_image(
                            fig, fmt, width=width, height=height, scale=2, client_label=label
                        ),
                        format=fmt,
                        masked=report.masked,
                    ),
                    file_name=f"{stem}-{chart}.{fmt}",
                    mime=mime,
                    key=f"share_{fmt}",
                    icon=":material/image:",
                    on_click="ignore",
                )
    else:
        buttons = st.columns(4)
    buttons[2].download_button(
        t("share.pdf"),
        data=audited_download(
            store,
            SHARED,
            client_id,
            lambda: render_pdf(report, lang),
            format="pdf",
            masked=report.masked,
        ),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="share_pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )
    buttons[3].download_button(
        t("share.html"),
        data=audited_download(
            store,
            SHARED,
            client_id,
            lambda: render_html(report, lang),
            format="html",
            masked=report.masked,
        ),
        file_name=f"{stem}.html",
        mime="text/html",
        key="share_html",
        icon=":material/html:",
        on_click="ignore",
    )


def load_report(store, client) -> tuple[ReportInputs, PlanReport] | None:
    """The client's records and report, masked unless the toggle turns masking off; None (the
    error shown) when the store cannot be read."""
    unmask = st.toggle(t("share.unmask"), key="share_unmask", help=t("share.unmask_help"))
    now = now_local()
    try:
        inputs = load_inputs(store, client.id, actor=actor())
    except StoreError as exc:
        show_error(exc)
        return None
    as_of = st.session_state.get(AS_OF_KEY) or now.date()
    return inputs, build_report(inputs, as_of=as_of, made_at=now, masked=not unmask)


def render_letters(store, client_id: int, report: PlanReport, lang: str) -> None:
    """The letter to the lender for each debt with a saved proposal (the plan the view shows),
    Word and PDF; without the client's consent to contact lenders, or without a budget, the
    reason once instead, in the user's language."""
    lines = [
        line
        for line in report.debts
        if line.debt_id is not None and line.status is not PlanStatus.CONTRACT
    ]
    if not lines:
        return
    st.markdown(f"##### :material/mail: {t('letter.download.title')}")
    try:
        letters = [
            make_letter(store, client_id, line.debt_id, as_of=report.as_of, actor=actor())
            for line in lines
        ]
    except LetterError as exc:  # no consent to contact lenders, no budget: why, not a failure
        st.info("\n\n".join(model_error_lines(exc, lang)), icon=":material/info:")
        return
    except StoreError as exc:
        show_error(exc)
        return
    st.caption(t("letter.download.note"))
    letter_lang = st.radio(
        t("letter.download.language"),
        options=list(LANGUAGES),
        format_func=lambda code: translate(f"letter.download.language.{code}", lang),
        key=worded("share_letter_lang"),
        horizontal=True,
    )
    for line, letter in zip(lines, letters, strict=True):
        left, middle, right = st.columns([2, 1, 1], vertical_alignment="center")
        plan = text.plan_text(line, lang)
        left.markdown(md_escape(t("letter.download.for", creditor=line.creditor, plan=plan)))
        middle.download_button(
            t("letter.download.docx"),
            data=audited_download(
                store,
                LETTER,
                client_id,
                lambda letter=letter: letter_docx(letter, letter_lang),
                format="docx",
                debt_id=line.debt_id,
            ),
            file_name=letter_file_name(letter, letter_lang, ".docx"),
            mime=DOCX_MIME,
            key=f"share_letter_docx_{line.debt_id}",
            icon=":material/description:",
            on_click="ignore",
        )
        right.download_button(
            t("letter.download.pdf"),
            data=audited_download(
                store,
                LETTER,
                client_id,
                lambda letter=letter: letter_pdf(letter, letter_lang),
                format="pdf",
                debt_id=line.debt_id,
            ),
            file_name=letter_file_name(letter, letter_lang, ".pdf"),
            mime="application/pdf",
            key=f"share_letter_pdf_{line.debt_id}",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
        )


def main() -> None:
    store = get_store()
    if store is None:
        return
    st.title(t("page.share"))
    client_from_query()
    client = require_client(store)
    if client is None:
        return
    loaded = load_report(store, client)
    if loaded is None:
        return
    inputs, report = loaded
    lang = current_language()
    render_view(report, lang, inputs.debts)
    render_downloads(store, client.id, report, lang)
    render_letters(store, client.id, report, lang)


main()
