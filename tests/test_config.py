"""The Streamlit config keeps the server local, locked down and calm-looking."""

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("section", "option", "expected"),
    [
        ("server", "address", "127.0.0.1"),
        ("server", "port", 8501),
        ("server", "headless", True),
        ("server", "enableXsrfProtection", True),
        ("server", "enableCORS", True),
        ("server", "maxUploadSize", 200),
        ("browser", "gatherUsageStats", False),
        ("client", "toolbarMode", "minimal"),
        ("client", "showErrorDetails", "none"),
        ("theme", "base", "light"),
        ("theme", "backgroundColor", "#ffffff"),
    ],
)
def test_config_sets(section, option, expected):
    assert CONFIG[section][option] == expected


@pytest.mark.parametrize(
    "option", ["primaryColor", "secondaryBackgroundColor", "textColor", "font"]
)
def test_theme_sets(option):
    assert CONFIG["theme"][option]


def test_chinese_text_uses_simplified_chinese_glyphs():
    # Without an SC font named first, Chromium falls back to Noto Sans CJK JP on Debian.
    fonts = CONFIG["theme"]["font"]
    assert fonts.index("Noto Sans CJK SC") < fonts.index("sans-serif")


def test_config_explains_how_to_serve_a_lan_and_its_risk():
    text = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "--server.address 0.0.0.0" in text
    assert "exposes" in text
