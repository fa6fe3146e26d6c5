"""Importing a client's debts from a CSV or Excel file: reading the file, remembering how its
columns map to fields, and saving the rows the counselor confirms.

- :func:`read_file` reads the bytes of an upload into a :class:`~core.debt_import.Table`: a
  CSV through :func:`core.debt_import.read_csv`, a ``.xlsx`` through :func:`read_workbook`
  (``openpyxl``, read-only, cached values of formulas). Refusals are
  :class:`~core.debt_import.ImportRefusedError` s, worded by the page.
- :func:`remembered_mapping` / :func:`remember_mapping`: the mapping of a file shape (its
  header row, :func:`core.debt_import.header_shape`) as a workspace setting
  (``debt_import_mapping:<shape>``), so the next export of the same lender maps itself.
  The setting holds only field names, never a client's data.
- :func:`save_rows`: the confirmed debts in one unit of work — all or none — once per
  request id (a double click saves nothing twice).
- :func:`template_csv` / :func:`template_xlsx`: a template file from headers and an example
  row (worded by the page in the user's language).
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

import openpyxl  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils.cell import range_boundaries  # type: ignore[import-untyped]

from core.calls import DebtAccount
from core.debt_import import (
    MAX_IMPORT_ROWS,
    Cell,
    CellIssue,
    ImportRefusedError,
    Table,
    Target,
    check_size,
    header_shape,
    mapping_from,
    mapping_values,
    read_csv,
    table_from_grid,
)
from services import access
from services._work import unit
from services.actor import Actor, check
from services.errors import ChangedElsewhereError, InvalidDataError, StaleRecordError
from services.workspace import Workspace

__all__ = [
    "MAPPING_KEY_PREFIX",
    "Workbook",
    "read_file",
    "read_workbook",
    "remember_mapping",
    "remembered_mapping",
    "save_rows",
    "sheet_names",
    "template_csv",
    "template_xlsx",
]

#: Workspace settings ``debt_import_mapping:<shape>`` hold remembered mappings.
MAPPING_KEY_PREFIX = "debt_import_mapping:"
#: Request kind of an import (one request row per saved debt: ``<request id>.<n>``).
REQUEST_KIND = "debt_import"
#: Rows read from a sheet at most: the header's search rows and the limit, and one more to
#: tell a sheet above the limit (blank rows are skipped as they come).
_SHEET_ROWS = MAX_IMPORT_ROWS + 50
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an .xls (Excel 97–2003) file
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class Workbook:
    """A read file: its table, and for a workbook its sheets and the one read."""

    table: Table
    sheets: tuple[str, ...] = ()
    sheet: str | None = None


# --- reading -----------------------------------------------------------------------------------


def _is_xlsx(data: bytes, name: str) -> bool:
    lowered = name.lower()
    if lowered.endswith((".xlsx", ".xlsm")):
        return True
    return not lowered.endswith((".csv", ".txt", ".tsv")) and data.startswith(XLSX_MAGIC)


def read_file(data: bytes, name: str, *, sheet: str | None = None) -> Workbook:
    """The table of an uploaded file named ``name``: ``.xlsx``/``.xlsm`` (or a zip workbook
    under another name) through :func:`read_workbook`, anything else as CSV. An ``.xls``
    (Excel 97–2003) is refused (``import_old_excel``: save it as ``.xlsx`` or CSV)."""
    check_size(data)
    if name.lower().endswith(".xls") or data.startswith(OLE_MAGIC):
        raise ImportRefusedError("import_old_excel", "an Excel 97-2003 (.xls) file")
    if _is_xlsx(data, name):
        return read_workbook(data, sheet=sheet)
    grid, encoding = read_csv(data)
    return Workbook(table_from_grid(grid, encoding=encoding))


def _open(data: bytes, **options: Any) -> Any:
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, **options)
    except Exception as exc:  # openpyxl raises anything from KeyError to zipfile errors
        raise ImportRefusedError("import_unreadable", f"not an Excel workbook: {exc}") from None


def sheet_names(data: bytes) -> tuple[str, ...]:
    """The workbook's sheets, in order."""
    book = _open(data)
    try:
        return tuple(book.sheetnames)
    finally:
        book.close()


def _merged_ranges(data: bytes, sheet: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of ``sheet`` as (min_col, min_row, max_col, max_row): a read-only
    workbook does not read them, so they are read from the sheet's XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {
            rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL}Relationship")
        }
        rel_id = next(
            (s.get(f"{_REL}id") for s in book.iter(f"{_MAIN}sheet") if s.get("name") == sheet),
            None,
        )
        target = targets.get(rel_id, "")
        if not target:
            return []
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        xml = archive.read(posixpath.normpath(path))
    ranges = []
    for ref in re.findall(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"', xml):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        ranges.append((min_col, min_row, max_col, max_row))
    return ranges


def _rows(book: Any, sheet: str, limit: int) -> tuple[list[tuple[Any, ...]], int]:
    """The sheet's rows until ``limit`` of them hold a value, and how many more do (counted,
    not kept: a refusal names the true number of rows)."""
    rows: list[tuple[Any, ...]] = []
    filled = beyond = 0
    for row in book[sheet].iter_rows(values_only=True):
        holds = any(value is not None and str(value).strip() for value in row)
        if filled >= limit:
            beyond += holds
            continue
        rows.append(tuple(row))
        filled += holds
    return rows, beyond


def read_workbook(data: bytes, *, sheet: str | None = None) -> Workbook:
    """The table of one sheet of a ``.xlsx`` workbook: ``sheet`` when named (a name it does
    not have is ``import_no_sheet``), else the first sheet that holds a debt list (a first
    sheet of notes is passed over; when none does, the first sheet's refusal).

    Each formula gives the value Excel saved with it (``data_only``); one saved without a
    value (a file written by a program, never opened in Excel) is a
    :attr:`~core.debt_import.CellIssue.FORMULA_NO_VALUE` cell. Inside a merged range only the
    top-left cell has the value; the others are :attr:`~core.debt_import.CellIssue.MERGED`
    (when empty), so the rows they fall on say so.
    """
    check_size(data)
    values_book = _open(data, data_only=True)
    formulas_book = _open(data, data_only=False)
    try:
        names = tuple(values_book.sheetnames)
        if sheet is not None and sheet not in names:
            raise ImportRefusedError("import_no_sheet", f"no sheet {sheet!r}", sheet=sheet)
        candidates = [sheet] if sheet is not None else list(names)
        first_refusal: ImportRefusedError | None = None
        for name in candidates:
            try:
                table = _sheet_table(data, values_book, formulas_book, name)
            except ImportRefusedError as exc:
                first_refusal = first_refusal or exc
                continue
            return Workbook(table, names, name)
    finally:
        values_book.close()
        formulas_book.close()
    raise first_refusal or ImportRefusedError("import_empty", "a workbook without sheets")


def _sheet_table(data: bytes, values_book: Any, formulas_book: Any, name: str) -> Table:
    values, beyond = _rows(values_book, name, _SHEET_ROWS)
    formulas, _ = _rows(formulas_book, name, _SHEET_ROWS)
    try:
        merged = _merged_ranges(data, name)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        merged = []
    covered: set[tuple[int, int]] = set()
    for min_col, min_row, max_col, max_row in merged:
        for row_at in range(min_row, max_row + 1):
            for col_at in range(min_col, max_col + 1):
                if (row_at, col_at) != (min_row, min_col):
                    covered.add((row_at, col_at))
    grid: list[list[Cell]] = []
    for row_number, row in enumerate(values, 1):
        formula_row = formulas[row_number - 1] if row_number <= len(formulas) else ()
        cells = []
        for col_number, value in enumerate(row, 1):
            issue = None
            if value is None:
                formula = formula_row[col_number - 1] if col_number <= len(formula_row) else None
                if isinstance(formula, str) and formula.startswith("="):
                    issue = CellIssue.FORMULA_NO_VALUE
                elif (row_number, col_number) in covered:
                    issue = CellIssue.MERGED
            cells.append(Cell(value, issue))
        grid.append(cells)
    try:
        return table_from_grid(grid)
    except ImportRefusedError as exc:
        if exc.code == "import_too_many_rows" and beyond:
            count = exc.params["count"] + beyond
            raise ImportRefusedError(
                exc.code, f"{count} rows", max=MAX_IMPORT_ROWS, count=count
            ) from None
        raise


# --- remembered mappings -----------------------------------------------------------------------


@dataclass(frozen=True)
class RememberedMapping:
    """The mapping saved for a file shape (``None`` when none is), with the setting's
    version to name when saving over it."""

    mapping: dict[int, Target] | None
    version: int


def _key(shape: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{32}", shape):
        raise InvalidDataError("shape", f"expected a file shape (32 hex digits), got {shape!r}")
    return MAPPING_KEY_PREFIX + shape


def remembered_mapping(ws: Workspace, actor: Actor, headers: Sequence[str]) -> RememberedMapping:
    """The mapping remembered for files with these ``headers`` (their shape), if any; a
    saved value that does not fit them is left aside (``mapping`` ``None``)."""
    check(actor)
    saved = ws.workspace_settings.get(_key(header_shape(headers)))
    if saved is None:
        return RememberedMapping(None, 0)
    value = saved.value if isinstance(saved.value, list) else None
    return RememberedMapping(mapping_from(headers, value), saved.version)


def remember_mapping(
    ws: Workspace,
    actor: Actor,
    headers: Sequence[str],
    mapping: Mapping[int, Target | None],
    *,
    version: int,
) -> RememberedMapping:
    """Remember ``mapping`` for files with these ``headers``, over the version shown (0: none
    saved). Saved meanwhile by someone else: :class:`ChangedElsewhereError` — unless it is
    the same mapping, returned as it is."""
    check(actor)
    key = _key(header_shape(headers))
    value = mapping_values(headers, mapping)
    try:
        with unit(ws, actor):
            saved = ws.workspace_settings.put(key, value, version=version)
    except StaleRecordError:
        current = remembered_mapping(ws, actor, headers)
        if current.mapping is not None and mapping_values(headers, current.mapping) == value:
            return current
        raise ChangedElsewhereError("debt_import_mapping", 0, version, current) from None
    return RememberedMapping(mapping_from(headers, value), saved.version)


# --- saving ------------------------------------------------------------------------------------


def _request_ids(request_id: str, count: int) -> list[str]:
    return [f"{request_id[:48]}.{index}" for index in range(count)]


def save_rows(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    accounts: Sequence[DebtAccount],
    *,
    request_id: str | None = None,
) -> list[DebtAccount]:
    """Add ``accounts`` (the confirmed rows) to the client ``client_id`` in one unit of work:
    every debt or none. Once per ``request_id``: a repeated request (a double click) saves
    nothing and returns the debts the first one saved.

    Refused, nothing saved: no debts, more than :data:`~core.debt_import.MAX_IMPORT_ROWS`, or
    a debt of another client (:class:`InvalidDataError`); another counselor's client
    (:class:`~services.errors.NotYoursError`).
    """
    access.open_client(ws, actor, client_id, via="debt_import.save_rows")
    accounts = list(accounts)
    if not accounts:
        raise InvalidDataError("debts", "no debts to save", code="nothing_to_import")
    if len(accounts) > MAX_IMPORT_ROWS:
        raise InvalidDataError(
            "debts",
            f"{len(accounts)} debts, more than the {MAX_IMPORT_ROWS} accepted",
            code="import_too_many_debts",
        )
    for account in accounts:
        if account.client_id != client_id or account.id is not None:
            raise InvalidDataError("client_id", "a debt of another client, or one saved already")
    ids = _request_ids(request_id, len(accounts)) if request_id is not None else []
    if ids:
        done = ws.requests.find(ids[0], REQUEST_KIND)
        if done is not None:
            return _saved_before(ws, ids)
    with unit(ws, actor):
        saved = [ws.debts.add(account) for account in accounts]
        for rid, account in zip(ids, saved, strict=False):  # no ids without a request id
            assert account.id is not None
            ws.requests.remember(rid, client_id, REQUEST_KIND, account.id)
    return saved


def _saved_before(ws: Workspace, ids: Sequence[str]) -> list[DebtAccount]:
    found = [ws.requests.find(rid, REQUEST_KIND) for rid in ids]
    return [ws.debts.get(record_id) for record_id in found if record_id is not None]


# --- templates ---------------------------------------------------------------------------------


def template_csv(headers: Sequence[str], example: Sequence[str]) -> bytes:
    """A CSV template: the header row and one example row, UTF-8 with a BOM (Excel opens it
    in Chinese without asking)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerow(example)
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(headers: Sequence[str], example: Sequence[str], sheet: str) -> bytes:
    """An Excel template: one sheet named ``sheet``, the header row (bold, frozen) and one
    example row, every cell text (so "18%" and "2026-12-15" stay as written)."""
    book = openpyxl.Workbook()
    page = book.active
    assert page is not None
    page.title = sheet[:31]
    page.append(list(headers))
    page.append(list(example))
    for cell in page[1]:
        cell.font = Font(bold=True)
    for cell in page[2]:
        cell.number_format = "@"
    for index, header in enumerate(headers, 1):
        letter = page.cell(row=1, column=index).column_letter
        page.column_dimensions[letter].width = max(12, len(header) * 2 + 2)
    page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
