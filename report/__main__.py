"""``python -m report``: an alias of :mod:`cli.report`, kept so the README's commands work."""

from cli.report import main

if __name__ == "__main__":
    raise SystemExit(main())
