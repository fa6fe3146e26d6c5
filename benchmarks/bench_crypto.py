"""Field encryption's cost per value (issue 23): encrypt, decrypt and blind index, in µs, for
the fields that will be encrypted; and one backup seal/open at the default scrypt cost.

Run alone with ``python -m benchmarks crypto`` or ``python -m benchmarks.bench_crypto``.
"""

from __future__ import annotations

import os
import time

from benchmarks.common import best_time, fmt_time, table
from store.crypto import SEAL_LOG2_N, FieldCipher, open_sealed, seal

FIELDS = [
    ("mobile", "clients.mobile", "13812345678"),
    ("ID number", "clients.id_number", "11010519491231002X"),
    ("contract number", "debts.contract_number", "HT-2025-000731"),
    ("call note, 195 chars", "calls.summary", "客户表示下月发工资后先还一部分，" * 12 + "再联系"),
    ("call note, 2,000 chars", "calls.summary", "协商记录" * 500),
]


def run() -> str:
    cipher = FieldCipher(os.urandom(32))
    rows: list[list[object]] = []
    for label, context, plain in FIELDS:
        token = cipher.encrypt(plain, context)
        assert token is not None
        rows.append(
            [
                label,
                len(token),
                fmt_time(best_time(lambda p=plain, c=context: cipher.encrypt(p, c))),
                fmt_time(best_time(lambda t=token, c=context: cipher.decrypt(t, c))),
                fmt_time(best_time(lambda p=plain, c=context: cipher.index(p, c))),
            ]
        )
    rows.append(
        [
            "phone tail / contract / contract tail index",
            32,
            "",
            "",
            " / ".join(
                fmt_time(best_time(func))
                for func in (
                    lambda: cipher.phone_tail_index("13812345678"),
                    lambda: cipher.contract_index("HT-2025-000731"),
                    lambda: cipher.contract_tail_index("HT-2025-000731"),
                )
            ),
        ]
    )
    out = table(["value", "token chars", "encrypt", "decrypt", "index"], rows)
    backup = os.urandom(1 << 20)
    started = time.perf_counter()
    sealed = seal(backup, "a passphrase for the benchmark")
    sealed_s = time.perf_counter() - started
    started = time.perf_counter()
    assert open_sealed(sealed, "a passphrase for the benchmark") == backup
    opened_s = time.perf_counter() - started
    return (
        f"{out}\n\nA 1 MiB backup (scrypt n = 2**{SEAL_LOG2_N}, r = 8, p = 1): seal"
        f" {fmt_time(sealed_s)}, open {fmt_time(opened_s)} (one run each)"
    )


if __name__ == "__main__":
    print(run())
