"""The Data page: backup, the restore check, CSV exports and retention, in both languages."""

from datetime import UTC, date, datetime

import pytest

from core.calls import Channel, Direction, Outcome, TaskKind
from core.examples import example_case
from i18n import code_labeller, enum_label, format_date, translate
from store import init_db
from store.backup import BackupFileError, read_backup
from store.crypto import is_sealed
from tests.store.store_samples import a_call, a_client
from ui.errors import error_messages

PAGE = "app_pages/data.py"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_data_page_opens_on_an_empty_database(open_app, lang):
    at = open_app(PAGE, lang)
    assert [title.value for title in at.title] == [translate("page.data", lang)]
    assert [metric.value for metric in at.metric][:4] == ["0", "0", "0", "0"]


def prepare(at, first: str, second: str | None = None):
    at.text_input(key="data_backup_passphrase").input(first)
    at.text_input(key="data_backup_passphrase_again").input(first if second is None else second)
    at.button(key="data_backup_prepare").click().run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_backup_is_sealed_with_the_passphrase_typed_twice(open_app, lang):
    with init_db() as store:
        store.clients.create(example_case(date(2026, 11, 25)).client)
    at = open_app(PAGE, lang)
    assert at.metric[0].value == "1"
    prepare(at, "月光光，照地堂前")
    data = at.session_state["data_backup_bytes"]
    assert is_sealed(data) and at.session_state["data_backup_sealed"] is True
    assert read_backup(data, passphrase="月光光，照地堂前").client_count == 1
    with pytest.raises(BackupFileError) as wrong:
        read_backup(data, passphrase="月光光，照地堂前!")
    assert wrong.value.reason == "wrong_passphrase"
    with pytest.raises(BackupFileError) as none:
        read_backup(data)
    assert none.value.reason == "passphrase_needed"
    assert [s.value for s in at.success] == [translate("data.backup.ready_encrypted", lang)]
    # The client's ID number is nowhere in the sealed file.
    assert example_case(date(2026, 11, 25)).client.id_number.encode() not in data


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ("", "", "data.backup.passphrase_missing"),
        ("long enough 1", "long enough 2", "data.backup.passphrases_differ"),
        ("short", "short", "error.passphrase_too_short"),
    ],
)
def test_a_backup_is_refused_without_a_good_passphrase(open_app, lang, first, second, message):
    at = prepare(open_app(PAGE, lang), first, second)
    assert translate(message, lang) in [e.value for e in at.error]
    assert "data_backup_bytes" not in at.session_state
    assert "data_backup_download" not in [b.key for b in at.get("download_button")]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_plain_backup_is_made_only_when_ticked_and_with_a_warning(open_app, lang):
    with init_db() as store:
        store.clients.create(example_case(date(2026, 11, 25)).client)
    at = open_app(PAGE, lang)
    at.checkbox(key="data_backup_plain").check().run()
    assert translate("data.backup.plain_warning", lang) in [w.value for w in at.warning]
    assert not at.text_input or "data_backup_passphrase" not in [i.key for i in at.text_input]
    at.button(key="data_backup_prepare").click().run()
    assert not at.exception
    data = at.session_state["data_backup_bytes"]
    assert data.startswith(b"{") and at.session_state["data_backup_sealed"] is False
    assert read_backup(data).client_count == 1
    assert [s.value for s in at.success] == [translate("data.backup.ready_plain", lang)]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_broken_backup_says_where_it_is_broken_in_the_users_language(lang):
    with pytest.raises(BackupFileError) as info:
        read_backup(b'{"format": "repaytalk-backup", "format_version": 1, "tables": {', source="x")
    lines = error_messages(info.value, lang)
    assert lines[0] == translate("error.backup_invalid", lang)
    where = translate("error.backup.at_line", lang, line=1, column=info.value.params["column"])
    assert where in lines[1]
    assert translate("error.backup.truncated", lang) in lines[1]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_store_exports_coded_columns_are_worded_by_the_enum_labels(lang):
    label = code_labeller(lang)
    # The kinds store.export passes to ``translate`` for its coded columns.
    for kind, enum in (
        ("channel", Channel),
        ("direction", Direction),
        ("outcome", Outcome),
        ("task_kind", TaskKind),
    ):
        for member in enum:
            assert label(kind, member.value) == enum_label(member, lang)


# --- retention ----------------------------------------------------------------------------------


def seed_for_retention():
    """Two clients last active in January 2021 (past a 3-year period) and one active now."""
    with init_db(clock=lambda: datetime(2021, 1, 5, 4, 0, tzinfo=UTC)) as store:
        old = [
            store.clients.create(a_client(name="张小明")),
            store.clients.create(a_client(name="欧阳娜娜", mobile=None)),
        ]
        store.calls.add(
            a_call(
                old[0].id,
                at=datetime(2021, 1, 5, 12, 0, tzinfo=UTC),
                next_action_on=None,
                next_action="",
            )
        )
    with init_db() as store:
        recent = store.clients.create(a_client(name="王五"))
    return old, recent


def retention_texts(lang):
    def period(years):
        return translate("retention.period", lang, n=years)

    return period


def section_markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_no_client_past_retention_says_so_with_the_period(open_app, lang):
    with init_db() as store:
        store.clients.create(a_client())
    at = open_app(PAGE, lang)
    period = retention_texts(lang)
    assert [sub.value for sub in at.subheader][-1] == translate("retention.title", lang)
    assert at.info[-1].value == translate("retention.none", lang, period=period(3))
    assert at.number_input(key="data_retention_years_v0").value == 3
    assert not [button for button in at.button if button.key == "data_retention_purge"]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_clients_past_retention_are_listed_masked_and_purged_after_the_tick(open_app, lang):
    old, recent = seed_for_retention()
    at = open_app(PAGE, lang)
    at.session_state["client_id"] = old[0].id
    at.run()
    period = retention_texts(lang)
    assert translate("retention.due", lang, n=2, period=period(3)) in section_markdown(at)
    table = at.dataframe[-1].value
    assert table.to_dict("list") == {
        translate("retention.col.id", lang): [str(old[0].id), str(old[1].id)],
        translate("retention.col.client", lang): ["张*明", "欧**娜"],
        translate("retention.col.last_active", lang): [format_date(date(2021, 1, 5), lang)] * 2,
        translate("retention.col.kept_until", lang): [format_date(date(2024, 1, 5), lang)] * 2,
    }
    purge = at.button(key="data_retention_purge")
    assert purge.label == translate("retention.purge", lang, n=2)
    assert purge.disabled
    (confirm,) = [box for box in at.checkbox if box.key.startswith("data_retention_confirm")]
    assert confirm.label == translate("retention.confirm", lang, n=2)

    confirm.check().run()
    at.button(key="data_retention_purge").click().run()

    assert not at.exception
    assert at.success[-1].value == translate("retention.purged", lang, n=2)
    assert at.info[-1].value == translate("retention.none", lang, period=period(3))
    assert at.session_state["client_id"] is None  # the client being worked on was purged
    with init_db() as store:
        assert [client.id for client in store.clients.list()] == [recent.id]
        assert [line.action for line in store.audit.list()] == ["client.purged"] * 2
    page = " ".join(section_markdown(at) + [e.value for e in at.success])
    assert "张小明" not in page and "欧阳娜娜" not in page


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_clients_chosen_to_keep_are_not_purged(open_app, lang):
    old, _ = seed_for_retention()
    at = open_app(PAGE, lang)
    (keep,) = [box for box in at.multiselect if box.key.startswith("data_retention_keep")]
    keep.set_value([old[1].id]).run()
    assert at.button(key="data_retention_purge").label == translate("retention.purge", lang, n=1)
    (confirm,) = [box for box in at.checkbox if box.key.startswith("data_retention_confirm")]
    confirm.check().run()
    at.button(key="data_retention_purge").click().run()
    assert at.success[-1].value == translate("retention.purged", lang, n=1)
    with init_db() as store:
        assert old[1].id in {client.id for client in store.clients.list()}
        assert old[0].id not in {client.id for client in store.clients.list()}


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_client_changed_after_the_list_was_shown_stops_the_purge(open_app, lang):
    old, _ = seed_for_retention()
    at = open_app(PAGE, lang)
    (confirm,) = [box for box in at.checkbox if box.key.startswith("data_retention_confirm")]
    confirm.check().run()
    with init_db(clock=lambda: datetime(2021, 2, 1, 4, 0, tzinfo=UTC)) as store:  # another tab
        store.clients.update(store.clients.get(old[1].id).model_copy(update={"notes": "新"}))

    at.button(key="data_retention_purge").click().run()

    assert not at.exception
    assert at.warning[-1].value == translate("retention.stale", lang)
    with init_db() as store:
        assert store.clients.count() == 3
        assert store.audit.count() == 0
    # The list is the new one: confirming again is needed.
    (confirm,) = [box for box in at.checkbox if box.key.startswith("data_retention_confirm")]
    assert confirm.value is False
    assert at.button(key="data_retention_purge").disabled


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_period_is_saved_and_the_list_follows_it(open_app, lang):
    seed_for_retention()
    at = open_app(PAGE, lang)
    at.number_input(key="data_retention_years_v0").set_value(6)
    at.button(key="data_retention_save").click().run()
    period = retention_texts(lang)
    assert not at.exception
    assert at.success[-1].value == translate("retention.saved", lang, period=period(6))
    assert at.number_input(key="data_retention_years_v1").value == 6
    assert at.info[-1].value == translate("retention.none", lang, period=period(6))
    with init_db() as store:
        assert store.workspace_settings.get("retention_years").value == 6


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_period_changed_in_another_tab_is_not_overwritten(open_app, lang):
    import services

    at = open_app(PAGE, lang)
    with init_db() as store:  # another tab saves first
        services.retention.save_years(store, services.LOCAL_USER, 4, version=0)
    at.number_input(key="data_retention_years_v0").set_value(10)
    at.button(key="data_retention_save").click().run()
    period = retention_texts(lang)
    assert not at.exception
    assert at.warning[-1].value == translate("retention.changed_elsewhere", lang, period=period(4))
    assert at.number_input(key="data_retention_years_v1").value == 4
    with init_db() as store:
        assert store.workspace_settings.get("retention_years").value == 4


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_exports_are_masked_by_default_and_unmasking_warns(open_app, monkeypatch, lang):
    from tests.pages.page_helpers import capture_downloads

    downloads = capture_downloads(monkeypatch)
    with init_db() as store:
        client = store.clients.create(a_client(name="张小明"))
        store.calls.add(a_call(client.id, summary="张小明的手机 139 1234 5678"))
    at = open_app(PAGE, lang)
    box = at.checkbox(key="data_export_mask")
    assert (box.label, box.value) == (translate("data.export.masked", lang), True)
    assert translate("data.export.unmasked", lang) not in [w.value for w in at.warning]
    calls = downloads["repaytalk-calls.csv"].decode("utf-8-sig")
    assert "张*明的手机 ***" in calls
    assert "张小明" not in calls and "5678" not in calls

    box.uncheck().run()
    assert at.warning[0].value == translate("data.export.unmasked", lang)
    assert "张小明的手机 139 1234 5678" in downloads["repaytalk-calls.csv"].decode("utf-8-sig")


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_agency_benchmarks_editor_sits_before_retention(open_app, lang):
    at = open_app(PAGE, lang)
    titles = [sub.value for sub in at.subheader]
    editor = titles.index(translate("benchmarks.editor.title", lang))
    assert titles.index(translate("retention.title", lang)) == editor + 1
    assert not at.exception
