"""The Proposals page's saved settings for a debt: the newest saved proposal's that has them,
read without reading any proposal's plan."""

from __future__ import annotations

from store_samples import a_client, a_debt, a_proposal

from store.records import ProposalSettings


def test_the_newest_settings_of_that_debt_are_read_and_a_proposal_without_them_is_passed_over(
    store,
):
    client = store.clients.create(a_client())
    first = store.debts.add(a_debt(client.id, contract_number="HT-1"))
    second = store.debts.add(a_debt(client.id, contract_number="HT-2"))
    assert store.proposals.latest_settings(client.id, first.id) is None
    store.proposals.save(a_proposal(client.id, first.id, settings=ProposalSettings(months=24)))
    store.proposals.save(a_proposal(client.id, first.id, settings=ProposalSettings(months=36)))
    store.proposals.save(a_proposal(client.id, second.id, settings=ProposalSettings(months=12)))
    store.proposals.save(a_proposal(client.id, first.id, settings=None))  # newest, without
    assert store.proposals.latest_settings(client.id, first.id) == ProposalSettings(months=36)
    assert store.proposals.latest_settings(client.id, second.id) == ProposalSettings(months=12)
    assert store.proposals.latest_settings(client.id, None) is None
