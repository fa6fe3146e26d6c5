"""Command lines: ``python -m cli.store`` (backup, restore, CSV exports) and
``python -m cli.report`` (masked plan reports). ``python -m store`` / ``report`` are aliases.
"""
