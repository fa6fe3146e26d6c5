"""What the client's copy of the guide's case may show, shared by the report's tests
(tests/test_client_copy.py) and the share page's (tests/pages/test_share_page.py)."""

from __future__ import annotations

import re

from report.example import (
    GUIDE_AGENT,
    GUIDE_CONTACT,
    GUIDE_CONTRACT,
    GUIDE_ID_NUMBER,
    GUIDE_INTERNAL,
    GUIDE_LANDLINE,
    GUIDE_MOBILE,
    GUIDE_NAME,
)

LANGS = ("zh-CN", "en")
#: The plan named by its kind and terms, in each language.
PLAN = {"zh-CN": "延期分期 · 24个月", "en": "Term extension · 24 months"}
#: The two labels of the contract's monthly figures, in each language.
DEMAND = {"zh-CN": "本月应还（含逾期）", "en": "Due this month (incl. overdue)"}
REGULAR = {"zh-CN": "每月正常月供", "en": "Regular monthly installment"}
#: This month's demand (arrears included), the usual installment, the agreed plan's payment.
THIS_MONTH, USUAL, AGREED_MONTHLY = "¥3,437.90", "¥1,017.65", "¥661.59"
#: The client's details, whole.
DETAILS = {
    "name": GUIDE_NAME,
    "mobile": GUIDE_MOBILE,
    "ID": GUIDE_ID_NUMBER,
    "contract": GUIDE_CONTRACT,
    "agent": GUIDE_AGENT,
}
#: What the call's free text says of others: the client's wife (a contact on the record) and
#: her work landline.
THIRD_PARTY = {"contact": GUIDE_CONTACT, "landline": GUIDE_LANDLINE}
#: What may never be seen whole, masked: the identifying values and the internal words.
SECRETS = (*DETAILS.values(), *THIRD_PARTY.values(), *GUIDE_INTERNAL)
#: ... nor in part: the numbers are left out entirely, not shortened (138****5678), and the
#: contact's name is shortened like the client's (李*英).
FRAGMENTS = (
    GUIDE_MOBILE[:3] + "*",
    GUIDE_MOBILE[-4:],
    GUIDE_ID_NUMBER[:6],
    GUIDE_ID_NUMBER[-4:],
    GUIDE_CONTRACT[-4:],
    GUIDE_AGENT[-4:],
    GUIDE_CONTACT[1:],
    GUIDE_LANDLINE[-4:],
    "首选",
)


def leaks(shown: str) -> list[str]:
    """The secrets found whole (even broken across lines) and the fragments found alone (not
    inside a longer number)."""
    squeezed = "".join(shown.split())
    found = [s for s in SECRETS if "".join(s.split()) in squeezed]
    return found + [f for f in FRAGMENTS if re.search(rf"(?<!\d){re.escape(f)}(?!\d)", shown)]


def details_seen(shown: str) -> set[str]:
    """Which of the client's details ``shown`` holds whole ("short name" for 张*)."""
    squeezed = "".join(shown.split())
    seen = {name for name, value in DETAILS.items() if "".join(value.split()) in squeezed}
    return seen | ({"short name"} if "张*" in squeezed else set())
