"""The script card as a PDF: every section, every figure whole on its line (pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from core.clients import Client
from core.debts import Debt
from core.proposals import TermExtension, evaluate_proposal
from core.rules.script import CallScript, call_script
from core.rules.templates import render
from report.script_card import card_pdf, lines, pieces, script_card_pdf

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")
AS_OF = date(2026, 12, 1)
#: A figure as the card prints it: money, a percentage, a date, a contract's tail.
FIGURE = re.compile(
    r"\d{1,2} [A-Z][a-z]{2} \d{4}|\d{4}年\d{1,2}月\d{1,2}日"
    r"|¥[\d,]+\.\d\d|\d+(?:\.\d+)?%|\d[\d,.]*\d"
)


def guide_script(language: str) -> CallScript:
    debt = Debt(
        creditor="来分期",
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )
    result = evaluate_proposal(debt, TermExtension(months=24), Decimal("800"), AS_OF)
    return call_script(Client(name="张明"), debt, result, language, contract_number="LF20240088")


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_figures_and_words_are_never_cut():
    assert pieces("每月还¥661.59，共24期（从2027年1月15日起）。") == [
        "每",
        "月",
        "还",
        "¥661.59，",
        "共",
        "24期",
        "（从",
        "2027年1月15日",
        "起）。",
    ]
    assert pieces("24 installments of ¥661.59, the first on 15 Jan 2027.")[-1] == "15 Jan 2027."


@pytest.mark.parametrize("width", [40, 60, 120, 178])
def test_lines_fit_the_width_and_keep_every_figure_whole(width):
    pdf = card_pdf()
    pdf.add_page()
    pdf.set_font("NotoSansSC", "", 11)
    text = "我每月能还¥800.00，希望分24期，每期¥661.59，总共¥15,878.16（年化18.00%），工号FD2035。"
    broken = lines(pdf, text, width)
    assert "".join(broken) == text
    assert all(pdf.get_string_width(line) <= width for line in broken)
    for figure in ("¥800.00", "¥661.59", "¥15,878.16", "18.00%", "FD2035"):
        assert any(figure in line for line in broken), (figure, broken)
    assert not any(line.startswith(("，", "。", "）")) for line in broken)


@needs_pdftotext
@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_the_card_prints_every_section_and_figure(language):
    script = guide_script(language)
    pdf = script_card_pdf(script, title="Script card · 来分期", subtitle="RepayTalk")
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    for section in ("opening", "proposal", "objections", "close", "reminders"):
        assert render(f"script.section.{section}", language) in text
    figures = {f for line in (*script.opening, *script.proposal) for f in FIGURE.findall(line)}
    assert "¥661.59" in figures
    assert {"1 Jan 2027", "2027年1月1日"} & figures  # the first due date, whole
    printed_lines = text.splitlines()
    for figure in figures:
        assert any(figure in line for line in printed_lines), figure
    assert "0088" in flat


@needs_pdftotext
def test_a_number_typed_into_the_creditors_name_shows_its_last_four_only():
    pdf = script_card_pdf(
        guide_script("zh-CN"), title="通话脚本 · 来分期 客服 13912345678", subtitle="RepayTalk"
    )
    flat = "".join(pdf_text(pdf).split())
    assert "通话脚本·来分期客服****5678" in flat
    assert "13912345678" not in flat
