"""Texts of retention on the Data page: the period records are kept, and purging the clients
past it; and what the masked CSV exports hide (issue 18's other Data page texts)."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "retention.title": {"zh-CN": "保留期限与清除", "en": "Retention and purging"},
    "retention.body": {
        "zh-CN": "客户的记录在其最后一次活动后保留设定的年限。最后一次活动指该客户任何记录的最近"
        "一次修改，以及通话、催收联系、还款、待办（到期或完成）、方案达成和预算生效的最晚日期"
        "（尚未到来的日期也算，例如还在进行的还款计划）。超过期限的客户可以清除：其全部记录"
        "被永久删除，审计日志只留下一条不含姓名、号码的匿名记录。",
        "en": "A client's records are kept for the set number of years after their last "
        "activity: the latest change to any of their records, and the latest call, collection "
        "contact, payment, task (due or done), agreement or budget date (dates still to come "
        "count too, such as a plan still running). Clients past the period can be purged: every "
        "record about them is erased for good, and the audit trail keeps one anonymous line "
        "without name or numbers.",
    },
    "retention.period": {"zh-CN": "{n} 年", "en": {"one": "{n} year", "other": "{n} years"}},
    "retention.years": {
        "zh-CN": "最后一次活动后保留（年，1–30）",
        "en": "Keep records after the last activity for (years, 1–30)",
    },
    "retention.save": {"zh-CN": "保存保留期限", "en": "Save the period"},
    "retention.saved": {
        "zh-CN": "已保存：客户记录在最后一次活动后保留 {period}。",
        "en": "Saved: records are kept {period} after a client's last activity.",
    },
    "retention.changed_elsewhere": {
        "zh-CN": "保留期限刚被其他人改为 {period}，本次未保存。请确认后再保存。",
        "en": "Someone else has just set the period to {period}; nothing was saved. Check it "
        "and save again.",
    },
    "retention.none": {
        "zh-CN": "目前没有超过保留期限（{period}）的客户。",
        "en": "No client is past the retention period ({period}).",
    },
    "retention.due": {
        "zh-CN": "{n} 位客户已超过保留期限（{period}）：",
        "en": {
            "one": "{n} client is past the retention period ({period}):",
            "other": "{n} clients are past the retention period ({period}):",
        },
    },
    "retention.col.id": {"zh-CN": "编号", "en": "ID"},
    "retention.col.client": {"zh-CN": "客户", "en": "Client"},
    "retention.col.last_active": {"zh-CN": "最后活动", "en": "Last activity"},
    "retention.col.kept_until": {"zh-CN": "保留至", "en": "Kept until"},
    "retention.keep": {
        "zh-CN": "暂不清除的客户（可选）",
        "en": "Clients to keep for now (optional)",
    },
    "retention.keep_placeholder": {"zh-CN": "选择客户", "en": "Choose clients"},
    "retention.client_label": {
        "zh-CN": "#{id} {client} · 最后活动 {day}",
        "en": "#{id} {client} · last active {day}",
    },
    "retention.confirm": {
        "zh-CN": "我明白这 {n} 位客户及其全部记录将被永久删除，无法恢复",
        "en": {
            "one": "I understand that {n} client and every record about them will be erased "
            "for good",
            "other": "I understand that {n} clients and every record about them will be "
            "erased for good",
        },
    },
    "retention.purge": {
        "zh-CN": "清除 {n} 位客户",
        "en": {"one": "Purge {n} client", "other": "Purge {n} clients"},
    },
    "retention.nothing_to_purge": {
        "zh-CN": "所有客户都选为暂不清除，没有要清除的客户。",
        "en": "Every client is kept for now: there is nobody to purge.",
    },
    "retention.purged": {
        "zh-CN": "已清除 {n} 位客户及其全部记录；审计日志为每位客户留下一条匿名记录。",
        "en": {
            "one": "Purged {n} client and every record about them; the audit trail keeps one "
            "anonymous line.",
            "other": "Purged {n} clients and every record about them; the audit trail keeps "
            "one anonymous line for each.",
        },
    },
    "retention.gone": {
        "zh-CN": "{n} 位客户已不在（已被清除或删除），无需再处理。",
        "en": {
            "one": "{n} client was no longer there (purged or deleted already).",
            "other": "{n} clients were no longer there (purged or deleted already).",
        },
    },
    "retention.stale": {
        "zh-CN": "列表中有客户在显示后被修改过，本次没有清除任何客户。列表已更新，请核对后再清除。",
        "en": "A client in the list was changed after the list was shown, so nobody was "
        "purged. The list is up to date now: check it and purge again.",
    },
    "retention.active_again": {
        "zh-CN": "列表中有客户在显示后又有了新活动，已不再超过保留期限，本次没有清除任何客户。"
        "列表已更新。",
        "en": "A client in the list has been active since the list was shown and is no longer "
        "past the retention period, so nobody was purged. The list is up to date now.",
    },
    "data.export.masked": {
        "zh-CN": "隐去个人信息（姓名显示为 张*明；身份证号、手机号、合同号和他人姓名"
        "不出现在文字中）",
        "en": "Mask personal data (names as 张*明; no ID, phone or contract numbers or other "
        "people's names in the text)",
    },
    "data.export.unmasked": {
        "zh-CN": "不隐去时，导出的文件含客户的完整姓名、号码和备注，请妥善保管，用完即删。",
        "en": "Unmasked, the files hold clients' full names, numbers and notes: keep them "
        "private and delete them when done.",
    },
    "error.not_past_retention": {
        "zh-CN": "这位客户尚未超过保留期限，没有清除任何客户",
        "en": "this client is not past the retention period; nobody was purged",
    },
    "error.retention_years": {
        "zh-CN": "须为 1 到 30 之间的整数",
        "en": "must be a whole number of years from 1 to 30",
    },
    "field.retention_years": {"zh-CN": "保留期限", "en": "Retention period"},
}
