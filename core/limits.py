"""Every limit on what a record may hold, stated once.

The ``core`` models declare their fields with these constants, the store's columns
(``store/orm.py``) are as long as them, the forms check input through the models and
``core.money``, and a restore checks each record through its model — so anything the app
accepts it can save, back up and restore, and nothing outside them gets in by any door.

Money
    :data:`MAX_MONEY` is ¥100,000,000 (一亿元), the most any single amount may be: a debt's
    principal, overdue or accrued balance, a payment, a down payment, one month's income or
    cost. A personal consumer debt or a household's monthly income is far below it (a large
    mortgage is a few million); an amount above it is a typo — an extra zero, an ID number
    pasted into the wrong field — or an attack. It also keeps every figure the engine derives
    (totals over 600 months, fen in a 64-bit BIGINT) far from any overflow.
Text
    A column of the store is exactly as long as its field's limit here (a test checks every
    ``String`` column); free-form notes have no column limit but are held to
    :data:`MAX_TEXT_LENGTH`.
"""

from __future__ import annotations

from decimal import Decimal

# --- money, rates and terms -------------------------------------------------------------------

#: The largest amount of money accepted anywhere (¥100,000,000; see the module docstring).
MAX_MONEY = Decimal("100000000")
#: The longest number accepted as text, separators and spaces included
#: (``"100,000,000.00"`` is 14 characters).
MAX_NUMBER_TEXT_LENGTH = 40
#: The highest nominal annual rate accepted as input: a daily rate of 1 % on a 365-day year.
#: Anything above it is almost surely a percent typed as a fraction (18 for 18 %).
MAX_ANNUAL_RATE = Decimal("3.65")
#: The longest term accepted, in months (a 50-year loan).
MAX_MONTHS = 600
#: The largest figure a plan may hold — a payment, a part of one, a balance — either way:
#: ¥10,000,000,000 (100 × MAX_MONEY). A plan worked out from amounts within MAX_MONEY stays
#: far below it (its largest payment is a few times MAX_MONEY); only a file could hold more.
MAX_PLAN_AMOUNT = MAX_MONEY * 100
#: The latest period (month) of a plan: 100 years, room for a 600-month term, the interest
#: months after it, and a settlement dated far ahead.
MAX_PLAN_PERIODS = 2 * MAX_MONTHS
#: The most days a debt may be overdue (100 years: any real arrears are far fewer).
MAX_DAYS_OVERDUE = 36_500
#: The largest household a client or a budget may have.
MAX_HOUSEHOLD_SIZE = 50
#: People named on a client's record besides the client (relatives, references, employer).
MAX_CLIENT_CONTACTS = 20
#: The most income lines one budget may have.
MAX_INCOME_ITEMS = 20

# --- identifiers (normalised, so of exactly this length) ------------------------------------

MOBILE_LENGTH = 11
ID_NUMBER_LENGTH = 18

# --- text ------------------------------------------------------------------------------------

#: A client's name.
MAX_NAME_LENGTH = 50
#: A creditor (the lender's name as the client knows it) and its product.
MAX_CREDITOR_LENGTH = 100
MAX_PRODUCT_LENGTH = 100
#: A lender named in a call or a collection contact, and the collector.
MAX_LENDER_LENGTH = 100
MAX_COLLECTOR_LENGTH = 100
#: A lender agent's staff number (工号).
MAX_AGENT_ID_LENGTH = 32
#: A contract or order number (合同编号 / 订单号).
MAX_CONTRACT_NUMBER_LENGTH = 64
#: A one-line text: a task's title, a next action, a payment reference, an official channel.
MAX_SHORT_TEXT_LENGTH = 500
#: The title of a saved proposal.
MAX_TITLE_LENGTH = 200
#: The label of an income line or of a proposal.
MAX_LABEL_LENGTH = 100
#: Free-form text: notes, a call's summary, what each side promised.
MAX_TEXT_LENGTH = 10_000
#: A client's notes (free-form text).
MAX_NOTES_LENGTH = MAX_TEXT_LENGTH

# --- the application pack (issue 20) ---------------------------------------------------------

#: Hardship situations (job loss, illness, 低保 …) one client's record may hold.
MAX_HARDSHIP_SITUATIONS = 20
#: A hardship situation's note (one line: "laid off when the factory closed").
MAX_HARDSHIP_NOTE_LENGTH = 500
#: A living-cost benchmark's identifier (``nbs-2024-all``; an agency's own rows alike).
MAX_BENCHMARK_ID_LENGTH = 64
#: A living-cost benchmark's name ("上海市 2024 年城镇居民人均消费支出").
MAX_BENCHMARK_NAME_LENGTH = 100
#: Where a benchmark's figures come from (the publication, its issuer).
MAX_BENCHMARK_SOURCE_LENGTH = 500
#: A benchmark's year: no official series is older; a later one is a typo.
MIN_BENCHMARK_YEAR = 1978
MAX_BENCHMARK_YEAR = 2100
#: A benchmark's region (a province or city; empty for the whole country).
MAX_BENCHMARK_REGION_LENGTH = 50

# --- evidence (issue 25) ---------------------------------------------------------------------

#: The largest proof document (scan or photo) accepted, per file, in MB: a phone photo or a
#: few scanned pages are well below it; the page says so before an upload.
MAX_EVIDENCE_MB = 5
MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024
#: Proof documents one client's record may hold.
MAX_EVIDENCE_FILES = 40
#: A proof document's file name as stored (its extension included).
MAX_EVIDENCE_NAME_LENGTH = 100
#: The most pixels an uploaded image may have (a 50-megapixel phone photo fits); a larger one
#: is refused before it is decoded, so that a small file cannot make the server decode gigabytes.
MAX_EVIDENCE_PIXELS = 60_000_000
