"""Texts of the living-cost benchmarks (:mod:`core.rules.living_costs`): the shipped
benchmarks' names and source, the categories and comparison lines, and the notes on a budget.

A note's figures come formatted as money; ``{source}`` is the benchmark's source (translated
when the benchmark is catalogued), ``{year}`` its year as a plain number.
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # the benchmarks RepayTalk ships
    "living_costs.benchmark.nbs_2024_all": {
        "zh-CN": "2024年全国居民人均消费支出",
        "en": "All residents, China, 2024",
    },
    "living_costs.benchmark.nbs_2024_urban": {
        "zh-CN": "2024年城镇居民人均消费支出",
        "en": "Urban residents, China, 2024",
    },
    "living_costs.benchmark.nbs_2024_rural": {
        "zh-CN": "2024年农村居民人均消费支出",
        "en": "Rural residents, China, 2024",
    },
    "living_costs.source.nbs_2024": {
        "zh-CN": "国家统计局《2024年居民收入和消费支出情况》",
        "en": "National Bureau of Statistics of China, "
        "“Households' Income and Consumption Expenditure in 2024”",
    },
    # core.rules.living_costs.BenchmarkCategory
    "enum.benchmark_category.total": {"zh-CN": "消费支出合计", "en": "All consumption"},
    "enum.benchmark_category.food_tobacco_drink": {
        "zh-CN": "食品烟酒",
        "en": "Food, tobacco and drink",
    },
    "enum.benchmark_category.clothing": {"zh-CN": "衣着", "en": "Clothing"},
    "enum.benchmark_category.housing": {"zh-CN": "居住", "en": "Housing"},
    "enum.benchmark_category.household_goods_services": {
        "zh-CN": "生活用品及服务",
        "en": "Household goods and services",
    },
    "enum.benchmark_category.transport_communication": {
        "zh-CN": "交通通信",
        "en": "Transport and communication",
    },
    "enum.benchmark_category.education_culture_recreation": {
        "zh-CN": "教育文化娱乐",
        "en": "Education, culture and recreation",
    },
    "enum.benchmark_category.health_care": {"zh-CN": "医疗保健", "en": "Health care"},
    "enum.benchmark_category.other_goods_services": {
        "zh-CN": "其他用品及服务",
        "en": "Other goods and services",
    },
    # core.rules.living_costs.CostLine: what of the budget each line holds
    "enum.cost_line.housing": {
        "zh-CN": "住房及水电燃气",
        "en": "Housing and utilities",
    },
    "enum.cost_line.food": {"zh-CN": "饮食", "en": "Food"},
    "enum.cost_line.transport": {"zh-CN": "交通", "en": "Transport"},
    "enum.cost_line.medical": {"zh-CN": "医疗", "en": "Medical"},
    "enum.cost_line.education": {"zh-CN": "教育", "en": "Education"},
    "enum.cost_line.other": {"zh-CN": "其他必要开支", "en": "Other essentials"},
    "enum.cost_line.total": {
        "zh-CN": "必要开支合计（不含赡养抚养）",
        "en": "Essential costs in all (dependants aside)",
    },
    # core.rules.living_costs.Population and BenchmarkKind
    "enum.population.all": {"zh-CN": "全体居民", "en": "All residents"},
    "enum.population.urban": {"zh-CN": "城镇居民", "en": "Urban residents"},
    "enum.population.rural": {"zh-CN": "农村居民", "en": "Rural residents"},
    "enum.benchmark_kind.average_spending": {
        "zh-CN": "人均消费支出（平均水平）",
        "en": "Average spending a person",
    },
    "enum.benchmark_kind.minimum_standard": {
        "zh-CN": "最低生活保障标准（低保）",
        "en": "Minimum living standard (低保)",
    },
    # the comparison
    "living_costs.title": {"zh-CN": "与居民消费水平对比", "en": "Against what residents spend"},
    "living_costs.choose": {"zh-CN": "参考标准", "en": "Benchmark"},
    "living_costs.col.line": {"zh-CN": "开支", "en": "Cost"},
    "living_costs.col.amount": {"zh-CN": "本户每人每月", "en": "This household, a person a month"},
    "living_costs.col.reference": {"zh-CN": "参考值每人每月", "en": "Benchmark, a person a month"},
    "living_costs.caption": {
        "zh-CN": "来源：{source}（{year}年），年度数据 ÷ 12。",
        "en": "Source: {source} ({year}), yearly figures ÷ 12.",
    },
    "living_costs.total_only": {
        "zh-CN": "这个参考标准只有总额，所以把各项必要开支（不含赡养抚养）合起来与总额对比。",
        "en": "This benchmark has a total only, so the essential costs (dependants aside) are "
        "compared together with it.",
    },
    "living_costs.not_compared": {
        "zh-CN": "赡养抚养支出不参与对比：给家庭以外亲属的钱不算本户的消费支出。",
        "en": "Money for dependants is not compared: support for relatives outside the "
        "household is not the household's own consumption.",
    },
    "living_costs.threshold": {
        "zh-CN": "高出参考值 1.5 倍以上才提示：平均数本身含有非必需消费，各地物价也不同"
        "（城镇居民平均就比全国高约 22%）。",
        "en": "A note appears only above 1.5 times the benchmark: averages include spending "
        "that is not essential, and prices differ by place (urban residents spend about 22 % "
        "more than the national average).",
    },
    "living_costs.advice_only": {
        "zh-CN": "这些提示仅供参考，不影响保存，也不改变可还款额的计算。",
        "en": "These notes are advice only: nothing is refused for them, and what can be paid "
        "is worked out as before.",
    },
    "living_costs.no_notes": {
        "zh-CN": "各项必要开支都在常见范围内。",
        "en": "Every essential cost is within the usual range.",
    },
    "living_costs.note.well_above": {
        "zh-CN": "{category}：本户每人每月 {amount}，明显高于{source}（{year}年）的每人每月 "
        "{benchmark}。贷款机构可能会要求压缩这部分开支，最好提前准备好理由。",
        "en": "{category}: {amount} a person a month, well above the {benchmark} a person a "
        "month of {source} ({year}). A lender may ask to cut these; have the reasons ready.",
    },
    "living_costs.note.below_floor": {
        "zh-CN": "必要开支合计 {amount}，低于生活底线 {floor}。计算可还款额时按生活底线保留"
        "生活费，而不是按更低的开支。",
        "en": "The essential costs add up to {amount}, below the living floor of {floor}. "
        "What can be paid is worked out keeping the floor for living, not the lower costs.",
    },
    "field.yearly": {"zh-CN": "每人每年金额", "en": "Yearly amount a person"},
    "error.parts_not_total": {
        "zh-CN": "各分类合计 {parts}，与总额 {total} 不符",
        "en": "the categories add up to {parts}, not the total {total}",
    },
}
