"""Chart images: the requested size, not blank, titled and labelled; a named error without
Chromium; the interactive HTML works without it."""

import io
import time

import plotly.graph_objects as go
import pytest
from PIL import Image

from charts.base import base_figure
from report import images
from report.images import ChromiumNotFoundError, chart_html, export_image, find_chromium

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="no Chromium")


def figure() -> go.Figure:
    fig = base_figure("每月还款与还款能力", "月份", "金额（元）")
    fig.add_bar(x=["2026年4月", "2026年5月", "2026年6月"], y=[825, 825, 525], name="方案")
    return fig


@needs_chromium
@pytest.mark.parametrize(
    ("width", "height", "scale", "pixels"),
    [(800, 500, 1, (800, 500)), (390, 600, 2, (780, 1200)), (1280, 720, 1, (1280, 720))],
)
def test_the_png_has_the_requested_size(width, height, scale, pixels):
    png = export_image(figure(), "png", width=width, height=height, scale=scale)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == pixels


@needs_chromium
def test_the_png_is_not_blank():
    png = export_image(figure(), "png", width=600, height=400)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert len(colours) > 20  # bars, text and anti-aliasing, not one flat colour
    white = sum(count for count, rgb in colours if rgb == (255, 255, 255))
    assert white < 0.97 * image.width * image.height


@needs_chromium
def test_the_svg_has_the_title_and_the_masked_client_label():
    svg = export_image(figure(), "svg", width=800, height=500, client_label="客户：张*明").decode()
    assert svg.lstrip().startswith("<svg")
    assert "每月还款与还款能力" in svg and "客户：张*明" in svg


@needs_chromium
def test_a_warm_export_takes_well_under_a_second():
    export_image(figure(), "png", width=600, height=400)  # starts the server if needed
    started = time.perf_counter()
    export_image(figure(), "png", width=600, height=400)
    assert time.perf_counter() - started < 1.0


def test_the_title_can_be_replaced_and_labelled():
    fig = images.labelled(figure(), "Plan", "Client: 张*")
    assert fig.layout.title.text == "Plan<br><sup>Client: 张*</sup>"
    assert figure().layout.title.text == "每月还款与还款能力"  # the original is untouched


def test_without_chromium_a_named_error_is_raised(monkeypatch):
    monkeypatch.setattr(images, "_server_started", False)
    monkeypatch.setattr(images, "find_chromium", lambda: None)
    with pytest.raises(ChromiumNotFoundError):
        export_image(figure(), "png")


def test_browser_path_pointing_nowhere_means_no_chromium(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    assert find_chromium() is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"width": 100}, "width"), ({"height": 5000}, "height"), ({"fmt": "gif"}, "fmt")],
)
def test_bad_sizes_and_formats_are_refused_by_name(kwargs, field):
    fmt = kwargs.pop("fmt", "png")
    with pytest.raises(ValueError, match=field):
        export_image(figure(), fmt, **kwargs)


def test_the_interactive_html_needs_no_browser_and_no_network():
    html = chart_html(figure(), client_label="客户：张*明")
    assert "<html>" in html and "客户：张*明" in html
    assert '<script src="http' not in html


# --- nothing added to kaleido's own work (issue 19) ----------------------------------------


def _pruned(value):
    """A figure dict without its empty parts (a validated copy of a figure drops them)."""
    if isinstance(value, dict):
        kept = {key: _pruned(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item != {}}
    if isinstance(value, list):
        return [_pruned(item) for item in value]
    return value


@pytest.mark.parametrize(
    ("title", "client_label"), [(None, None), ("Plan", "客户：张*明"), (None, "x"), ("", None)]
)
def test_the_export_sends_kaleido_the_labelled_figure_as_a_dict(title, client_label):
    """The export writes the title, label, margin and size into the figure's own dict instead
    of building and validating a second figure: the same figure, nothing redone."""
    spec = images.export_spec(
        figure(), width=800, height=500, title=title, client_label=client_label
    )
    assert isinstance(spec, dict)
    labelled = images.labelled(figure(), title, client_label)
    assert _pruned(spec) == _pruned(labelled.update_layout(width=800, height=500).to_dict())


def test_the_export_leaves_the_figure_as_it_was():
    fig = figure()
    before = fig.to_dict()
    images.export_spec(fig, width=800, height=500, title="Plan", client_label="客户：张*明")
    assert fig.to_dict() == before


@needs_chromium
def test_the_png_is_the_image_kaleido_draws_of_the_labelled_figure():
    import kaleido

    png = export_image(figure(), "png", width=640, height=400, title="Plan", client_label="张*")
    labelled = images.labelled(figure(), "Plan", "张*").update_layout(width=640, height=400)
    opts = {"format": "png", "width": 640, "height": 400, "scale": 1}
    assert png == kaleido.calc_fig_sync(labelled, opts=opts)
