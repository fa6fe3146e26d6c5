"""Chart building blocks every page shares, so all charts look and read alike.

Each chart has a title, axis titles with units and hover values formatted like the rest of the
page; meaning is never carried by colour alone (lines also differ by dash, markers by symbol).
Every text is set in an explicit colour that contrasts at least 4.5 : 1 (WCAG AA) with what is
behind it: :func:`text_on` picks black or white for a label on a coloured bar, and
:data:`STATUS_TEXT` holds darker status colours for text on white.
Builders take data already computed by ``core`` and return a ``plotly`` figure; pages only call
``st.plotly_chart(fig, width="stretch")``.

Plotly reads a subset of HTML in every text it draws (titles, legend names, tick labels, bar
labels, hover text, annotations: ``<b>``, ``<a href>``, ``<br>``, ``<span style>``, entities):
a text a user typed goes through :func:`plotly_text` first, and never into a ``hovertemplate``
or ``texttemplate`` itself (``%{...}`` there is template syntax); a template names it
instead (``%{fullData.name}``, ``%{customdata[0]}``).
"""

from __future__ import annotations

import html
import math
import unicodedata
from typing import Any

import plotly.graph_objects as go

#: A calm palette readable by most colour-blind people (Okabe–Ito), in order of use.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
#: Line dashes and marker symbols paired with the palette, so series differ without colour.
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down")
#: Good / warning / bad, for statuses (always shown with a symbol or text too).
STATUS_COLOURS = {"good": "#009E73", "warn": "#E69F00", "bad": "#D55E00", "neutral": "#6B7280"}
#: Status colours dark enough for text on white (≥ 4.5 : 1); the fills above are for shapes.
STATUS_TEXT = {"good": "#00704F", "warn": "#8A5A00", "bad": "#A63F00", "neutral": "#4B5563"}
#: The ink of titles, axes, legends and hover labels.
INK = "#1F2937"
FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
#: The charts' text size (tick labels, legend, axis titles), in px.
FONT_SIZE = 13
#: Beyond this width a left margin is left to plotly to work out (see :func:`fixed_left_margin`).
WIDEST_FIXED_MARGIN = 320


def plotly_text(text: str) -> str:
    """Text a user typed, drawn by plotly as typed: ``&``, ``<`` and ``>`` as entities, so no
    tag (``<b>``, ``<a href=…>``, ``<br>``) and no entity takes effect.

    >>> plotly_text('<b>X</b> & <a href="http://x">a</a>')
    '&lt;b&gt;X&lt;/b&gt; &amp; &lt;a href="http://x"&gt;a&lt;/a&gt;'
    """
    return html.escape(text, quote=False)


def base_layout(title: str, x_title: str, y_title: str, *, height: int = 380) -> dict[str, Any]:
    """The layout of :func:`base_figure` as a plain dict, for a chart that builds its figure in
    one :func:`unvalidated_figure` call (merge its own settings in with :func:`merged`).

    The legend sits under the plot so a 390-px-wide phone keeps the whole width for data.
    Colours are named on the title, axes and legend themselves, not only on the layout's font:
    a theme (Streamlit's) would otherwise draw them in its own, paler grey.
    """
    ink = {"color": INK}
    axes = {"automargin": True, "tickfont": ink}
    return {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16, **ink}},
        "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 56, "b": 10},
        "legend": {
            "orientation": "h",
            "yanchor": "top",
            "y": -0.18,
            "x": 0,
            "font": ink,
        },
        "hovermode": "x unified",
        # Plotly would colour each hover label like its series, with white or grey text.
        "hoverlabel": {"bgcolor": "white", "bordercolor": "#9CA3AF", "font": ink},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "colorway": list(PALETTE),
        "xaxis": {
            **axes,
            "title": {"text": x_title, "font": ink},
            "showgrid": False,
            "linecolor": "#9CA3AF",
        },
        "yaxis": {
            **axes,
            "title": {"text": y_title, "font": ink},
            "gridcolor": "#E5E7EB",
            "zeroline": False,
        },
    }


#: What :func:`yuan_axis` sets on a money axis.
YUAN_AXIS = {"tickprefix": "¥", "tickformat": ",.0f", "hoverformat": ",.2f"}


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """A generous estimate of how wide ``text`` is drawn, in px, in the charts' font: a
    full-width (Chinese) character one em, a capital letter 0.75 em, any other 0.62 em (wider
    than the font's digits, ``¥`` and lower-case letters).

    >>> text_width("¥1,000"), text_width("延长期数"), text_width("WM")
    (48.36, 52.0, 19.5)
    """
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    capitals = sum(ch.isupper() for ch in text)
    narrow = len(text) - wide - capitals
    return round((wide + 0.75 * capitals + 0.62 * narrow) * size, 2)


def money_tick_width(highest: float) -> float:
    """The widest tick label a yuan axis (:data:`YUAN_AXIS`: ``¥`` and thousands, no fen)
    can show when its data reach ``highest``: the label of a quarter more, one digit spare
    (plotly's top tick may round up past the data).

    >>> money_tick_width(9_500) == text_width("¥11,875") + text_width("0")
    True
    """
    top = max(highest, 1.0) * 1.25
    return text_width(f"¥{top:,.0f}") + text_width("0")


def fixed_left_margin(labels_width: float, *, titled: bool) -> int | None:
    """The left margin that holds tick labels ``labels_width`` px wide (and the axis title
    beside them when ``titled``), or ``None`` when they are wider than
    :data:`WIDEST_FIXED_MARGIN` (a long typed name): plotly then works the margin out itself.

    Plotly's own margin finding (``automargin``) draws a chart twice or more to measure its
    labels; on the Proposals page that was half of every chart's drawing time in the browser.
    The estimate is generous, so a label is never cut: at worst a little more white space.

    >>> fixed_left_margin(48.36, titled=True), fixed_left_margin(400, titled=False)
    (76, None)
    """
    if labels_width > WIDEST_FIXED_MARGIN:
        return None
    title = FONT_SIZE * 1.5 + 4 if titled else 0
    return math.ceil(4 + labels_width + title)


def left_axis(layout: dict[str, Any], labels_width: float, *, titled: bool) -> dict[str, Any]:
    """``layout`` with a fixed left margin for its y axis (:func:`fixed_left_margin`), plotly's
    margin finding switched off for that axis; ``layout`` unchanged when the labels are too
    wide to fix."""
    left = fixed_left_margin(labels_width, titled=titled)
    if left is None:
        return layout
    return merged(layout, {"margin": {"l": left}, "yaxis": {"automargin": False}})


def merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` merged in, nested dicts key by key (as ``update_layout`` would).

    >>> merged({"a": {"b": 1, "c": 2}, "d": 3}, {"a": {"c": 4}, "e": 5})
    {'a': {'b': 1, 'c': 4}, 'd': 3, 'e': 5}
    """
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def unvalidated_figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """The figure of ``data`` (trace dicts) and ``layout``, built without plotly's validation.

    Plotly checks every property of every trace against its schema as a figure is built: for
    the Proposals page's three charts that was most of the time a new term took on the server.
    The builders' output is checked against the same schema by the tests instead
    (``tests/test_chart_schema.py`` rebuilds every chart with validation and compares), so a
    misspelt property still fails, in the suite rather than on a counselor's screen.
    """
    return go.Figure(data=data, layout=layout, _validate=False)


def base_figure(title: str, x_title: str, y_title: str, *, height: int = 380) -> go.Figure:
    """An empty figure with our title, axis titles, font, margins and legend placement
    (:func:`base_layout`, validated once)."""
    return go.Figure(layout=base_layout(title, x_title, y_title, height=height))


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#RRGGBB`` colour (0 black … 1 white)."""
    hex_digits = colour.lstrip("#")
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours, 1 to 21."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(*backgrounds: str) -> str:
    """Black or white, whichever reads better on every one of ``backgrounds``.

    >>> text_on("#0072B2"), text_on("#009E73"), text_on("#D55E00", "#FFFFFF")
    ('#FFFFFF', '#000000', '#000000')
    """
    candidates = ("#000000", "#FFFFFF")
    return max(candidates, key=lambda ink: min(contrast_ratio(ink, b) for b in backgrounds))


def yuan_axis(fig: go.Figure, axis: str = "y") -> go.Figure:
    """Money axis: ¥ with thousands separators, hover to the fen.

    >>> yuan_axis(base_figure("t", "x", "y")).layout.yaxis.tickprefix
    '¥'
    """
    getattr(fig, f"update_{axis}axes")(**YUAN_AXIS)
    return fig


def series_style(index: int) -> dict:
    """Colour, dash and symbol of the ``index``-th series (cycling), so series differ without
    colour too.

    >>> [series_style(i)["line"]["dash"] for i in (0, 1, 8)]
    ['solid', 'dash', 'solid']
    >>> series_style(1)["marker"]["symbol"]
    'square'
    """
    i = index % len(PALETTE)
    return {
        "line": {"color": PALETTE[i], "dash": DASHES[i], "width": 2.5},
        "marker": {"color": PALETTE[i], "symbol": SYMBOLS[i], "size": 7},
    }


def plotly_config(filename: str) -> dict:
    """The config for ``st.plotly_chart``: a clean mode bar and a named PNG download."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }
