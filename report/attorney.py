"""The power of attorney (授权委托书): the client authorises the counselor to negotiate with one
named lender on the client's behalf, with its scope and validity dates, in Chinese to sign and
in English for the counselor to read.

Unlike the letter to the lender (:mod:`report.letter`), this document carries the client's
**full name and full ID number**: it is signed by the client and handed to the lender, who
must be able to identify the person giving the authorisation and check it against the
borrower on the contract (a lender refuses an authorisation naming the client by the last four
digits). Nothing else of the client is on it — no mobile number, no budget, no hardship — and
the typed texts (the counselor's name and organisation, the creditor's name, the contract
number) are read as plain text (:func:`report.letter.plain`).

Three steps, as for the letter:

- :func:`make_attorney` reads the client and the debt through :mod:`services` (as ``actor``)
  and calls
- :func:`build_attorney` — pure: the rules of :mod:`core.rules.attorney` (the counselor's name,
  1–12 months from a start no more than 30 days back, the scope) and the client's consent; and
- :func:`compose` words it in one language as the letter's blocks
  (:class:`report.letter.Block`), laid out by :mod:`report.attorney_docx` and
  :mod:`report.attorney_pdf` as they are.

It is made only with the client's consent to contact lenders
(:attr:`ConsentScope.CONTACT_LENDERS`); without it, for a debt that is not the client's, or for
terms the rules refuse, :class:`AttorneyError` says why (``error.attorney_*`` in the
catalogue, under ``field.attorney``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, ConfigDict

import services
from core.calls import DebtAccount
from core.clients import Client, ConsentScope
from core.rules.attorney import (
    DEFAULT_MONTHS,
    DEFAULT_SCOPE,
    FIELD,
    AttorneyError,
    Scope,
    check_terms,
    valid_until,
)
from i18n import format_date, format_months, translate
from report.letter import Block, plain
from services import LOCAL_USER, Actor

__all__ = [
    "Attorney",
    "AttorneyError",
    "attorney_file_name",
    "build_attorney",
    "compose",
    "file_title",
    "make_attorney",
    "require_consent",
]


def require_consent(client: Client) -> None:
    """:class:`AttorneyError` unless the client agreed that lenders may be contacted for them."""
    if client.consent is None or not client.consent.covers(ConsentScope.CONTACT_LENDERS):
        raise AttorneyError(
            FIELD,
            "the client has not agreed that lenders may be contacted for them",
            code="attorney_needs_consent",
        )


class Attorney(BaseModel):
    """Everything the power of attorney says; see :func:`compose`."""

    model_config = ConfigDict(frozen=True)

    client_id: int | None
    debt_id: int | None
    #: The day it is made (the date by the signatures).
    dated: date
    #: In full: the client signs it and the lender identifies the client by them.
    client_name: str
    #: Empty when not on record (a line to fill in by hand).
    id_number: str
    creditor: str
    product: str
    #: In full, empty when not on record.
    contract_number: str
    counselor_name: str
    counselor_org: str
    scope: tuple[Scope, ...]
    months: int
    valid_from: date
    valid_until: date

    @property
    def may_sign(self) -> bool:
        return Scope.SIGN_AGREEMENT in self.scope


def build_attorney(
    client: Client,
    account: DebtAccount,
    *,
    counselor_name: str,
    counselor_org: str,
    valid_from: date,
    months: int = DEFAULT_MONTHS,
    scope: Iterable[Scope] = DEFAULT_SCOPE,
    as_of: date,
) -> Attorney:
    """The power of attorney of ``client`` for ``account`` (see the module docstring)."""
    require_consent(client)
    if account.client_id != client.id:
        raise AttorneyError(
            FIELD,
            f"debt {account.id} is not client {client.id}'s",
            code="attorney_no_debt",
        )
    name, org = plain(counselor_name), plain(counselor_org)
    ordered = check_terms(
        counselor_name=name,
        counselor_org=org,
        valid_from=valid_from,
        months=months,
        scope=scope,
        as_of=as_of,
    )
    return Attorney(
        client_id=client.id,
        debt_id=account.id,
        dated=as_of,
        client_name=plain(client.name),
        id_number=plain(client.id_number or ""),
        creditor=plain(account.debt.creditor),
        product=plain(account.debt.product),
        contract_number=plain(account.contract_number),
        counselor_name=name,
        counselor_org=org,
        scope=ordered,
        months=months,
        valid_from=valid_from,
        valid_until=valid_until(valid_from, months),
    )


def make_attorney(
    ws,
    client_id: int,
    debt_id: int,
    *,
    counselor_name: str,
    counselor_org: str,
    valid_from: date,
    months: int = DEFAULT_MONTHS,
    scope: Iterable[Scope] = DEFAULT_SCOPE,
    as_of: date,
    actor: Actor = LOCAL_USER,
) -> Attorney:
    """The power of attorney of ``client_id`` for the lender of ``debt_id``, made on ``as_of``
    (what a page's download button or the checklist calls).

    Refused without consent to contact lenders before the debts are read;
    :class:`AttorneyError` when ``debt_id`` is not one of the client's debts; the services' own
    errors (no such client, no access, the database) pass through.
    """
    client = services.clients.get(ws, actor, client_id)
    require_consent(client)
    accounts = services.debts.list_for_client(ws, actor, client_id)
    account = next((a for a in accounts if a.id == debt_id), None)
    if account is None:
        raise AttorneyError(
            FIELD, f"client {client_id} has no debt {debt_id}", code="attorney_no_debt"
        )
    return build_attorney(
        client,
        account,
        counselor_name=counselor_name,
        counselor_org=counselor_org,
        valid_from=valid_from,
        months=months,
        scope=scope,
        as_of=as_of,
    )


def attorney_file_name(attorney: Attorney, lang: str, suffix: str) -> str:
    """A file name naming no one: ``attorney-3-7-2026-11-30.pdf`` (``-en`` for the reading
    copy)."""
    copy = "" if lang == "zh-CN" else f"-{lang}"
    return (
        f"attorney-{attorney.client_id}-{attorney.debt_id}-{attorney.dated.isoformat()}"
        f"{copy}{suffix}"
    )


# --- the document worded ------------------------------------------------------------------------


def _t(key: str, lang: str, **params) -> str:
    return translate(key, lang, **params)


def _date(day: date, lang: str) -> str:
    return format_date(day, lang)


def file_title(attorney: Attorney, lang: str) -> str:
    """The document's title (its metadata)."""
    return _t("attorney.file_title", lang, creditor=attorney.creditor)


def _contract(attorney: Attorney, lang: str) -> str:
    if attorney.contract_number:
        return attorney.contract_number
    return _t("attorney.to_fill", lang)


def compose(attorney: Attorney, lang: str) -> tuple[Block, ...]:
    """The document in ``lang`` (zh-CN: the one to sign; en: the counselor's reading copy)."""
    blocks: list[Block] = [Block("title", _t("attorney.title", lang))]
    if lang != "zh-CN":
        blocks.append(Block("note", _t("attorney.reading_copy", lang)))
    parties = [
        _t("attorney.principal", lang, name=attorney.client_name),
        _t("attorney.id_number", lang, number=attorney.id_number or _t("attorney.to_fill", lang)),
        _t("attorney.agent", lang, name=attorney.counselor_name),
    ]
    if attorney.counselor_org:
        parties.append(_t("attorney.org", lang, org=attorney.counselor_org))
    parties.append(_t("attorney.lender", lang, creditor=attorney.creditor))
    parties.append(_t("attorney.contract", lang, number=_contract(attorney, lang)))
    if attorney.product:
        parties.append(_t("attorney.product", lang, product=attorney.product))
    blocks += [Block("line", line) for line in parties]
    blocks.append(
        Block(
            "body",
            _t(
                "attorney.statement",
                lang,
                name=attorney.client_name,
                agent=attorney.counselor_name,
                creditor=attorney.creditor,
                number=_contract(attorney, lang),
            ),
        )
    )
    blocks.append(Block("heading", _t("attorney.section.scope", lang)))
    items = [_t(f"attorney.scope.{item.value}", lang) for item in attorney.scope]
    blocks += [Block("item", text, marker=f"{n}.") for n, text in enumerate(items, start=1)]
    blocks.append(Block("heading", _t("attorney.section.limits", lang)))
    limits = [] if attorney.may_sign else [_t("attorney.no_signing", lang)]
    limits += [_t("attorney.no_money", lang), _t("attorney.own_decision", lang)]
    blocks += [Block("item", text, marker=f"{n}.") for n, text in enumerate(limits, start=1)]
    blocks.append(Block("heading", _t("attorney.section.validity", lang)))
    blocks.append(
        Block(
            "body",
            _t(
                "attorney.validity",
                lang,
                start=_date(attorney.valid_from, lang),
                end=_date(attorney.valid_until, lang),
                months=format_months(attorney.months, lang),
            ),
        )
    )
    blocks.append(Block("body", _t("attorney.revoke", lang)))
    dated = _date(attorney.dated, lang)
    blocks += [
        Block("signature", _t("attorney.sign.client", lang)),
        Block("right", _t("attorney.sign.date", lang, date=dated)),
        Block("signature", _t("attorney.sign.agent", lang)),
        Block("right", _t("attorney.sign.date", lang, date=dated)),
    ]
    return tuple(blocks)
