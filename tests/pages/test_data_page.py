"""The Data page: backup, the restore check and CSV exports, in both languages."""

from datetime import date

import pytest

from core.calls import Channel, Direction, Outcome, TaskKind
from core.examples import example_case
from i18n import code_labeller, enum_label, translate
from store import init_db
from store.backup import BackupFileError, read_backup
from ui.errors import error_messages

PAGE = "app_pages/data.py"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_data_page_opens_on_an_empty_database(open_app, lang):
    at = open_app(PAGE, lang)
    assert [title.value for title in at.title] == [translate("page.data", lang)]
    assert [metric.value for metric in at.metric][:4] == ["0", "0", "0", "0"]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_backup_is_prepared_for_download_with_every_client(open_app, lang):
    with init_db() as store:
        store.clients.create(example_case(date(2026, 11, 25)).client)
    at = open_app(PAGE, lang)
    assert at.metric[0].value == "1"
    at.button(key="data_backup_prepare").click().run()
    assert not at.exception
    data = at.session_state["data_backup_bytes"]
    assert read_backup(data).client_count == 1


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
