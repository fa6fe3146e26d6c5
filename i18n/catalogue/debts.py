"""Texts of the Debts page."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "debts.title": {"zh-CN": "债务", "en": "Debts"},
    "debts.intro": {
        "zh-CN": "按债权机构给出的口径录入每笔债务（月费率、日利率、年利率、实际到手金额），"
        "页面会算出真实年化利率，并对照法定利率红线。",
        "en": "Enter each debt the way the lender quotes it (monthly fee, daily, annual rate, "
        "amount actually received); the page works out the true annualized rate and checks it "
        "against the legal rate lines.",
    },
    "debts.none": {
        "zh-CN": "这位客户还没有录入债务。请在下方按机构账单或APP上的数字添加：债权机构、剩余本金、"
        "报价方式和利率、剩余期数就够开始计算；有逾期的，再填逾期金额、天数和已产生的息费。",
        "en": "No debts recorded for this client yet. Add one below from the lender's statement "
        "or app: the creditor, the principal left, how the rate is quoted and the months left "
        "are enough to start; if anything is overdue, add the overdue amount, the days and the "
        "interest and penalties accrued.",
    },
    "debts.list": {"zh-CN": "债务一览", "en": "All debts"},
    "debts.col.creditor": {"zh-CN": "债权机构", "en": "Creditor"},
    "debts.col.type": {"zh-CN": "类型", "en": "Type"},
    "debts.col.owed": {"zh-CN": "欠款合计", "en": "Owed"},
    "debts.col.overdue": {"zh-CN": "逾期", "en": "Overdue"},
    "debts.col.quoted": {"zh-CN": "报价", "en": "Quoted"},
    "debts.col.quoted_annual": {"zh-CN": "报价折年", "en": "Per year"},
    "debts.col.true_rate": {"zh-CN": "真实年化", "en": "True rate"},
    "debts.col.demand": {"zh-CN": "本月应还", "en": "This month"},
    "debts.col.months": {"zh-CN": "剩余期数", "en": "Months"},
    "debts.col.flag": {"zh-CN": "利率红线", "en": "Rate lines"},
    "debts.flag.above": {"zh-CN": "⚠ {what}超过 {line}", "en": "⚠ {what} above {line}"},
    "debts.flag.what.contract": {"zh-CN": "利率", "en": "rate"},
    "debts.flag.what.penalty": {"zh-CN": "罚息", "en": "penalty rate"},
    "debts.flag.what.plan": {"zh-CN": "方案利率", "en": "plan's rate"},
    "debts.flag.separator": {"zh-CN": "；", "en": "; "},
    "debts.rates_note": {
        "zh-CN": "“报价折年”是机构报价按字面折成一年（月费率×12、日利率×计息天数）；"
        "“真实年化”是合同正常还款计划的内部收益率×12，不含逾期部分。两者差得越多，报价越有误导性。"
        "“本月应还”是合同现在要求还的金额，含逾期部分。",
        "en": "'Per year' is the lender's quote taken at face value for a year (a monthly fee × "
        "12, a daily rate × its day basis); 'True rate' is the true annual rate, the IRR × 12 of "
        "the contract's regular schedule, arrears left out. The wider the gap, the more "
        "misleading the quote. 'This month' is what the contract demands now, arrears included.",
    },
    "debts.basis.regular_schedule": {
        "zh-CN": "真实年化按合同正常还款计划计算：当前本金 {current}（不含逾期本金），"
        "{n} 期，每期 {payment}。",
        "en": {
            "one": "True rate from the contract's regular schedule: {current} of current "
            "principal (overdue principal left out) over {n} month at {payment}.",
            "other": "True rate from the contract's regular schedule: {current} of current "
            "principal (overdue principal left out) over {n} months at {payment}.",
        },
    },
    "debts.basis.original_loan": {
        "zh-CN": "真实年化按原借款计算：合同本金 {principal}，{n} 期，实际到手 {received}。",
        "en": {
            "one": "True rate from the original loan: {principal} of principal over {n} month, "
            "{received} actually received.",
            "other": "True rate from the original loan: {principal} of principal over {n} "
            "months, {received} actually received.",
        },
    },
    "debts.basis.needs_original_loan": {
        "zh-CN": "这笔借款的费用按原借款本金收取（或放款时预扣了费用），真实年化需要原借款信息："
        "请填写原借款本金和期数，否则上面的数字偏低。",
        "en": "This loan's fee is charged on the original principal (or was deducted up "
        "front): the true rate needs the original loan. Enter its principal and term; until "
        "then the figure above is too low.",
    },
    "debts.basis_for": {"zh-CN": "{creditor}：{text}", "en": "{creditor}: {text}"},
    "debts.basis.none": {
        "zh-CN": "全部本金已逾期，没有正常还款计划，无法计算真实年化。",
        "en": "All the principal is overdue: there is no regular schedule to take a true rate "
        "from.",
    },
    "debts.flag.within": {"zh-CN": "✓ 未超过", "en": "✓ within"},
    "debts.flag.unknown": {"zh-CN": "? 无法判断", "en": "? unknown"},
    "debts.flag.none": {"zh-CN": "—", "en": "—"},
    "debts.overdue_days": {
        "zh-CN": "{amount}（{n} 天）",
        "en": {"one": "{amount} ({n} day)", "other": "{amount} ({n} days)"},
    },
    "debts.quote.annual": {"zh-CN": "年利率 {rate}", "en": "{rate} a year"},
    "debts.quote.monthly": {"zh-CN": "月利率 {rate}", "en": "{rate} a month"},
    "debts.quote.daily": {
        "zh-CN": "日利率 {rate}（{basis} 天）",
        "en": "{rate} a day ({basis}-day)",
    },
    "debts.quote.monthly_fee": {"zh-CN": "月费率 {rate}", "en": "{rate} fee a month"},
    "debts.total_owed": {"zh-CN": "欠款合计", "en": "Total owed"},
    "debts.total_overdue": {"zh-CN": "逾期合计", "en": "Total overdue"},
    "debts.total_demand": {"zh-CN": "本月合同应还", "en": "Due this month"},
    "debts.capacity": {"zh-CN": "每月可还款额", "en": "Monthly capacity"},
    "debts.no_budget": {
        "zh-CN": "尚未保存收支预算，请先在“还款能力”页面填写。",
        "en": "No budget saved yet; fill it in on the Affordability page first.",
    },
    "debts.flags_title": {"zh-CN": "利率红线说明", "en": "Rate lines explained"},
    "debts.flags_for": {"zh-CN": "{creditor}", "en": "{creditor}"},
    "debts.no_flags": {
        "zh-CN": "没有适用于这笔债务的利率红线。",
        "en": "No rate line applies to this debt.",
    },
    # editor
    "debts.pick": {"zh-CN": "要编辑的债务", "en": "Debt to edit"},
    "debts.pick_new": {"zh-CN": "（新增债务）", "en": "(new debt)"},
    "debts.new_title": {"zh-CN": "新增债务", "en": "New debt"},
    "debts.edit_title": {"zh-CN": "编辑债务", "en": "Edit debt"},
    "debts.section.lender": {"zh-CN": "债权机构与合同", "en": "Lender and contract"},
    "debts.section.balance": {"zh-CN": "欠款与逾期", "en": "Balance and arrears"},
    "debts.section.rate": {
        "zh-CN": "利率（按机构的报价口径）",
        "en": "Rate (as the lender quotes it)",
    },
    "debts.creditor": {"zh-CN": "债权机构名称", "en": "Creditor"},
    "debts.lender_type": {"zh-CN": "机构类型", "en": "Lender type"},
    "debts.product": {"zh-CN": "产品名称（选填）", "en": "Product (optional)"},
    "debts.contract_number": {"zh-CN": "合同编号/订单号", "en": "Contract or order number"},
    "debts.contract_date": {"zh-CN": "签约日期", "en": "Contract date"},
    "debts.amount_received": {
        "zh-CN": "实际到手金额（选填）",
        "en": "Amount actually received (optional)",
    },
    "debts.amount_received_help": {
        "zh-CN": "放款时实际到账的金额；若被预扣了费用，会低于合同本金",
        "en": "What actually reached the client; below the contract principal when fees were "
        "deducted up front",
    },
    "debts.original_principal": {
        "zh-CN": "原借款本金（选填）",
        "en": "Original principal (optional)",
    },
    "debts.original_principal_help": {
        "zh-CN": "借款合同上的本金。按原本金收费（月费率）或放款时预扣费用的借款，"
        "真实年化要按原借款计算",
        "en": "The principal on the contract. When a fee is charged on the original principal "
        "(a monthly fee) or deducted up front, the true rate is the original loan's",
    },
    "debts.original_months": {"zh-CN": "原借款期数（月，选填）", "en": "Original term (months)"},
    "debts.original_note": {
        "zh-CN": "填了原借款本金和期数，真实年化就按原借款（实际到手金额对原还款计划）计算。",
        "en": "With the original principal and term, the true rate is the original loan's: the "
        "amount received against its schedule.",
    },
    "debts.outstanding": {
        "zh-CN": "剩余本金（含逾期本金）",
        "en": "Principal left (overdue included)",
    },
    "debts.overdue_amount": {"zh-CN": "其中逾期本金", "en": "Of which overdue"},
    "debts.days_overdue": {"zh-CN": "逾期天数", "en": "Days overdue"},
    "debts.accrued": {"zh-CN": "已产生的利息和罚息", "en": "Accrued interest and penalties"},
    "debts.penalty_rate": {"zh-CN": "罚息年利率 %", "en": "Penalty rate % a year"},
    "debts.rate_kind": {"zh-CN": "报价方式", "en": "Quoted as"},
    "debts.rate_quote": {"zh-CN": "报价利率 %", "en": "Quoted rate %"},
    "debts.rate_quote_help": {
        "zh-CN": "按百分比填写：日息万五填 0.05，月费率 0.68% 填 0.68，年化 18% 填 18",
        "en": "As a percentage: 0.05 for 0.05 % a day, 0.68 for a 0.68 % monthly fee, 18 for "
        "18 % a year",
    },
    "debts.day_basis": {"zh-CN": "一年按几天计息", "en": "Days in the year"},
    "debts.method": {"zh-CN": "还款方式", "en": "Repayment method"},
    "debts.method_fee_note": {
        "zh-CN": "月费率报价按“分期手续费”方式计算：每月按初始本金收费。",
        "en": "A monthly fee quote uses the flat monthly fee method: the fee is charged on the "
        "original principal every month.",
    },
    "debts.remaining_months": {"zh-CN": "剩余期数（月）", "en": "Months left"},
    "debts.next_due": {"zh-CN": "下一个还款日", "en": "Next due date"},
    "debts.other_charges": {"zh-CN": "其他每月费用（如会员费）", "en": "Other monthly charges"},
    "debts.preview": {"zh-CN": "按当前填写计算", "en": "As entered"},
    "debts.preview_quoted": {"zh-CN": "报价折合年利率", "en": "Quote as a yearly rate"},
    "debts.preview_true": {"zh-CN": "真实年化利率", "en": "True annualized rate"},
    "debts.preview_demand": {"zh-CN": "本月应还", "en": "Due this month"},
    "debts.preview_regular": {"zh-CN": "之后每月", "en": "Each month after"},
    "debts.save_new": {"zh-CN": "保存新债务", "en": "Save new debt"},
    "debts.save": {"zh-CN": "保存修改", "en": "Save changes"},
    "debts.saved": {"zh-CN": "债务已保存。", "en": "Debt saved."},
    "debts.unsaved": {"zh-CN": "有未保存的修改", "en": "Unsaved changes"},
    "debts.discard": {"zh-CN": "放弃修改", "en": "Discard changes"},
    "debts.delete": {"zh-CN": "删除债务", "en": "Delete debt"},
    "debts.delete_confirm": {
        "zh-CN": "确定删除 {creditor} 这笔债务吗？",
        "en": "Delete the debt with {creditor}?",
    },
    "debts.delete_yes": {"zh-CN": "确认删除", "en": "Yes, delete"},
    "debts.delete_no": {"zh-CN": "取消", "en": "Cancel"},
    "debts.deleted": {"zh-CN": "债务已删除。", "en": "Debt deleted."},
    # allocation and payoff
    "debts.allocation_title": {"zh-CN": "每月可还款额如何分给各家", "en": "Sharing the capacity"},
    "debts.strategy": {"zh-CN": "分配方式", "en": "How to share"},
    "debts.budget_amount": {"zh-CN": "每月用于还款的金额", "en": "Monthly amount for debts"},
    "debts.budget_amount_help": {
        "zh-CN": "默认为预算算出的每月可还款额，可临时调整试算（不会保存）",
        "en": "The budget's capacity by default; change it to try other amounts (not saved)",
    },
    "debts.col.minimum": {"zh-CN": "合同应还", "en": "Contract demand"},
    "debts.col.share": {"zh-CN": "分到金额", "en": "Allocated"},
    "debts.col.covers": {"zh-CN": "够不够", "en": "Enough?"},
    "debts.covers.yes": {"zh-CN": "✓ 够", "en": "✓ yes"},
    "debts.covers.no": {"zh-CN": "✗ 不够", "en": "✗ no"},
    "debts.payoff_title": {"zh-CN": "还清计划", "en": "Payoff plan"},
    "debts.debt_free": {"zh-CN": "预计还清日期", "en": "Debt-free by"},
    "debts.payoff_months": {"zh-CN": "所需时间", "en": "Time needed"},
    "debts.total_interest": {"zh-CN": "期间利息和费用", "en": "Interest and fees meanwhile"},
    "debts.chart.title": {"zh-CN": "各笔欠款余额变化", "en": "Balances month by month"},
    "debts.chart.x": {"zh-CN": "月份", "en": "Month"},
    "debts.chart.y": {"zh-CN": "余额（元）", "en": "Balance (¥)"},
    "debts.chart.total": {"zh-CN": "合计", "en": "Total"},
    # field labels for inline errors
    "field.amount_received": {"zh-CN": "实际到手金额", "en": "Amount received"},
    "field.original_principal": {"zh-CN": "原借款本金", "en": "Original principal"},
    "field.original_months": {"zh-CN": "原借款期数", "en": "Original term"},
    "field.overdue_amount": {"zh-CN": "逾期本金", "en": "Overdue principal"},
    "field.accrued_interest_and_penalties": {
        "zh-CN": "已产生的利息和罚息",
        "en": "Accrued interest and penalties",
    },
    "field.penalty_rate": {"zh-CN": "罚息利率", "en": "Penalty rate"},
    "field.other_monthly_charges": {"zh-CN": "其他每月费用", "en": "Other monthly charges"},
    "field.rate_kind": {"zh-CN": "报价方式", "en": "Quoted as"},
    "field.method": {"zh-CN": "还款方式", "en": "Repayment method"},
    "field.contract_number": {"zh-CN": "合同编号", "en": "Contract number"},
    "field.days_overdue": {"zh-CN": "逾期天数", "en": "Days overdue"},
    "field.monthly_budget": {"zh-CN": "每月还款金额", "en": "Monthly amount"},
}
