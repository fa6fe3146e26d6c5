"""Proof documents on the Call prep page: the upload handler (AppTest cannot send a file, so the
function the form calls is tested directly), the section with its stated limit, the list with
download (audited) and delete (confirmed), in both languages; and the Share page and the plan
reports never carry a proof document's name or bytes."""

from __future__ import annotations

import io

import pytest
from calls_seed import seed_case
from page_helpers import capture_deferred_downloads, open_for, texts
from PIL import Image

import services
from core.calls import DocumentItem
from core.limits import MAX_EVIDENCE_MB
from i18n import enum_labels, md_escape, translate
from report.example import AS_OF, seed_example
from report.html import render_html
from report.pdf import render_pdf
from report.plan_report import build_report, load_inputs
from services import LOCAL_USER
from store import init_db
from ui.evidence_widgets import handle_upload, size_text

PAGE = "app_pages/call_prep.py"
LANGS = ("zh-CN", "en")
MARKER = "RT-PAGE-MARKER-31d7"
NAME_MARKER = "EVIDENCE-NAME-4e0a"


def gps_photo() -> bytes:
    image = Image.new("RGB", (48, 32))
    image.putdata([(x * 5 % 256, y * 7 % 256, 90) for y in range(32) for x in range(48)])
    exif = Image.Exif()
    exif[0x010E] = MARKER
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (31.0, 13.0, 49.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=MARKER.encode())
    return out.getvalue()


# --- the handler the form calls ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_handler_stores_a_scrubbed_photo_and_says_so(isolated_database, lang):
    case = seed_case(agreed_days_ago=None)
    item = DocumentItem.ID_CARD_PHOTOS
    outcome = handle_upload(
        case.store, LOCAL_USER, case.client.id, item, "id.jpeg", gps_photo(), lang
    )
    assert outcome.ok
    saved = outcome.saved
    assert saved is not None and saved.file_name == "id.jpg"
    kind = translate("evidence.kind.jpeg", lang)
    size = size_text(saved.size, lang)
    assert outcome.messages == (
        translate("evidence.uploaded", lang, name="id.jpg", kind=kind, size=size),
        translate("evidence.scrubbed", lang),
    )
    stored = services.evidence.content(case.store, LOCAL_USER, saved.id)
    assert MARKER.encode() not in stored
    assert Image.open(io.BytesIO(stored)).getexif().get_ifd(0x8825) == {}


def test_a_double_click_stores_one_file_and_a_deleted_one_can_be_sent_again(isolated_database):
    case = seed_case(agreed_days_ago=None)
    item = DocumentItem.INCOME_PROOF
    photo = gps_photo()
    request = services.request_key("tab-1", "evidence", [case.client.id, item, "pay.jpg"])

    def send():
        return handle_upload(
            case.store, LOCAL_USER, case.client.id, item, "pay.jpg", photo, "en", request_id=request
        )

    first, second = send(), send()
    assert first.ok and second.ok and first.saved == second.saved
    held = services.evidence.list_for_client(case.store, LOCAL_USER, case.client.id)
    assert [f.id for f in held] == [first.saved.id]
    services.evidence.delete(case.store, LOCAL_USER, first.saved.id, version=first.saved.version)
    again = send()  # the same file from the same form, after deleting it: stored again
    assert again.ok
    held = services.evidence.list_for_client(case.store, LOCAL_USER, case.client.id)
    assert [f.id for f in held] == [again.saved.id]
    uploads = [e for e in case.store.audit.list() if e.action == services.evidence.UPLOADED]
    assert len(uploads) == 2  # the double click wrote one line, the second sending another


@pytest.mark.parametrize("lang", LANGS)
def test_the_handler_words_a_refusal_and_stores_nothing(isolated_database, lang):
    case = seed_case(agreed_days_ago=None)
    item = DocumentItem.INCOME_PROOF
    outcome = handle_upload(case.store, LOCAL_USER, case.client.id, item, "x.jpg", b"text", lang)
    assert not outcome.ok
    field = translate("field.evidence", lang)
    problem = translate("error.evidence_kind", lang)
    assert outcome.messages == (translate("error.line", lang, field=field, problem=problem),)
    assert services.evidence.list_for_client(case.store, LOCAL_USER, case.client.id) == []


@pytest.mark.parametrize(
    ("size", "expected"), [(1, "1 KB"), (1536, "2 KB"), (5 * 1024 * 1024, "5.0 MB")]
)
def test_sizes_are_shown_in_kb_or_mb(size, expected):
    assert size_text(size, "en") == expected


# --- the section on the page ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_section_states_its_limits_and_lists_the_files(open_app, lang, monkeypatch):
    case = seed_case(agreed_days_ago=None)
    saved = services.evidence.upload(
        case.store,
        LOCAL_USER,
        case.client.id,
        DocumentItem.INCOME_PROOF,
        "工资流水.jpg",
        gps_photo(),
    )
    offered = capture_deferred_downloads(monkeypatch)
    at = open_for(open_app, PAGE, lang, case.client.id)
    (section,) = [e for e in at.expander if e.label == translate("evidence.title", lang)]
    intro = translate("evidence.intro", lang)
    assert intro in texts(section.caption) and f"{MAX_EVIDENCE_MB} MB" in intro
    assert at.get("file_uploader")[0].proto.max_upload_size_mb == MAX_EVIDENCE_MB
    shown = texts(section.markdown)
    assert md_escape("工资流水.jpg") in shown
    assert md_escape(enum_labels(DocumentItem, lang)[DocumentItem.INCOME_PROOF]) in shown
    kind = translate("evidence.kind.jpeg", lang)
    size = size_text(saved.size, lang)
    assert md_escape(translate("evidence.kind_size", lang, kind=kind, size=size)) in shown
    # The download: the stored bytes, made when clicked, with its audit line.
    mime, data = offered["工资流水.jpg"]
    assert mime == "image/jpeg"
    assert data() == case.store.evidence.content(saved.id)
    actions = [line.action for line in case.store.audit.search(limit=10)]
    assert "evidence.downloaded" in actions


@pytest.mark.parametrize("lang", LANGS)
def test_saving_without_a_file_asks_for_one(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert translate("evidence.choose_first", lang) not in texts(at.info)
    at.button(key=f"evidence_submit_{case.client.id}").click().run()
    assert not at.exception
    assert translate("evidence.choose_first", lang) in texts(at.info)
    assert case.store.evidence.count_for_client(case.client.id) == 0


def test_a_file_is_deleted_only_after_confirming(open_app):
    case = seed_case(agreed_days_ago=None)
    saved = services.evidence.upload(
        case.store, LOCAL_USER, case.client.id, DocumentItem.DEBT_LIST, "list.jpg", gps_photo()
    )
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.button(key=f"evidence_delete_{saved.id}").click().run()
    name = md_escape("list.jpg")
    assert translate("evidence.delete_confirm", "en", name=name) in texts(at.warning)
    at.button(key=f"evidence_no_{saved.id}").click().run()
    assert case.store.evidence.count_for_client(case.client.id) == 1
    at.button(key=f"evidence_delete_{saved.id}").click().run()
    at.button(key=f"evidence_yes_{saved.id}").click().run()
    assert not at.exception
    assert case.store.evidence.count_for_client(case.client.id) == 0
    assert translate("evidence.none", "en") in texts(at.caption)


# --- never in what is shared ------------------------------------------------------------------


def test_the_share_page_and_the_plan_reports_carry_no_evidence(isolated_database, open_app):
    store = init_db()
    client_id = seed_example(store)
    saved = services.evidence.upload(
        store, LOCAL_USER, client_id, DocumentItem.HARDSHIP_PROOF, f"{NAME_MARKER}.jpg", gps_photo()
    )
    content = store.evidence.content(saved.id)
    run = content[content.index(b"\xff\xda") + 20 :][:32]
    inputs = load_inputs(store, client_id)
    outputs = []
    for masked in (True, False):
        report = build_report(inputs, as_of=AS_OF, made_at=saved.uploaded_at, masked=masked)
        for lang in LANGS:
            outputs.append(render_html(report, lang).encode())
            outputs.append(render_pdf(report, lang, charts=False))
    assert outputs and all(NAME_MARKER.encode() not in out and run not in out for out in outputs)
    at = open_for(open_app, "app_pages/share.py", "en", client_id)
    page = "\n".join(texts(at.markdown) + texts(at.caption))
    assert "Proof" not in page and NAME_MARKER not in page
    store.close()
