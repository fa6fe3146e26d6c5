"""Texts of the proposal comparison page (``app_pages/proposals.py``)."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "proposals.intro": {
        "zh-CN": "为一笔欠款比较几种协商方案（以 {date} 为起算日），"
        "选定一个向机构提出，并生成可直接照读的话术。",
        "en": "Compare proposals for one debt (counted from {date}), pick the one to put to the "
        "lender, and get a sentence ready to say.",
    },
    "proposals.no_debts": {
        "zh-CN": "这位客户还没有录入欠款。请先在“债务”页添加。",
        "en": "This client has no debts recorded yet. Add them on the Debts page first.",
    },
    # kinds
    "proposals.kind.baseline": {"zh-CN": "按原合同", "en": "Contract as it stands"},
    "proposals.kind.term_extension": {"zh-CN": "延长期数", "en": "Term extension"},
    "proposals.kind.interest_waiver": {"zh-CN": "减免息费", "en": "Interest waiver"},
    "proposals.kind.lump_sum_settlement": {"zh-CN": "一次性结清", "en": "Lump-sum settlement"},
    "proposals.kind.combination": {"zh-CN": "延期 + 减免", "en": "Extension + waiver"},
    "proposals.kind.stop_interest": {"zh-CN": "停息挂账", "en": "Stop interest (freeze)"},
    "proposals.kind.principal_first": {"zh-CN": "先还本金", "en": "Principal first"},
    "proposals.kind.down_payment": {"zh-CN": "首付 + 分期", "en": "Down payment + installments"},
    "proposals.detail.waiver": {"zh-CN": "减免{share}", "en": "{share} waived"},
    "proposals.detail.down": {"zh-CN": "首付{amount}", "en": "{amount} down"},
    "proposals.detail.parts": {"zh-CN": "分{n}笔", "en": "in {n} parts"},
    "proposals.minimum_label": {
        "zh-CN": "最低还款方案 · {months}",
        "en": "Minimum plan · {months}",
    },
    # inputs
    "proposals.input.debt": {"zh-CN": "欠款", "en": "Debt"},
    "proposals.input.share": {
        "zh-CN": "每月可用于这笔欠款的金额（元）",
        "en": "Monthly amount for this debt (¥)",
    },
    "proposals.help.share": {
        "zh-CN": "默认按最新预算的每月可还款额在各笔欠款间分配；可以修改。",
        "en": "By default the latest budget's monthly capacity shared between the debts; you "
        "can change it.",
    },
    "proposals.share.note": {
        "zh-CN": "每月可还款额 {capacity} 在 {count} 笔欠款间分配，这笔分得 {share}。",
        "en": {
            "one": "The {capacity} monthly capacity, with {count} debt to pay, all goes to this "
            "one: {share}.",
            "other": "The {capacity} monthly capacity shared between {count} debts gives this "
            "one {share}.",
        },
    },
    "proposals.share.no_budget": {
        "zh-CN": "还没有预算：默认填入合同本月应还额，请在“还款能力”页录入预算后再核对。",
        "en": "No budget yet: this month's contract payment is filled in; record a budget on "
        "the Affordability page and check it again.",
    },
    "proposals.input.kinds_placeholder": {
        "zh-CN": "选择要比较的方案",
        "en": "Choose the proposals to compare",
    },
    "proposals.input.kinds": {"zh-CN": "要比较的方案", "en": "Proposals to compare"},
    "proposals.input.months": {"zh-CN": "期数（月）", "en": "Term (months)"},
    "proposals.help.months": {
        "zh-CN": "用于延期、延期 + 减免、停息挂账、先还本金和首付 + 分期；最长 60 期。",
        "en": "Used by extension, extension + waiver, stop interest, principal first and down "
        "payment; at most 60 months.",
    },
    "proposals.input.waiver": {
        "zh-CN": "减免已产生息费的比例（%）",
        "en": "Share of accrued interest waived (%)",
    },
    "proposals.help.waiver": {
        "zh-CN": "已产生的利息和罚息中请求减免的比例，0 到 100。",
        "en": "The share of accrued interest and penalties to ask to be waived, 0 to 100.",
    },
    "proposals.input.rate": {
        "zh-CN": "新的年利率（%，可不填）",
        "en": "New annual rate (%, optional)",
    },
    "proposals.placeholder.rate": {"zh-CN": "不填则按原利率", "en": "empty: the contract's rate"},
    "proposals.help.rate": {
        "zh-CN": "用于减免息费和延期 + 减免：今后按这个年利率计息。",
        "en": "For the waiver and extension + waiver: the annual rate charged from now on.",
    },
    "proposals.input.down": {"zh-CN": "首付金额（元）", "en": "Down payment (¥)"},
    "proposals.input.settle_amount": {"zh-CN": "结清总额（元）", "en": "Settlement total (¥)"},
    "proposals.input.parts": {"zh-CN": "结清款分几笔付", "en": "Settlement paid in"},
    "proposals.input.part_date": {"zh-CN": "第 {n} 笔付款日", "en": "Part {n} due on"},
    "proposals.error.waiver": {
        "zh-CN": "减免比例须在 0% 到 100% 之间",
        "en": "the waiver must be between 0% and 100%",
    },
    "proposals.error.rate": {
        "zh-CN": "年利率须在 0% 到 100% 之间，或留空",
        "en": "the annual rate must be between 0% and 100%, or left empty",
    },
    "proposals.error.amount": {
        "zh-CN": "请输入大于 0 的金额（如 5000 或 5,000.50）",
        "en": "enter an amount above 0 (e.g. 5000 or 5,000.50)",
    },
    "proposals.error.past_date": {
        "zh-CN": "付款日期不能早于今天",
        "en": "a payment date cannot be in the past",
    },
    "proposals.error.date_order": {
        "zh-CN": "各笔日期须按先后顺序填写",
        "en": "the parts' dates must be in order",
    },
    # results
    "proposals.compare.title": {"zh-CN": "方案对比", "en": "Side by side"},
    "proposals.col.proposal": {"zh-CN": "方案", "en": "Proposal"},
    "proposals.col.payment": {"zh-CN": "月供（最高）", "en": "Highest payment"},
    "proposals.col.months": {"zh-CN": "期数", "en": "Months"},
    "proposals.col.total": {"zh-CN": "还款总额", "en": "Total paid"},
    "proposals.col.cost": {"zh-CN": "比所欠多付", "en": "Cost beyond owed"},
    "proposals.col.rate": {"zh-CN": "年化成本", "en": "Yearly cost"},
    "proposals.col.saving": {"zh-CN": "对比原合同", "en": "Vs contract"},
    "proposals.cost.waiver": {
        "zh-CN": "减免 {amount}（占所欠的 {share}）",
        "en": "waiver of {amount} ({share} of what is owed)",
    },
    "proposals.vs.less": {"zh-CN": "少还 {amount}", "en": "you pay {amount} less"},
    "proposals.vs.more": {
        "zh-CN": "比原合同多还 {amount}",
        "en": "you pay {amount} more than the contract",
    },
    "proposals.compare.owed": {
        "zh-CN": "现在所欠 {owed}（本金 {principal} + 已产生的利息和罚息 {arrears}）。"
        "“比所欠多付”是每个方案在此之外要付的钱；“年化成本”按现在所欠折算，只在多付时显示；"
        "少还的部分显示为减免。",
        "en": "Owed today: {owed} ({principal} of principal + {arrears} of accrued interest "
        "and penalties). 'Cost beyond owed' is what each plan pays on top of it; its 'Yearly "
        "cost' on what is owed is shown only when it costs more, and a plan that repays less "
        "shows the waiver it asks for.",
    },
    "proposals.recommended_if_agreed": {
        "zh-CN": "建议提出（需机构同意）：{label}",
        "en": "Recommended, if the lender agrees: {label}",
    },
    "proposals.col.affordable": {"zh-CN": "还得起吗", "en": "Fits"},
    "proposals.yes": {"zh-CN": "✓ 还得起", "en": "✓ Yes"},
    "proposals.no": {"zh-CN": "✗ 超出", "en": "✗ No"},
    "proposals.recommended": {"zh-CN": "建议提出：{label}", "en": "Recommended: {label}"},
    "proposals.none_affordable": {
        "zh-CN": "所比较的方案都超出每月可还金额",
        "en": "None of these proposals fits the monthly amount",
    },
    "proposals.minimum.title": {
        "zh-CN": "最低还款方案（按原利率延长期数）",
        "en": "Minimum plan (the contract's rate, a longer term)",
    },
    # charts
    "proposals.chart.payment.title": {"zh-CN": "每月还款额", "en": "Monthly payment"},
    "proposals.chart.payment.y": {"zh-CN": "每月还款（元）", "en": "Payment (¥ a month)"},
    "proposals.chart.payment.hover": {"zh-CN": "当月还款", "en": "Paid this month"},
    "proposals.chart.cumulative.title": {"zh-CN": "累计已还金额", "en": "Amount paid so far"},
    "proposals.chart.cumulative.y": {"zh-CN": "累计（元）", "en": "Paid so far (¥)"},
    "proposals.chart.cumulative.hover": {"zh-CN": "累计已还", "en": "Paid so far"},
    "proposals.chart.x": {"zh-CN": "第几个月（0 = 今天）", "en": "Month (0 = today)"},
    "proposals.chart.limit": {"zh-CN": "每月可还 {amount}", "en": "Can pay {amount}"},
    # saving
    "proposals.save.title": {
        "zh-CN": "保存为向机构提出的方案",
        "en": "Save as the proposal to put to the lender",
    },
    "proposals.save.which": {"zh-CN": "方案", "en": "Proposal"},
    "proposals.save.note": {"zh-CN": "名称（可不填）", "en": "Name (optional)"},
    "proposals.save.button": {"zh-CN": "保存方案", "en": "Save proposal"},
    "proposals.save.done": {"zh-CN": "方案已保存", "en": "Proposal saved"},
    "proposals.saved.title": {
        "zh-CN": "已保存的方案与话术",
        "en": "Saved proposal and what to say",
    },
    "proposals.saved.none": {
        "zh-CN": "这笔欠款还没有保存方案。",
        "en": "No proposal saved for this debt yet.",
    },
    "proposals.saved.current": {
        "zh-CN": "已保存，准备向机构提出：{title}（{label}）",
        "en": "Saved — to put to the lender: {title} ({label})",
    },
    "proposals.saved.current_untitled": {
        "zh-CN": "已保存，准备向机构提出：{label}",
        "en": "Saved — to put to the lender: {label}",
    },
    "proposals.agreed.title": {
        "zh-CN": "机构已同意这个方案？",
        "en": "Did the lender agree to this proposal?",
    },
    "proposals.agreed.date": {"zh-CN": "达成一致的日期", "en": "Date agreed"},
    "proposals.agreed.button": {"zh-CN": "记为已达成一致", "en": "Record as agreed"},
    "proposals.refused.button": {"zh-CN": "机构拒绝了这个方案", "en": "The lender refused it"},
    "proposals.refused.done": {
        "zh-CN": "已记为被拒绝；下一步可在“今日待办”查看。",
        "en": "Recorded as refused; the next step is on Today.",
    },
    "proposals.refused.already": {
        "zh-CN": "机构拒绝了这个方案，它作为记录保留。可以调整后另存一个方案再提。",
        "en": "The lender refused this proposal; it is kept as a record. Adjust it and save a "
        "new one to put forward.",
    },
    "proposals.agreed.done": {
        "zh-CN": "已记录：机构同意了这个方案",
        "en": "Recorded: the lender agreed to this proposal",
    },
    "proposals.agreed.already": {
        "zh-CN": "机构已于 {date} 同意这个方案。还款计划按当天的约定保存，"
        "“今日待办”和“分享方案”页面会据此提醒还款。",
        "en": "The lender agreed to this proposal on {date}. Its plan is kept as agreed that "
        "day; the Today and Share pages remind the client of its installments.",
    },
    "proposals.saved.earlier": {"zh-CN": "更早保存的 {n} 个方案", "en": "{n} saved earlier"},
    "proposals.pitch.language": {"zh-CN": "话术语言", "en": "Language of the sentence"},
    "proposals.pitch.title": {"zh-CN": "可以这样说", "en": "What to say"},
    "proposals.pitch.above_share": {
        "zh-CN": "注意：这个方案的月供超过了每月可用于这笔欠款的金额。",
        "en": "Careful: this proposal's payment is above what the client can put towards this "
        "debt each month.",
    },
}
