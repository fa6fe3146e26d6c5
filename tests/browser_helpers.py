"""Helpers for Playwright tests: wait for Streamlit, and choose from a selectbox reliably."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError


def wait_idle(page) -> None:
    """Until Streamlit has finished the rerun in flight (its status widget is gone)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000
    )


def pick(box, option: str, *, search: str | None = None) -> None:
    """Choose ``option`` in the selectbox ``box`` (a locator of one ``stSelectbox``).

    The list is virtualised, so with many entries the option may not be in the page until the
    list is filtered: type ``search`` (default: the option itself). Leaving a text field reruns
    the page and a rerun closes an open list, so if the option does not show, close the list and
    try again.
    """
    page = box.page
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(6):
        wait_idle(page)
        combobox = box.get_by_role("combobox")
        combobox.click()
        combobox.press_sequentially(search or option, delay=20)
        try:
            choice.wait_for(state="visible", timeout=5_000)
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            continue
        choice.click()
        return
    raise AssertionError(f"{option!r} never showed in the list")
