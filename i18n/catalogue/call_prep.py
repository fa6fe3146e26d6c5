"""Texts of the Call prep page: official channels, the scam check, documents, the script card."""

TEXT: dict[str, dict[str, str]] = {
    "prep.title": {"zh-CN": "通话准备", "en": "Call prep"},
    "prep.debt": {"zh-CN": "准备哪笔债务的通话", "en": "Preparing a call about"},
    # official channels
    "prep.channels.title": {"zh-CN": "官方联系渠道", "en": "Official channels"},
    "prep.channels.kind": {"zh-CN": "渠道", "en": "Channel"},
    "prep.channels.value": {"zh-CN": "号码 / 地址", "en": "Number or address"},
    "prep.channels.found": {"zh-CN": "在哪里找到的", "en": "Where it was found"},
    "prep.channels.found_placeholder": {
        "zh-CN": "如：APP“我的-客服中心”页面",
        "en": "e.g. the app's Me → Customer service page",
    },
    "prep.channels.none": {
        "zh-CN": "还没有记录这家机构的官方渠道。请从它的APP或官网查找客服电话，"
        "不要用搜索引擎广告或陌生短信里的号码。",
        "en": "No official channel recorded for this lender yet. Take the number from its app "
        "or official website, never from a search ad or a stranger's message.",
    },
    "prep.channels.add": {"zh-CN": "添加官方渠道", "en": "Add an official channel"},
    "prep.channels.save": {"zh-CN": "保存渠道", "en": "Save channel"},
    # scam check
    "prep.scam.title": {"zh-CN": "防诈骗核对", "en": "Scam check"},
    "prep.scam.help": {
        "zh-CN": "接通后（或收到“协商”消息时）逐项核对；出现红色警示就立即挂断。",
        "en": "Tick what happens on the call (or in a message offering help); hang up at "
        "any red flag.",
    },
    "prep.scam.number_source": {
        "zh-CN": "这个电话号码 / 联系方式从哪里来",
        "en": "Where the number or contact came from",
    },
    "prep.scam.number_source_placeholder": {
        "zh-CN": "请选择：号码是从哪里得到的？",
        "en": "Choose where the number came from",
    },
    "prep.scam.answer_source": {
        "zh-CN": "先回答上面的问题：这个号码是从哪里得到的。只有来自机构APP、官网或合同账单的号码"
        "才算核实过。",
        "en": "Answer the question above first: where did this number come from? Only a number "
        "from the lender's app, its official website or the contract or statement counts as "
        "checked.",
    },
    "prep.scam.q.asked_fee_before_plan": {
        "zh-CN": "对方要求先交手续费或保证金",
        "en": "A fee or deposit is asked for first",
    },
    "prep.scam.q.asked_transfer_to_personal_account": {
        "zh-CN": "对方要求转账到个人或陌生账户",
        "en": "Money is to go to a personal or unknown account",
    },
    "prep.scam.q.asked_password_or_sms_code": {
        "zh-CN": "对方索要密码或短信验证码",
        "en": "A password or SMS code is asked for",
    },
    "prep.scam.q.third_party_offers_paid_negotiation": {
        "zh-CN": "第三方收费代办“停息挂账”",
        "en": "A third party offers paid negotiation",
    },
    "prep.scam.q.pressed_to_act_now": {
        "zh-CN": "对方催促必须马上办理",
        "en": "Pressure to act right now",
    },
    "prep.scam.verified_identity": {
        "zh-CN": "对方是否核对了客户身份（姓名、证件后几位等）",
        "en": "Did they verify the client's identity (name, ID digits…)?",
    },
    "prep.scam.yes": {"zh-CN": "核对了", "en": "Yes"},
    "prep.scam.no": {"zh-CN": "没有核对", "en": "No"},
    "prep.scam.unknown": {"zh-CN": "不确定", "en": "Not sure"},
    "prep.scam.stop": {"zh-CN": "停止！立即挂断", "en": "STOP — hang up now"},
    "prep.scam.severity.high": {"zh-CN": "高风险", "en": "High"},
    "prep.scam.severity.medium": {"zh-CN": "注意", "en": "Caution"},
    # documents
    "prep.docs.title": {"zh-CN": "材料清单", "en": "Documents"},
    "prep.docs.progress": {
        "zh-CN": "已备齐 {ready} / {total} 项",
        "en": "{ready} of {total} ready",
    },
    "prep.docs.save": {"zh-CN": "保存清单", "en": "Save checklist"},
    "prep.docs.poa_missing": {
        "zh-CN": "这次由顾问代客户打电话，但清单上还没有勾选授权委托书。请在下面的“授权委托书”"
        "中生成并打印，让客户签字，再回到这里勾选。",
        "en": "A counselor calls for the client, but the power of attorney is not ticked on "
        "the checklist. Make and print it under “Power of attorney” below, have the client "
        "sign it, then tick it here.",
    },
    # who makes the call
    "prep.caller.label": {"zh-CN": "谁打这通电话", "en": "Who makes the call"},
    "prep.caller.counselor": {
        "zh-CN": "顾问代客户打",
        "en": "A counselor, for the client",
    },
    "prep.caller.client": {"zh-CN": "客户本人打", "en": "The client themselves"},
    "prep.caller.help": {
        "zh-CN": "顾问代客户协商时需要客户签字的授权委托书；客户本人打电话则不需要。",
        "en": "A counselor negotiating for the client needs the client's signed power of "
        "attorney; a client calling themselves does not.",
    },
    # script card
    "prep.script.title": {"zh-CN": "通话话术卡", "en": "Script card"},
    "prep.script.no_proposal": {
        "zh-CN": "这笔债务还没有保存的协商方案。先在“协商方案”页面保存一个方案，"
        "话术卡会自动填入金额和期数。",
        "en": "No proposal is saved for this debt yet. Save one on the Proposals page and the "
        "card fills in its figures.",
    },
    "prep.script.proposal": {"zh-CN": "依据的方案", "en": "Proposal to put forward"},
    "prep.script.agreed": {"zh-CN": "已达成", "en": "agreed"},
    "prep.script.download": {
        "zh-CN": "下载话术卡（PDF，可打印）",
        "en": "Download the card (PDF to print)",
    },
    "prep.script.download_help": {
        "zh-CN": "A4 版面，打印出来放在电话旁边；金额和编号不会被拆到两行。",
        "en": "An A4 page to print and keep by the phone; no figure is split across lines.",
    },
}
