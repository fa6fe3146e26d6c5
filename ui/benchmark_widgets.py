"""Living-cost benchmarks on the pages: the budget compared with the chosen benchmark (the
Affordability page) and the agency's own benchmark rows (an editor for a settings page).

The figures are :mod:`core.rules.living_costs`' (``compare_lines``, ``compare_budget``,
``floor_from``), the benchmarks and the choice :mod:`services.benchmarks`'. A shipped
(catalogued) benchmark's name and source are catalogue keys, worded in the session's language;
an agency's are its own text, shown as typed (escaped wherever Markdown would read it). The
notes advise: nothing here refuses or changes a budget.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
from core.access import Permission
from core.affordability import Budget
from core.errors import CoreError
from core.limits import (
    MAX_BENCHMARK_NAME_LENGTH,
    MAX_BENCHMARK_REGION_LENGTH,
    MAX_BENCHMARK_SOURCE_LENGTH,
    MAX_BENCHMARK_YEAR,
    MIN_BENCHMARK_YEAR,
)
from core.money import round_fen, to_money
from core.rules.living_costs import (
    MONTHS_A_YEAR,
    NOT_COMPARED,
    SHIPPED,
    Benchmark,
    BenchmarkCategory,
    BenchmarkKind,
    BenchmarkNote,
    CostLine,
    LineComparison,
    NoteKind,
    Population,
    compare_budget,
    compare_lines,
    floor_from,
)
from i18n import format_money, md_escape, translate
from i18n.errors import PYDANTIC_CODES, field_label, problem_text
from services import ChangedElsewhereError, StoreError, Workspace
from ui.errors import error_messages, show_error
from ui.i18n import current_language, t, worded
from ui.planning_forms import show_changed_elsewhere
from ui.state import actor
from ui.tables import fitted_table

#: The chooser's widget key, with the choice's version: a choice saved (here or elsewhere)
#: draws the box afresh on the saved benchmark.
CHOICE_KEY = "afford_benchmark_v{version}"
#: Durable keys: what the chooser's callback left for the run after it.
CHOICE_STALE_KEY = "afford_benchmark_stale"
CHOICE_ERROR_KEY = "afford_benchmark_error"
CHOICE_DONE_KEY = "afford_benchmark_done"


# --- names ----------------------------------------------------------------------------------


def benchmark_name(row: Benchmark, lang: str) -> str:
    """The benchmark's name as plain text: translated when shipped, else as the agency typed it."""
    return translate(row.name, lang) if row.catalogued else row.name


def benchmark_source(row: Benchmark, lang: str) -> str:
    """The benchmark's source as plain text (translated when shipped)."""
    return translate(row.source, lang) if row.catalogued else row.source


def _md(text: str, row: Benchmark) -> str:
    """``text`` of ``row`` for Markdown: an agency's own text escaped, ours as it is."""
    return text if row.catalogued else md_escape(text)


def name_md(row: Benchmark, lang: str) -> str:
    return _md(benchmark_name(row, lang), row)


def source_md(row: Benchmark, lang: str) -> str:
    return _md(benchmark_source(row, lang), row)


# --- the comparison -------------------------------------------------------------------------


def sentences(lang: str, *parts: str) -> str:
    """Sentences one after another: run together in Chinese, a space apart in English."""
    return ("" if lang == "zh-CN" else " ").join(parts)


def comparison_frame(rows: tuple[LineComparison, ...], lang: str) -> pd.DataFrame:
    """One row per compared line: the household's cost and the benchmark's, a person a month."""
    return pd.DataFrame(
        {
            translate("living_costs.col.line", lang): [
                translate(f"enum.cost_line.{row.line.value}", lang) for row in rows
            ],
            translate("living_costs.col.amount", lang): [
                format_money(row.amount, lang) for row in rows
            ],
            translate("living_costs.col.reference", lang): [
                format_money(row.reference, lang) for row in rows
            ],
            translate("benchmarks.col.note", lang): [
                translate("benchmarks.flag.well_above", lang) if row.well_above else ""
                for row in rows
            ],
        }
    )


def note_text(note: BenchmarkNote, lang: str) -> str:
    """A note on the budget for Markdown, naming its figure and where it comes from."""
    if note.kind is NoteKind.BELOW_FLOOR:
        words = translate(
            note.key,
            lang,
            amount=format_money(note.amount, lang),
            floor=format_money(note.reference, lang),
        )
        return sentences(lang, words, translate("benchmarks.floor_source", lang))
    benchmark = note.benchmark
    if benchmark is None or note.line is None:  # not a note core makes
        raise ValueError(f"a {note.kind} note names its line and benchmark")
    return translate(
        note.key,
        lang,
        category=translate(f"enum.cost_line.{note.line.value}", lang),
        amount=format_money(note.amount, lang),
        benchmark=format_money(note.reference, lang),
        source=source_md(benchmark, lang),
        year=benchmark.year,
    )


def show_notes(notes: tuple[BenchmarkNote, ...], lang: str) -> None:
    for note in notes:
        if note.kind is NoteKind.WELL_ABOVE:
            st.warning(note_text(note, lang), icon=":material/content_cut:")
        else:
            st.info(note_text(note, lang), icon=":material/shield:")


def show_minimum_standard(budget: Budget, benchmark: Benchmark, lang: str) -> None:
    """A 低保 standard is a floor, not an average: what floor it gives this household."""
    size = budget.household_size
    st.info(
        translate(
            "benchmarks.minimum_standard",
            lang,
            name=name_md(benchmark, lang),
            monthly=format_money(benchmark.monthly(), lang),
            source=source_md(benchmark, lang),
            year=benchmark.year,
            size=size,
            floor=format_money(floor_from(benchmark, size), lang),
            budget_floor=format_money(round_fen(budget.living_floor), lang),
        ),
        icon=":material/info:",
    )


def render_comparison(budget: Budget, benchmark: Benchmark, lang: str) -> None:
    """The budget's essential costs a person against ``benchmark``: the table, the notes and
    what they rest on."""
    if budget.essential_total <= 0:
        st.caption(t("benchmarks.enter_costs"))
        return
    notes = compare_budget(budget, None, benchmark)
    if benchmark.kind is BenchmarkKind.MINIMUM_STANDARD:
        show_minimum_standard(budget, benchmark, lang)
        show_notes(notes, lang)
    else:
        rows = compare_lines(budget, None, benchmark)
        fitted_table(comparison_frame(rows, lang), key="afford_benchmark_table")
        caption = t("living_costs.caption", source=source_md(benchmark, lang), year=benchmark.year)
        if any(row.line is CostLine.TOTAL for row in rows):
            caption = f"{caption} {t('living_costs.total_only')}"
        st.caption(caption)
        show_notes(notes, lang)
        if not notes:
            st.success(t("living_costs.no_notes"), icon=":material/check_circle:")
        st.caption(t("living_costs.threshold"))
    if any(budget.essential_costs.get(category, 0) for category in NOT_COMPARED):
        st.caption(t("living_costs.not_compared"))
    st.caption(t("living_costs.advice_only"))


def _choose(store: Workspace, key: str, version: int) -> None:
    """The chooser's callback: save the benchmark picked, at the choice's version shown."""
    picked = st.session_state.get(key)
    try:
        saved = services.benchmarks.choose_benchmark(store, actor(), picked, version=version)
    except ChangedElsewhereError as exc:
        st.session_state[CHOICE_STALE_KEY] = exc
    except StoreError as exc:
        st.session_state[CHOICE_ERROR_KEY] = exc
    else:
        st.session_state[CHOICE_DONE_KEY] = saved.benchmark


def _choice_messages(lang: str) -> None:
    """What the chooser's last change left: saved, refused as stale, or an error."""
    stale = st.session_state.pop(CHOICE_STALE_KEY, None)
    if isinstance(stale, ChangedElsewhereError):
        current = stale.current
        rows = []
        if isinstance(current, services.benchmarks.Chosen):
            rows = [(t("living_costs.choose"), benchmark_name(current.benchmark, lang))]
        show_changed_elsewhere(stale, rows)
    error = st.session_state.pop(CHOICE_ERROR_KEY, None)
    if isinstance(error, StoreError):
        show_error(error)
    done = st.session_state.pop(CHOICE_DONE_KEY, None)
    if isinstance(done, Benchmark):
        st.toast(t("benchmarks.chosen", name=name_md(done, lang)), icon=":material/check_circle:")


def choose(store: Workspace, lang: str) -> Benchmark | None:
    """The benchmark chooser, saved for the whole agency as it changes; the chosen benchmark
    (``None``, the error shown, when the store cannot be read)."""
    try:
        listed = services.benchmarks.benchmarks(store, actor())
        chosen = services.benchmarks.chosen(store, actor())
    except StoreError as exc:
        show_error(exc)
        return None
    _choice_messages(lang)
    names = {row.id: benchmark_name(row, lang) for row in listed.rows}
    ids = list(names)
    key = CHOICE_KEY.format(version=chosen.version)
    may_choose = actor().allows(Permission.MANAGE_SETTINGS)
    left, _ = st.columns([3, 2])
    left.selectbox(
        t("living_costs.choose"),
        ids,
        index=ids.index(chosen.benchmark.id),
        format_func=names.__getitem__,
        key=worded(key),
        on_change=_choose,
        args=(store, key, chosen.version),
        disabled=not may_choose,  # the agency's setting: an administrator's (team mode)
        help=None if may_choose else t("benchmarks.admin_only"),
    )
    if chosen.missing is not None:
        st.warning(
            t(
                "benchmarks.missing",
                id=md_escape(chosen.missing),
                name=name_md(chosen.benchmark, lang),
            ),
            icon=":material/sync_problem:",
        )
    if listed.unreadable:
        st.caption(t("benchmarks.unreadable", count=listed.unreadable))
    return chosen.benchmark


def render_benchmark(store: Workspace, budget: Budget | None) -> None:
    """The Affordability page's section: the chooser, then the comparison of ``budget`` (the
    form's, saved or not; nothing when its input is invalid)."""
    lang = current_language()
    with st.container(key="afford_benchmark"):
        st.subheader(t("living_costs.title"))
        benchmark = choose(store, lang)
        if benchmark is None or budget is None:
            return
        try:
            render_comparison(budget, benchmark, lang)
        except (CoreError, ValidationError) as exc:  # a household too large, say: advice only
            show_error(exc)


# --- the agency's own rows ------------------------------------------------------------------

EDITOR_KEY = "benchmarks_editor_v{version}"
EDITOR_FLASH_KEY = "benchmarks_editor_flash"
#: Durable key: (version, rows) of the agency's list as the editor first showed it.
EDITOR_SHOWN_KEY = "benchmarks_editor_shown"
#: The editor's columns (field names; their headers are ``benchmarks.editor.col.<name>``).
COLUMNS = ("name", "kind", "region", "population", "year", "source", "amount")


def editor_rows(rows: tuple[Benchmark, ...]) -> pd.DataFrame:
    """The agency's rows as the editor shows them: a minimum standard by its monthly amount."""
    records = []
    for row in rows:
        total = row.yearly[BenchmarkCategory.TOTAL]
        monthly = row.kind is BenchmarkKind.MINIMUM_STANDARD
        records.append(
            {
                "id": row.id,
                "name": row.name,
                "kind": row.kind.value,
                "region": row.region,
                "population": row.population.value,
                "year": row.year,
                "source": row.source,
                "amount": float(round_fen(total / MONTHS_A_YEAR) if monthly else total),
            }
        )
    return pd.DataFrame.from_records(records, columns=["id", *COLUMNS])


def _blank(value: Any) -> bool:
    return (
        value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""
    )


def _problem_lines(exc: ValidationError | CoreError, labels: dict[str, str], lang: str) -> list:
    """What is wrong with a row, each field named by its column's header."""
    causes: list[tuple[str, str, dict[str, Any]]] = []
    if isinstance(exc, CoreError):
        causes.append((exc.field, exc.code, dict(exc.params)))
    else:
        for error in exc.errors():
            cause = (error.get("ctx") or {}).get("error")
            if isinstance(cause, CoreError):
                causes.append((cause.field, cause.code, dict(cause.params)))
                continue
            where = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
            ctx = error.get("ctx") or {}
            params = {
                "min": ctx.get("ge", ctx.get("gt", ctx.get("min_length", ""))),
                "max": ctx.get("le", ctx.get("lt", ctx.get("max_length", ""))),
            }
            code = PYDANTIC_CODES.get(error["type"], "invalid")
            causes.append((where[0] if where else "value", code, params))
    lines = []
    for field, code, params in causes:
        params = {
            k: format_money(v, lang) if isinstance(v, Decimal) else v for k, v in params.items()
        }
        label = labels.get("amount" if field == "yearly" else field) or field_label(field, lang)
        lines.append(
            translate("error.line", lang, field=label, problem=problem_text(code, lang, **params))
        )
    return lines


def _new_id(taken: set[str]) -> str:
    n = 1
    while f"agency-{n}" in taken:
        n += 1
    return f"agency-{n}"


def rows_from_editor(
    frame: pd.DataFrame, kept: tuple[Benchmark, ...], lang: str
) -> tuple[list[Benchmark], list[str]]:
    """The benchmarks the edited table describes, and what is wrong with it (each line naming
    its row). A row keeps its id (and its categories, when its total is unchanged); a new row
    gets the next free ``agency-N``."""
    labels = {name: translate(f"benchmarks.editor.col.{name}", lang) for name in COLUMNS}
    by_id = {row.id: row for row in kept}
    taken = set(by_id) | {row.id for row in SHIPPED}
    rows: list[Benchmark] = []
    problems: list[str] = []
    for number, record in enumerate(frame.to_dict("records"), start=1):
        if all(_blank(record.get(name)) for name in COLUMNS):
            continue  # an empty row the editor added: nothing to save
        missing = [
            name for name in ("name", "source", "amount", "year") if _blank(record.get(name))
        ]
        if missing:
            for name in missing:
                line = translate(
                    "error.line",
                    lang,
                    field=labels[name],
                    problem=translate("benchmarks.editor.required", lang),
                )
                problems.append(translate("benchmarks.editor.row", lang, row=number, problem=line))
            continue
        kind = BenchmarkKind(record.get("kind") or BenchmarkKind.AVERAGE_SPENDING)
        try:
            amount = to_money(str(record["amount"]), "amount", positive=True)
        except CoreError:
            amount = None
        if amount is None or amount <= 0:
            line = translate(
                "error.line",
                lang,
                field=labels["amount"],
                problem=translate("benchmarks.editor.amount_positive", lang),
            )
            problems.append(translate("benchmarks.editor.row", lang, row=number, problem=line))
            continue
        total = amount * MONTHS_A_YEAR if kind is BenchmarkKind.MINIMUM_STANDARD else amount
        row_id = record.get("id")
        before = by_id.get(row_id) if isinstance(row_id, str) else None
        if before is None:
            row_id = _new_id(taken)
            taken.add(row_id)
        yearly: dict[BenchmarkCategory, Decimal] = {BenchmarkCategory.TOTAL: total}
        if (
            before is not None
            and before.kind is kind
            and before.yearly[BenchmarkCategory.TOTAL] == total
        ):
            yearly = dict(before.yearly)
        try:
            rows.append(
                Benchmark(
                    id=row_id,
                    name=str(record["name"]),
                    source=str(record["source"]),
                    year=int(record["year"]),
                    kind=kind,
                    population=Population(record.get("population") or Population.ALL),
                    region="" if _blank(record.get("region")) else str(record["region"]),
                    yearly=yearly,
                )
            )
        except (ValidationError, CoreError, ValueError, TypeError) as exc:
            if isinstance(exc, ValidationError | CoreError):
                lines = _problem_lines(exc, labels, lang)
            else:
                lines = [translate("error.invalid", lang)]
            problems.extend(
                translate("benchmarks.editor.row", lang, row=number, problem=p) for p in lines
            )
    return rows, problems


def _column_config(lang: str) -> dict[str, Any]:
    kinds = [kind.value for kind in BenchmarkKind]
    populations = [population.value for population in Population]
    col = st.column_config

    def label(name: str) -> str:
        return translate(f"benchmarks.editor.col.{name}", lang)

    return {
        "id": None,  # hidden: the row's identity, kept through edits
        "name": col.TextColumn(label("name"), required=True, max_chars=MAX_BENCHMARK_NAME_LENGTH),
        "kind": col.SelectboxColumn(
            label("kind"),
            options=kinds,
            format_func=lambda value: translate(f"enum.benchmark_kind.{value}", lang),
            required=True,
            default=BenchmarkKind.AVERAGE_SPENDING.value,
        ),
        "region": col.TextColumn(label("region"), max_chars=MAX_BENCHMARK_REGION_LENGTH),
        "population": col.SelectboxColumn(
            label("population"),
            options=populations,
            format_func=lambda value: translate(f"enum.population.{value}", lang),
            required=True,
            default=Population.ALL.value,
        ),
        "year": col.NumberColumn(
            label("year"),
            min_value=MIN_BENCHMARK_YEAR,
            max_value=MAX_BENCHMARK_YEAR,
            step=1,
            format="%d",
            required=True,
        ),
        "source": col.TextColumn(
            label("source"),
            required=True,
            max_chars=MAX_BENCHMARK_SOURCE_LENGTH,
            help=translate("benchmarks.editor.help.source", lang),
        ),
        "amount": col.NumberColumn(
            label("amount"),
            min_value=0.01,
            step=0.01,
            format="%.2f",
            required=True,
            help=translate("benchmarks.editor.help.amount", lang),
        ),
    }


def _shown(listed: services.benchmarks.Benchmarks) -> tuple[int, tuple[Benchmark, ...]]:
    """The agency's rows as the editor first showed them, and their version: edits apply to
    these, and are saved over this version, even if the list changes elsewhere meanwhile."""
    shown = st.session_state.get(EDITOR_SHOWN_KEY)
    if not (isinstance(shown, tuple) and len(shown) == 2 and isinstance(shown[0], int)):
        shown = (listed.version, listed.agency)
        st.session_state[EDITOR_SHOWN_KEY] = shown
    return shown


def _reload_editor() -> None:
    """Drop the rows shown and their edits: the editor shows the list saved now."""
    st.session_state.pop(EDITOR_SHOWN_KEY, None)


def render_editor(store: Workspace) -> None:
    """The agency's own benchmarks as an editable table, saved whole over the version first
    shown: a list saved elsewhere meanwhile is never overwritten — the editor says so, and a
    save is refused with the list as it is now."""
    lang = current_language()
    st.subheader(t("benchmarks.editor.title"))
    st.caption(t("benchmarks.editor.intro"))
    if not actor().allows(Permission.MANAGE_SETTINGS):
        st.info(t("benchmarks.admin_only"), icon=":material/lock:")
        return
    flash = st.session_state.pop(EDITOR_FLASH_KEY, None)
    if flash is not None:
        st.success(t("benchmarks.editor.saved", count=flash), icon=":material/check_circle:")
    try:
        listed = services.benchmarks.benchmarks(store, actor())
    except StoreError as exc:
        show_error(exc)
        return
    shipped = " · ".join(benchmark_name(row, lang) for row in listed.shipped)
    st.caption(t("benchmarks.editor.shipped", names=shipped))
    if listed.unreadable:
        st.caption(t("benchmarks.unreadable", count=listed.unreadable))
    version, rows_shown = _shown(listed)
    if version != listed.version:
        st.warning(
            t("changes.stale_form", seen=version, now=listed.version),
            icon=":material/sync_problem:",
        )
        st.button(
            t("changes.load_current"), key="benchmarks_editor_reload", on_click=_reload_editor
        )
    edited = st.data_editor(
        editor_rows(rows_shown),
        key=EDITOR_KEY.format(version=version),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config=_column_config(lang),
        column_order=COLUMNS,
    )
    if not st.button(
        t("benchmarks.editor.save"), key="benchmarks_editor_save", icon=":material/save:"
    ):
        return
    rows, problems = rows_from_editor(edited, rows_shown, lang)
    if problems:
        st.error(
            "\n\n".join([t("benchmarks.editor.not_saved"), *problems]), icon=":material/error:"
        )
        return
    try:
        saved = services.benchmarks.save_benchmarks(store, actor(), rows, version=version)
    except ChangedElsewhereError as exc:
        now = exc.current
        shown = [
            (benchmark_name(row, lang), format_money(row.yearly[BenchmarkCategory.TOTAL], lang))
            for row in getattr(now, "agency", ())
        ]
        show_changed_elsewhere(exc, shown)
        return
    except StoreError as exc:
        st.error("\n\n".join(error_messages(exc, lang)), icon=":material/error:")
        return
    st.session_state[EDITOR_SHOWN_KEY] = (saved.version, saved.agency)
    st.session_state[EDITOR_FLASH_KEY] = len(saved.agency)
    st.rerun()
