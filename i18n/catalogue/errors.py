"""Error messages: one per error code of ``core`` and ``store``, and the fields they name."""

TEXT: dict[str, dict[str, str]] = {
    "error.where": {"zh-CN": "问题位置：{where}（{problem}）", "en": "Where: {where} ({problem})"},
    "error.line": {"zh-CN": "{field}：{problem}", "en": "{field}: {problem}"},
    "error.unexpected": {
        "zh-CN": "出了点问题，刚才的操作没有保存。请重试；如果反复出现，请联系维护人员。",
        "en": "Something went wrong and nothing was saved. Please try again; if it keeps "
        "happening, contact whoever maintains this tool.",
    },
    # core
    "error.invalid": {"zh-CN": "填写有误", "en": "is not valid"},
    "error.invalid_amount": {
        "zh-CN": "请输入不小于 0 的金额（如 12000 或 12,000.50）",
        "en": "enter an amount of 0 or more (e.g. 12000 or 12,000.50)",
    },
    "error.invalid_rate": {
        "zh-CN": "利率不在合理范围内（年化 0%–365%，请按百分比填写）",
        "en": "the rate is out of range (0%–365% a year; enter it as a percentage)",
    },
    "error.invalid_term": {
        "zh-CN": "期数须为 1 到 600 之间的整数",
        "en": "the term must be a whole number of months from 1 to 600",
    },
    "error.no_rate": {
        "zh-CN": "这组还款无法算出年化利率",
        "en": "no annualized rate can be worked out for these payments",
    },
    "error.fee_rate_not_interest": {
        "zh-CN": "月费率不是利率：手续费按初始本金每月收取，请同时填写期数以折算真实年化利率",
        "en": "a monthly fee rate is not an interest rate: the fee is charged on the original "
        "principal every month, so give the term to work out the true annualized rate",
    },
    "error.day_basis_required": {
        "zh-CN": "日利率需注明按一年 360 天还是 365 天计算",
        "en": "a daily rate needs its day count stated: 360 or 365 days a year",
    },
    "error.invalid_identifier": {
        "zh-CN": "号码格式或校验位不正确，请核对",
        "en": "the number's format or check digit is wrong; please check it",
    },
    "error.consent_required": {
        "zh-CN": "保存个人信息前需先取得客户同意",
        "en": "the client's consent is needed before personal details are saved",
    },
    "error.date_before_call": {
        "zh-CN": "下一步日期不能早于通话时间",
        "en": "the next-action date cannot be before the call",
    },
    "error.naive_datetime": {"zh-CN": "时间缺少时区", "en": "the time has no time zone"},
    "error.future": {"zh-CN": "日期不能晚于今天", "en": "the date cannot be in the future"},
    "error.budget_too_low": {
        "zh-CN": "每月预算不足以支付利息，债务无法还清",
        "en": "the monthly budget does not cover the interest, so the debts would never be paid",
    },
    "error.inconsistent": {"zh-CN": "与其他字段矛盾", "en": "contradicts another field"},
    "error.missing": {"zh-CN": "必填", "en": "is required"},
    "error.wrong_type": {"zh-CN": "类型不正确", "en": "has the wrong type"},
    "error.no_date": {"zh-CN": "缺少日期", "en": "needs a date"},
    "error.nothing_to_confirm": {
        "zh-CN": "这次通话没有需要确认的约定",
        "en": "this call has no agreement to confirm",
    },
    # pydantic's own checks
    "error.too_short": {"zh-CN": "不能为空", "en": "cannot be empty"},
    "error.too_long": {
        "zh-CN": "太长了（最多 {max} 个字符）",
        "en": "is too long (at most {max} characters)",
    },
    "error.too_small": {"zh-CN": "不能小于 {min}", "en": "must be at least {min}"},
    "error.too_large": {"zh-CN": "不能大于 {max}", "en": "must be at most {max}"},
    "error.choice": {"zh-CN": "请从列表中选择", "en": "choose one of the listed options"},
    "error.not_a_date": {"zh-CN": "不是有效日期", "en": "is not a valid date"},
    # store
    "error.field_key_error": {
        "zh-CN": "无法取得加密密钥，客户的个人信息无法读取",
        "en": "the encryption key cannot be found, so clients' personal details cannot be read",
    },
    "error.field_key_invalid": {
        "zh-CN": "环境变量 REPAYTALK_FIELD_KEY 不是有效的密钥（应为 44 个字符的 base64）",
        "en": "REPAYTALK_FIELD_KEY is not a valid key (it should be 44 characters of base64)",
    },
    "error.key_file_exposed": {
        "zh-CN": "密钥文件其他用户也能读取或修改，已拒绝使用。请执行 chmod 600 并考虑密钥已泄露",
        "en": (
            "the key file can be read or changed by other users, so it was refused; run"
            " chmod 600 on it and treat the key as exposed"
        ),
    },
    "error.key_file_unreadable": {
        "zh-CN": "无法读取或创建密钥文件，请检查路径和权限",
        "en": "the key file cannot be read or created; check its path and permissions",
    },
    "error.key_file_corrupt": {
        "zh-CN": "密钥文件已损坏，请从备份中恢复该文件",
        "en": "the key file is damaged; restore it from its backup",
    },
    "error.key_file_missing": {
        "zh-CN": "找不到这个数据库的密钥文件。请设置 REPAYTALK_KEY_FILE 指向原来的密钥文件",
        "en": (
            "this database's key file is missing; set REPAYTALK_KEY_FILE to the original key file"
        ),
    },
    "error.field_key_mismatch": {
        "zh-CN": "这个数据库是用另一把密钥加密的，请改用原来的密钥",
        "en": "this database was encrypted with a different key; use its original key",
    },
    "error.field_key_missing": {
        "zh-CN": "没有加密密钥，无法保存个人信息",
        "en": "there is no encryption key, so personal details cannot be saved",
    },
    "error.field_decrypt_failed": {
        "zh-CN": "一项个人信息无法解密（密钥不对或数据已损坏）",
        "en": "a personal detail cannot be decrypted (wrong key or damaged data)",
    },
    "error.wrong_passphrase": {
        "zh-CN": "备份密码不对，或备份文件已损坏；数据没有任何改动",
        "en": "the backup passphrase is wrong or the file is damaged; nothing was changed",
    },
    "error.not_sealed": {
        "zh-CN": "这不是加密备份文件",
        "en": "this is not an encrypted backup file",
    },
    "error.passphrase_too_short": {
        "zh-CN": "备份密码至少 8 个字符",
        "en": "the backup passphrase needs at least 8 characters",
    },
    "error.store_error": {
        "zh-CN": "数据库操作失败，没有保存任何内容",
        "en": "the database operation failed; nothing was saved",
    },
    "error.not_found": {
        "zh-CN": "找不到这条记录，可能已被删除",
        "en": "this record no longer exists; it may have been deleted",
    },
    "error.stale_record": {
        "zh-CN": "这条记录刚被其他人修改过。为避免覆盖对方的修改，本次未保存；请刷新后重新修改",
        "en": "someone else changed this record a moment ago. To avoid overwriting their change "
        "nothing was saved; reload it and make your change again",
    },
    "error.invalid_data": {"zh-CN": "数据无法保存", "en": "the data cannot be saved as it is"},
    "error.invalid_setting": {"zh-CN": "设置无效", "en": "the setting is not valid"},
    "error.database_unavailable": {
        "zh-CN": "无法打开数据库，请检查数据库设置或稍后再试",
        "en": "the database cannot be opened; check its setting or try again later",
    },
    "error.database_url_invalid": {
        "zh-CN": "数据库地址（REPAYTALK_DATABASE_URL）格式不正确",
        "en": "the database address (REPAYTALK_DATABASE_URL) is not valid",
    },
    "error.database_locked": {
        "zh-CN": "数据库正被其他程序占用，本次未保存，请稍后重试",
        "en": "the database is busy with another program; nothing was saved, try again shortly",
    },
    "error.database_read_only": {
        "zh-CN": "数据库是只读的，无法保存",
        "en": "the database is read-only; nothing can be saved",
    },
    "error.database_full": {
        "zh-CN": "磁盘已满，本次未保存。请腾出空间后重试",
        "en": "the disk is full and nothing was saved; free some space and try again",
    },
    "error.schema_error": {
        "zh-CN": "数据库结构无法升级",
        "en": "the database structure could not be upgraded",
    },
    "error.schema_too_new": {
        "zh-CN": "这个数据库来自更新版本的本工具，请先升级本工具",
        "en": "this database comes from a newer version of this tool; update the tool first",
    },
    # field labels used in messages (a field without a label shows its own name)
    "field.value": {"zh-CN": "输入", "en": "Input"},
    "field.amount": {"zh-CN": "金额", "en": "Amount"},
    "field.principal": {"zh-CN": "本金", "en": "Principal"},
    "field.annual_rate": {"zh-CN": "年利率", "en": "Annual rate"},
    "field.months": {"zh-CN": "期数", "en": "Term"},
    "field.monthly_fee_rate": {"zh-CN": "月费率", "en": "Monthly fee rate"},
    "field.rate_quote": {"zh-CN": "报价利率", "en": "Quoted rate"},
    "field.quote": {"zh-CN": "报价利率", "en": "Quoted rate"},
    "field.day_basis": {"zh-CN": "计息天数", "en": "Day count"},
    "field.name": {"zh-CN": "姓名", "en": "Name"},
    "field.mobile": {"zh-CN": "手机号", "en": "Mobile"},
    "field.id_number": {"zh-CN": "身份证号", "en": "ID number"},
    "field.household_size": {"zh-CN": "家庭人口", "en": "Household size"},
    "field.consent": {"zh-CN": "同意", "en": "Consent"},
    "field.creditor": {"zh-CN": "债权机构", "en": "Creditor"},
    "field.outstanding_principal": {"zh-CN": "剩余本金", "en": "Outstanding principal"},
    "field.remaining_months": {"zh-CN": "剩余期数", "en": "Remaining months"},
    "field.summary": {"zh-CN": "通话内容", "en": "Summary"},
    "field.agent_id": {"zh-CN": "客服工号", "en": "Agent ID"},
    "field.next_action_date": {"zh-CN": "下一步日期", "en": "Next-action date"},
    "field.waiver_share": {"zh-CN": "减免比例", "en": "Waiver share"},
    "field.database": {"zh-CN": "数据库", "en": "Database"},
}
