"""Texts of the Data page: backup, restore and CSV exports."""

TEXT: dict[str, dict[str, str]] = {
    "page.data": {"zh-CN": "数据备份", "en": "Data"},
    "data.table.clients": {"zh-CN": "客户", "en": "Clients"},
    "data.table.debts": {"zh-CN": "债务", "en": "Debts"},
    "data.table.calls": {"zh-CN": "通话", "en": "Calls"},
    "data.table.payments": {"zh-CN": "还款", "en": "Payments"},
    "data.backup.title": {"zh-CN": "备份全部数据", "en": "Back up everything"},
    "data.backup.body": {
        "zh-CN": "把所有客户、债务、方案、通话、待办和还款记录保存为一个文件，并用你设定的口令加密"
        "（scrypt 派生密钥 + AES-256-GCM）。没有口令就打不开这份备份——请把口令另外记好，"
        "它丢了，备份也就作废了。",
        "en": "Save every client, debt, proposal, call, task and payment in one file, encrypted "
        "with a passphrase you choose (scrypt key derivation, then AES-256-GCM). Without the "
        "passphrase nobody can open the backup — keep it somewhere else: if it is lost, so "
        "is the backup.",
    },
    "data.backup.passphrase": {
        "zh-CN": "备份口令（至少 8 个字符）",
        "en": "Backup passphrase (at least 8 characters)",
    },
    "data.backup.passphrase_again": {"zh-CN": "再输一遍口令", "en": "The same passphrase again"},
    "data.backup.passphrases_differ": {
        "zh-CN": "两次输入的口令不一样，请重新输入。",
        "en": "The two passphrases differ; type them again.",
    },
    "data.backup.passphrase_missing": {
        "zh-CN": "请先设定备份口令（或勾选“不加密”）。",
        "en": "Choose a passphrase first (or tick “not encrypted”).",
    },
    "data.backup.plain": {
        "zh-CN": "不加密（生成明文 JSON 文件）",
        "en": "Not encrypted (a plain JSON file)",
    },
    "data.backup.plain_warning": {
        "zh-CN": "明文备份里的姓名、手机号、身份证号、合同号和通话记录谁拿到都能直接看到。"
        "只在确有需要时使用，用完请安全删除。",
        "en": "Anyone who gets hold of a plain backup reads every name, mobile number, ID "
        "number, contract number and call note in it. Use it only when you must, and delete "
        "it safely afterwards.",
    },
    "data.backup.ready_encrypted": {
        "zh-CN": "备份已加密生成，可以下载。恢复时需要输入同一个口令。",
        "en": "The encrypted backup is ready to download. Restoring it needs the same passphrase.",
    },
    "data.backup.ready_plain": {
        "zh-CN": "明文备份已生成，可以下载（未加密）。",
        "en": "The plain backup is ready to download (not encrypted).",
    },
    "data.restore.passphrase": {
        "zh-CN": "这份备份已加密：输入备份口令",
        "en": "This backup is encrypted: enter its passphrase",
    },
    "data.backup.prepare": {"zh-CN": "生成备份文件", "en": "Prepare a backup"},
    "data.backup.download": {"zh-CN": "下载备份文件", "en": "Download the backup"},
    "data.restore.title": {"zh-CN": "从备份恢复", "en": "Restore from a backup"},
    "data.restore.body": {
        "zh-CN": "先检查文件，确认无误后再恢复。恢复会用备份替换当前全部数据，"
        "要么全部成功，要么什么都不改。备份文件最大 200 MB（命令行 python -m store restore "
        "也是如此）。",
        "en": "The file is checked first; you confirm before anything changes. Restoring "
        "replaces all current data with the backup, completely or not at all. A backup file "
        "may be up to 200 MB (on the command line, python -m store restore, too).",
    },
    "data.restore.file": {
        "zh-CN": "选择备份文件（加密的 .rtbk 或明文 .json）",
        "en": "Backup file (encrypted .rtbk or plain .json)",
    },
    "data.restore.check": {"zh-CN": "检查文件", "en": "Check the file"},
    "data.restore.ok": {
        "zh-CN": "文件完整，可以恢复（备份于 {made}）。其中包含：",
        "en": "The file is complete and can be restored (made {made}). It holds:",
    },
    "data.restore.warning": {
        "zh-CN": "恢复后，当前数据库中的全部记录将被备份内容替换，且无法撤销。建议先备份当前数据。",
        "en": "Restoring replaces every record in the current database with the backup and "
        "cannot be undone. Back up the current data first.",
    },
    "data.restore.confirm": {
        "zh-CN": "我明白当前数据将被替换",
        "en": "I understand the current data will be replaced",
    },
    "data.restore.run": {"zh-CN": "恢复备份", "en": "Restore the backup"},
    "data.restore.done": {
        "zh-CN": "已恢复。请在“客户”页面重新选择客户。",
        "en": "Restored. Choose a client again on the Clients page.",
    },
    "data.export.title": {"zh-CN": "导出表格（CSV）", "en": "Export tables (CSV)"},
    "data.export.body": {
        "zh-CN": "导出全部客户的通话、待办和还款记录，可用 Excel 直接打开。",
        "en": "Export every client's calls, tasks and payments; the files open in Excel.",
    },
    "data.export.calls": {"zh-CN": "下载通话记录", "en": "Download calls"},
    "data.export.tasks": {"zh-CN": "下载待办事项", "en": "Download tasks"},
    "data.export.payments": {"zh-CN": "下载还款记录", "en": "Download payments"},
    "error.backup_invalid": {
        "zh-CN": "这个备份文件无法恢复，数据库没有任何改动",
        "en": "this backup file cannot be restored; the database is unchanged",
    },
    "error.backup_version": {
        "zh-CN": "备份文件的格式版本不受支持，数据库没有任何改动",
        "en": "the backup's format version is not supported; the database is unchanged",
    },
    "error.backup_io": {
        "zh-CN": "无法读写备份文件",
        "en": "the backup file cannot be read or written",
    },
    "error.export_io": {"zh-CN": "无法写出导出文件", "en": "the export file cannot be written"},
}
