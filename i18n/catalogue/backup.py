"""Why a backup file was refused (``store.backup.BackupFileError.reason``), worded for the Data
page and ``python -m store restore`` alike (see ``i18n.errors.backup_lines``)."""

TEXT: dict[str, dict[str, str]] = {
    # where
    "error.backup.at_line": {
        "zh-CN": "第 {line} 行第 {column} 列",
        "en": "line {line}, column {column}",
    },
    "error.backup.at_byte": {
        "zh-CN": "第 {line} 行第 {byte} 个字节",
        "en": "line {line}, byte {byte}",
    },
    "error.backup.separator": {"zh-CN": "；", "en": "; "},
    # the tables, as records are named in a refusal
    "error.backup.table.clients": {"zh-CN": "客户", "en": "client"},
    "error.backup.table.debts": {"zh-CN": "债务", "en": "debt"},
    "error.backup.table.budget_versions": {"zh-CN": "预算", "en": "budget"},
    "error.backup.table.proposals": {"zh-CN": "方案", "en": "proposal"},
    "error.backup.table.calls": {"zh-CN": "通话", "en": "call"},
    "error.backup.table.follow_up_tasks": {"zh-CN": "待办", "en": "task"},
    "error.backup.table.document_checklists": {"zh-CN": "材料清单", "en": "checklist"},
    "error.backup.table.payments": {"zh-CN": "还款", "en": "payment"},
    "error.backup.table.collection_contacts": {"zh-CN": "催收记录", "en": "collection contact"},
    # the file as a whole
    "error.backup.invalid": {"zh-CN": "内容无效", "en": "the content is not valid"},
    "error.backup.too_large": {
        "zh-CN": "文件超过 {mb} MB，超出恢复允许的大小",
        "en": "the file is larger than {mb} MB, the most a restore accepts",
    },
    "error.backup.unreadable": {
        "zh-CN": "无法读取文件（文件不存在或没有读取权限）",
        "en": "the file cannot be read (it does not exist or may not be read)",
    },
    "error.backup.empty": {"zh-CN": "文件是空的", "en": "the file is empty"},
    "error.backup.not_json": {
        "zh-CN": "这里的内容不是有效的 JSON，文件可能已损坏或被改动",
        "en": "this is not valid JSON here; the file may be damaged or edited",
    },
    "error.backup.truncated": {
        "zh-CN": "文件在这里提前结束，内容不完整（可能没有下载或复制完整）",
        "en": "the file ends too early here: it is truncated (perhaps not fully downloaded "
        "or copied)",
    },
    "error.backup.not_utf8": {
        "zh-CN": "这里的内容不是 UTF-8 文本",
        "en": "this is not UTF-8 text here",
    },
    "error.backup.passphrase_needed": {
        "zh-CN": "这份备份已加密，请输入备份时设置的口令",
        "en": "this backup is encrypted: enter the passphrase it was made with",
    },
    "error.backup.wrong_passphrase": {
        "zh-CN": "口令不对，无法打开这份备份（也可能是文件已损坏）；数据库没有任何改动",
        "en": "the passphrase does not open this backup (or the file is damaged);"
        " nothing was changed",
    },
    "error.backup.not_a_backup": {
        "zh-CN": "这不是本工具生成的备份文件",
        "en": "this is not a backup made by this tool",
    },
    "error.backup.version": {
        "zh-CN": "备份格式版本 {version} 无法读取，本工具读取版本 {supported}",
        "en": "format version {version} cannot be read; this tool reads version {supported}",
    },
    "error.backup.missing_part": {
        "zh-CN": "缺少这一部分，或格式不对",
        "en": "this part is missing or has the wrong shape",
    },
    "error.backup.unknown_table": {
        "zh-CN": "本工具没有这张表",
        "en": "this tool has no such table",
    },
    "error.backup.count_mismatch": {
        "zh-CN": "实有 {rows} 条记录，但文件开头记为 {counted} 条（文件不完整或被改动）",
        "en": "it has {rows} records but the header counts {counted} (the file is incomplete "
        "or was edited)",
    },
    "error.backup.row_shape": {
        "zh-CN": "这条记录的栏目不对（{columns}）",
        "en": "this record has the wrong columns ({columns})",
    },
    "error.backup.duplicate_id": {
        "zh-CN": "编号 {id} 出现了两次",
        "en": "id {id} appears twice",
    },
    # one value
    "error.backup.null": {"zh-CN": "不能为空", "en": "must not be empty"},
    "error.backup.bad_value": {"zh-CN": "这个值无效", "en": "this value is not valid"},
    "error.backup.expected_text": {"zh-CN": "应为文字", "en": "should be text"},
    "error.backup.text_too_long": {
        "zh-CN": "太长了（最多 {max} 个字符）",
        "en": "is too long (at most {max} characters)",
    },
    "error.backup.expected_bool": {"zh-CN": "应为 true 或 false", "en": "should be true or false"},
    "error.backup.expected_json": {
        "zh-CN": "应为 JSON 对象或列表",
        "en": "should be a JSON object or list",
    },
    "error.backup.expected_integer": {"zh-CN": "应为整数", "en": "should be a whole number"},
    "error.backup.out_of_range": {
        "zh-CN": "数值超出可保存的范围",
        "en": "the number is beyond what can be stored",
    },
    "error.backup.expected_decimal": {
        "zh-CN": "应为以文字写出的有限小数",
        "en": "should be a finite decimal number written as text",
    },
    "error.backup.expected_date": {
        "zh-CN": "应为日期（YYYY-MM-DD）",
        "en": "should be a date (YYYY-MM-DD)",
    },
    "error.backup.expected_datetime": {
        "zh-CN": "应为带时区的 ISO 8601 时间",
        "en": "should be an ISO 8601 date-time with its UTC offset",
    },
    # one record
    "error.backup.record": {
        "zh-CN": "这条记录的内容无效",
        "en": "this record is not valid",
    },
    "error.backup.missing_record": {
        "zh-CN": "指向的{table}（编号 {id}）不在文件中",
        "en": "it points at {table} {id}, which is not in the file",
    },
    "error.backup.other_clients_record": {
        "zh-CN": "指向的{table}（编号 {id}）属于客户 {other_client}，而这条记录属于客户 {client}",
        "en": "it points at {table} {id} of client {other_client}, but this record belongs to "
        "client {client}",
    },
}
