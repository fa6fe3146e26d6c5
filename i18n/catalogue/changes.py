"""What a form says when the record it edits was changed elsewhere (another tab, a colleague)."""

TEXT: dict[str, dict[str, str]] = {
    "changes.stale_form": {
        "zh-CN": "您打开这张表单后，这条记录已在别处被修改并保存（您看到的是第 {seen} 版，"
        "现在是第 {now} 版）。现在保存会被拒绝，以免覆盖别人的修改。",
        "en": "Since you opened this form, the record was changed and saved elsewhere (you saw "
        "version {seen}, it is now version {now}). Saving now would be refused so as not to "
        "overwrite that change.",
    },
    "changes.load_current": {
        "zh-CN": "放弃我的修改，载入现在保存的内容",
        "en": "Discard my changes and load what is saved now",
    },
    "changes.refused": {
        "zh-CN": "没有保存：这条{entity}已在别处被修改（您看到的是第 {seen} 版，"
        "现在是第 {now} 版），保存会覆盖那次修改。下面是现在保存的内容；请载入后再修改。",
        "en": "Not saved: this {entity} was changed elsewhere (you saw version {seen}, it is now "
        "version {now}), and saving would overwrite that change. Below is what is saved now; "
        "load it, then make your change again.",
    },
    "changes.deleted": {
        "zh-CN": "没有保存：这条{entity}已在别处被删除。",
        "en": "Not saved: this {entity} was deleted elsewhere.",
    },
    "changes.col.field": {"zh-CN": "项目", "en": "Field"},
    "changes.col.now": {"zh-CN": "现在保存的内容", "en": "Saved now"},
    "changes.entity.client": {"zh-CN": "客户记录", "en": "client record"},
    "changes.entity.debt": {"zh-CN": "债务记录", "en": "debt"},
    "changes.entity.proposal": {"zh-CN": "方案", "en": "proposal"},
    "changes.entity.checklist": {"zh-CN": "材料清单", "en": "checklist"},
    "changes.entity.task": {"zh-CN": "待办事项", "en": "task"},
    "changes.entity.call": {"zh-CN": "通话记录", "en": "call"},
    "error.changed_elsewhere": {
        "zh-CN": "这条记录已在别处被修改，您的修改没有保存，请重新载入后再改。",
        "en": "This record was changed elsewhere; your change was not saved. Reload it and "
        "make the change again.",
    },
}
