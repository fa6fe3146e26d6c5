"""Labels of the call enums (channel, direction, outcome, task kind, documents, …) for the UI.

Keys are ``calls_enum.<enum>.<value>``; :func:`ui.call_widgets.enum_label` looks them up.
"""

TEXT: dict[str, dict[str, str]] = {
    # core.calls.Channel
    "calls_enum.channel.phone": {"zh-CN": "电话", "en": "Phone"},
    "calls_enum.channel.in_app_chat": {"zh-CN": "APP在线客服", "en": "In-app chat"},
    "calls_enum.channel.email": {"zh-CN": "邮件", "en": "Email"},
    "calls_enum.channel.letter": {"zh-CN": "信函", "en": "Letter"},
    "calls_enum.channel.regulator": {"zh-CN": "监管投诉", "en": "Regulator case"},
    # core.calls.Direction
    "calls_enum.direction.outgoing": {"zh-CN": "我方打出", "en": "We contacted them"},
    "calls_enum.direction.incoming": {"zh-CN": "对方来电", "en": "They contacted us"},
    # core.calls.Outcome
    "calls_enum.outcome.agreed": {"zh-CN": "达成一致", "en": "Agreed"},
    "calls_enum.outcome.partly_agreed": {"zh-CN": "部分同意", "en": "Partly agreed"},
    "calls_enum.outcome.refused": {"zh-CN": "被拒绝", "en": "Refused"},
    "calls_enum.outcome.call_back": {"zh-CN": "约定回电", "en": "Will call back"},
    "calls_enum.outcome.no_answer": {"zh-CN": "无人接听", "en": "No answer"},
    # core.calls.TaskKind
    "calls_enum.task_kind.custom": {"zh-CN": "自定义", "en": "Custom"},
    "calls_enum.task_kind.check_plan_in_app": {"zh-CN": "APP核对方案", "en": "Check plan in app"},
    "calls_enum.task_kind.request_written_confirmation": {
        "zh-CN": "索取书面确认",
        "en": "Written confirmation",
    },
    "calls_enum.task_kind.installment_reminder": {"zh-CN": "还款提醒", "en": "Payment reminder"},
    "calls_enum.task_kind.retry_negotiation": {"zh-CN": "再次协商", "en": "Try again"},
    "calls_enum.task_kind.escalate": {"zh-CN": "升级处理", "en": "Escalate"},
    # core.calls.DocumentItem
    "calls_enum.document.contract_number": {
        "zh-CN": "合同编号 / 订单号",
        "en": "Contract or order number",
    },
    "calls_enum.document.id_card_photos": {
        "zh-CN": "身份证正反面照片",
        "en": "ID card photos (both sides)",
    },
    "calls_enum.document.income_proof": {
        "zh-CN": "近三个月收入证明",
        "en": "Income proof, last three months",
    },
    "calls_enum.document.debt_list": {"zh-CN": "全部债务清单", "en": "List of all debts"},
    "calls_enum.document.hardship_proof": {
        "zh-CN": "困难证明（失业、疾病等）",
        "en": "Proof of hardship (job loss, illness)",
    },
    "calls_enum.document.written_proposal": {
        "zh-CN": "书面还款方案",
        "en": "Written repayment proposal",
    },
    # core.calls.ServiceChannelKind
    "calls_enum.service.hotline": {"zh-CN": "客服热线", "en": "Hotline"},
    "calls_enum.service.app": {"zh-CN": "APP", "en": "App"},
    "calls_enum.service.website": {"zh-CN": "官网", "en": "Website"},
    "calls_enum.service.email": {"zh-CN": "邮箱", "en": "Email"},
    "calls_enum.service.wechat": {"zh-CN": "微信公众号", "en": "WeChat account"},
    "calls_enum.service.weibo": {"zh-CN": "微博", "en": "Weibo"},
    "calls_enum.service.complaint": {"zh-CN": "投诉渠道", "en": "Complaint line"},
    "calls_enum.service.other": {"zh-CN": "其他", "en": "Other"},
    # core.rules.scam.NumberSource
    "calls_enum.number_source.lender_app": {
        "zh-CN": "贷款机构的APP",
        "en": "The lender's app",
    },
    "calls_enum.number_source.official_website": {
        "zh-CN": "贷款机构官网",
        "en": "The lender's official website",
    },
    "calls_enum.number_source.contract_or_statement": {
        "zh-CN": "合同或账单",
        "en": "The contract or a statement",
    },
    "calls_enum.number_source.search_ad": {
        "zh-CN": "搜索引擎广告",
        "en": "A search-engine ad",
    },
    "calls_enum.number_source.stranger_message": {
        "zh-CN": "陌生人发来的消息",
        "en": "A message from a stranger",
    },
    "calls_enum.number_source.other": {"zh-CN": "其他 / 不确定", "en": "Elsewhere / not sure"},
    # core.rules.conduct.ContactTarget
    "calls_enum.contact_target.client": {"zh-CN": "客户本人", "en": "The client"},
    "calls_enum.contact_target.relative": {"zh-CN": "亲属", "en": "A relative"},
    "calls_enum.contact_target.colleague": {"zh-CN": "同事或单位", "en": "Colleague or employer"},
    "calls_enum.contact_target.contact_list": {
        "zh-CN": "通讯录联系人",
        "en": "Someone in the contact list",
    },
    "calls_enum.contact_target.other_third_party": {
        "zh-CN": "其他第三人",
        "en": "Another third party",
    },
    # core.rules.adherence.Status
    "calls_enum.status.paid": {"zh-CN": "已按时还", "en": "Paid on time"},
    "calls_enum.status.paid_late": {"zh-CN": "逾期后补还", "en": "Paid late"},
    "calls_enum.status.missed": {"zh-CN": "未还（逾期）", "en": "Missed"},
    "calls_enum.status.due_today": {"zh-CN": "今天到期", "en": "Due today"},
    "calls_enum.status.due_soon": {"zh-CN": "即将到期", "en": "Due soon"},
    "calls_enum.status.upcoming": {"zh-CN": "未到期", "en": "Upcoming"},
    # core.rules.escalation.EscalationStep
    "calls_enum.step.negotiate": {"zh-CN": "协商电话", "en": "Negotiate"},
    "calls_enum.step.retry": {"zh-CN": "再次协商", "en": "Try again"},
    "calls_enum.step.written_request": {"zh-CN": "书面申请", "en": "Written request"},
    "calls_enum.step.formal_complaint": {"zh-CN": "正式投诉", "en": "Formal complaint"},
    "calls_enum.step.public_channel": {"zh-CN": "公开渠道反映", "en": "Public complaint"},
    "calls_enum.step.regulator": {"zh-CN": "向监管投诉", "en": "Complain to the regulator"},
    "calls_enum.step.resolved": {"zh-CN": "已解决", "en": "Resolved"},
}
