"""Errors worded in the user's language: the one place that turns a code into a sentence.

A ``core`` error carries a ``field``, a ``code`` and the ``params`` its text needs; pydantic's
own checks carry a ``type``, a location and a context; a refused backup file carries a
``where``, a ``reason`` with its ``params`` and, for a record its model refused, the ``cause``.
Pages (``ui.errors``) and command lines (``cli``) word them all through these functions, so
no English from our code reaches a Chinese screen. Pure: no Streamlit, no store.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from core.errors import CoreError, InvalidAmountError
from i18n.format import format_money
from i18n.text import CATALOGUE, translate

# pydantic error types -> our codes (with the context keys the texts use)
PYDANTIC_CODES = {
    "missing": "missing",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "greater_than_equal": "too_small",
    "greater_than": "too_small",
    "less_than_equal": "too_large",
    "less_than": "too_large",
    "enum": "choice",
    "literal_error": "choice",
    "union_tag_invalid": "choice",
    "date_parsing": "not_a_date",
    "date_type": "not_a_date",
    "datetime_type": "not_a_date",
}


def field_label(field: str, lang: str) -> str:
    key = f"field.{field}"
    return translate(key, lang) if key in CATALOGUE else field


def problem_text(code: str, lang: str, **params: Any) -> str:
    """``error.<code>`` in ``lang`` (``error.invalid`` when the code or a parameter is missing)."""
    key = f"error.{code}"
    if key not in CATALOGUE:
        key = "error.invalid"
    try:
        return translate(key, lang, **params)
    except KeyError:  # a text wants a parameter this error did not carry
        return translate("error.invalid", lang)


def field_line(field: str, code: str, lang: str, **params: Any) -> str:
    problem = problem_text(code, lang, **params)
    return translate("error.line", lang, field=field_label(field, lang), problem=problem)


def core_params(exc: CoreError, lang: str) -> dict[str, Any]:
    """A core error's parameters as its text shows them (an amount as money)."""
    money = isinstance(exc, InvalidAmountError)
    return {
        name: format_money(value, lang) if money and isinstance(value, Decimal) else value
        for name, value in exc.params.items()
    }


def core_problem(exc: CoreError, lang: str) -> str:
    """What is wrong, without the field's name (for a message under the field itself)."""
    return problem_text(exc.code, lang, **core_params(exc, lang))


def validation_lines(exc: ValidationError, lang: str) -> list[str]:
    lines = []
    for error in exc.errors():
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, CoreError):
            lines.append(field_line(cause.field, cause.code, lang, **core_params(cause, lang)))
            continue
        location = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
        field = location[-1] if location else "value"
        ctx = error.get("ctx") or {}
        params = {
            "min": ctx.get("ge", ctx.get("gt", ctx.get("min_length", ""))),
            "max": ctx.get("le", ctx.get("lt", ctx.get("max_length", ""))),
        }
        code = PYDANTIC_CODES.get(error["type"], "invalid")
        lines.append(field_line(field, code, lang, **params))
    return lines or [translate("error.invalid", lang)]


def model_error_lines(exc: CoreError | ValidationError, lang: str) -> list[str]:
    """Every problem a ``core`` error or a model's validation error names, each a sentence."""
    if isinstance(exc, ValidationError):
        return validation_lines(exc, lang)
    return [field_line(exc.field, exc.code, lang, **core_params(exc, lang))]


def backup_problem(exc: Any, lang: str) -> tuple[str, str]:
    """Where a refused backup file is wrong, and what is wrong there, in ``lang``.

    ``exc`` is a ``store.backup.BackupFileError`` (read by its attributes: this package does
    not import the store).
    """
    params = dict(getattr(exc, "params", {}) or {})
    where = getattr(exc, "where", "")
    if "line" in params and "column" in params:
        line, column = params["line"], params["column"]
        where = translate("error.backup.at_line", lang, line=line, column=column)
    elif "line" in params and "byte" in params:
        line, byte = params["line"], params["byte"]
        where = translate("error.backup.at_byte", lang, line=line, byte=byte)
    if "table" in params:
        params["table"] = translate(f"error.backup.table.{params['table']}", lang)
    cause = getattr(exc, "cause", None)
    if isinstance(cause, CoreError | ValidationError):
        problem = translate("error.backup.separator", lang).join(model_error_lines(cause, lang))
    else:
        key = f"error.backup.{getattr(exc, 'reason', 'invalid')}"
        if key not in CATALOGUE:
            key = "error.backup.invalid"
        try:
            problem = translate(key, lang, **params)
        except KeyError:
            problem = translate("error.backup.invalid", lang)
    return where, problem


def backup_lines(exc: Any, lang: str) -> list[str]:
    """A refused backup file: that it cannot be restored, then where and why, in ``lang``."""
    code = getattr(exc, "code", "backup_invalid")
    lines = [problem_text(code, lang)]
    where, problem = backup_problem(exc, lang)
    if where:
        lines.append(translate("error.where", lang, where=where, problem=problem))
    else:
        lines.append(problem)
    return lines
