"""Requests already carried out, so that a repeated one does nothing twice.

A form sends its action with a request id (an idempotency key). The service that carries it
out records the id here, in the same transaction as the records it wrote; the id is unique, so
a second request with the same id — a double click, Enter then a click, a retried request,
even one reaching another server process — cannot write again: it finds the first one's record
instead. Rows belong to a client and go when the client is erased; they are bookkeeping, not
records, so backups leave them out (a restored database starts with none).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Mapped, mapped_column

from store.columns import UTCDateTime
from store.errors import InvalidDataError, StoreError
from store.orm import Base

if TYPE_CHECKING:
    from store.db import Store

MAX_REQUEST_ID_LENGTH = 64


class RequestRow(Base):
    __tablename__ = "processed_requests"
    __table_args__ = ({"info": {"backup": False}},)

    request_id: Mapped[str] = mapped_column(sa.String(MAX_REQUEST_ID_LENGTH), primary_key=True)
    client_id: Mapped[int] = mapped_column(
        sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    record_id: Mapped[int] = mapped_column(nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class DuplicateRequestError(StoreError):
    """The request was carried out already (perhaps at the same moment, by another process)."""

    code = "duplicate_request"


def _check(request_id: object) -> str:
    if not isinstance(request_id, str) or not 8 <= len(request_id) <= MAX_REQUEST_ID_LENGTH:
        raise InvalidDataError("request_id", "expected a request id of 8 to 64 characters")
    return request_id


class RequestRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def find(self, request_id: str, kind: str) -> int | None:
        """The id of the record the request wrote, or None if it was not carried out."""
        query = sa.select(RequestRow.record_id).where(
            RequestRow.request_id == _check(request_id), RequestRow.kind == kind
        )
        with self._store.read() as session:
            return session.scalar(query)

    def remember(self, request_id: str, client_id: int, kind: str, record_id: int) -> None:
        """Record that ``request_id`` wrote ``record_id``; inside the unit of work that wrote it.

        :class:`DuplicateRequestError` if the id is taken: the whole unit is then undone.
        """
        with self._store.write() as session:
            session.add(
                RequestRow(
                    request_id=_check(request_id),
                    client_id=client_id,
                    kind=kind,
                    record_id=record_id,
                    created_at=self._store.clock(),
                )
            )
            try:
                session.flush()
            except sa_exc.IntegrityError as exc:
                raise DuplicateRequestError(
                    f"request {request_id} was carried out already"
                ) from exc
