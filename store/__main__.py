"""``python -m store``: an alias of :mod:`cli.store`, kept so the README's commands work."""

from cli.store import main

if __name__ == "__main__":
    raise SystemExit(main())
