"""The plan report as one self-contained HTML file: styles inline, charts interactive.

plotly.js is inlined once (about 3.5 MB) so the file opens offline, on a phone, years later;
the charts stay interactive, which also makes this the fallback when chart images cannot be
drawn (no Chromium). Every text is escaped.
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape
from zoneinfo import ZoneInfo

import plotly.io as pio

from i18n import format_date, format_money, translate
from report import text
from report.charts import report_figures
from report.plan_report import PlanReport

SHANGHAI = ZoneInfo("Asia/Shanghai")

STYLE = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
color:#1F2937;margin:0 auto;max-width:1100px;padding:16px;line-height:1.5}
h1{font-size:1.6rem;margin:.2rem 0}h3{font-size:1rem;margin:1rem 0 .3rem}
h2{font-size:1.2rem;margin:1.6rem 0 .5rem;
border-bottom:2px solid #0072B2;padding-bottom:.2rem}
.muted{color:#646B78}.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));
gap:8px}.summary div{background:#F3F6FA;border-radius:6px;padding:8px 12px}
.summary b{display:block;font-size:1.15rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:4px 8px;border-bottom:1px solid #E5E7EB;text-align:left;vertical-align:top}
th{background:#E5EEF6}td.num,th.num{text-align:right;white-space:nowrap}
footer{margin-top:2rem;border-top:1px solid #E5E7EB;padding-top:.5rem;font-size:.85rem}
"""


def _columns_table(columns: tuple[str, ...], rows: list[list[str]], lang: str) -> str:
    numeric = {i for i, c in enumerate(columns) if c in text.NUMERIC}
    return _table([text.heading(c, lang) for c in columns], rows, numeric)


def _table(headings: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    def cell(tag: str, i: int, value: str) -> str:
        cls = ' class="num"' if i in numeric else ""
        return f"<{tag}{cls}>{escape(value).replace(chr(10), '<br>')}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headings))
    body = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="scroll">{table}</div>'


def render_html(report: PlanReport, lang: str, *, zone: tzinfo = SHANGHAI) -> str:
    """The HTML document as text."""
    t = lambda key, **kw: translate(key, lang, **kw)  # noqa: E731
    made = report.made_at.astimezone(zone).date()
    parts = [
        f"<h1>{escape(t('report.title'))}</h1>",
        f"<p>{' · '.join(escape(item) for item in text.who(report, lang))}",
    ]
    note = "report.masked_note" if report.masked else "report.unmasked_note"
    parts.append(
        f'</p><p class="muted">{escape(t("report.made_on", date=format_date(made, lang)))} · '
        f"{escape(t('report.as_of', date=format_date(report.as_of, lang)))}<br>"
        f"{escape(t(note))}</p>"
    )
    parts.append(f"<h2>{escape(t('report.section.summary'))}</h2><div class='summary'>")
    parts += [
        f"<div>{escape(label)}<b>{escape(value)}</b></div>"
        for label, value in text.summary_pairs(report, lang)
    ]
    parts.append("</div>")
    fit = text.fit_text(report, lang)
    if fit:
        parts.append(f"<p>{escape(fit)}</p>")
    parts.append(f"<h2>{escape(t('report.section.debts'))}</h2>")
    if report.debts:
        for key, columns in (
            ("report.section.contracts", text.contract_columns(report)),
            ("report.section.plans", text.PLAN_COLUMNS),
        ):
            parts.append(f"<h3>{escape(t(key))}</h3>")
            parts.append(_columns_table(columns, text.debt_rows(report, columns, lang), lang))
    else:
        parts.append(f"<p>{escape(t('report.no_debts'))}</p>")
    if report.months:
        parts.append(f"<h2>{escape(t('report.section.charts'))}</h2>")
        for i, fig in enumerate(report_figures(report, lang).values()):
            parts.append(
                pio.to_html(
                    fig,
                    include_plotlyjs=i == 0,
                    full_html=False,
                    config={"displaylogo": False, "responsive": True},
                )
            )
    parts.append(f"<h2>{escape(t('report.section.dates'))}</h2>")
    if report.agreed_dues:
        rows = [
            [format_date(d.due_date, lang), d.creditor, format_money(d.amount, lang)]
            for d in report.agreed_dues
        ]
        headings = [text.heading(c, lang) for c in ("date", "creditor", "amount")]
        parts.append(_table(headings, rows, {2}))
    else:
        parts.append(f"<p>{escape(t('report.no_dates'))}</p>")
    parts.append(f"<h2>{escape(t('report.section.calls'))}</h2>")
    if report.calls:
        columns = text.call_columns(report)
        parts.append(_columns_table(columns, text.call_rows(report, lang, zone), lang))
    else:
        parts.append(f"<p>{escape(t('report.no_calls'))}</p>")
    parts.append(f"<footer class='muted'>{escape(t('report.disclaimer'))}</footer>")
    html_lang = "zh-CN" if lang == "zh-CN" else "en"
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('report.title'))} · {escape(report.client_label)}</title>"
        f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"
    )
