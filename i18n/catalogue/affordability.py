"""Texts of the Affordability page."""

TEXT: dict[str, dict[str, str]] = {
    "afford.title": {"zh-CN": "还款能力", "en": "Affordability"},
    "afford.intro": {
        "zh-CN": "填写家庭每月税后收入和必要开支，算出每月实际能拿出多少钱还债，"
        "并与各家合同本月要求的还款额、平时每月的月供对比。",
        "en": "Enter the household's monthly net income and essential costs to find what it can "
        "really put towards debts each month, against what the contracts demand this month and "
        "in a usual month.",
    },
    "afford.income": {"zh-CN": "每月税后收入", "en": "Monthly net income"},
    "afford.income.salary": {"zh-CN": "工资收入", "en": "Wages"},
    "afford.income.other": {
        "zh-CN": "其他收入（兼职、养老金、补贴等）",
        "en": "Other income (part-time, pension, benefits)",
    },
    "afford.costs": {"zh-CN": "每月必要开支", "en": "Monthly essential costs"},
    "afford.floor": {"zh-CN": "生活底线", "en": "Living floor"},
    "afford.household_size": {"zh-CN": "家庭人口", "en": "Household size"},
    "afford.minimum_standard": {
        "zh-CN": "当地最低生活保障标准（每人每月）",
        "en": "Local minimum living standard (per person a month)",
    },
    "afford.minimum_standard_help": {
        "zh-CN": "当地低保标准 × 家庭人口 = 无论开支多少都必须留下的生活费",
        "en": "Local standard × household size = what the household keeps whatever its costs",
    },
    "afford.floor_is": {"zh-CN": "生活底线：{amount}", "en": "Living floor: {amount}"},
    "afford.buffer": {"zh-CN": "应急备用金（每月）", "en": "Emergency buffer (a month)"},
    "afford.valid_from": {"zh-CN": "预算生效日期", "en": "Budget valid from"},
    "afford.result": {"zh-CN": "测算结果", "en": "Result"},
    "afford.capacity": {"zh-CN": "每月可还款额", "en": "Monthly capacity"},
    "afford.demand": {"zh-CN": "本月应还（含逾期）", "en": "Due this month (with arrears)"},
    "afford.shortfall": {"zh-CN": "本月缺口", "en": "Short this month"},
    "afford.spare": {"zh-CN": "本月结余", "en": "Left this month"},
    "afford.regular": {"zh-CN": "平时每月月供", "en": "Usual monthly installment"},
    "afford.regular.shortfall": {"zh-CN": "平时每月缺口", "en": "Short in a usual month"},
    "afford.regular.spare": {"zh-CN": "平时每月结余", "en": "Left in a usual month"},
    "afford.demand_note": {
        "zh-CN": "本月应还包括已逾期的本金和欠下的利息、罚息；平时每月月供是逾期处理完以后，"
        "合同每个月正常要求的金额。",
        "en": "This month's demand includes the overdue principal and the interest and "
        "penalties owed; the usual installment is what the contracts ask each month once the "
        "arrears are dealt with.",
    },
    "afford.empty": {
        "zh-CN": "先在下面填写家庭每月税后收入（工资和其他收入）和必要开支（住房、饮食、交通等），"
        "再填当地低保标准；填好收入后，这里会显示每月能拿出多少钱还债、够不够还合同。",
        "en": "Start below: enter the household's monthly net income (wages and other income) "
        "and its essential costs (housing, food, transport…), then the local minimum living "
        "standard. Once there is income, this shows what the household can put towards its "
        "debts each month and whether that covers the contracts.",
    },
    "afford.dsr": {"zh-CN": "还款收入比", "en": "Debt-service ratio"},
    "afford.status": {"zh-CN": "结论：{status}", "en": "Verdict: {status}"},
    "afford.no_debts": {
        "zh-CN": "还没有录入债务，所以还不能判断还不还得起。到“债务”页面录入每笔欠款"
        "（本金、利率、逾期和剩余期数）后，这里会和每月可还款额对比。",
        "en": "No debts recorded yet, so there is nothing to weigh the capacity against. Enter "
        "each debt (principal, rate, arrears and months left) on the Debts page and it is "
        "compared here.",
    },
    "afford.chart.title": {"zh-CN": "每月收入怎么分", "en": "Where the monthly income goes"},
    "afford.chart.x": {"zh-CN": "金额（元/月）", "en": "Amount (¥ a month)"},
    "afford.chart.income": {"zh-CN": "收入", "en": "Income"},
    "afford.chart.demand": {"zh-CN": "本月应还", "en": "This month"},
    "afford.chart.regular": {"zh-CN": "平时每月", "en": "Usual month"},
    "afford.chart.living": {"zh-CN": "生活开支", "en": "Living costs"},
    "afford.chart.buffer": {"zh-CN": "备用金", "en": "Buffer"},
    "afford.chart.capacity": {"zh-CN": "可用于还款", "en": "For debts"},
    "afford.chart.covered": {"zh-CN": "能付的部分", "en": "Can be paid"},
    "afford.chart.gap": {"zh-CN": "缺口", "en": "Gap"},
    "afford.save": {"zh-CN": "保存为新的预算版本", "en": "Save as a new budget version"},
    "afford.saved": {"zh-CN": "预算已保存。", "en": "Budget saved."},
    "afford.unsaved": {
        "zh-CN": "有未保存的修改（与已保存的最新版本不同）",
        "en": "Unsaved changes (differs from the latest saved version)",
    },
    "afford.discard": {"zh-CN": "恢复为已保存版本", "en": "Back to the saved version"},
    "afford.versions": {"zh-CN": "历史预算版本", "en": "Budget versions"},
    "afford.no_versions": {
        "zh-CN": "还没有保存过预算。",
        "en": "No budget saved yet.",
    },
    "afford.col.valid_from": {"zh-CN": "生效日期", "en": "Valid from"},
    "afford.col.income": {"zh-CN": "收入", "en": "Income"},
    "afford.col.costs": {"zh-CN": "必要开支", "en": "Essential costs"},
    "afford.col.floor": {"zh-CN": "生活底线", "en": "Living floor"},
    "afford.col.buffer": {"zh-CN": "备用金", "en": "Buffer"},
    "afford.col.capacity": {"zh-CN": "可还款额", "en": "Capacity"},
    "afford.compare": {"zh-CN": "对比两个版本", "en": "Compare two versions"},
    "afford.compare_a": {"zh-CN": "较早版本", "en": "Earlier version"},
    "afford.compare_b": {"zh-CN": "较新版本", "en": "Later version"},
    "afford.col.item": {"zh-CN": "项目", "en": "Item"},
    "afford.col.change": {"zh-CN": "变化", "en": "Change"},
    "afford.version_label": {"zh-CN": "{date}（第 {n} 版）", "en": "{date} (version {n})"},
    # field labels for inline errors
    "field.net_income": {"zh-CN": "收入", "en": "Income"},
    "field.buffer": {"zh-CN": "备用金", "en": "Buffer"},
    "field.living_floor": {"zh-CN": "生活底线", "en": "Living floor"},
    "field.minimum_living_standard": {"zh-CN": "最低生活保障标准", "en": "Minimum living standard"},
    "field.income_salary": {"zh-CN": "工资收入", "en": "Wages"},
    "field.income_other": {"zh-CN": "其他收入", "en": "Other income"},
    "field.cost_housing": {"zh-CN": "住房", "en": "Housing"},
    "field.cost_food": {"zh-CN": "饮食", "en": "Food"},
    "field.cost_transport": {"zh-CN": "交通", "en": "Transport"},
    "field.cost_utilities": {"zh-CN": "水电燃气通讯", "en": "Utilities"},
    "field.cost_medical": {"zh-CN": "医疗", "en": "Medical"},
    "field.cost_education": {"zh-CN": "教育", "en": "Education"},
    "field.cost_dependants": {"zh-CN": "赡养抚养", "en": "Dependants"},
    "field.cost_other": {"zh-CN": "其他必要开支", "en": "Other essentials"},
}
