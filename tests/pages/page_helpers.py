"""Helpers the page tests share (a plain module: a ``conftest.py`` here would shadow the
top-level one that the browser tests import from)."""

from __future__ import annotations

from streamlit.runtime.media_file_manager import MediaFileManager


def texts(elements) -> list:
    return [element.value for element in elements]


def metrics(at) -> dict:
    return {metric.label: metric.value for metric in at.metric}


def load_example(open_app, page: str, lang: str):
    """``page`` in ``lang`` after the Clients page loaded the example client."""
    at = open_app("app_pages/clients.py", lang)
    at.button(key="clients_example").click().run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def open_for(open_app, page: str, lang: str, client_id: int):
    """``page`` in ``lang`` with ``client_id`` chosen."""
    at = open_app(lang=lang)
    at.session_state["client_id"] = client_id
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def capture_downloads(monkeypatch) -> dict[str, bytes]:
    """The files a page offers with ``st.download_button`` from now on, by file name.

    AppTest keeps only a media URL for a download; the bytes are caught on their way in.
    """
    offered: dict[str, bytes] = {}
    add = MediaFileManager.add

    def capture(self, path_or_data, mimetype, coordinates, file_name=None, **kwargs):
        if file_name is not None:
            offered[file_name] = path_or_data
        return add(self, path_or_data, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", capture)
    return offered


def capture_deferred_downloads(monkeypatch) -> dict[str, tuple[str | None, object]]:
    """The files a page offers with a callable ``data`` (made only when clicked), by file name:
    (mime type, the callable)."""
    offered: dict[str, tuple[str | None, object]] = {}
    add = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name is not None:
            offered[file_name] = (mimetype, data_callable)
        return add(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return offered
