"""The agency's own benchmarks editor (ui.benchmark_widgets.render_editor), in both languages:
a province's average and a city's 低保 standard (entered monthly, saved × 12), bad rows named
and nothing saved, the list saved whole at the version first shown.

The Data page holds the editor (tests/pages/test_data_page.py); here it runs in a
small script. AppTest cannot type into a data editor, so the script hands the editor's result
over from the session (``TEST_EDITED``) — the table as the counselor left it.
"""

from __future__ import annotations

from decimal import Decimal as D

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import services
from core.rules.living_costs import Benchmark, BenchmarkCategory, BenchmarkKind, Population
from i18n import translate
from store import init_db
from ui.benchmark_widgets import COLUMNS, editor_rows, rows_from_editor

LANGS = ("zh-CN", "en")
TEST_EDITED = "test_edited_benchmarks"


def editor_script() -> None:
    import streamlit as st

    from ui import benchmark_widgets
    from ui.state import get_store

    edited = st.session_state.get("test_edited_benchmarks")
    real = st.data_editor

    def as_left(data, **kwargs):
        real(data, **kwargs)
        return edited if edited is not None else data

    benchmark_widgets.st.data_editor = as_left  # type: ignore[method-assign]
    try:
        store = get_store()
        if store is not None:
            benchmark_widgets.render_editor(store)
    finally:
        benchmark_widgets.st.data_editor = real  # type: ignore[method-assign]


def open_editor(lang: str) -> AppTest:
    at = AppTest.from_function(editor_script, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def table(*records: dict) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=["id", *COLUMNS])


PROVINCE = {
    "id": None,
    "name": "浙江省 2024 年城镇居民人均消费支出",
    "kind": "average_spending",
    "region": "浙江省",
    "population": "urban",
    "year": 2024,
    "source": "浙江省统计局《2024年浙江省国民经济和社会发展统计公报》",
    "amount": 50_000.0,
}
CITY_DIBAO = {
    "id": None,
    "name": "示例市 2025 年低保标准",
    "kind": "minimum_standard",
    "region": "示例市",
    "population": "all",
    "year": 2025,
    "source": "示例市民政局",
    "amount": 1_000.0,  # a person a month
}
EMPTY = dict.fromkeys(["id", *COLUMNS])


def expected_rows() -> list[Benchmark]:
    return [
        Benchmark(
            id="agency-1",
            name=PROVINCE["name"],
            source=PROVINCE["source"],
            year=2024,
            population=Population.URBAN,
            region="浙江省",
            yearly={BenchmarkCategory.TOTAL: D("50000")},
        ),
        Benchmark(
            id="agency-2",
            name=CITY_DIBAO["name"],
            source=CITY_DIBAO["source"],
            year=2025,
            kind=BenchmarkKind.MINIMUM_STANDARD,
            region="示例市",
            yearly={BenchmarkCategory.TOTAL: D("12000")},
        ),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_new_rows_become_benchmarks_a_dibao_standard_monthly_times_12(lang):
    rows, problems = rows_from_editor(table(PROVINCE, CITY_DIBAO, EMPTY), (), lang)
    assert problems == []
    assert rows == expected_rows()
    # read back into the editor, the 低保 standard is its monthly amount again
    shown = editor_rows(tuple(rows))
    assert shown["amount"].tolist() == [50_000.0, 1_000.0]
    assert shown["id"].tolist() == ["agency-1", "agency-2"]


def test_an_edited_row_keeps_its_id_and_its_categories_while_its_total_stands():
    kept = Benchmark(
        id="agency-7",
        name="某市 2024",
        source="某市统计局",
        year=2024,
        yearly={"total": "30000", "food_tobacco_drink": "9000"},
    )
    frame = editor_rows((kept,))
    frame.loc[0, "name"] = "某市 2024 年人均消费支出"
    (row,), problems = rows_from_editor(frame, (kept,), "zh-CN")
    assert problems == []
    assert (row.id, row.name, row.yearly) == ("agency-7", "某市 2024 年人均消费支出", kept.yearly)
    frame.loc[0, "amount"] = 31_000.0  # a new total: the categories no longer add up to it
    (row,), _ = rows_from_editor(frame, (kept,), "zh-CN")
    assert row.yearly == {BenchmarkCategory.TOTAL: D("31000")}


@pytest.mark.parametrize("lang", LANGS)
def test_bad_rows_are_named_by_row_and_column(lang):
    def line(row: int, column: str, problem: str) -> str:
        field = translate(f"benchmarks.editor.col.{column}", lang)
        said = translate("error.line", lang, field=field, problem=problem)
        return translate("benchmarks.editor.row", lang, row=row, problem=said)

    nameless = {**PROVINCE, "name": " "}
    free = {**CITY_DIBAO, "amount": 0.0}
    ancient = {**PROVINCE, "year": 1900}
    _, problems = rows_from_editor(table(nameless, free, ancient), (), lang)
    assert problems == [
        line(1, "name", translate("benchmarks.editor.required", lang)),
        line(2, "amount", translate("benchmarks.editor.amount_positive", lang)),
        line(3, "year", translate("error.too_small", lang, min=1978)),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_is_saved_whole_and_shown_again(lang):
    at = open_editor(lang)
    assert translate("benchmarks.editor.title", lang) in [s.value for s in at.subheader]
    shipped = " · ".join(
        translate(f"living_costs.benchmark.nbs_2024_{p}", lang) for p in ("all", "urban", "rural")
    )
    assert translate("benchmarks.editor.shipped", lang, names=shipped) in [
        c.value for c in at.caption
    ]
    assert len(at.data_editor[0].value) == 0
    at.session_state[TEST_EDITED] = table(PROVINCE, CITY_DIBAO)
    at.button(key="benchmarks_editor_save").click().run()
    assert not at.exception, at.exception
    listed = services.benchmarks.benchmarks(init_db(), services.LOCAL_USER)
    assert (listed.agency, listed.version) == (tuple(expected_rows()), 1)
    saved = translate("benchmarks.editor.saved", lang, count=2)
    assert saved in [s.value for s in at.success]
    at.session_state[TEST_EDITED] = None
    at.run()
    assert at.data_editor[0].value["name"].tolist() == [PROVINCE["name"], CITY_DIBAO["name"]]


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_row_saves_nothing(lang):
    at = open_editor(lang)
    at.session_state[TEST_EDITED] = table(PROVINCE, {**CITY_DIBAO, "source": ""})
    at.button(key="benchmarks_editor_save").click().run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert error.startswith(translate("benchmarks.editor.not_saved", lang))
    assert services.benchmarks.benchmarks(init_db(), services.LOCAL_USER).version == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_list_saved_elsewhere_meanwhile_is_not_overwritten(lang):
    at = open_editor(lang)  # shows the list at version 0 (nothing saved yet)
    ws = init_db()
    other = Benchmark(
        id="other-tab",
        name="另一个标签页保存的",
        source="某统计局",
        year=2024,
        yearly={"total": "1"},
    )
    services.benchmarks.save_benchmarks(ws, services.LOCAL_USER, [other], version=0)
    at.run()
    assert translate("changes.stale_form", lang, seen=0, now=1) in [w.value for w in at.warning]
    at.session_state[TEST_EDITED] = table(PROVINCE)
    at.button(key="benchmarks_editor_save").click().run()
    assert not at.exception
    entity = translate("changes.entity.benchmarks", lang)
    refused = translate("changes.refused", lang, entity=entity, seen=0, now=1)
    assert refused in [e.value for e in at.error]
    assert services.benchmarks.benchmarks(ws, services.LOCAL_USER).agency == (other,)
    # loading what is saved now: the editor shows it, and saves over its version
    at.session_state[TEST_EDITED] = None
    at.button(key="benchmarks_editor_reload").click().run()
    assert at.data_editor[0].value["name"].tolist() == ["另一个标签页保存的"]
    assert not [w.value for w in at.warning]
