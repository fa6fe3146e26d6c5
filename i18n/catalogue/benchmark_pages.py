"""Texts of the pages showing the application pack's figures (issue 20): the living-cost
benchmark on the Affordability page, the agency's own benchmarks (the editor), and the
credit-record clock under each plan on the Proposals and Share pages.

The benchmarks' own names, categories and notes are in ``living_costs.py``, the clock's
sentences in ``credit_record.py``; these are the page texts around them. ``{name}``,
``{source}`` and ``{id}`` may be an agency's own text (escaped for Markdown by the page).
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # the comparison on the Affordability page
    "benchmarks.enter_costs": {
        "zh-CN": "填写必要开支后，这里会与居民消费水平逐项对比。",
        "en": "Once the essential costs are entered, they are compared here line by line with "
        "what residents spend.",
    },
    "benchmarks.col.note": {"zh-CN": "提示", "en": "Note"},
    "benchmarks.flag.well_above": {"zh-CN": "明显偏高", "en": "Well above"},
    "benchmarks.floor_source": {
        "zh-CN": "来源：本预算的生活底线（当地最低生活保障标准 × 家庭人口，见上方“生活底线”）。",
        "en": "Source: this budget's living floor (the local minimum living standard × "
        "household size, see “Living floor” above).",
    },
    "benchmarks.minimum_standard": {
        "zh-CN": "“{name}”是最低生活保障标准，不是平均消费水平，所以不逐项对比。它是每人每月 "
        "{monthly}（{source}，{year}年）；按 {size} 人计，生活底线为 {floor}。本预算的生活底线"
        "是 {budget_floor}。",
        "en": "“{name}” is a minimum living standard, not average spending, so nothing is "
        "compared line by line. It is {monthly} a person a month ({source}, {year}); for a "
        "household of {size} the living floor is {floor}. This budget's living floor is "
        "{budget_floor}.",
    },
    "benchmarks.missing": {
        "zh-CN": "之前选定的参考标准（编号 {id}）已被删除，现在按默认的“{name}”对比。",
        "en": "The benchmark chosen before (ID {id}) has been removed; budgets are compared "
        "with the default, “{name}”, meanwhile.",
    },
    "benchmarks.unreadable": {
        "zh-CN": "有 {count} 条机构自定义参考标准无法读取，已略过；重新保存参考标准列表即可替换。",
        "en": "Benchmarks of the agency's own that could not be read are left out ({count}); "
        "saving the list again replaces them.",
    },
    "benchmarks.chosen": {
        "zh-CN": "已改用参考标准：{name}",
        "en": "Now comparing with: {name}",
    },
    # the agency's own benchmarks (the editor)
    "benchmarks.admin_only": {
        "zh-CN": "参考标准由机构管理员选择和维护，这里只能查看。",
        "en": (
            "An administrator chooses and edits the agency's benchmarks; here you can only"
            " view them."
        ),
    },
    "benchmarks.editor.title": {
        "zh-CN": "机构自定义参考标准",
        "en": "The agency's own benchmarks",
    },
    "benchmarks.editor.intro": {
        "zh-CN": "添加本省、本市的居民人均消费支出，或当地的低保标准，供“还款能力”页对比预算。"
        "平均消费按每人每年的总额填写；低保标准按每人每月填写，保存时 × 12 换算为每年。"
        "所有客户共用这份列表；国家统计局的三条数据总在列表里，不能修改。",
        "en": "Add a province's or city's per-capita consumption spending, or a local minimum "
        "living standard (低保), for the Affordability page to compare budgets with. Average "
        "spending is entered as a yearly total a person; a minimum standard a person a month, "
        "saved × 12 as a yearly figure. Every client shares this list; the three National "
        "Bureau of Statistics rows are always there and cannot be changed.",
    },
    "benchmarks.editor.col.name": {"zh-CN": "名称", "en": "Name"},
    "benchmarks.editor.col.kind": {"zh-CN": "类型", "en": "Kind"},
    "benchmarks.editor.col.region": {"zh-CN": "地区", "en": "Region"},
    "benchmarks.editor.col.population": {"zh-CN": "人群", "en": "Residents"},
    "benchmarks.editor.col.year": {"zh-CN": "年份", "en": "Year"},
    "benchmarks.editor.col.source": {"zh-CN": "来源", "en": "Source"},
    "benchmarks.editor.col.amount": {"zh-CN": "金额（元）", "en": "Amount (¥)"},
    "benchmarks.editor.help.amount": {
        "zh-CN": "平均消费：每人每年总额；低保标准：每人每月。",
        "en": "Average spending: the yearly total a person; minimum standard: a person a month.",
    },
    "benchmarks.editor.help.source": {
        "zh-CN": "发布单位和文件名，例如 “某省统计局《2024年统计公报》”。",
        "en": "Who published it and where, e.g. “Provincial Bureau of Statistics, 2024 "
        "statistical communiqué”.",
    },
    "benchmarks.editor.yearly_of": {
        "zh-CN": "保存为每人每年 {yearly}",
        "en": "saved as {yearly} a person a year",
    },
    "benchmarks.editor.shipped": {
        "zh-CN": "随软件提供（不能修改）：{names}",
        "en": "Shipped with the app (cannot be changed): {names}",
    },
    "benchmarks.editor.save": {"zh-CN": "保存参考标准列表", "en": "Save the benchmark list"},
    "benchmarks.editor.saved": {
        "zh-CN": "参考标准列表已保存（机构自定义 {count} 条）。",
        "en": "Benchmark list saved (the agency's own: {count}).",
    },
    "benchmarks.editor.row": {"zh-CN": "第 {row} 行：{problem}", "en": "Row {row}: {problem}"},
    "benchmarks.editor.required": {"zh-CN": "必须填写", "en": "is required"},
    "benchmarks.editor.amount_positive": {
        "zh-CN": "必须是大于 0 的金额",
        "en": "must be an amount above 0",
    },
    "benchmarks.editor.not_saved": {
        "zh-CN": "没有保存，请先改正下面的问题（列表保持原样）：",
        "en": "Nothing was saved; correct these first (the list is as it was):",
    },
    # the credit-record clock under each plan (Proposals, Share)
    "credit_plan.title": {
        "zh-CN": "征信不良记录（估算）",
        "en": "Late-payment record (estimate)",
    },
    "credit_plan.line": {"zh-CN": "{plan}：{clock}", "en": "{plan}: {clock}"},
    "credit_plan.undated": {
        "zh-CN": "这个方案的还款没有日期，无法估算逾期记录何时到期。",
        "en": "This plan's payments have no dates, so the record's end cannot be estimated.",
    },
}
