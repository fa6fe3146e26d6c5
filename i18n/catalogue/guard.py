"""What a page says when something unexpected goes wrong inside it."""

TEXT: dict[str, dict[str, str]] = {
    "guard.failed": {
        "zh-CN": "这一步没能完成，出现了意外问题（参考编号 {ref}）。已保存的数据不受影响，"
        "没有保存一半的记录。请刷新页面后重试；如果问题反复出现，请把参考编号告诉技术支持。",
        "en": "This step could not be completed: something unexpected went wrong (reference "
        "{ref}). Saved data is unaffected and nothing was half-saved. Reload the page and try "
        "again; if it keeps happening, give the reference to support.",
    },
}
