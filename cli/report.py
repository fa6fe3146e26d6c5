"""``python -m report CLIENT_ID --out FILE.pdf [--lang en] [--html]``: a client's plan report.

Exit codes: 0 written; 2 bad arguments; 3 no such client; 4 the database or the output file
could not be used. Without Chromium the PDF is still written, without its charts (a warning
says so). Personal data are masked unless ``--no-mask`` is given.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from i18n import DISPLAY_ZONE, LANGUAGES
from report.html import render_html
from report.pdf import FontMissingError, chart_images, render_pdf
from report.plan_report import build_report, load_inputs
from store import NotFoundError, StoreError, init_db

EXIT_OK, EXIT_USAGE, EXIT_NO_CLIENT, EXIT_IO = 0, 2, 3, 4


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m report", description="Write a client's plan report (PDF or HTML)."
    )
    parser.add_argument("client_id", type=int, help="the client's id")
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh-CN")
    parser.add_argument("--html", action="store_true", help="write HTML instead of PDF")
    parser.add_argument(
        "--as-of", type=date.fromisoformat, default=None, help="day of the figures (YYYY-MM-DD)"
    )
    parser.add_argument("--no-mask", action="store_true", help="show full personal data")
    parser.add_argument("--database", default=None, help="database URL (default: settings)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    now = datetime.now(UTC)
    try:
        store = init_db(args.database)
    except StoreError as exc:
        print(f"error: cannot open the database: {exc}", file=sys.stderr)
        return EXIT_IO
    try:
        inputs = load_inputs(store, args.client_id)
    except NotFoundError:
        print(f"error: no client with id {args.client_id}", file=sys.stderr)
        return EXIT_NO_CLIENT
    except StoreError as exc:
        print(f"error: cannot read the database: {exc}", file=sys.stderr)
        return EXIT_IO
    finally:
        store.close()
    as_of = args.as_of or now.astimezone(DISPLAY_ZONE).date()
    report = build_report(inputs, as_of=as_of, made_at=now, masked=not args.no_mask)
    try:
        if args.html:
            args.out.write_text(render_html(report, args.lang), encoding="utf-8")
        else:
            images = chart_images(report, args.lang)
            if images is None:
                print("warning: no Chromium found; the PDF has no charts", file=sys.stderr)
            args.out.write_bytes(render_pdf(report, args.lang, charts=images))
    except FontMissingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_IO
    print(args.out)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
