"""Texts of the Clients page."""

TEXT: dict[str, dict[str, str]] = {
    "clients.title": {"zh-CN": "客户", "en": "Clients"},
    "clients.intro": {
        "zh-CN": "选择要处理的客户，或新建客户档案。列表中的姓名、手机号和身份证号均已脱敏。",
        "en": "Choose the client to work on, or add a new one. Names, mobiles and ID numbers are "
        "masked in the list.",
    },
    "clients.search": {"zh-CN": "搜索客户", "en": "Search clients"},
    "clients.search_help": {
        "zh-CN": "按姓名（任意部分）、手机尾号（至少 4 位）、完整合同编号"
        "或合同编号末尾（至少 6 位）搜索。"
        "手机号和合同号已加密保存，不能按中间的几位查找。",
        "en": "By name (any part), the last digits of the mobile (4 or more), a whole contract "
        "number or its last characters (6 or more). Mobiles and contract numbers are stored "
        "encrypted: a part from their middle finds nothing.",
    },
    "clients.example": {"zh-CN": "载入示例客户", "en": "Load example client"},
    "clients.example_help": {
        "zh-CN": "新建一位虚构客户：四家债权机构（含一笔逾期网贷和一张信用卡）及收支预算",
        "en": "Adds a made-up client with four lenders (an overdue online loan and a credit card "
        "among them) and a budget",
    },
    "clients.example_saved": {
        "zh-CN": "已载入示例客户，可在其他页面查看。",
        "en": "The example client is loaded; the other pages now show their case.",
    },
    "clients.list": {"zh-CN": "客户列表", "en": "Client list"},
    "clients.none": {
        "zh-CN": "还没有客户。请在下方新建，或载入示例客户。",
        "en": "No clients yet. Add one below, or load the example client.",
    },
    "clients.no_match": {"zh-CN": "没有找到匹配的客户。", "en": "No client matches."},
    "clients.count": {"zh-CN": "共 {n} 位客户", "en": "Clients listed: {n}"},
    "clients.col.name": {"zh-CN": "姓名", "en": "Name"},
    "clients.col.mobile": {"zh-CN": "手机号", "en": "Mobile"},
    "clients.col.id_number": {"zh-CN": "身份证号", "en": "ID number"},
    "clients.col.household": {"zh-CN": "家庭人口", "en": "Household"},
    "clients.col.consent": {"zh-CN": "同意日期", "en": "Consent given"},
    "clients.col.current": {"zh-CN": "当前", "en": "Current"},
    "clients.pick": {"zh-CN": "正在处理的客户", "en": "Client being worked on"},
    "clients.pick_new": {"zh-CN": "（新建客户）", "en": "(new client)"},
    "clients.new_title": {"zh-CN": "新建客户", "en": "New client"},
    "clients.edit_title": {"zh-CN": "编辑客户资料", "en": "Edit client"},
    "clients.name": {"zh-CN": "姓名", "en": "Name"},
    "clients.mobile": {"zh-CN": "手机号（选填）", "en": "Mobile (optional)"},
    "clients.id_number": {"zh-CN": "身份证号（选填）", "en": "ID number (optional)"},
    "clients.hidden_help": {
        "zh-CN": "默认隐藏，点击右侧眼睛图标可查看",
        "en": "Hidden by default; click the eye icon to show it",
    },
    "clients.household_size": {"zh-CN": "家庭人口", "en": "Household size"},
    "clients.notes": {"zh-CN": "备注", "en": "Notes"},
    "clients.consent": {
        "zh-CN": "客户已同意本工具保存其个人信息（姓名、联系方式、证件号和财务情况）",
        "en": "The client agreed that their personal details (name, contacts, ID and finances) "
        "may be kept here",
    },
    "clients.consent_contact": {
        "zh-CN": "客户同意由顾问代其与债权机构沟通",
        "en": "The client agreed that the counselor may contact lenders for them",
    },
    "clients.consent_since": {
        "zh-CN": "同意日期：{date}",
        "en": "Consent given on {date}",
    },
    "clients.consent_needed": {
        "zh-CN": "保存前请先勾选“客户已同意保存个人信息”。",
        "en": "Tick the client's consent to keep personal details before saving.",
    },
    "clients.save_new": {"zh-CN": "保存新客户", "en": "Save new client"},
    "clients.save": {"zh-CN": "保存修改", "en": "Save changes"},
    "clients.saved": {"zh-CN": "已保存。", "en": "Saved."},
    "clients.unsaved": {"zh-CN": "有未保存的修改", "en": "Unsaved changes"},
    "clients.discard": {"zh-CN": "放弃修改", "en": "Discard changes"},
    "clients.delete": {"zh-CN": "删除客户", "en": "Delete client"},
    "clients.delete_confirm": {
        "zh-CN": "确定删除 {name} 吗？其债务、预算、方案和通话记录将一并删除，无法恢复。",
        "en": "Delete {name}? Their debts, budgets, proposals and calls are erased too, for good.",
    },
    "clients.delete_yes": {"zh-CN": "确认删除", "en": "Yes, delete"},
    "clients.delete_no": {"zh-CN": "取消", "en": "Cancel"},
    "clients.deleted": {"zh-CN": "客户已删除。", "en": "The client was deleted."},
    "clients.masked_note": {
        "zh-CN": "屏幕上只显示脱敏后的信息；分享给客户的材料也会隐去个人信息。",
        "en": "Screens show masked details only; what is shared with the client is masked too.",
    },
    # field labels for inline errors
    "field.notes": {"zh-CN": "备注", "en": "Notes"},
}
