"""Labels of the core enums the pages show: lender types, repayment methods, rate quotes,
cost categories, affordability statuses, allocation strategies, and the call enums (channel,
direction, outcome, task kind, documents, service channels, number sources, contact targets,
installment statuses, escalation steps).

Keys are ``enum.<prefix>.<value>`` with the prefixes of ``ui.enum_labels.ENUM_PREFIXES``; look
them up with :func:`ui.enum_labels.enum_label`. Every member of each enum has a label (a test
checks it). Channels, contact targets and escalation steps are worded inside call scripts and
notices too, so their labels live with those templates in :mod:`core.rules.templates`; the
catalogue merges them, and each label is defined once.
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
    # core.calls.Direction
    "enum.direction.outgoing": {"zh-CN": "我方打出", "en": "We contacted them"},
    "enum.direction.incoming": {"zh-CN": "对方来电", "en": "They contacted us"},
    # core.calls.Outcome
    "enum.outcome.agreed": {"zh-CN": "达成一致", "en": "Agreed"},
    "enum.outcome.partly_agreed": {"zh-CN": "部分同意", "en": "Partly agreed"},
    "enum.outcome.refused": {"zh-CN": "被拒绝", "en": "Refused"},
    "enum.outcome.call_back": {"zh-CN": "约定回电", "en": "Will call back"},
    "enum.outcome.no_answer": {"zh-CN": "无人接听", "en": "No answer"},
    # core.calls.TaskKind
    "enum.task_kind.custom": {"zh-CN": "自定义", "en": "Custom"},
    "enum.task_kind.check_plan_in_app": {"zh-CN": "APP核对方案", "en": "Check plan in app"},
    "enum.task_kind.request_written_confirmation": {
        "zh-CN": "索取书面确认",
        "en": "Written confirmation",
    },
    "enum.task_kind.installment_reminder": {"zh-CN": "还款提醒", "en": "Payment reminder"},
    "enum.task_kind.retry_negotiation": {"zh-CN": "再次协商", "en": "Try again"},
    "enum.task_kind.escalate": {"zh-CN": "升级处理", "en": "Escalate"},
    # core.calls.DocumentItem
    "enum.document.contract_number": {
        "zh-CN": "合同编号 / 订单号",
        "en": "Contract or order number",
    },
    "enum.document.id_card_photos": {
        "zh-CN": "身份证正反面照片",
        "en": "ID card photos (both sides)",
    },
    "enum.document.income_proof": {
        "zh-CN": "近三个月收入证明",
        "en": "Income proof, last three months",
    },
    "enum.document.debt_list": {"zh-CN": "全部债务清单", "en": "List of all debts"},
    "enum.document.hardship_proof": {
        "zh-CN": "困难证明（失业、疾病等）",
        "en": "Proof of hardship (job loss, illness)",
    },
    "enum.document.written_proposal": {
        "zh-CN": "书面还款方案",
        "en": "Written repayment proposal",
    },
    "enum.document.power_of_attorney": {
        "zh-CN": "签字的授权委托书（顾问代为协商时）",
        "en": "Signed power of attorney (when a counselor negotiates)",
    },
    # core.calls.ServiceChannelKind
    "enum.service.hotline": {"zh-CN": "客服热线", "en": "Hotline"},
    "enum.service.app": {"zh-CN": "APP", "en": "App"},
    "enum.service.website": {"zh-CN": "官网", "en": "Website"},
    "enum.service.email": {"zh-CN": "邮箱", "en": "Email"},
    "enum.service.wechat": {"zh-CN": "微信公众号", "en": "WeChat account"},
    "enum.service.weibo": {"zh-CN": "微博", "en": "Weibo"},
    "enum.service.complaint": {"zh-CN": "投诉渠道", "en": "Complaint line"},
    "enum.service.other": {"zh-CN": "其他", "en": "Other"},
    # core.rules.scam.NumberSource
    "enum.number_source.lender_app": {
        "zh-CN": "贷款机构的APP",
        "en": "The lender's app",
    },
    "enum.number_source.official_website": {
        "zh-CN": "贷款机构官网",
        "en": "The lender's official website",
    },
    "enum.number_source.contract_or_statement": {
        "zh-CN": "合同或账单",
        "en": "The contract or a statement",
    },
    "enum.number_source.search_ad": {
        "zh-CN": "搜索引擎广告",
        "en": "A search-engine ad",
    },
    "enum.number_source.stranger_message": {
        "zh-CN": "陌生人发来的消息",
        "en": "A message from a stranger",
    },
    "enum.number_source.other": {"zh-CN": "其他 / 不确定", "en": "Elsewhere / not sure"},
    # core.rules.adherence.Status
    "enum.status.paid": {"zh-CN": "已按时还", "en": "Paid on time"},
    "enum.status.paid_late": {"zh-CN": "逾期后补还", "en": "Paid late"},
    "enum.status.missed": {"zh-CN": "未还（逾期）", "en": "Missed"},
    "enum.status.due_today": {"zh-CN": "今天到期", "en": "Due today"},
    "enum.status.due_soon": {"zh-CN": "即将到期", "en": "Due soon"},
    "enum.status.upcoming": {"zh-CN": "未到期", "en": "Upcoming"},
}
