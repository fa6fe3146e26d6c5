"""What leaves the counselor's hands is in the audit trail: a download button's file is built
when clicked, and that writes one line (who, which client by id, the format), never before."""

from __future__ import annotations

import pytest

import services
from core.clients import Client
from services import LOCAL_USER
from ui.state import audited_download


def test_the_line_is_written_when_the_file_is_built_and_not_before():
    ws = services.open_workspace("sqlite:///:memory:")
    client = services.clients.create(ws, LOCAL_USER, Client(name="张明"))
    built: list[str] = []

    def build() -> bytes:
        built.append("pdf")
        return b"%PDF-1.7"

    data = audited_download(ws, "client.shared", client.id, build, format="pdf", masked=True)
    assert services.audit.trail(ws, LOCAL_USER, client_id=client.id) == []
    assert built == []

    assert data() == b"%PDF-1.7"
    (line,) = services.audit.trail(ws, LOCAL_USER, client_id=client.id)
    assert (line.actor, line.action, line.subject, line.detail) == (
        "local",
        "client.shared",
        f"client:{client.id}",
        {"format": "pdf", "masked": True},
    )
    assert built == ["pdf"]


def test_a_file_that_cannot_be_built_leaves_no_line():
    ws = services.open_workspace("sqlite:///:memory:")
    client = services.clients.create(ws, LOCAL_USER, Client(name="张明"))

    def broken() -> bytes:
        raise RuntimeError("no Chromium")

    data = audited_download(ws, "client.shared", client.id, broken, format="png")
    with pytest.raises(RuntimeError):
        data()
    assert services.audit.trail(ws, LOCAL_USER, client_id=client.id) == []
