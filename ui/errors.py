"""Turn any error a page may meet into messages in the user's language — never a traceback.

Every ``core`` error carries a ``field`` and a ``code``; pydantic's own checks carry a ``type``
and a location; every ``store`` error carries a ``code``. :func:`error_messages` is pure
(testable without Streamlit); :func:`show_error` draws it.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from core.errors import CoreError
from i18n import CATALOGUE, translate
from services import StoreError

log = logging.getLogger("repaytalk.ui")

# pydantic error types -> our codes (with the context keys the texts use)
_PYDANTIC = {
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


def _label(field: str, lang: str) -> str:
    key = f"field.{field}"
    return translate(key, lang) if key in CATALOGUE else field


def _problem(code: str, lang: str, **params: Any) -> str:
    key = f"error.{code}"
    if key not in CATALOGUE:
        key = "error.invalid"
    try:
        return translate(key, lang, **params)
    except KeyError:  # a text wants a parameter this error did not carry
        return translate("error.invalid", lang)


def _line(field: str, code: str, lang: str, **params: Any) -> str:
    problem = _problem(code, lang, **params)
    return translate("error.line", lang, field=_label(field, lang), problem=problem)


def _validation_lines(exc: ValidationError, lang: str) -> list[str]:
    lines = []
    for error in exc.errors():
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, CoreError):
            lines.append(_line(cause.field, cause.code, lang))
            continue
        location = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
        field = location[-1] if location else "value"
        ctx = error.get("ctx") or {}
        params = {
            "min": ctx.get("ge", ctx.get("gt", ctx.get("min_length", ""))),
            "max": ctx.get("le", ctx.get("lt", ctx.get("max_length", ""))),
        }
        lines.append(_line(field, _PYDANTIC.get(error["type"], "invalid"), lang, **params))
    return lines


def error_messages(exc: BaseException, lang: str) -> list[str]:
    """Every problem ``exc`` describes, each a sentence in ``lang``."""
    if isinstance(exc, ValidationError):
        return _validation_lines(exc, lang) or [translate("error.invalid", lang)]
    if isinstance(exc, CoreError):
        return [_line(exc.field, exc.code, lang)]
    if isinstance(exc, StoreError):
        field = getattr(exc, "field", None)
        lines = [_line(field, exc.code, lang) if field else _problem(exc.code, lang)]
        where = getattr(exc, "where", "")  # which part of a file is wrong (a backup)
        if where:
            lines.append(translate("error.where", lang, where=where, problem=exc.problem))
        return lines
    return [translate("error.unexpected", lang)]


def show_error(exc: BaseException, container: Any = None) -> None:
    """Draw ``exc`` as an inline error in the current language (logging unexpected ones)."""
    import streamlit as st

    from ui.i18n import current_language

    if not isinstance(exc, ValidationError | CoreError | StoreError):
        log.exception("unexpected error on a page", exc_info=exc)
    target = container or st
    target.error("\n\n".join(error_messages(exc, current_language())), icon=":material/error:")
