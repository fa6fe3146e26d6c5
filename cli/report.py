"""``python -m report CLIENT_ID --out FILE.pdf [--lang en] [--html | --png | --svg]``: a
client's plan report, or one of its charts as an image.

``python -m report CLIENT_ID --letter DEBT_ID --out letter.docx`` (or ``.pdf``): the letter to
the lender for the debt's saved proposal (the one agreed, else the latest saved; ``--proposal
ID`` for another), in Chinese (``--lang en``: the counselor's English reading copy). It carries
the client's full name and contract number and the ID and mobile by their last 4 only
(``--no-mask`` does not apply). Exit code 5 when the letter cannot be made: no consent to
contact lenders, no budget, no saved proposal, no such debt — said in ``--lang``.

``--png`` / ``--svg`` write a chart of the report (``--chart monthly`` or ``cumulative``) at
the Share page's wide size (1280 × 720, PNG drawn at twice that), labelled with the client's
masked name. Exit codes: 0 written; 2 bad arguments; 3 no such client; 4 the database or the
output file could not be used (or, for an image, Chromium is missing). Without Chromium the
PDF is still written, without its charts (a warning says so). Personal data are masked unless
``--no-mask`` is given. The file is written ``0600`` (its owner alone may read it), under the
umask ``077``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from i18n import DISPLAY_ZONE, LANGUAGES, translate
from i18n.errors import model_error_lines
from report.charts import report_figures
from report.html import render_html
from report.images import SIZES, ChromiumNotFoundError, ImageExportError, export_image
from report.letter import LetterError, build_letter, load_letter_inputs
from report.letter_docx import render_docx as render_letter_docx
from report.letter_pdf import render_pdf as render_letter_pdf
from report.pdf import FontMissingError, chart_images, render_pdf
from report.plan_report import PlanReport, build_report, load_inputs
from store import NotFoundError, StoreError, init_db
from store.files import private_umask, write_private

EXIT_OK, EXIT_USAGE, EXIT_NO_CLIENT, EXIT_IO, EXIT_NO_LETTER = 0, 2, 3, 4, 5
#: The letter's file types, by the suffix of ``--out``.
LETTER_SUFFIXES = (".docx", ".pdf")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m report", description="Write a client's plan report (PDF or HTML)."
    )
    parser.add_argument("client_id", type=int, help="the client's id")
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh-CN")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_true", help="write HTML instead of PDF")
    kind.add_argument("--png", action="store_true", help="write a chart as a PNG image")
    kind.add_argument("--svg", action="store_true", help="write a chart as an SVG image")
    kind.add_argument(
        "--letter",
        type=int,
        metavar="DEBT_ID",
        default=None,
        help="write the letter to the lender for this debt's saved proposal (.docx or .pdf)",
    )
    parser.add_argument(
        "--proposal",
        type=int,
        metavar="ID",
        default=None,
        help="with --letter: the saved proposal (default: the agreed one, else the latest)",
    )
    parser.add_argument(
        "--chart",
        choices=("monthly", "cumulative"),
        default="monthly",
        help="the chart --png/--svg draws (default: monthly)",
    )
    parser.add_argument(
        "--as-of", type=date.fromisoformat, default=None, help="day of the figures (YYYY-MM-DD)"
    )
    parser.add_argument("--no-mask", action="store_true", help="show full personal data")
    parser.add_argument("--database", default=None, help="database URL (default: settings)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.letter is not None and args.out.suffix.lower() not in LETTER_SUFFIXES:
        print("error: the letter is written as .docx or .pdf", file=sys.stderr)
        return EXIT_USAGE
    with private_umask():
        return _run_letter(args) if args.letter is not None else _run(args)


def _run_letter(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    as_of = args.as_of or now.astimezone(DISPLAY_ZONE).date()
    try:
        store = init_db(args.database)
    except StoreError as exc:
        print(f"error: cannot open the database: {exc}", file=sys.stderr)
        return EXIT_IO
    try:
        inputs = load_letter_inputs(
            store, args.client_id, args.letter, proposal_id=args.proposal, as_of=as_of
        )
        letter = build_letter(inputs, as_of=as_of)
    except NotFoundError:
        print(f"error: no client with id {args.client_id}", file=sys.stderr)
        return EXIT_NO_CLIENT
    except LetterError as exc:
        for line in model_error_lines(exc, args.lang):
            print(f"error: {line}", file=sys.stderr)
        return EXIT_NO_LETTER
    except StoreError as exc:
        print(f"error: cannot read the database: {exc}", file=sys.stderr)
        return EXIT_IO
    finally:
        store.close()
    try:
        if args.out.suffix.lower() == ".docx":
            data = render_letter_docx(letter, args.lang)
        else:
            data = render_letter_pdf(letter, args.lang)
        write_private(args.out, data)
    except FontMissingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_IO
    print(args.out)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
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
    if (args.png or args.svg) and not report.months:
        print("error: the report has no chart yet (no payments planned)", file=sys.stderr)
        return EXIT_IO
    try:
        write_private(args.out, _render(report, args))
    except FontMissingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_IO
    except ChromiumNotFoundError:
        print("error: no Chromium found to draw the image; try --html", file=sys.stderr)
        return EXIT_IO
    except ImageExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_IO
    print(args.out)
    return EXIT_OK


def _render(report: PlanReport, args: argparse.Namespace) -> bytes | str:
    if args.html:
        return render_html(report, args.lang)
    if args.png or args.svg:
        width, height = SIZES["wide"]
        label = translate("report.chart.label", args.lang, client=report.client_label)
        return export_image(
            report_figures(report, args.lang)[args.chart],
            "png" if args.png else "svg",
            width=width,
            height=height,
            scale=2 if args.png else 1,
            client_label=label,
        )
    images = chart_images(report, args.lang)
    if images is None:
        print("warning: no Chromium found; the PDF has no charts", file=sys.stderr)
    return render_pdf(report, args.lang, charts=images)


if __name__ == "__main__":
    sys.exit(main())
