"""The call script card and the message that confirms what was agreed.

:func:`call_script` builds the card a client (or counselor) reads from on the phone:

1. **Opening**: who is calling, about which account, and why; whether the agent has time;
   the agent's staff ID (工号), so that later calls can refer to this one.
2. **The proposal**: what the client can pay a month and the concrete plan, with the
   proposal's own figures (payment, number of installments, first due date, total) quoted
   exactly as money strings.
3. **If the agent says…**: answers to "only the minimum payment is possible", "the system
   can't do that", "you must pay in full" and to a counter-offer the client cannot afford.
4. **Closing**: repeat the plan and ask for it in the app and in writing; or, without an
   agreement, a polite end that leaves the door open.
5. **Reminders**: stay calm, ask for a call-back if emotions rise, note the agent ID and
   every promise, never pay a personal account.

:func:`confirmation_message` is the "to confirm what we agreed" message to send through
the lender's official chat or email right after the call.

Both are said or sent to the lender (:attr:`core.privacy.Audience.LENDER`). Of the client the
templates give the name and the last four digits of the contract or mobile number where the
account must be identified, never an ID number. What the counselor typed — the call's summary
and what each side promised, the debt's product and the lender's name — goes through
:func:`core.privacy.scrub` for the lender: the client's name, contract numbers and the agent's
staff number stay whole, an ID, mobile, landline or card number shows only its last four
characters (``****7651``), and the names of the other people on the record (relatives,
references) are shortened (李*英).

Two things about who calls and where the debt stands change the card:

- ``on_behalf``: a counselor calls for the client. With the power of attorney ticked on the
  checklist (:attr:`core.calls.DocumentChecklist.power_of_attorney`) the greeting says so
  ("calling on behalf of … with their written authorisation"); without it the greeting
  claims no authorisation and a reminder says to have the letter signed first
  (:func:`authorisation_code`).
- ``legal``: the debt's legal status. Before court, a lawyer's letter is mentioned; once the
  lender has sued, the opening asks for its lawyer or the court's mediation and the close for
  a mediation agreement; after a judgment or award, for a written execution settlement
  (执行和解协议). The advice of :func:`core.rules.legal.negotiation_advice` — the disclaimer
  and legal aid (12348) last — ends the reminders (:func:`legal_codes`).

On the client's behalf the whole card speaks for the client: every line the client would say in
the first person ("my income is…", "I can pay…") is said of the client by name, the same name
as the greeting's ("王芳每月收入…", "Wang Fang's income is…"), from the template
``<code>.agent`` in place of ``<code>`` (:func:`voice`); the counselor's own "I" (asking for
the agent's ID, repeating the plan) stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from core.calls import Call, DocumentChecklist, Outcome
from core.clients import Client
from core.debts import Debt
from core.errors import CoreError
from core.money import money_total
from core.plans import PlanRow
from core.privacy import Audience, Known, scrub
from core.proposals import (
    Combination,
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    ProposalResult,
    StopInterest,
)
from core.rules.escalation import legal_notices
from core.rules.legal import AdviceKey, LegalStage, LegalStatus, negotiation_advice
from core.rules.templates import TEMPLATES, format_datetime, render, tail
from core.rules.timing import local_date
from core.text import check_language, format_date, format_money, format_share


class Objection(BaseModel):
    """What the agent may say, and what to answer."""

    model_config = ConfigDict(frozen=True)

    code: str
    says: str
    answer: str


class CallScript(BaseModel):
    """The script card, section by section, in one language."""

    model_config = ConfigDict(frozen=True)

    language: str
    opening: tuple[str, ...]
    proposal: tuple[str, ...]
    objections: tuple[Objection, ...]
    close_agreed: str
    close_not_agreed: str
    reminders: tuple[str, ...]

    @property
    def text(self) -> str:
        """The whole card as plain text, one section after another."""

        def title(section: str) -> str:
            return f"【{render(f'script.section.{section}', self.language)}】"

        objections = [f"{o.says}\n→ {o.answer}" for o in self.objections]
        blocks = [
            [title("opening"), *self.opening],
            [title("proposal"), *self.proposal],
            [title("objections"), *objections],
            [title("close"), self.close_agreed, self.close_not_agreed],
            [title("reminders"), *(f"• {line}" for line in self.reminders)],
        ]
        return "\n\n".join("\n".join(block) for block in blocks)


class ConfirmationMessage(BaseModel):
    """A subject line (for email) and the message text."""

    model_config = ConfigDict(frozen=True)

    language: str
    subject: str
    text: str


def call_script(
    client: Client,
    debt: Debt,
    proposal: ProposalResult,
    language: str = "zh-CN",
    *,
    contract_number: str | None = None,
    monthly_income: Decimal | None = None,
    documents: DocumentChecklist | None = None,
    on_behalf: bool = False,
    legal: LegalStatus | None = None,
) -> CallScript:
    """The script card for proposing ``proposal`` (an evaluated proposal) to ``debt``'s lender.

    ``contract_number`` (kept with the debt in the store) identifies the account by its last
    four characters; without it the mobile number's last four digits are used.
    ``monthly_income``, when given, is quoted with the monthly capacity, as in "I earn
    ¥4,000.00 a month and can put ¥800.00 towards this loan". ``on_behalf`` and ``legal``:
    see the module docstring.
    """
    check_language(language)
    known = Known.of(client, contract_numbers=[contract_number or ""])

    def say(code: str, **params: str) -> str:
        # The greeting's name form: the client's name as the card already says it.
        return render(voice(code, on_behalf=on_behalf), language, name=client.name, **params)

    capacity = format_money(proposal.capacity)
    lender = scrub(debt.creditor, Audience.LENDER, known)
    if contract_number and tail(contract_number):
        account = say("script.opening.account.contract", contract_tail=tail(contract_number))
    elif client.mobile:
        account = say("script.opening.account.phone", phone_tail=tail(client.mobile))
    else:
        account = ""
    product = scrub(debt.product, Audience.LENDER, known) or say("script.opening.product.default")
    authorisation = authorisation_code(documents, on_behalf=on_behalf)
    greeting = authorisation[0] if authorisation else "script.opening.greeting"
    opening_line, close_line = legal_codes(legal)
    opening = (
        say(greeting, lender=lender),
        say("script.opening.account", product=product, account=account),
        *((say(opening_line),) if opening_line else ()),
        say("script.opening.why"),
        say("script.opening.time"),
        say("script.opening.agent_id"),
    )

    lines = []
    if monthly_income is not None:
        income = format_money(monthly_income)
        lines.append(say("script.proposal.situation", income=income, capacity=capacity))
    else:
        lines.append(say("script.proposal.capacity_only", capacity=capacity))
    lines += _proposal_lines(debt, proposal, language, say)
    lines.append(say("script.proposal.total", total=format_money(proposal.total_paid)))
    lines.append(say(documents_code(documents)))

    payment = format_money(_regular_payment(proposal))
    objections = tuple(
        Objection(
            code=code,
            says=say(f"script.objection.{code}.says"),
            answer=say(f"script.objection.{code}.answer", payment=payment, capacity=capacity),
        )
        for code in ("minimum_only", "system", "full_payment", "counter_offer")
    )
    reminders = (
        say("script.reminder.calm"),
        say("script.reminder.call_back"),
        say("script.reminder.notes"),
        say("script.reminder.limit", capacity=capacity),
        say("script.reminder.safety"),
        *((say(authorisation[1]),) if authorisation else ()),
        *(note.text for note in legal_notices(legal, language)),
    )
    close_agreed = say("script.close.agreed", plan=plan_summary(proposal, language))
    if close_line:
        close_agreed += (" " if language == "en" else "") + say(close_line)
    return CallScript(
        language=language,
        opening=opening,
        proposal=tuple(lines),
        objections=objections,
        close_agreed=close_agreed,
        close_not_agreed=say("script.close.not_agreed"),
        reminders=reminders,
    )


#: The suffix of a script template's variant said by a counselor on the client's behalf.
AGENT_SUFFIX = ".agent"


def voice(code: str, *, on_behalf: bool) -> str:
    """The template code to say ``code`` with: its counselor's variant ``<code>.agent`` (the
    client named, not "I") when someone calls ``on_behalf`` of the client and the text has one;
    otherwise ``code`` itself (texts that do not speak as the client have no variant).

    >>> voice("script.proposal.total", on_behalf=True)
    'script.proposal.total.agent'
    >>> voice("script.opening.time", on_behalf=True)
    'script.opening.time'
    >>> voice("script.proposal.total", on_behalf=False)
    'script.proposal.total'
    """
    agent = code + AGENT_SUFFIX
    return agent if on_behalf and agent in TEMPLATES else code


def authorisation_code(
    documents: DocumentChecklist | None, *, on_behalf: bool
) -> tuple[str, str] | None:
    """(greeting, reminder) codes when someone calls on the client's behalf: with the power of
    attorney ticked on the checklist, or without it (also when the checklist is unknown);
    ``None`` when the client calls."""
    if not on_behalf:
        return None
    if documents is not None and documents.power_of_attorney:
        return "script.opening.on_behalf", "script.reminder.power_of_attorney"
    return "script.opening.on_behalf_pending", "script.reminder.power_of_attorney_missing"


def legal_codes(legal: LegalStatus | None) -> tuple[str | None, str | None]:
    """(opening line, closing addition) codes at ``legal``'s stage: none without a legal step;
    a lawyer's letter is mentioned; in court, the lawyer or the court's mediation (closing with
    a mediation agreement); after a judgment or award, an execution settlement (closing with a
    written 执行和解协议)."""
    if legal is None or legal.stage is LegalStage.NONE:
        return None, None
    if not legal.in_court:
        return "script.legal.lawyer_letter", None
    if AdviceKey.EXECUTION_SETTLEMENT not in negotiation_advice(legal):
        return "script.legal.court", "script.legal.close_mediation"
    if AdviceKey.ENFORCEMENT_UNDER_WAY in negotiation_advice(legal):
        return "script.legal.enforcement", "script.legal.close_settlement"
    return "script.legal.judgment", "script.legal.close_settlement"


def documents_code(documents: DocumentChecklist | None) -> str:
    """The documents line that claims only what the checklist shows ready: both proofs, one of
    them (the other being prepared), or neither (both being prepared — also when unknown)."""
    income = documents is not None and documents.income_proof
    hardship = documents is not None and documents.hardship_proof
    if income and hardship:
        return "script.proposal.documents"
    if income:
        return "script.proposal.documents_income"
    if hardship:
        return "script.proposal.documents_hardship"
    return "script.proposal.documents_none"


def _proposal_lines(
    debt: Debt, result: ProposalResult, language: str, say: Callable[..., str]
) -> list[str]:
    """The plan's lines, each said by ``say`` (code, params) in the caller's voice."""
    proposal = result.proposal
    if isinstance(proposal, LumpSumSettlement):
        return [
            say(
                "script.proposal.settlement",
                total=format_money(proposal.total),
                parts=settlement_parts(proposal, language),
            )
        ]
    lines = []
    if isinstance(proposal, StopInterest):
        lines.append(say("script.proposal.stop_interest"))
    if isinstance(proposal, PrincipalFirst):
        lines.append(say("script.proposal.principal_first"))
    owed = format_money(debt.opening_balance)
    lines.append(
        say("script.proposal.installments", owed=owed, plan=plan_summary(result, language))
    )
    lines += [
        say(f"script.proposal.{code}", **params) for code, params in asked_concessions(result)
    ]
    return lines


def asked_concessions(result: ProposalResult) -> list[tuple[str, dict[str, str]]]:
    """What a proposal asks besides its payments, as ``(code, formatted params)`` in the order
    said: ``("waiver", {share, waived})`` when accrued interest is waived (a waiver that forgives
    nothing is not asked), then ``("lower_rate", {rate})`` when a new annual rate is asked."""
    proposal = result.proposal
    asked = []
    share = getattr(proposal, "waiver_share", Decimal("0"))
    if share > 0 and result.forgiven > 0:
        asked.append(
            ("waiver", {"share": format_share(share), "waived": format_money(result.forgiven)})
        )
    if (
        isinstance(proposal, InterestWaiver | Combination | DownPayment)
        and proposal.annual_rate is not None
    ):
        asked.append(("lower_rate", {"rate": format_share(proposal.annual_rate)}))
    return asked


def is_level(payments: list[Decimal]) -> bool:
    """Whether installments are level: all equal to the first, the last allowed to be smaller
    (it takes up the rounding)."""
    return len(set(payments[:-1])) <= 1 and payments[-1] <= payments[0]


def plan_summary(result: ProposalResult, language: str) -> str:
    """The plan in one phrase with its exact figures, e.g. "24 installments of ¥500.00, the
    first on 1 Apr 2026"; a down payment or a settlement's parts are named first."""
    proposal = result.proposal
    if isinstance(proposal, LumpSumSettlement):
        return render(
            "plan.settlement",
            language,
            total=format_money(proposal.total),
            parts=settlement_parts(proposal, language),
        )
    rows = result.plan.rows
    now_rows = [row for row in rows if row.period == 0]
    later = [row for row in rows if row.period > 0] or list(rows)
    rest = _installments_phrase(later, language)
    if not now_rows or len(later) == len(rows):
        return rest
    down = money_total(row.payment for row in now_rows)
    return render(
        "plan.with_down_payment",
        language,
        down=format_money(down),
        down_on=format_date(_due(now_rows[0]), language),
        rest=rest,
    )


def _installments_phrase(rows: list[PlanRow], language: str) -> str:
    first = rows[0]
    payments = [row.payment for row in rows]
    if is_level(payments):
        return render(
            "plan.level",
            language,
            count=str(len(rows)),
            payment=format_money(first.payment),
            first_due=format_date(_due(first), language),
        )
    return render(
        "plan.uneven",
        language,
        count=str(len(rows)),
        first_payment=format_money(first.payment),
        first_due=format_date(_due(first), language),
        highest_payment=format_money(max(payments)),
    )


def settlement_parts(
    proposal: LumpSumSettlement,
    language: str,
    *,
    money: Callable[[Decimal], str] = format_money,
) -> str:
    """A settlement's parts in one phrase: "2026年4月1日还¥3,000.00、…" / "¥3,000.00 on …";
    ``money`` formats each amount (spoken text passes its own)."""
    separator = "、" if language == "zh-CN" else ", "
    return separator.join(
        render(
            "plan.part",
            language,
            due=format_date(part.due_date, language),
            amount=money(part.amount),
        )
        for part in proposal.parts
    )


def _regular_payment(result: ProposalResult) -> Decimal:
    later = [row.payment for row in result.plan.rows if row.period > 0]
    return later[0] if later else result.first_payment


def _due(row: PlanRow):
    if row.due_date is None:
        raise CoreError("proposal", "the plan has no due dates: evaluate it with an as_of date")
    return row.due_date


#: Words a counselor's note may start with that the message's own label already says
#: ("贵司同意：" + "同意分24期" would read "贵司同意：同意分24期").
LENDER_LEADS = ("同意", "答应", "承诺", "agreed to", "agrees to", "agree to", "agreed")
CLIENT_LEADS = ("承诺", "保证", "答应", "i undertook to", "i undertake to", "i promise to")


def without_lead(text: str, leads: tuple[str, ...]) -> str:
    """``text`` without a leading word its label already says, and the punctuation after it.

    >>> without_lead("同意：分24期", LENDER_LEADS)
    '分24期'
    >>> without_lead("Agreed to 24 months", LENDER_LEADS)
    '24 months'
    """
    stripped = text.strip()
    for lead in leads:
        if stripped.lower().startswith(lead):
            rest = stripped[len(lead) :].lstrip(" ：:，,")
            return rest or stripped
    return stripped


def confirmation_message(
    call: Call,
    client: Client,
    language: str = "zh-CN",
    *,
    agreed: ProposalResult | None = None,
    contract_numbers: Iterable[str] = (),
) -> ConfirmationMessage:
    """The "to confirm what we agreed" message for the lender's official chat or email.

    It restates when and with whom the client spoke, what each side promised (from the call
    record) and, when ``agreed`` is given, the agreed plan with its exact figures; it asks the
    lender to correct anything wrong, or to confirm in writing and update the plan in the app.
    After a refusal or a promised call-back it records the outcome and asks where to send a
    written request. An unanswered call has nothing to confirm.

    The call's texts are scrubbed for the lender (see the module docstring);
    ``contract_numbers`` (the client's debts') are kept whole wherever they are quoted, however
    they are spelled.
    """
    check_language(language)
    if call.outcome is Outcome.NO_ANSWER:
        raise CoreError(
            "call", "an unanswered call has nothing to confirm", code="nothing_to_confirm"
        )
    known = Known.of(client, contract_numbers=contract_numbers, agent_ids=[call.agent_id])

    def said(text: str) -> str:
        return scrub(text, Audience.LENDER, known)

    name = client.name
    if client.mobile:
        greeting = render(
            "confirm.greeting_phone", language, name=name, phone_tail=tail(client.mobile)
        )
    else:
        greeting = render("confirm.greeting", language, name=name)
    when = format_datetime(call.at, language, field="call.at")
    channel = render(f"enum.channel.{call.channel.value}", language)
    if call.agent_id:
        context = render(
            "confirm.context_agent", language, when=when, channel=channel, agent_id=call.agent_id
        )
    else:
        context = render("confirm.context", language, when=when, channel=channel)

    agreed_outcome = call.outcome in {Outcome.AGREED, Outcome.PARTLY_AGREED}
    lines = [greeting, context]
    if agreed_outcome:
        lines.append(render("confirm.intro", language))
    else:
        lines.append(render("confirm.intro_refused", language))
        lines.append(render("confirm.summary", language, text=said(call.summary)))
    if agreed_outcome and agreed is not None:
        lines.append(
            render(
                "confirm.terms",
                language,
                plan=plan_summary(agreed, language),
                total=format_money(agreed.total_paid),
            )
        )
        if agreed.forgiven > 0:
            lines.append(render("confirm.waived", language, waived=format_money(agreed.forgiven)))
    if call.lender_promised:
        text = without_lead(said(call.lender_promised), LENDER_LEADS)
        lines.append(render("confirm.lender_promised", language, text=text))
    if call.client_promised:
        text = without_lead(said(call.client_promised), CLIENT_LEADS)
        lines.append(render("confirm.client_promised", language, text=text))
    if call.outcome is Outcome.REFUSED:
        lines.append(render("confirm.refused", language))
    lines.append(render("confirm.ask" if agreed_outcome else "confirm.ask_refused", language))
    day = format_date(local_date(call.at), language)
    lines.append(render("confirm.signature", language, name=name, date=day))
    return ConfirmationMessage(
        language=language,
        subject=render("confirm.subject", language, date=day),
        text="\n".join(lines),
    )
