"""The one catalogue of user-visible text, and :func:`translate`.

Each area of the product keeps its texts in a module of :mod:`i18n.catalogue` (``TEXT``);
the engine's own tables — reasons (:mod:`core.reasons`), call templates
(:mod:`core.rules.templates`), pitches (:mod:`core.rules.pitch`) and rate lines
(:mod:`core.rules.rate_lines`) — stay in ``core`` as data
in the same shape, because ``core`` imports nothing of ours. :data:`CATALOGUE` merges them all;
a key defined twice is refused, so every text has exactly one home (``tests/test_i18n.py``
checks that each has non-empty zh-CN and English text with the same placeholders).

>>> translate("unit.months", "en", n=24), translate("unit.months", "en", n=1)
('24 months', '1 month')
>>> translate("unit.months", "zh-CN", n=24)
'24个月'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.reasons import TEMPLATES as REASONS
from core.rules.pitch import TEMPLATES as PITCHES
from core.rules.rate_lines import TEXTS as RATE_LINES
from core.rules.templates import TEMPLATES as CALL_TEMPLATES
from core.text import LANGUAGES
from i18n.catalogue import catalogue_parts
from i18n.shape import Catalogue, Text, forms, plural_category

__all__ = ["CATALOGUE", "DEFAULT_LANGUAGE", "LANGUAGES", "merge", "translate"]

DEFAULT_LANGUAGE = "zh-CN"


def merge(*parts: Catalogue) -> dict[str, Mapping[str, Text]]:
    """One catalogue from several parts; a key defined in two parts is a ``KeyError``."""
    merged: dict[str, Mapping[str, Text]] = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        if clash:
            raise KeyError(f"catalogue keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


CATALOGUE: dict[str, Mapping[str, Text]] = merge(
    *catalogue_parts(), REASONS, CALL_TEMPLATES, PITCHES, RATE_LINES
)


def translate(key: str, lang: str, **kwargs: Any) -> str:
    """The text of ``key`` in ``lang``, formatted with ``kwargs``; ``KeyError`` if unknown.

    A text with plural forms chooses one by its ``count`` (or ``n``) parameter.
    """
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    try:
        text = CATALOGUE[key][lang]
    except KeyError:
        raise KeyError(f"no text for {key!r} in the catalogue") from None
    if not isinstance(text, str):
        amount = kwargs.get("count", kwargs.get("n"))
        if amount is None:
            raise KeyError(f"{key!r} has plural forms: pass count= or n=")
        variants = forms(text)
        text = variants.get(plural_category(lang, amount), variants["other"])
    return text.format(**kwargs)
