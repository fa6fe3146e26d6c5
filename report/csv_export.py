"""Tables as CSV files that open correctly in Excel and WPS: UTF-8 with a byte-order mark.

Without the BOM, Excel on a Chinese Windows reads UTF-8 as GBK and shows 张明 as mojibake.
Values are written as given (``Decimal`` as its exact digits, never via float).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

BOM = "\ufeff"


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """``header`` and ``rows`` as the bytes of a CSV file (UTF-8 with BOM, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def records_csv(records: Sequence[Mapping[str, object]]) -> bytes:
    """Dicts sharing the same keys (the first record's keys are the header)."""
    header = list(records[0]) if records else []
    return csv_bytes(header, ([record.get(key) for key in header] for record in records))
