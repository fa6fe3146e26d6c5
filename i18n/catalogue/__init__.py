"""Texts of each product area, one module per area, each defining ``TEXT``.

Keys are prefixed by their area (``clients.``, ``debts.`` …) so modules never collide;
:func:`i18n.text.merge` refuses a key defined twice.
"""

from __future__ import annotations

import importlib
import pkgutil

from i18n.shape import Catalogue


def catalogue_parts() -> list[Catalogue]:
    """The ``TEXT`` of every module in this package, in name order."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    return [importlib.import_module(f"{__name__}.{name}").TEXT for name in names]
