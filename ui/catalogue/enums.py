"""Labels of the core enums every page shows: lender types, repayment methods, rate quotes,
cost categories, affordability statuses and allocation strategies.

Keys are ``enum.<enum>.<value>``; :func:`ui.enum_labels` style helpers build them as
``f"enum.lender_type.{value}"``. Every member of each enum has a label (a test checks it).
"""

TEXT: dict[str, dict[str, str]] = {
    # core.debts.LenderType
    "enum.lender_type.bank_credit_card": {"zh-CN": "银行信用卡", "en": "Bank credit card"},
    "enum.lender_type.bank_loan": {"zh-CN": "银行贷款", "en": "Bank loan"},
    "enum.lender_type.consumer_finance": {"zh-CN": "消费金融公司", "en": "Consumer finance"},
    "enum.lender_type.online_platform": {"zh-CN": "网络借贷平台", "en": "Online lending platform"},
    "enum.lender_type.microloan": {"zh-CN": "小额贷款公司", "en": "Microloan company"},
    "enum.lender_type.other": {"zh-CN": "其他（含民间借贷）", "en": "Other (incl. private loans)"},
    # core.schedules.Method
    "enum.method.equal_installment": {"zh-CN": "等额本息", "en": "Equal installments"},
    "enum.method.equal_principal": {"zh-CN": "等额本金", "en": "Equal principal"},
    "enum.method.interest_only": {"zh-CN": "先息后本", "en": "Interest only"},
    "enum.method.flat_fee": {"zh-CN": "分期手续费（按月费率）", "en": "Flat monthly fee"},
    # core.rates.QuoteKind
    "enum.quote_kind.annual": {"zh-CN": "年利率", "en": "Annual rate"},
    "enum.quote_kind.monthly": {"zh-CN": "月利率（月息）", "en": "Monthly rate"},
    "enum.quote_kind.daily": {"zh-CN": "日利率（日息）", "en": "Daily rate"},
    "enum.quote_kind.monthly_fee": {"zh-CN": "月费率（手续费）", "en": "Monthly fee rate"},
    # core.affordability.CostCategory
    "enum.cost_category.housing": {"zh-CN": "住房（房租/房贷）", "en": "Housing (rent/mortgage)"},
    "enum.cost_category.food": {"zh-CN": "饮食", "en": "Food"},
    "enum.cost_category.transport": {"zh-CN": "交通", "en": "Transport"},
    "enum.cost_category.utilities": {"zh-CN": "水电燃气通讯", "en": "Utilities and phone"},
    "enum.cost_category.medical": {"zh-CN": "医疗", "en": "Medical"},
    "enum.cost_category.education": {"zh-CN": "教育", "en": "Education"},
    "enum.cost_category.dependants": {"zh-CN": "赡养抚养", "en": "Dependants"},
    "enum.cost_category.other": {"zh-CN": "其他必要开支", "en": "Other essentials"},
    # core.affordability.AffordabilityStatus
    "enum.affordability_status.affordable": {"zh-CN": "还得起", "en": "Affordable"},
    "enum.affordability_status.stretched": {"zh-CN": "很吃紧", "en": "Stretched"},
    "enum.affordability_status.unaffordable": {"zh-CN": "还不起", "en": "Unaffordable"},
    # core.allocation.Strategy
    "enum.strategy.pro_rata": {"zh-CN": "按欠款比例分配", "en": "Pro rata"},
    "enum.strategy.avalanche": {"zh-CN": "先还利率最高的", "en": "Highest rate first"},
    "enum.strategy.snowball": {"zh-CN": "先还余额最小的", "en": "Smallest balance first"},
}
