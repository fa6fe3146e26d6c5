"""Today (issue 25): a stalled negotiation with a lender that has sued goes through its lawyer
or the court's mediation, not up the complaint ladder; the advice ends with the disclaimer
and legal aid (12348)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from calls_seed import seed_case
from page_helpers import texts

from core.calls import Call, Channel, Outcome
from core.rules.escalation import EscalationStep
from core.rules.legal import LegalEvent, LegalStage
from core.rules.timing import LOCAL_TZ
from i18n import enum_label, translate
from services.legal import SavedLegalEvent
from ui.state import today

PAGE = "app_pages/today.py"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_refused_negotiation_with_a_sued_debt_goes_through_the_court(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    case.store.calls.add(
        Call(
            client_id=case.client.id,
            debt_id=case.account.id,
            lender="招商银行",
            at=datetime.now(LOCAL_TZ) - timedelta(days=5),
            channel=Channel.PHONE,
            summary="Refused any plan",
            outcome=Outcome.REFUSED,
        )
    )
    event = LegalEvent(stage=LegalStage.SUIT_FILED, on=today() - timedelta(days=3))
    case.store.legal.add(
        SavedLegalEvent(client_id=case.client.id, debt_id=case.account.id, event=event)
    )
    at = open_app(PAGE, lang)
    assert not at.exception, at.exception
    text = "\n".join(texts(at.markdown))
    assert enum_label(EscalationStep.THROUGH_COURT, lang) in text
    assert enum_label(EscalationStep.RETRY, lang) not in text
    assert translate("escalation.step.through_court", lang) in texts(at.markdown)
    captions = texts(at.caption)
    for key in ("through_lawyer_or_mediation", "disclaimer", "legal_aid"):
        assert translate(f"legal.advice.{key}", lang) in captions
