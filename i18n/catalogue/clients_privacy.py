"""Texts of the Clients form's masked fields (shown in full only when revealed) and of the
people a client's record names (contacts)."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "clients.show": {"zh-CN": "显示", "en": "Show"},
    "clients.show_help": {
        "zh-CN": "在本表单中显示完整内容，之后可以修改；换一位客户或保存后会重新隐藏",
        "en": "Shows the full value in this form, where you can then change it; it is hidden "
        "again after saving or for another client",
    },
    "clients.masked_help": {
        "zh-CN": "已脱敏。点击“显示”查看完整内容后才能修改；未显示的内容保存时保持不变",
        "en": "Masked. Click Show to see it in full and change it; a value not shown is saved "
        "unchanged",
    },
    "clients.masked_footer": {
        "zh-CN": "屏幕上的个人信息默认脱敏，点击“显示”才会在本表单中显示完整内容；"
        "分享给客户的材料也会隐去个人信息。",
        "en": "Personal details are masked on screen; Show reveals one in full, in this form "
        "only. What is shared with the client is masked too.",
    },
    "clients.contacts": {"zh-CN": "相关联系人", "en": "People named in the record"},
    "clients.contacts_intro": {
        "zh-CN": "紧急联系人、亲属，或催收方联系过的人。他们的姓名同样脱敏显示，"
        "分享给客户的材料中也会隐去。",
        "en": "Emergency contacts, relatives, or people a collector called. Their names are "
        "masked like the client's, on screen and in what is shared.",
    },
    "clients.contacts_none": {"zh-CN": "尚未记录联系人。", "en": "No one recorded yet."},
    "clients.contact_name": {"zh-CN": "联系人 {n}：姓名", "en": "Contact {n}: name"},
    "clients.contact_relation": {"zh-CN": "联系人 {n}：关系", "en": "Contact {n}: relation"},
    "clients.contact_add": {"zh-CN": "添加联系人", "en": "Add a contact"},
    "clients.contact_remove": {"zh-CN": "移除", "en": "Remove"},
    "clients.contact_remove_help": {
        "zh-CN": "保存后才会从客户档案中删除",
        "en": "Leaves the record when you save",
    },
    "clients.contact_name_needed": {
        "zh-CN": "联系人 {n} 还没有填写姓名：请填写，或将其移除。",
        "en": "Contact {n} has no name yet: enter one, or remove the contact.",
    },
    "clients.contacts_full": {
        "zh-CN": "最多可记录 {n} 位联系人。",
        "en": "A record names at most {n} contacts.",
    },
    "clients.reveal_refused": {
        "zh-CN": "这位客户的资料已在别处修改，无法显示本表单中的旧内容。请先载入最新内容。",
        "en": "This client was changed elsewhere, so this form's value cannot be shown. Load "
        "what is saved now first.",
    },
    # core.clients.Relation, as a choice standing alone
    "enum.relation.spouse": {"zh-CN": "配偶", "en": "Spouse"},
    "enum.relation.parent": {"zh-CN": "父母", "en": "Parent"},
    "enum.relation.child": {"zh-CN": "子女", "en": "Child"},
    "enum.relation.sibling": {"zh-CN": "兄弟姐妹", "en": "Brother or sister"},
    "enum.relation.relative": {"zh-CN": "其他亲属", "en": "Other relative"},
    "enum.relation.friend": {"zh-CN": "朋友", "en": "Friend"},
    "enum.relation.colleague": {"zh-CN": "同事", "en": "Colleague"},
    "enum.relation.employer": {"zh-CN": "雇主/单位", "en": "Employer"},
    "enum.relation.other": {"zh-CN": "其他", "en": "Other"},
}
