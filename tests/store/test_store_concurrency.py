"""Two counselors saving at the same moment: every write lands, none is refused as "locked"."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from store_samples import a_call, a_client

from store import init_db

WRITERS = 2
CALLS_EACH = 100


def test_two_writers_at_once_lose_no_call(database_url, settings, store):
    client = store.clients.create(a_client())
    first = a_call(client.id, next_action_on=None, next_action="")
    # Separate stores (separate engines and connections), as two processes would have.
    writers = [init_db(database_url, settings=settings) for _ in range(WRITERS)]

    def write_calls(index: int) -> int:
        writer = writers[index]
        for n in range(CALLS_EACH):
            at = first.at + timedelta(minutes=index * CALLS_EACH + n)
            writer.calls.add(first.model_copy(update={"at": at, "summary": f"{index}-{n}"}))
        return CALLS_EACH

    try:
        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            written = sum(pool.map(write_calls, range(WRITERS)))
    finally:
        for writer in writers:
            writer.close()
    calls = store.calls.list_for_client(client.id)
    assert written == len(calls) == WRITERS * CALLS_EACH
    assert {call.summary for call in calls} == {
        f"{i}-{n}" for i in range(WRITERS) for n in range(CALLS_EACH)
    }
