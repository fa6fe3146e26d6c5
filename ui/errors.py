"""Turn any error a page may meet into messages in the user's language — never a traceback.

Every ``core`` error carries a ``field``, a ``code`` and its ``params``; pydantic's own checks
carry a ``type`` and a location; every ``store`` error carries a ``code`` (a refused backup file
also where and why). Team mode's refusals — another counselor's client (``not_yours``), an
action the role does not allow (``not_allowed``) — are worded from ``team.`` texts.
:func:`error_messages` is pure (testable without Streamlit) and words them through
``i18n.errors``, as the command lines do; :func:`show_error` draws it.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from core.errors import CoreError
from i18n import translate
from i18n.errors import backup_lines, field_line, model_error_lines, problem_text
from services import StoreError
from services.errors import NotAllowedError, NotYoursError

log = logging.getLogger("repaytalk.ui")


def error_messages(exc: BaseException, lang: str) -> list[str]:
    """Every problem ``exc`` describes, each a sentence in ``lang`` (worded by ``i18n.errors``)."""
    if isinstance(exc, ValidationError | CoreError):
        return model_error_lines(exc, lang)
    if isinstance(exc, NotYoursError):  # says nothing of the client, not even its name
        return [translate("team.error.not_yours", lang)]
    if isinstance(exc, NotAllowedError):
        if exc.permission == "sign_in":  # nobody signed in any more (ui.state.actor)
            return [translate("team.error.signed_out", lang)]
        return [translate("team.error.not_allowed", lang)]
    if isinstance(exc, StoreError):
        if hasattr(exc, "reason") and hasattr(exc, "where"):  # a refused backup file
            return backup_lines(exc, lang)
        field = getattr(exc, "field", None)
        return [field_line(field, exc.code, lang) if field else problem_text(exc.code, lang)]
    return [translate("error.unexpected", lang)]


def show_error(exc: BaseException, container: Any = None) -> None:
    """Draw ``exc`` as an inline error in the current language (logging unexpected ones)."""
    import streamlit as st

    from ui.i18n import current_language

    if not isinstance(exc, ValidationError | CoreError | StoreError):
        log.exception("unexpected error on a page", exc_info=exc)
    target = container or st
    target.error("\n\n".join(error_messages(exc, current_language())), icon=":material/error:")
