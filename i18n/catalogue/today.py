"""Texts of the Today page: follow-ups, due installments and stalled negotiations."""

TEXT: dict[str, dict[str, str]] = {
    "today.title": {"zh-CN": "今日待办", "en": "Today"},
    "today.as_of": {"zh-CN": "北京时间 {when}", "en": "Beijing time {when}"},
    "today.no_clients": {
        "zh-CN": "还没有客户。在“客户”页面新建客户后，这里会汇总所有客户的待办。",
        "en": "No clients yet. Once clients are added on the Clients page, their follow-ups "
        "appear here.",
    },
    "today.overdue": {"zh-CN": "已逾期", "en": "Overdue"},
    "today.done": {"zh-CN": "完成", "en": "Done"},
    "today.tasks.title": {"zh-CN": "跟进事项", "en": "Follow-ups"},
    "today.tasks.show_all": {
        "zh-CN": "显示全部（默认只显示未来 7 天内）",
        "en": "Show all (by default, the next 7 days only)",
    },
    "today.tasks.none": {"zh-CN": "没有待跟进的事项。", "en": "Nothing to follow up."},
    "today.tasks.overdue_count": {
        "zh-CN": "{n} 项已过期限，排在最前面。",
        "en": "{n} overdue, listed first.",
    },
    "today.dues.title": {"zh-CN": "到期还款", "en": "Installments due"},
    "today.dues.none": {
        "zh-CN": "近期没有到期或逾期的还款。",
        "en": "No installment is due soon or overdue.",
    },
    "today.dues.line": {
        "zh-CN": "第{number}期，应还{amount}，尚差{short}",
        "en": "Installment {number}: {amount} due, {short} still to pay",
    },
    "today.dues.paid": {"zh-CN": "已还", "en": "Paid"},
    "today.dues.paid_help": {
        "zh-CN": "记录今天已还{amount}",
        "en": "Record {amount} paid today",
    },
    "today.dues.reference": {
        "zh-CN": "第{number}期（今日待办）",
        "en": "Installment {number} (Today)",
    },
    "today.escalation.title": {
        "zh-CN": "协商受阻：下一步",
        "en": "Stalled negotiations: next step",
    },
    "today.escalation.none": {
        "zh-CN": "没有受阻的协商。",
        "en": "No negotiation has stalled.",
    },
    "today.escalation.now": {"zh-CN": "现在可做", "en": "Due now"},
    "today.escalation.from": {"zh-CN": "{when} 起", "en": "From {when}"},
}
