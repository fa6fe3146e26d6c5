"""Helpers the page tests share (a plain module: a ``conftest.py`` here would shadow the
top-level one that the browser tests import from)."""

from __future__ import annotations

from streamlit.runtime.media_file_manager import MediaFileManager


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
