"""One guard around each page body (and each fragment): a failure becomes a message in the
user's language with a short reference, and the traceback goes to the log under that reference —
never Streamlit's crash box, never English from our code in the Chinese UI.

Streamlit's own control flow (``st.stop()``, ``st.rerun()``, ``st.switch_page``) raises
``BaseException`` subclasses and passes through untouched. Nothing is half-saved by a failure:
every write goes through a service, whose unit of work commits all or nothing.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st

from ui.i18n import t

log = logging.getLogger("repaytalk.pages")
#: Set to "1" (the test suite does) to re-raise after showing the message.
RAISE_SETTING = "REPAYTALK_GUARD_RAISES"

F = TypeVar("F", bound=Callable[..., Any])


def new_reference() -> str:
    """A short reference a counselor can read out to support: ``"R-7F3A9C"``."""
    return f"R-{secrets.token_hex(3).upper()}"


@contextmanager
def guarded(where: str) -> Iterator[None]:
    """Run a page body (or a fragment) inside; on an error show the translated message."""
    try:
        yield
    except Exception as exc:
        reference = new_reference()
        log.error("%s failed [%s]", where, reference, exc_info=exc)
        st.error(t("guard.failed", ref=reference), icon=":material/error:")
        if os.environ.get(RAISE_SETTING) == "1":
            raise  # the test suite sets it, so a failure a page hides is still a failing test


def guarded_fragment(function: F) -> F:
    """Decorate an ``st.fragment`` body: its reruns run outside the page's guard."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        with guarded(function.__qualname__):
            return function(*args, **kwargs)
        return None

    return run  # type: ignore[return-value]
