"""The tables, as typed SQLAlchemy ORM classes. Only ``store`` sees them; pages get ``core`` models.

Every table has a ``version`` (optimistic locking: an update names the version it read and
fails if the row has moved on) and ``created_at`` / ``updated_at`` in UTC. Every row about a
client carries ``client_id`` with ``ON DELETE CASCADE``, so deleting the client erases them.
Money columns end in ``_fen`` (whole fen in a BIGINT).

The schema itself is created only by the migrations in ``store/migrations``; this module must
match the newest one (a test compares them). A text column is exactly as long as its model
field's limit in ``core.limits`` (a test checks that too), so any record a model accepts fits.

A table or column added after the first backups were written says so in its ``info``
(``{"added_in": "0009"}``): a backup written at an older schema may lack it, and a restore
then takes it as the migration would have made it (no rows; the column's default).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from core.limits import (
    ID_NUMBER_LENGTH,
    MAX_AGENT_ID_LENGTH,
    MAX_COLLECTOR_LENGTH,
    MAX_CONTRACT_NUMBER_LENGTH,
    MAX_CREDITOR_LENGTH,
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_NAME_LENGTH,
    MAX_HARDSHIP_NOTE_LENGTH,
    MAX_LENDER_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PRODUCT_LENGTH,
    MAX_SHORT_TEXT_LENGTH,
    MAX_TITLE_LENGTH,
    MOBILE_LENGTH,
)
from store.columns import (
    BlindIndex,
    EncryptedBytes,
    EncryptedText,
    ExactDecimal,
    Fen,
    UTCDateTime,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _client_fk(*, index: bool = False) -> Mapped[int]:
    return mapped_column(
        sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=index
    )


class Versioned:
    """The columns every table has: its id, its version and when it was added and last changed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class AccountRow(Versioned, Base):
    """A person who signs in to a team installation, with one role (``core.access.Role``).

    Not in backups, and a restore keeps the accounts there are (a restore must not bring back
    an old password or lock the administrator out)."""

    __tablename__ = "accounts"
    __table_args__ = ({"info": {"backup": "kept", "added_in": "0010"}},)

    #: Sign-in name, lower case, unique (``core.access.USERNAME_PATTERN``).
    username: Mapped[str] = mapped_column(sa.String(40), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(MAX_NAME_LENGTH), nullable=False)
    #: The e-mail an identity provider signs in with (lower case), if any; unique.
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    role: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    #: Argon2id hash in PHC string form (argon2-cffi); NULL: no password (identity provider only).
    password_hash: Mapped[str | None] = mapped_column(sa.String(200))
    disabled: Mapped[bool] = mapped_column(nullable=False, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ClientRow(Versioned, Base):
    __tablename__ = "clients"

    name: Mapped[str] = mapped_column(sa.String(MAX_NAME_LENGTH), nullable=False, index=True)
    mobile: Mapped[str | None] = mapped_column(EncryptedText("clients.mobile", MOBILE_LENGTH))
    #: Keyed hash of the mobile's last 4 digits (search; written by the repository).
    mobile_tail: Mapped[str | None] = mapped_column(
        BlindIndex, index=True, info={"added_in": "0012", "index_of": ("mobile", "phone_tail")}
    )
    id_number: Mapped[str | None] = mapped_column(
        EncryptedText("clients.id_number", ID_NUMBER_LENGTH)
    )
    household_size: Mapped[int] = mapped_column(nullable=False)
    notes: Mapped[str] = mapped_column(EncryptedText("clients.notes"), nullable=False)
    consent_given_on: Mapped[date | None]
    #: Comma-separated ``ConsentScope`` values, sorted; empty without consent.
    consent_scopes: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    #: Other people the record names, ``[{"name": ..., "relation": ...}]``; NULL before 0008.
    contacts: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON)
    #: The counselor (account) the client is assigned to in team mode; NULL: nobody's (and
    #: always NULL in single-user mode).
    counselor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("accounts.id", ondelete="SET NULL"), index=True, info={"added_in": "0010"}
    )


class CallRow(Versioned, Base):
    __tablename__ = "calls"
    __table_args__ = (sa.Index(None, "client_id", "at"),)

    client_id: Mapped[int] = _client_fk()
    debt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("debts.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    channel: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    direction: Mapped[str] = mapped_column(sa.String(10), nullable=False)
    lender: Mapped[str] = mapped_column(sa.String(MAX_LENDER_LENGTH), nullable=False)
    agent_id: Mapped[str] = mapped_column(sa.String(MAX_AGENT_ID_LENGTH), nullable=False)
    summary: Mapped[str] = mapped_column(EncryptedText("calls.summary"), nullable=False)
    lender_promised: Mapped[str] = mapped_column(
        EncryptedText("calls.lender_promised"), nullable=False
    )
    client_promised: Mapped[str] = mapped_column(
        EncryptedText("calls.client_promised"), nullable=False
    )
    outcome: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    next_action: Mapped[str] = mapped_column(sa.String(MAX_SHORT_TEXT_LENGTH), nullable=False)
    next_action_on: Mapped[date | None]
    recorded: Mapped[bool] = mapped_column(nullable=False)
    agent_told_of_recording: Mapped[bool] = mapped_column(nullable=False)
    #: The saved proposal the call put to the lender; NULL: none (or logged before 0011), and
    #: again NULL when that proposal is deleted.
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("proposals.id", ondelete="SET NULL"), index=True, info={"added_in": "0011"}
    )


class FollowUpTaskRow(Versioned, Base):
    __tablename__ = "follow_up_tasks"
    __table_args__ = (
        sa.Index(None, "client_id", "due"),
        sa.Index(None, "done", "due"),
        # One reminder per agreed plan and due date (NULLs, tasks of no plan, never clash).
        sa.UniqueConstraint("proposal_id", "installment_due_on"),
    )

    client_id: Mapped[int] = _client_fk()
    source_call_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("calls.id", ondelete="SET NULL"), index=True
    )
    #: The agreed plan a reminder before an installment belongs to; a reminder kept as history
    #: when the proposal is deleted is no longer linked.
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("proposals.id", ondelete="SET NULL"), index=True
    )
    #: The installment's due date, for a reminder before one.
    installment_due_on: Mapped[date | None]
    kind: Mapped[str] = mapped_column(sa.String(40), nullable=False)
    title: Mapped[str] = mapped_column(sa.String(MAX_SHORT_TEXT_LENGTH), nullable=False)
    due: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    done: Mapped[bool] = mapped_column(nullable=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(EncryptedText("follow_up_tasks.notes"), nullable=False)


class DocumentChecklistRow(Versioned, Base):
    __tablename__ = "document_checklists"

    client_id: Mapped[int] = _client_fk(index=True)
    debt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("debts.id", ondelete="CASCADE"), index=True
    )
    contract_number: Mapped[bool] = mapped_column(nullable=False)
    id_card_photos: Mapped[bool] = mapped_column(nullable=False)
    income_proof: Mapped[bool] = mapped_column(nullable=False)
    debt_list: Mapped[bool] = mapped_column(nullable=False)
    hardship_proof: Mapped[bool] = mapped_column(nullable=False)
    written_proposal: Mapped[bool] = mapped_column(nullable=False)
    power_of_attorney: Mapped[bool] = mapped_column(
        nullable=False, server_default=sa.false(), info={"added_in": "0014"}
    )
    notes: Mapped[str] = mapped_column(EncryptedText("document_checklists.notes"), nullable=False)


class PaymentRow(Versioned, Base):
    __tablename__ = "payments"
    __table_args__ = (
        sa.Index(None, "client_id", "paid_on"),
        sa.CheckConstraint("amount_fen > 0", name="amount_positive"),
    )

    client_id: Mapped[int] = _client_fk()
    debt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("debts.id", ondelete="SET NULL"), index=True
    )
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("proposals.id", ondelete="SET NULL"), index=True
    )
    paid_on: Mapped[date] = mapped_column(nullable=False)
    amount_fen: Mapped[Decimal] = mapped_column(Fen, nullable=False)
    reference: Mapped[str] = mapped_column(sa.String(MAX_SHORT_TEXT_LENGTH), nullable=False)


class CollectionContactRow(Versioned, Base):
    """A collection contact (``core.rules.conduct.CollectionContact``), its event flattened."""

    __tablename__ = "collection_contacts"
    __table_args__ = (sa.Index(None, "client_id", "at"),)

    client_id: Mapped[int] = _client_fk()
    debt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("debts.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    channel: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    contacted: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    threats: Mapped[bool] = mapped_column(nullable=False)
    threat_to_safety: Mapped[bool] = mapped_column(nullable=False)
    insults: Mapped[bool] = mapped_column(nullable=False)
    lender: Mapped[str] = mapped_column(sa.String(MAX_LENDER_LENGTH), nullable=False)
    collector: Mapped[str] = mapped_column(sa.String(MAX_COLLECTOR_LENGTH), nullable=False)
    note: Mapped[str] = mapped_column(EncryptedText("collection_contacts.note"), nullable=False)


class DebtRow(Versioned, Base):
    __tablename__ = "debts"

    client_id: Mapped[int] = _client_fk(index=True)
    creditor: Mapped[str] = mapped_column(sa.String(MAX_CREDITOR_LENGTH), nullable=False)
    lender_type: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    product: Mapped[str] = mapped_column(sa.String(MAX_PRODUCT_LENGTH), nullable=False)
    contract_number: Mapped[str] = mapped_column(
        EncryptedText("debts.contract_number", MAX_CONTRACT_NUMBER_LENGTH), nullable=False
    )
    #: Keyed hashes of the whole contract number and of its last 6 characters (search;
    #: written by the repository).
    contract_index: Mapped[str | None] = mapped_column(
        BlindIndex,
        index=True,
        info={"added_in": "0012", "index_of": ("contract_number", "contract")},
    )
    contract_tail: Mapped[str | None] = mapped_column(
        BlindIndex,
        index=True,
        info={"added_in": "0012", "index_of": ("contract_number", "contract_tail")},
    )
    contract_date: Mapped[date | None]
    amount_received_fen: Mapped[Decimal | None] = mapped_column(Fen)
    original_principal_fen: Mapped[Decimal | None] = mapped_column(Fen)
    original_months: Mapped[int | None]
    outstanding_principal_fen: Mapped[Decimal] = mapped_column(Fen, nullable=False)
    overdue_amount_fen: Mapped[Decimal] = mapped_column(Fen, nullable=False)
    days_overdue: Mapped[int] = mapped_column(nullable=False)
    accrued_interest_and_penalties_fen: Mapped[Decimal] = mapped_column(Fen, nullable=False)
    penalty_rate: Mapped[Decimal] = mapped_column(ExactDecimal, nullable=False)
    rate_quote: Mapped[Decimal] = mapped_column(ExactDecimal, nullable=False)
    rate_kind: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    day_basis: Mapped[int | None]
    other_monthly_charges_fen: Mapped[Decimal] = mapped_column(Fen, nullable=False)
    method: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    remaining_months: Mapped[int] = mapped_column(nullable=False)
    next_due_date: Mapped[date | None]
    #: ``[{"kind": "hotline", "value": "95188", "note": ""}, ...]``
    official_channels: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, nullable=False)
    notes: Mapped[str] = mapped_column(EncryptedText("debts.notes"), nullable=False)
    #: Whether the lender reports to the credit system (``core.rules.credit_record.Reporting``);
    #: ``unknown`` for every debt saved before 0009.
    reports_credit: Mapped[str] = mapped_column(
        sa.String(10), nullable=False, server_default="unknown", info={"added_in": "0009"}
    )
    #: The day the account first went overdue, as the counselor entered it.
    overdue_since: Mapped[date | None] = mapped_column(info={"added_in": "0009"})


class HardshipSituationRow(Versioned, Base):
    """One hardship situation of a client (``core.rules.hardship.HardshipSituation``)."""

    __tablename__ = "hardship_situations"
    __table_args__ = ({"info": {"added_in": "0009"}},)

    client_id: Mapped[int] = _client_fk(index=True)
    kind: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    started_on: Mapped[date] = mapped_column(nullable=False)
    ended_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(
        EncryptedText("hardship_situations.note", MAX_HARDSHIP_NOTE_LENGTH), nullable=False
    )


class ClientProofRow(Versioned, Base):
    """The proof items a client has gathered (``core.rules.hardship.ProofItem`` values, sorted,
    as a JSON list): one row per client, versioned as a whole."""

    __tablename__ = "client_proofs"
    __table_args__ = (sa.UniqueConstraint("client_id"), {"info": {"added_in": "0009"}})

    client_id: Mapped[int] = _client_fk()
    items: Mapped[list[str]] = mapped_column(sa.JSON, nullable=False)


class BudgetVersionRow(Versioned, Base):
    """One dated version of a client's budget; versions are added, never changed."""

    __tablename__ = "budget_versions"
    __table_args__ = (sa.Index(None, "client_id", "valid_from"),)

    client_id: Mapped[int] = _client_fk()
    valid_from: Mapped[date] = mapped_column(nullable=False)
    #: ``core.affordability.Budget.model_dump(mode="json")`` without its id.
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, nullable=False)


class ProposalRow(Versioned, Base):
    """A saved proposal, kept as its JSON so that the model may evolve without a migration."""

    __tablename__ = "proposals"

    client_id: Mapped[int] = _client_fk(index=True)
    debt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("debts.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(40), nullable=False)
    status: Mapped[str] = mapped_column(sa.String(10), nullable=False)
    agreed_on: Mapped[date | None]
    title: Mapped[str] = mapped_column(sa.String(MAX_TITLE_LENGTH), nullable=False)
    #: ``Proposal.model_dump(mode="json")``, read back with ``core.proposals.parse_proposal``.
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, nullable=False)
    #: The plan as agreed (``core.plans.Plan`` as JSON), frozen even if the debt later changes.
    plan: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    #: The Proposals page's settings it was saved with (``ProposalSettings`` as JSON).
    settings: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)


class LenderAliasRow(Versioned, Base):
    """One way a lender is written (``alias``, normalised by ``core.lender_history.alias_key``)
    and the lender it names; shared by the whole workspace (no client), backed up like the
    records."""

    __tablename__ = "lender_aliases"
    __table_args__ = ({"info": {"added_in": "0011"}},)

    alias: Mapped[str] = mapped_column(sa.String(MAX_LENDER_LENGTH), nullable=False, unique=True)
    lender: Mapped[str] = mapped_column(sa.String(MAX_LENDER_LENGTH), nullable=False)


class AuditEventRow(Base):
    """One line of the audit trail: who did what to which record, and when.

    Written in the same unit of work as the change it records, never updated. A line about a
    purged client carries no personal data (``subject`` is an anonymous reference).
    """

    __tablename__ = "audit_events"
    # In every backup apart from the records (store.backup's ``audit_trail``), never restored:
    # a restore keeps the trail (it outlives the records it is about) and appends
    # ``backup.restored``.
    __table_args__ = (sa.Index(None, "at"), {"info": {"backup": "kept"}})

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: Who acted (a counselor's user name, ``local`` on a one-person install).
    actor: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    #: What happened, a dotted code such as ``client.purged`` or ``client.revealed``.
    action: Mapped[str] = mapped_column(sa.String(60), nullable=False)
    #: The record acted on, e.g. ``client:12``, or an anonymous reference.
    subject: Mapped[str] = mapped_column(sa.String(100), nullable=False)
    #: Detail without personal data (a field's name, a count, a date), as JSON.
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, nullable=False)


class WorkspaceSettingRow(Base):
    """A setting of the whole workspace (such as how long records are kept), as JSON."""

    __tablename__ = "workspace_settings"
    __table_args__ = ({"info": {"backup": "kept"}},)

    key: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(sa.JSON, nullable=False)
    version: Mapped[int] = mapped_column(nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class LegalEventRow(Versioned, Base):
    """One dated legal step of a debt (``core.rules.legal.LegalEvent``): the debt's legal
    status is its events (``store.legal``)."""

    __tablename__ = "legal_events"
    __table_args__ = (sa.Index(None, "debt_id", "on"), {"info": {"added_in": "0013"}})

    client_id: Mapped[int] = _client_fk(index=True)
    debt_id: Mapped[int] = mapped_column(
        sa.ForeignKey("debts.id", ondelete="CASCADE"), nullable=False
    )
    #: A ``core.rules.legal.LegalStage`` value (never ``none``).
    stage: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    on: Mapped[date] = mapped_column(nullable=False)
    #: The counselor's note of the document (case number, court).
    document: Mapped[str] = mapped_column(EncryptedText("legal_events.document"), nullable=False)
    award: Mapped[bool] = mapped_column(nullable=False)
    perform_by: Mapped[date | None]


class CaseStageRow(Versioned, Base):
    """One dated step of a client's case (``core.case_lifecycle.StageChange``); the rows of a
    client are its case's history, never overwritten by a later step."""

    __tablename__ = "case_stages"
    __table_args__ = (sa.Index(None, "client_id", "on"), {"info": {"added_in": "0013"}})

    client_id: Mapped[int] = _client_fk()
    #: A ``core.case_lifecycle.CaseStage`` value.
    stage: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    on: Mapped[date] = mapped_column(nullable=False)
    #: A ``core.case_lifecycle.CloseReason`` value, with ``closed`` only.
    reason: Mapped[str | None] = mapped_column(sa.String(30))
    note: Mapped[str] = mapped_column(EncryptedText("case_stages.note"), nullable=False)


class EvidenceFileRow(Versioned, Base):
    """A proof document of a client (``core.evidence.EvidenceFile``): its metadata, and its
    bytes encrypted (``content``, read only through ``store.evidence``'s ``content``). The file
    name is encrypted too (it often names the client); kind, size and hash are not."""

    __tablename__ = "evidence_files"
    __table_args__ = (sa.Index(None, "client_id", "item"), {"info": {"added_in": "0015"}})

    client_id: Mapped[int] = _client_fk()
    #: A ``core.calls.DocumentItem`` value: the checklist line the document proves.
    item: Mapped[str] = mapped_column(sa.String(30), nullable=False)
    file_name: Mapped[str] = mapped_column(
        EncryptedText("evidence_files.file_name", MAX_EVIDENCE_NAME_LENGTH), nullable=False
    )
    #: A ``core.evidence.EvidenceKind`` value, found in the content.
    kind: Mapped[str] = mapped_column(sa.String(10), nullable=False)
    size: Mapped[int] = mapped_column(nullable=False)
    #: SHA-256 (hex) of the stored (scrubbed) bytes.
    sha256: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    uploaded_by: Mapped[int | None] = mapped_column(
        sa.ForeignKey("accounts.id", ondelete="SET NULL")
    )
    content: Mapped[bytes] = mapped_column(
        EncryptedBytes("evidence_files.content", MAX_EVIDENCE_BYTES),
        nullable=False,
        deferred=True,
    )
