"""The Debts page's import section: templates to download, a CSV or Excel file uploaded, its
columns mapped to fields (suggested from the headers, remembered per file shape), every row
previewed with its problems in the user's language, and the valid rows the counselor keeps
saved in one unit of work.

The page calls :func:`render_import` (``render_import(store, client.id, lang)``). Reading and
checking are ``core.debt_import`` (cells) and ``services.debt_import`` (workbooks, remembered
mappings, the save); the texts are ``debt_import.`` keys. The helpers above
:func:`render_import` are pure (no widget): tests word rows and build templates through them.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
import services.debt_import as importer
from core.calls import DebtAccount
from core.debt_import import (
    MAX_IMPORT_BYTES,
    ImportRefusedError,
    ImportRow,
    Problem,
    Table,
    Target,
    header_shape,
    missing_targets,
    parse_rows,
    suggest_mapping,
)
from core.debts import LenderType
from core.errors import CoreError
from core.rates import QuoteKind
from core.schedules import Method
from i18n import LANGUAGES, enum_label, format_date, format_money, translate
from i18n.errors import field_label, model_error_lines
from services import ChangedElsewhereError, StoreError, Workspace
from ui.errors import show_error
from ui.i18n import t, worded
from ui.state import actor, request_for, session_memo
from ui.tables import fitted_table

PREFIX = "debtimport_"
#: Durable key: the count of imports saved in this session (a new uploader after each).
ROUND_KEY = PREFIX + "round"
#: Durable key: how many debts the last save imported (shown once, after the rerun).
FLASH_KEY = PREFIX + "flash"
#: Durable key: remembered mappings read, by file shape (mapping values, version).
REMEMBERED_KEY = PREFIX + "remembered"
FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "xlsm"]
#: The template's columns, in order; the example row is the guide's 来分期 debt.
TEMPLATE_TARGETS = (
    Target.CREDITOR,
    Target.LENDER_TYPE,
    Target.CONTRACT_NUMBER,
    Target.OUTSTANDING_PRINCIPAL,
    Target.OVERDUE_AMOUNT,
    Target.DAYS_OVERDUE,
    Target.ACCRUED,
    Target.RATE,
    Target.RATE_KIND,
    Target.PENALTY_RATE,
    Target.REMAINING_MONTHS,
    Target.NEXT_DUE_DATE,
)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Columns of mapping boxes per line.
MAPPING_COLUMNS = 4


# --- pure helpers ------------------------------------------------------------------------------


def target_label(target: Target, lang: str) -> str:
    return translate(f"debt_import.target.{target.value}", lang)


def header_aliases() -> dict[str, Target]:
    """Every target's label in every language, as header names: a template made in either
    language maps itself."""
    return {target_label(target, lang): target for lang in LANGUAGES for target in Target}


def choice_labels() -> dict[Target, dict[str, StrEnum]]:
    """The labels of lender types, rate kinds and methods in every language, as cell values."""
    enums: dict[Target, type[StrEnum]] = {
        Target.LENDER_TYPE: LenderType,
        Target.RATE_KIND: QuoteKind,
        Target.METHOD: Method,
    }
    return {
        target: {enum_label(member, lang): member for lang in LANGUAGES for member in enum}
        for target, enum in enums.items()
    }


def template_rows(lang: str) -> tuple[list[str], list[str]]:
    """The template's header row in ``lang`` and its example row (the guide's 来分期 debt)."""
    example = {
        Target.CREDITOR: "来分期",
        Target.LENDER_TYPE: enum_label(LenderType.ONLINE_PLATFORM, lang),
        Target.CONTRACT_NUMBER: "LFQ2025031500123",
        Target.OUTSTANDING_PRINCIPAL: "12000.00",
        Target.OVERDUE_AMOUNT: "900.00",
        Target.DAYS_OVERDUE: "30",
        Target.ACCRUED: "1500.00",
        Target.RATE: "18%",
        Target.RATE_KIND: enum_label(QuoteKind.ANNUAL, lang),
        Target.PENALTY_RATE: "27%",
        Target.REMAINING_MONTHS: "12",
        Target.NEXT_DUE_DATE: "2026-12-15",
    }
    headers = [target_label(target, lang) for target in TEMPLATE_TARGETS]
    return headers, [example[target] for target in TEMPLATE_TARGETS]


def _params(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    return {
        name: format_date(value, lang) if hasattr(value, "isoformat") else value
        for name, value in params.items()
    }


def problem_line(problem: Problem, kind: str, lang: str) -> str:
    """One problem (``kind`` ``problem``) or note (``note``) as "field: what", in ``lang``."""
    text = translate(f"debt_import.{kind}.{problem.code}", lang, **_params(problem.params, lang))
    return translate("error.line", lang, field=field_label(problem.field, lang), problem=text)


def row_messages(row: ImportRow, lang: str) -> list[str]:
    """What is wrong with ``row`` (each field's problem, or the model's refusal, worded as
    every form words it), then the notes on what was assumed."""
    lines = [problem_line(problem, "problem", lang) for problem in row.problems]
    if row.error is not None:
        lines += model_error_lines(row.error, lang)
    return lines + [problem_line(note, "note", lang) for note in row.notes]


def recorded_lines(rows: Sequence[ImportRow], existing: Sequence[DebtAccount]) -> set[int]:
    """The valid rows whose contract number is already one of the client's debts (a file
    imported a second time): shown, and left out unless chosen."""
    numbers = {account.contract_number for account in existing if account.contract_number}
    return {
        row.line
        for row in rows
        if row.account is not None and row.account.contract_number in numbers
    }


def row_status(row: ImportRow, lang: str, recorded: bool = False) -> str:
    if not row.valid:
        return translate("debt_import.status.invalid", lang)
    if recorded:
        return translate("debt_import.status.recorded", lang)
    return translate(f"debt_import.status.{'noted' if row.notes else 'valid'}", lang)


def percent_text(rate: Any) -> str:
    """A rate as a percentage with the digits it has (0.0005 → "0.05%")."""
    return f"{(rate * 100).normalize():f}%"


def _raw(row: ImportRow, mapping: Mapping[int, Target | None], target: Target) -> str:
    index = next((i for i, chosen in sorted(mapping.items()) if chosen is target), None)
    return row.values[index] if index is not None and index < len(row.values) else ""


def preview_frame(
    rows: Sequence[ImportRow],
    mapping: Mapping[int, Target | None],
    lang: str,
    recorded: set[int] | frozenset[int] = frozenset(),
) -> pd.DataFrame:
    """One line per data row: its line in the file, status, main figures and messages
    (``recorded``: the lines of debts already recorded, see :func:`recorded_lines`)."""
    separator = translate("debt_import.message_separator", lang)
    records = []
    for row in rows:
        messages = row_messages(row, lang)
        if row.line in recorded and row.account is not None:
            number = row.account.contract_number
            messages.insert(0, translate("debt_import.recorded_note", lang, contract=number))
        if row.account is not None:
            debt = row.account.debt
            creditor = debt.creditor
            principal = format_money(debt.outstanding_principal, lang)
            rate = percent_text(debt.rate_quote)
            kind = enum_label(debt.rate_kind, lang)
            months = str(debt.remaining_months)
        else:
            creditor = _raw(row, mapping, Target.CREDITOR)
            principal = _raw(row, mapping, Target.OUTSTANDING_PRINCIPAL)
            rate = _raw(row, mapping, Target.RATE)
            kind = _raw(row, mapping, Target.RATE_KIND)
            months = _raw(row, mapping, Target.REMAINING_MONTHS)
        records.append(
            {
                translate("debt_import.col.line", lang): row.line,
                translate("debt_import.col.status", lang): row_status(
                    row, lang, row.line in recorded
                ),
                translate("debt_import.col.creditor", lang): creditor,
                translate("debt_import.col.principal", lang): principal,
                translate("debt_import.col.rate", lang): rate,
                translate("debt_import.col.kind", lang): kind,
                translate("debt_import.col.months", lang): months,
                translate("debt_import.col.messages", lang): separator.join(messages),
            }
        )
    return pd.DataFrame(records)


# --- the section -------------------------------------------------------------------------------


def _render_templates(lang: str) -> None:
    headers, example = template_rows(lang)
    name = t("debt_import.template_file")
    st.caption(t("debt_import.template_note"))
    left, right = st.columns(2)
    left.download_button(
        t("debt_import.template_csv"),
        data=importer.template_csv(headers, example),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=PREFIX + "template_csv",
        icon=":material/download:",
        width="stretch",
    )
    right.download_button(
        t("debt_import.template_xlsx"),
        data=session_memo(
            "debt_import.template_xlsx",
            lang,
            lambda: importer.template_xlsx(headers, example, t("debt_import.template_sheet")),
        ),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key=PREFIX + "template_xlsx",
        icon=":material/download:",
        width="stretch",
    )


def _read(data: bytes, name: str, sheet: str | None) -> importer.Workbook:
    digest = hashlib.sha256(data).hexdigest()
    return session_memo(
        "debt_import.read",
        (digest, name, sheet),
        lambda: importer.read_file(data, name, sheet=sheet),
        max_entries=4,
    )


def _starting_mapping(store: Workspace, headers: Sequence[str]) -> tuple[dict[int, Target], int]:
    """The remembered mapping of this file shape, else the one suggested by the headers; with
    the remembered setting's version (0: none)."""
    shape = header_shape(headers)
    cache: dict[str, tuple[dict[int, Target] | None, int]] = st.session_state.setdefault(
        REMEMBERED_KEY, {}
    )
    if shape not in cache:
        found = importer.remembered_mapping(store, actor(), headers)
        cache[shape] = (found.mapping, found.version)
    remembered, version = cache[shape]
    if remembered is not None:
        return remembered, version
    return suggest_mapping(headers, header_aliases()), version


def _column_label(headers: Sequence[str], index: int) -> str:
    header = headers[index]
    if header:
        return t("debt_import.column", header=header)
    return t("debt_import.column_blank", n=index + 1)


def _render_mapping(
    store: Workspace, table: Table, lang: str
) -> tuple[dict[int, Target | None], int]:
    headers = table.headers
    shape = header_shape(headers)
    start, version = _starting_mapping(store, headers)
    st.markdown(f"**{t('debt_import.mapping_title')}**")
    remembered = st.session_state[REMEMBERED_KEY][shape][0] is not None
    st.caption(t("debt_import.remembered" if remembered else "debt_import.mapping_help"))
    if not start:
        st.warning(t("debt_import.no_columns"), icon=":material/help:")
    labels: dict[Target | None, str] = {None: t("debt_import.not_imported")}
    labels |= {target: target_label(target, lang) for target in Target}
    options: list[Target | None] = [None, *Target]
    mapping: dict[int, Target | None] = {}
    columns = st.columns(MAPPING_COLUMNS)
    for index in range(len(headers)):
        key = f"{PREFIX}map_{shape[:12]}_{index}"
        if key not in st.session_state:
            st.session_state[key] = start.get(index)
        mapping[index] = columns[index % MAPPING_COLUMNS].selectbox(
            _column_label(headers, index),
            options,
            key=worded(key),
            format_func=labels.get,
        )
    chosen = [target for target in mapping.values() if target is not None]
    for target in dict.fromkeys(c for c in chosen if chosen.count(c) > 1):
        st.warning(t("debt_import.twice", field=labels[target]), icon=":material/warning:")
    missing = missing_targets(mapping)
    if missing:
        fields = t("debt_import.list_separator").join(labels[target] for target in missing)
        st.error(t("debt_import.missing_columns", fields=fields), icon=":material/error:")
    return mapping, version


def _render_preview(
    rows: Sequence[ImportRow],
    mapping: Mapping[int, Target | None],
    lang: str,
    recorded: set[int],
) -> list[ImportRow]:
    """The preview table, and the valid rows the counselor keeps (all the new ones unless
    chosen otherwise)."""
    st.markdown(f"**{t('debt_import.preview_title')}**")
    valid = [row for row in rows if row.valid]
    st.caption(
        t("debt_import.summary", total=len(rows), valid=len(valid), invalid=len(rows) - len(valid))
    )
    fitted_table(preview_frame(rows, mapping, lang, recorded), key=PREFIX + "preview")
    if not valid:
        st.warning(t("debt_import.none_valid"), icon=":material/warning:")
        return []
    new = [row for row in valid if row.line not in recorded]
    if recorded:
        st.warning(t("debt_import.recorded_left_out", n=len(recorded)), icon=":material/warning:")
    if st.checkbox(t("debt_import.all_valid"), value=True, key=PREFIX + "all_valid"):
        return new
    by_line = {row.line: row for row in valid}
    lines = st.multiselect(
        t("debt_import.choose"),
        list(by_line),
        default=[row.line for row in new],
        key=PREFIX + "lines",
        format_func=lambda line: translate(
            "debt_import.choose_option",
            lang,
            line=line,
            creditor=by_line[line].account.debt.creditor if by_line[line].account else "",
        ),
    )
    return [by_line[line] for line in lines]


def _save(
    store: Workspace,
    client_id: int,
    upload: Any,
    table: Table,
    mapping: dict[int, Target | None],
    version: int,
    chosen: Sequence[ImportRow],
) -> None:
    accounts = [row.account for row in chosen if row.account is not None]
    values = [target.value if target else None for target in mapping.values()]
    lines = [row.line for row in chosen]
    request_id = request_for("debt_import", client_id, upload.file_id, lines, values)
    try:
        saved = importer.save_rows(store, actor(), client_id, accounts, request_id=request_id)
    except (ValidationError, CoreError, StoreError) as exc:
        show_error(exc)
        return
    if st.session_state.get(PREFIX + "remember", True):
        # The debts are saved; a mapping saved meanwhile by someone else stays as it is.
        with contextlib.suppress(ChangedElsewhereError, StoreError):
            importer.remember_mapping(store, actor(), table.headers, mapping, version=version)
        st.session_state.pop(REMEMBERED_KEY, None)
    st.session_state[FLASH_KEY] = len(saved)
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.rerun()


def render_import(store: Workspace, client_id: int, lang: str) -> None:
    """The import section for the client ``client_id``, worded in ``lang``."""
    saved = st.session_state.pop(FLASH_KEY, None)
    with st.expander(
        t("debt_import.title"), icon=":material/upload_file:", expanded=saved is not None
    ):
        if saved is not None:
            st.success(t("debt_import.saved", n=saved), icon=":material/check_circle:")
        st.caption(t("debt_import.intro"))
        _render_templates(lang)
        upload = st.file_uploader(
            t("debt_import.upload"),
            type=FILE_TYPES,
            key=f"{PREFIX}file_{st.session_state.get(ROUND_KEY, 0)}",
            help=t("debt_import.upload_help"),
            max_upload_size=MAX_IMPORT_BYTES // (1024 * 1024),  # the server allows backups more
        )
        if upload is None:
            return
        data = upload.getvalue()
        sheet_key = f"{PREFIX}sheet_{hashlib.sha256(data).hexdigest()[:12]}"
        try:
            book = _read(data, upload.name, st.session_state.get(sheet_key))
        except ImportRefusedError as exc:
            show_error(exc)
            return
        if len(book.sheets) > 1:
            chosen_sheet = st.selectbox(t("debt_import.sheet"), list(book.sheets), key=sheet_key)
            if chosen_sheet != book.sheet:
                st.rerun()
        table = book.table
        st.caption(t("debt_import.read_from", line=table.header_line, count=len(table.rows)))
        mapping, version = _render_mapping(store, table, lang)
        rows = session_memo(
            "debt_import.rows",
            (hashlib.sha256(data).hexdigest(), book.sheet, tuple(mapping.items()), client_id),
            lambda: parse_rows(table, mapping, client_id, choice_labels()),
            max_entries=4,
        )
        existing = services.debts.list_for_client(store, actor(), client_id)
        chosen = _render_preview(rows, mapping, lang, recorded_lines(rows, existing))
        st.checkbox(t("debt_import.remember"), value=True, key=PREFIX + "remember")
        if st.button(
            t("debt_import.save", n=len(chosen)),
            key=PREFIX + "save",
            type="primary",
            icon=":material/save:",
            disabled=not chosen,
        ):
            _save(store, client_id, upload, table, mapping, version, chosen)
