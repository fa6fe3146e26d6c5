"""Texts of the shared frame: the client being worked on."""

TEXT: dict[str, dict[str, str]] = {
    "state.current_client": {"zh-CN": "当前客户", "en": "Current client"},
    "state.no_client": {"zh-CN": "尚未选择客户", "en": "No client chosen"},
    "state.choose_client_first": {
        "zh-CN": "请先在“客户”页面选择或新建一位客户。",
        "en": "Choose or add a client on the Clients page first.",
    },
}
