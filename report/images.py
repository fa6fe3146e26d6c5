"""Chart images: a plotly figure as PNG or SVG at a chosen size, titled and labelled.

Images are drawn by plotly's static export, kaleido 1.x, which drives a headless Chromium
(Debian's ``/usr/bin/chromium``). Starting Chromium takes seconds, so one export server is
started per process (:func:`warm_up`) and kept: every image after the first takes a fraction
of a second. Calls are serialised with a lock (Streamlit runs each session in a thread).

An export adds nothing to kaleido's own work: the figure goes to kaleido as the dict it would
make itself (``fig.to_dict()``, a copy), with the title, label, margin and size written into
that dict — no second ``go.Figure`` is built and validated (:func:`labelled` does that, for the
HTML).

When no Chromium is found, :class:`ChromiumNotFoundError` says so; the caller offers the
interactive HTML (:func:`chart_html`) instead. Any other failure of the export comes out as
:class:`ImageExportError`. Neither is ever left to crash a page.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from typing import Literal

import plotly.graph_objects as go

Format = Literal["png", "svg"]

#: Sizes offered for downloads, in CSS pixels (PNG is drawn at ``scale`` × these).
SIZES: dict[str, tuple[int, int]] = {
    "wide": (1280, 720),
    "phone": (780, 1040),
    "square": (1080, 1080),
}
MIN_SIZE, MAX_SIZE = 200, 4000
#: Browsers kaleido (choreographer) can drive, looked up on PATH in this order.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class ChromiumNotFoundError(RuntimeError):
    """No Chromium (or Chrome) to draw images with: offer the interactive HTML instead."""


class ImageExportError(RuntimeError):
    """The export server failed to draw an image."""


_lock = threading.Lock()
_server_started = False
_warming = False
log = logging.getLogger(__name__)


def find_chromium() -> str | None:
    """The browser kaleido would use: ``BROWSER_PATH`` if set, else the first on PATH."""
    explicit = os.environ.get("BROWSER_PATH")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def warm_up() -> None:
    """Start this process's export server once (no-op afterwards)."""
    global _server_started
    with _lock:
        _start_locked()
        _server_started = True


def warm_up_in_background() -> None:
    """Start the export server in a background thread, once per process, so the first image
    a page offers does not wait seconds for Chromium. Failures are left for the export itself
    to report (as :class:`ChromiumNotFoundError` or :class:`ImageExportError`)."""
    global _warming
    with _lock:
        if _server_started or _warming:
            return
        _warming = True

    def start() -> None:
        try:
            warm_up()
        except Exception:  # the export that needs the server reports it
            log.warning("chart image server did not start", exc_info=True)

    threading.Thread(target=start, name="kaleido-warm-up", daemon=True).start()


def _start_locked() -> None:
    if _server_started:
        return
    if find_chromium() is None:
        raise ChromiumNotFoundError("no Chromium found for chart images")
    import kaleido

    # MathJax would be fetched from a CDN; the charts have no formulas.
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def _title_text(own: str | None, title: str | None, client_label: str | None) -> str:
    text = title if title is not None else (own or "")
    if client_label:
        text = f"{text}<br><sup>{client_label}</sup>" if text else client_label
    return text


def _top_margin(own: int | float | None, client_label: str | None) -> int | float:
    return max(own or 0, 80 if client_label else 56)


def labelled(fig: go.Figure, title: str | None = None, client_label: str | None = None):
    """A copy of ``fig`` titled ``title`` (else its own) with the client label under it."""
    copy = go.Figure(fig)
    text = _title_text(copy.layout.title.text, title, client_label)
    top = _top_margin(copy.layout.margin.t, client_label)
    copy.update_layout(title={"text": text}, margin={"t": top})
    return copy


def export_spec(
    fig: go.Figure,
    *,
    width: int,
    height: int,
    title: str | None = None,
    client_label: str | None = None,
) -> dict:
    """What kaleido draws: ``fig.to_dict()`` (a copy: ``fig`` is untouched) titled and
    labelled as :func:`labelled` does, at ``width`` × ``height``."""
    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    own = layout.get("title") or {}
    margin = layout.get("margin") or {}
    layout["title"] = {**own, "text": _title_text(own.get("text"), title, client_label)}
    layout["margin"] = {**margin, "t": _top_margin(margin.get("t"), client_label)}
    layout["width"] = width
    layout["height"] = height
    return spec


def export_image(
    fig: go.Figure,
    fmt: Format = "png",
    *,
    width: int = 1280,
    height: int = 720,
    scale: float = 1,
    title: str | None = None,
    client_label: str | None = None,
) -> bytes:
    """The figure as image bytes: a PNG of ``width·scale × height·scale`` pixels, or an SVG.

    Raises :class:`ChromiumNotFoundError` or :class:`ImageExportError`, or ``ValueError`` for
    a size outside 200–4000 px or an unknown format.
    """
    global _server_started
    if fmt not in ("png", "svg"):
        raise ValueError(f"fmt: expected png or svg, got {fmt!r}")
    for name, value in (("width", width), ("height", height)):
        if not MIN_SIZE <= value <= MAX_SIZE:
            raise ValueError(f"{name}: expected {MIN_SIZE} to {MAX_SIZE} px, got {value}")
    spec = export_spec(fig, width=width, height=height, title=title, client_label=client_label)
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    import kaleido

    with _lock:
        _start_locked()
        _server_started = True
        try:
            data = kaleido.calc_fig_sync(spec, opts=opts)
        except ChromiumNotFoundError:
            raise
        except Exception as exc:  # the server's errors are of many kinds; one name for them
            kaleido.stop_sync_server(silence_warnings=True)
            _server_started = False
            raise ImageExportError(f"the chart could not be drawn: {exc}") from exc
    return data.encode() if isinstance(data, str) else data


def chart_html(fig: go.Figure, title: str | None = None, client_label: str | None = None) -> str:
    """The figure as a self-contained interactive HTML page (plotly.js inlined)."""
    return labelled(fig, title, client_label).to_html(include_plotlyjs=True, full_html=True)
