"""The power of attorney (授权委托书) on the Call prep page: the counselor's name, organisation,
validity and the powers given, then the document in Word and PDF for the chosen debt's lender.

The document carries the client's full name and ID number (the client signs it for the lender:
see :mod:`report.attorney`); each download is a line in the audit trail.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from core.errors import CoreError
from core.rules.attorney import DEFAULT_MONTHS, DEFAULT_SCOPE, MAX_MONTHS, Scope
from i18n import LANGUAGES, translate
from i18n.errors import model_error_lines
from report.attorney import AttorneyError, attorney_file_name, make_attorney
from report.attorney_docx import DOCX_MIME
from report.attorney_docx import render_docx as attorney_docx
from report.attorney_pdf import render_pdf as attorney_pdf
from services import StoreError, Workspace
from ui.errors import show_error
from ui.i18n import t, worded
from ui.state import actor, audited_download

#: The audit action of a download.
ATTORNEY = "client.attorney"


def render_attorney(
    store: Workspace,
    client_id: int,
    debt_id: int,
    as_of: date,
    lang: str,
    *,
    recorded: bool | None = None,
) -> None:
    """The section: whether the signed letter is ticked on the checklist (``recorded``; not
    said when ``None``), its inputs, then the two downloads (or why there is no document)."""
    with st.expander(t("attorney.download.title"), icon=":material/contract:"):
        if recorded is True:
            st.success(t("attorney.checklist.recorded"), icon=":material/task_alt:")
        elif recorded is False:
            st.warning(t("attorney.checklist.missing"), icon=":material/draw:")
        st.caption(t("attorney.download.note"))
        left, right = st.columns(2)
        name = left.text_input(t("attorney.form.counselor_name"), key="attorney_name", max_chars=50)
        org = right.text_input(t("attorney.form.counselor_org"), key="attorney_org", max_chars=100)
        start, length = st.columns(2)
        valid_from = start.date_input(
            t("attorney.form.valid_from"), value=as_of, key="attorney_from", format="YYYY-MM-DD"
        )
        months = length.number_input(
            t("attorney.form.months"),
            min_value=1,
            max_value=MAX_MONTHS,
            value=DEFAULT_MONTHS,
            step=1,
            key="attorney_months",
        )
        st.markdown(f"**{t('attorney.form.scope')}**", help=t("attorney.form.sign_help"))
        scope = [Scope.NEGOTIATE_PLAN]  # what the document is for: always given
        st.checkbox(
            t("attorney.form.scope.negotiate_plan"), value=True, disabled=True, key="attorney_s0"
        )
        for index, power in enumerate(list(Scope)[1:], start=1):
            if st.checkbox(
                t(f"attorney.form.scope.{power.value}"),
                value=power in DEFAULT_SCOPE,
                key=f"attorney_s{index}",
            ):
                scope.append(power)
        if not name.strip():
            st.info(t("attorney.form.name_first"), icon=":material/edit:")
            return
        try:
            attorney = make_attorney(
                store,
                client_id,
                debt_id,
                counselor_name=name,
                counselor_org=org,
                valid_from=valid_from,
                months=int(months),
                scope=scope,
                as_of=as_of,
                actor=actor(),
            )
        except AttorneyError as exc:  # no consent, bad terms: why, not a failure
            st.info("\n\n".join(model_error_lines(exc, lang)), icon=":material/info:")
            return
        except (StoreError, CoreError) as exc:
            show_error(exc)
            return
        doc_lang = st.radio(
            t("attorney.download.language"),
            options=list(LANGUAGES),
            format_func=lambda code: translate(f"attorney.download.language.{code}", lang),
            key=worded("attorney_lang"),
            horizontal=True,
        )
        docx_col, pdf_col = st.columns(2)
        docx_col.download_button(
            t("attorney.download.docx"),
            data=audited_download(
                store,
                ATTORNEY,
                client_id,
                lambda: attorney_docx(attorney, doc_lang),
                format="docx",
                debt_id=debt_id,
            ),
            file_name=attorney_file_name(attorney, doc_lang, ".docx"),
            mime=DOCX_MIME,
            key="attorney_docx",
            icon=":material/description:",
            on_click="ignore",
        )
        pdf_col.download_button(
            t("attorney.download.pdf"),
            data=audited_download(
                store,
                ATTORNEY,
                client_id,
                lambda: attorney_pdf(attorney, doc_lang),
                format="pdf",
                debt_id=debt_id,
            ),
            file_name=attorney_file_name(attorney, doc_lang, ".pdf"),
            mime="application/pdf",
            key="attorney_pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
        )
