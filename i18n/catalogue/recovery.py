"""Texts of the lender's side: what each proposal is worth to the lender
(:mod:`core.rules.recovery`), its chart and its words (:mod:`charts.recovery`).

Every default of the estimate is an assumption, not data, and the texts say so where they show
the figures; the sentence a counselor can say starts "按我们的估算" / "By our estimate".
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "recovery.title": {
        "zh-CN": "对机构来说，每个方案值多少",
        "en": "What each proposal is worth to the lender",
    },
    "recovery.intro": {
        "zh-CN": "按机构的资金成本折成今天的钱（现值），并计入客户中途违约的可能：违约后机构只能"
        "催收回剩余欠款的一部分。与不达成协议、走催收和诉讼相比，机构能多收回多少一目了然。",
        "en": "Each plan's payments in today's money at the lender's cost of funds (present "
        "value), allowing for the chance that the client breaks the plan, after which the lender "
        "collects only part of what is left. Set against no agreement — collection and "
        "litigation — it shows how much more the lender can expect to recover.",
    },
    "recovery.estimate_note": {
        "zh-CN": "这是按下列假设算出的估算，不是数据。假设可以修改。",
        "en": "This is an estimate from the assumptions below, not data. You can change them.",
    },
    # the chart
    "recovery.chart.title": {
        "zh-CN": "各方案对机构的价值（现值）",
        "en": "What each proposal is worth to the lender (present value)",
    },
    "recovery.chart.x": {"zh-CN": "现值（元）", "en": "Present value (¥)"},
    "recovery.chart.proposals": {"zh-CN": "协商方案", "en": "Proposals"},
    "recovery.chart.no_agreement": {
        "zh-CN": "不达成协议（催收、诉讼）",
        "en": "No agreement (collection, litigation)",
    },
    "recovery.chart.hover": {"zh-CN": "现值", "en": "Present value"},
    "recovery.chart.note": {
        "zh-CN": "按假设估算，不是数据",
        "en": "Estimate from assumptions, not data",
    },
    # one row of the comparison
    "recovery.row": {
        "zh-CN": "现值 {value}（按期还款 {payments}，违约后催收 {collection}），"
        "约为欠款的 {share}；按期还完的概率 {completion}。",
        "en": "Present value {value} ({payments} from payments, {collection} from collection "
        "after a break), about {share} of what is owed; chance the plan is kept to the end: "
        "{completion}.",
    },
    "recovery.row.nothing_owed": {
        "zh-CN": "现值 {value}（按期还款 {payments}，违约后催收 {collection}）；"
        "按期还完的概率 {completion}。",
        "en": "Present value {value} ({payments} from payments, {collection} from collection "
        "after a break); chance the plan is kept to the end: {completion}.",
    },
    "recovery.no_agreement.row": {
        "zh-CN": "不达成协议：{delay}后预计收回 {recovered}，扣除成本 {costs}，现值 {value}。",
        "en": "No agreement: {recovered} expected to be recovered in {delay}, less {costs} of "
        "costs: {value} today.",
    },
    # where the break chance came from
    "recovery.break_source.counselor": {
        "zh-CN": "每月违约概率 {chance}：您设定的。",
        "en": "Monthly chance of a break {chance}: set by you.",
    },
    "recovery.break_source.within_capacity": {
        "zh-CN": "每月违约概率 {chance}：每期还款都在客户可还范围内（假设）。",
        "en": "Monthly chance of a break {chance}: every payment is within what the client can "
        "pay (an assumption).",
    },
    "recovery.break_source.beyond_capacity": {
        "zh-CN": "每月违约概率 {chance}：有的月份还款超出客户可还范围（假设）。",
        "en": "Monthly chance of a break {chance}: some month's payment is beyond what the "
        "client can pay (an assumption).",
    },
    "recovery.break_source.unknown_capacity": {
        "zh-CN": "每月违约概率 {chance}：还没有预算，不知道能否负担，按较高的概率算（假设）。",
        "en": "Monthly chance of a break {chance}: no budget yet, so whether the client can "
        "afford it is unknown; the higher chance is used (an assumption).",
    },
    # the sentence to say
    "recovery.sentence.title": {"zh-CN": "可以这样对机构说", "en": "What to tell the lender"},
    "recovery.sentence.more": {
        "zh-CN": "按我们的估算，按这个方案贵司预计能收回{plan}（折合现值），"
        "而不达成协议、走催收和诉讼预计只能收回{no_agreement}。",
        "en": "By our estimate, under this plan you can expect to recover {plan} (in today's "
        "money), while without an agreement, collection and litigation would be expected to "
        "recover only {no_agreement}.",
    },
    "recovery.sentence.not_more": {
        "zh-CN": "按我们的估算，这个方案对机构的现值{plan}不高于不达成协议的{no_agreement}，"
        "不宜用这个理由说服机构。",
        "en": "By our estimate this plan is worth {plan} to the lender today, no more than the "
        "{no_agreement} expected without an agreement: do not use this argument for it.",
    },
    # the assumptions, each shown with its value
    "recovery.assumptions.title": {
        "zh-CN": "估算的假设（不是数据，可修改）",
        "en": "Assumptions of the estimate (not data; you can change them)",
    },
    "recovery.assumption.cost_of_funds": {
        "zh-CN": "机构资金成本：年化 {rate}（消费金融公司借入资金的大致成本）。",
        "en": "Lender's cost of funds: {rate} a year (roughly what a consumer lender pays for "
        "its money).",
    },
    "recovery.assumption.break_chances": {
        "zh-CN": "客户中途违约的每月概率：还款在可还范围内 {within}，超出 {beyond}"
        "（假设，不是统计数据）。",
        "en": "Monthly chance the client breaks the plan: {within} when the payments are "
        "within what they can pay, {beyond} when beyond (assumptions, not statistics).",
    },
    "recovery.assumption.break_chance": {
        "zh-CN": "客户中途违约的每月概率：{chance}（您设定的）。",
        "en": "Monthly chance the client breaks the plan: {chance} (set by you).",
    },
    "recovery.assumption.after_break": {
        "zh-CN": "违约后：{delay}后催收回剩余应还的 {share}，催收成本为收回金额的 {cost}。",
        "en": "After a break: {share} of what is left under the plan collected {delay} later, "
        "at a cost of {cost} of what is collected.",
    },
    "recovery.assumption.no_agreement": {
        "zh-CN": "不达成协议：{delay}后通过催收和诉讼收回欠款的 {share}，"
        "成本为收回金额的 {cost}，另加诉讼费用 {legal}。",
        "en": "No agreement: collection and litigation recover {share} of what is owed {delay} "
        "later, at a cost of {cost} of what is recovered plus {legal} of legal costs.",
    },
    # inputs, for the page that lets the counselor change the assumptions
    "recovery.input.cost_of_funds": {
        "zh-CN": "机构资金成本（年化，%）",
        "en": "Lender's cost of funds (% a year)",
    },
    "recovery.help.cost_of_funds": {
        "zh-CN": "默认 4%：一年期 LPR 加少许利差，是假设。银行更低，小型网贷平台更高。0 到 50。",
        "en": "Default 4 %: about the one-year LPR plus a margin, an assumption. Lower for a "
        "bank, higher for a small online lender. 0 to 50.",
    },
    "recovery.input.break_within": {
        "zh-CN": "能负担时每月违约概率（%）",
        "en": "Monthly break chance when affordable (%)",
    },
    "recovery.input.break_beyond": {
        "zh-CN": "超出能力时每月违约概率（%）",
        "en": "Monthly break chance when not affordable (%)",
    },
    "recovery.help.break_chances": {
        "zh-CN": "默认 1% 和 6%：24 个月里约 21% 和 77% 的方案中途违约。这是假设，"
        "不是统计数据；了解这位客户或这家机构时请修改。0 到 100。",
        "en": "Defaults 1 % and 6 %: over 24 months about 21 % and 77 % of plans broken. These "
        "are assumptions, not statistics; change them when you know this client or lender. "
        "0 to 100.",
    },
    "recovery.input.after_break_share": {
        "zh-CN": "违约后收回剩余应还的比例（%）",
        "en": "Share collected after a break (%)",
    },
    "recovery.input.after_break_delay": {
        "zh-CN": "违约后多久收回（月）",
        "en": "Months until collected after a break",
    },
    "recovery.input.after_break_cost": {
        "zh-CN": "违约后催收成本（收回金额的 %）",
        "en": "Cost of collecting after a break (% of what is collected)",
    },
    "recovery.input.no_agreement_share": {
        "zh-CN": "不达成协议时收回欠款的比例（%）",
        "en": "Share recovered without an agreement (%)",
    },
    "recovery.input.no_agreement_delay": {
        "zh-CN": "不达成协议时多久收回（月）",
        "en": "Months until recovered without an agreement",
    },
    "recovery.input.no_agreement_cost": {
        "zh-CN": "催收和诉讼成本（收回金额的 %）",
        "en": "Cost of collection and litigation (% of what is recovered)",
    },
    "recovery.input.legal_costs": {
        "zh-CN": "诉讼费用（元）",
        "en": "Legal costs (¥)",
    },
    "recovery.help.delays": {
        "zh-CN": "0 到 120 个月。判决和执行通常要一年以上。",
        "en": "0 to 120 months. A judgment and its enforcement usually take a year or more.",
    },
}
