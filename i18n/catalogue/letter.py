"""Texts of the letter to the lender (:mod:`report.letter`): the application for a new repayment
arrangement (协商还款申请 / 个性化分期申请) filled from a saved proposal.

The Chinese text is the letter the client signs and sends; the English one is a reading copy
for the counselor, saying the same thing line by line. Keys: ``letter.<part>``; the refusals
are ``error.letter_*`` (worded by :mod:`i18n.errors`, under the field ``field.letter``).
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # --- heading ------------------------------------------------------------------------------
    "letter.title": {"zh-CN": "协商还款申请书", "en": "Application to reschedule repayment"},
    "letter.subtitle": {
        "zh-CN": "（个性化分期还款申请）",
        "en": "(request for a personalised installment plan)",
    },
    "letter.reading_copy": {
        "zh-CN": "本页为中文申请书的英文对照，仅供顾问核对，寄给贷款方的是中文版。",
        "en": "English reading copy of the Chinese letter, for the counselor to check; "
        "the lender receives the Chinese version.",
    },
    "letter.to": {"zh-CN": "致：{creditor}", "en": "To: {creditor}"},
    "letter.applicant": {"zh-CN": "申请人：{name}", "en": "Applicant: {name}"},
    "letter.id_tail": {"zh-CN": "身份证号：{tail}", "en": "ID number: {tail}"},
    "letter.mobile_tail": {"zh-CN": "手机号：{tail}", "en": "Mobile: {tail}"},
    "letter.contract": {"zh-CN": "合同编号：{number}", "en": "Contract number: {number}"},
    "letter.contract_missing": {
        "zh-CN": "合同编号：（请补填）",
        "en": "Contract number: (to be filled in)",
    },
    "letter.product": {"zh-CN": "借款产品：{product}", "en": "Product: {product}"},
    "letter.greeting": {"zh-CN": "{creditor}：", "en": "Dear {creditor},"},
    "letter.opening": {
        "zh-CN": "本人{name}是贵方上述借款合同的借款人。因下文所述困难，本人目前已无法按原合同约定"
        "按期足额还款。本人无意逃避债务，希望在实际还款能力范围内继续还款，现申请按下述方案调整"
        "还款安排（{kind}），请贵方审核。",
        "en": "I, {name}, am the borrower under the contract above. Because of the hardship "
        "described below I can no longer repay in full and on time as the contract requires. I "
        "do not intend to avoid the debt: I want to keep repaying within what I can really "
        "afford, and I ask you to review the change to the repayment arrangement set out below "
        "({kind}).",
    },
    # --- 1. the loan today --------------------------------------------------------------------
    "letter.section.loan": {"zh-CN": "一、借款现状", "en": "1. The loan today"},
    "letter.loan.as_of": {
        "zh-CN": "以下金额截至{date}。",
        "en": "Amounts as of {date}.",
    },
    "letter.loan.principal": {"zh-CN": "剩余本金", "en": "Principal outstanding"},
    "letter.loan.overdue": {
        "zh-CN": "其中已逾期（逾期{days}天）",
        "en": "of which overdue ({days} days)",
    },
    "letter.loan.overdue_no_days": {"zh-CN": "其中已逾期", "en": "of which overdue"},
    "letter.loan.accrued": {
        "zh-CN": "已产生的利息和罚息",
        "en": "Interest and penalties already charged",
    },
    "letter.loan.owed": {"zh-CN": "目前欠款合计", "en": "Owed in all today"},
    "letter.loan.rate": {"zh-CN": "合同实际年化利率", "en": "Contract's true annual rate"},
    "letter.loan.remaining": {
        "zh-CN": "原合同剩余期数",
        "en": "Installments left under the contract",
    },
    # --- 2. what happened ---------------------------------------------------------------------
    "letter.section.hardship": {"zh-CN": "二、困难情况", "en": "2. What happened"},
    "letter.hardship.ongoing": {
        "zh-CN": "自{start}起：{kind}（至今）。",
        "en": "Since {start}: {kind} (still so).",
    },
    "letter.hardship.ended": {
        "zh-CN": "{start}至{end}：{kind}。",
        "en": "From {start} to {end}: {kind}.",
    },
    "letter.hardship.note": {"zh-CN": "具体情况：{note}", "en": "In detail: {note}"},
    "letter.hardship.none": {
        "zh-CN": "本人目前的收入已不足以按原合同还款，收支情况见下文。",
        "en": "My income no longer covers the contract's payments; my income and costs are "
        "set out below.",
    },
    # --- 3. income and essential costs --------------------------------------------------------
    "letter.section.budget": {
        "zh-CN": "三、每月收入与必要支出",
        "en": "3. Monthly income and essential costs",
    },
    "letter.budget.household": {
        "zh-CN": "家庭共{n}口人。",
        "en": {"one": "A household of {n} person.", "other": "A household of {n} people."},
    },
    "letter.budget.income.salary": {"zh-CN": "收入：工资", "en": "Income: wages"},
    "letter.budget.income.other": {
        "zh-CN": "收入：其他（兼职、养老金、补助等）",
        "en": "Income: other (part-time, pension, benefits)",
    },
    "letter.budget.income.unnamed": {"zh-CN": "收入", "en": "Income"},
    "letter.budget.income.named": {"zh-CN": "收入：{label}", "en": "Income: {label}"},
    "letter.budget.income.total": {"zh-CN": "收入合计", "en": "Total income"},
    "letter.budget.cost": {"zh-CN": "必要支出：{category}", "en": "Essential cost: {category}"},
    "letter.budget.cost.total": {"zh-CN": "必要支出合计", "en": "Total essential costs"},
    "letter.budget.floor": {
        "zh-CN": "最低生活保障线（须留足的生活费）",
        "en": "Living floor (what must be kept to live on)",
    },
    "letter.budget.buffer": {"zh-CN": "应急预留", "en": "Kept for emergencies"},
    "letter.budget.capacity": {
        "zh-CN": "每月最多可用于还款",
        "en": "Most I can put towards repayments each month",
    },
    # --- 4. what the contracts demand against what can be paid --------------------------------
    "letter.section.demand": {
        "zh-CN": "四、合同要求与实际还款能力",
        "en": "4. What the contracts ask against what I can pay",
    },
    "letter.demand.this_now": {
        "zh-CN": "本合同本月应还（含逾期部分）",
        "en": "This contract, due this month (overdue included)",
    },
    "letter.demand.this_regular": {
        "zh-CN": "本合同此后每月应还",
        "en": "This contract, due each month after that",
    },
    "letter.demand.all_now": {
        "zh-CN": "本人全部{n}笔借款本月共应还",
        "en": {
            "one": "All my {n} loan, due this month",
            "other": "All my {n} loans together, due this month",
        },
    },
    "letter.demand.all_regular": {
        "zh-CN": "本人全部{n}笔借款此后每月共应还",
        "en": {
            "one": "All my {n} loan, due each month after that",
            "other": "All my {n} loans together, due each month after that",
        },
    },
    "letter.demand.capacity": {
        "zh-CN": "本人每月最多可用于还款",
        "en": "Most I can pay each month",
    },
    "letter.demand.gap_now": {"zh-CN": "本月缺口", "en": "Short this month"},
    "letter.demand.gap_regular": {"zh-CN": "此后每月缺口", "en": "Short each month after that"},
    "letter.demand.short": {
        "zh-CN": "按原合同，本人本月还差{gap}；继续拖欠只会使罚息和逾期不断累积，"
        "对双方都没有好处。",
        "en": "Under the contracts I am {gap} short this month; falling further behind would "
        "only pile up penalties and arrears, which helps neither side.",
    },
    "letter.demand.fits": {
        "zh-CN": "本人的还款能力虽能勉强应付原合同，但已没有任何余地，"
        "一旦出现意外支出便会再次逾期。",
        "en": "What I can pay just about meets the contracts, but with no room left: any "
        "unexpected cost would make me fall behind again.",
    },
    # --- 5. the proposal ----------------------------------------------------------------------
    "letter.section.proposal": {"zh-CN": "五、申请的还款方案", "en": "5. The plan I ask for"},
    "letter.kind.baseline": {"zh-CN": "按原合同还款", "en": "repaying as contracted"},
    "letter.kind.term_extension": {
        "zh-CN": "延长还款期限、重新分期",
        "en": "a longer term, re-scheduled in installments",
    },
    "letter.kind.interest_waiver": {"zh-CN": "减免部分息费", "en": "part of the interest waived"},
    "letter.kind.combination": {
        "zh-CN": "延长期限并减免部分息费",
        "en": "a longer term with part of the interest waived",
    },
    "letter.kind.stop_interest": {
        "zh-CN": "停息挂账、个性化分期",
        "en": "interest stopped (停息挂账) and a personalised installment plan",
    },
    "letter.kind.principal_first": {
        "zh-CN": "先还本金、后还息费",
        "en": "principal first, interest after",
    },
    "letter.kind.down_payment": {
        "zh-CN": "先付一笔首付、余款分期",
        "en": "a down payment, the rest in installments",
    },
    "letter.kind.lump_sum_settlement": {
        "zh-CN": "协商结清",
        "en": "an agreed settlement",
    },
    "letter.terms.baseline": {
        "zh-CN": "按原合同的约定继续还款。",
        "en": "Repayment continues as the contract sets it.",
    },
    "letter.terms.term_extension": {
        "zh-CN": "将本合同剩余欠款重新安排为{months}期按月偿还：本金仍按合同利率计息，已产生的利息"
        "和罚息平均摊入各期、不再另计利息，逾期罚息自此停止计收。",
        "en": "What is left of this contract re-scheduled into {months} monthly installments: "
        "the principal still bears the contract rate, the interest and penalties already "
        "charged are spread over the installments without further interest, and penalty "
        "interest stops from now on.",
    },
    "letter.terms.interest_waiver": {
        "zh-CN": "仍在原合同剩余的{months}期内按月还清，但减轻息费负担。",
        "en": "Still repaid monthly over the contract's remaining {months} installments, with "
        "less interest to pay.",
    },
    "letter.terms.combination": {
        "zh-CN": "将本合同剩余欠款重新安排为{months}期按月偿还，同时减轻息费负担。",
        "en": "What is left of this contract re-scheduled into {months} monthly installments, "
        "with less interest to pay.",
    },
    "letter.terms.stop_interest": {
        "zh-CN": "以目前欠款为准，自即日起停止计收利息和罚息，剩余欠款分{months}期等额按月偿还。",
        "en": "Interest and penalties stop from now on at today's balance, and what is owed is "
        "repaid in {months} equal monthly installments.",
    },
    "letter.terms.principal_first": {
        "zh-CN": "先分{months}期还清本金，期间不再计息；"
        "本金还清后，剩余息费再分{interest_months}期还清。",
        "en": "The principal is repaid first over {months} installments without further "
        "interest; the interest left is then repaid over {interest_months} installments.",
    },
    "letter.terms.principal_only": {
        "zh-CN": "分{months}期还清本金，期间不再计息。",
        "en": "The principal is repaid over {months} installments without further interest.",
    },
    "letter.terms.down_payment": {
        "zh-CN": "先一次性还款{amount}，余款分{months}期按月偿还。",
        "en": "A payment of {amount} at once, the rest repaid over {months} monthly installments.",
    },
    "letter.terms.settlement_one": {
        "zh-CN": "一次性还款{total}结清本合同全部欠款，结清后其余欠款不再追收。",
        "en": "One payment of {total} settles everything owed under this contract; the rest is "
        "not claimed afterwards.",
    },
    "letter.terms.settlement_parts": {
        "zh-CN": "分{n}笔共还款{total}结清本合同全部欠款，结清后其余欠款不再追收。",
        "en": "{n} payments totalling {total} settle everything owed under this contract; the "
        "rest is not claimed afterwards.",
    },
    "letter.terms.waiver": {
        "zh-CN": "已产生的利息和罚息减免{share}。",
        "en": "{share} of the interest and penalties already charged is waived.",
    },
    "letter.terms.new_rate": {
        "zh-CN": "剩余本金自即日起按年化{rate}计息。",
        "en": "The principal left bears {rate} a year from now on.",
    },
    "letter.terms.fee": {
        "zh-CN": "每月另付手续费，月费率{rate}。",
        "en": "A monthly fee of {rate} a month is paid on top.",
    },
    "letter.plan.kind": {"zh-CN": "方案", "en": "Plan"},
    "letter.plan.down": {"zh-CN": "首付（{date}）", "en": "Down payment ({date})"},
    "letter.plan.monthly": {"zh-CN": "每期还款", "en": "Each installment"},
    "letter.plan.runs": {"zh-CN": "各期金额", "en": "Amount of each"},
    "letter.plan.run_one": {"zh-CN": "第{first}期 {amount}", "en": "no. {first}: {amount}"},
    "letter.plan.run_many": {
        "zh-CN": "第{first}–{last}期 每期{amount}",
        "en": "nos. {first}–{last}: {amount} each",
    },
    "letter.plan.count": {
        "zh-CN": "期数",
        "en": "Number of installments",
    },
    "letter.plan.count_value": {"zh-CN": "{n}期", "en": "{n}"},
    "letter.plan.parts": {"zh-CN": "笔数", "en": "Number of payments"},
    "letter.plan.parts_value": {"zh-CN": "{n}笔", "en": "{n}"},
    "letter.plan.first_due": {"zh-CN": "首期还款日", "en": "First installment due"},
    "letter.plan.first_part": {"zh-CN": "首笔还款日", "en": "First payment due"},
    "letter.plan.last_due": {"zh-CN": "末期还款日", "en": "Last installment due"},
    "letter.plan.waived": {"zh-CN": "申请减免金额", "en": "Amount waived"},
    "letter.plan.nothing_waived": {"zh-CN": "无", "en": "None"},
    "letter.plan.total": {"zh-CN": "按本方案合计还款", "en": "Total repaid under this plan"},
    "letter.plan.owed": {
        "zh-CN": "方案起算时欠款合计",
        "en": "Owed in all when the plan starts",
    },
    "letter.plan.fits": {
        "zh-CN": "本方案每期金额均不超过本人每月可用于还款的{capacity}，本人承诺按期足额还款。",
        "en": "No installment of this plan is above the {capacity} I can put towards "
        "repayments each month, and I undertake to pay each one in full and on time.",
    },
    "letter.schedule.title": {
        "zh-CN": "附表：还款计划明细",
        "en": "Annex: schedule of payments",
    },
    "letter.schedule.for": {
        "zh-CN": "申请人：{name}　合同编号：{number}",
        "en": "Applicant: {name}; contract number: {number}",
    },
    "letter.schedule.see": {
        "zh-CN": "每期的还款日和金额见文末附表。",
        "en": "The date and amount of every payment are in the annex at the end.",
    },
    "letter.schedule.number": {"zh-CN": "期次", "en": "No."},
    "letter.schedule.date": {"zh-CN": "还款日", "en": "Due on"},
    "letter.schedule.amount": {"zh-CN": "金额", "en": "Amount"},
    "letter.schedule.down": {"zh-CN": "首付", "en": "Down"},
    # --- 6. enclosed proof --------------------------------------------------------------------
    "letter.section.enclosures": {"zh-CN": "六、随附证明材料", "en": "6. Proof enclosed"},
    "letter.enclosures.intro": {
        "zh-CN": "随本申请附上以下材料的复印件：",
        "en": "Copies of the following are enclosed with this application:",
    },
    "letter.enclosures.none": {
        "zh-CN": "相关证明材料正在办理中，如贵方需要，本人将尽快补交。",
        "en": "The supporting papers are being obtained; I will send them as soon as you need "
        "them.",
    },
    # --- 7. the request -----------------------------------------------------------------------
    "letter.section.request": {"zh-CN": "七、恳请事项", "en": "7. What I ask of you"},
    "letter.request.agreed_on": {
        "zh-CN": "本方案已于{date}与贵方客服沟通并获初步同意，现以书面形式提出，请予确认。",
        "en": "This plan was agreed in principle with your customer service on {date}; I now "
        "put it in writing and ask you to confirm it.",
    },
    "letter.request.written": {
        "zh-CN": "恳请贵方审核后，通过官方渠道（贵方APP、官方客服热线或官方邮箱）以书面形式（短信、"
        "站内信、邮件或确认函）答复审核结果。如同意本方案，请在答复中写明每期金额、期数、首期还款日"
        "和减免金额，并在贵方系统中更新还款计划；本人以书面确认的内容为准按期还款。",
        "en": "Please give your decision in writing (text message, in-app message, email or a "
        "letter of confirmation) through your official channels (your app, official hotline or "
        "official email). If you agree, please state the amount of each installment, their "
        "number, the first due date and the amount waived, and update the plan in your system; I "
        "will pay as the written confirmation says.",
    },
    "letter.request.more": {
        "zh-CN": "如需补充材料或另作说明，请通过上述官方渠道告知。感谢贵方的理解与支持。",
        "en": "If you need more papers or an explanation, please say so through the same "
        "official channels. Thank you for your understanding.",
    },
    # --- closing ------------------------------------------------------------------------------
    #: One paragraph per line: 此致 / 敬礼！ in Chinese.
    "letter.closing.regards": {"zh-CN": "此致\n敬礼！", "en": "Yours faithfully,"},
    "letter.closing.signature": {
        "zh-CN": "申请人（签名）：______________",
        "en": "Applicant (signature): ______________",
    },
    "letter.closing.name": {"zh-CN": "申请人姓名：{name}", "en": "Applicant's name: {name}"},
    "letter.closing.date": {"zh-CN": "日期：{date}", "en": "Date: {date}"},
    "letter.file_title": {
        "zh-CN": "协商还款申请书（{creditor}）",
        "en": "Application to reschedule repayment ({creditor})",
    },
    # --- the download buttons (Proposals and Share pages) --------------------------------------
    "letter.download.title": {"zh-CN": "给贷款方的申请信", "en": "Letter to the lender"},
    "letter.download.note": {
        "zh-CN": "按已保存的方案生成协商还款申请书：写明困难情况、收支、方案和随附材料，"
        "由客户签字后通过贷款方官方渠道提交。信中有客户全名和合同编号，"
        "身份证号和手机号只显示后四位；Word 版可先修改再打印。",
        "en": "An application to reschedule, filled from the saved proposal: the hardship, the "
        "budget, the plan and the proof enclosed, for the client to sign and send through the "
        "lender's official channels. It gives the client's full name and the contract number, "
        "the ID and mobile numbers by their last four digits only; the Word file can be "
        "edited before printing.",
    },
    "letter.download.for": {
        "zh-CN": "{creditor}：{plan}",
        "en": "{creditor}: {plan}",
    },
    "letter.download.language": {"zh-CN": "信件语言", "en": "Letter language"},
    "letter.download.language.zh-CN": {
        "zh-CN": "中文（寄给贷款方）",
        "en": "Chinese (to send)",
    },
    "letter.download.language.en": {
        "zh-CN": "英文对照（供顾问核对）",
        "en": "English (reading copy)",
    },
    "letter.download.docx": {"zh-CN": "Word 申请信", "en": "Letter (Word)"},
    "letter.download.pdf": {"zh-CN": "PDF 申请信", "en": "Letter (PDF)"},
    # --- refusals -----------------------------------------------------------------------------
    "field.letter": {"zh-CN": "给贷款方的申请信", "en": "Letter to the lender"},
    "error.letter_needs_consent": {
        "zh-CN": "客户还没有同意由我们代其联系贷款方，因此不能生成给贷款方的申请信。"
        "请先在客户资料中记录这项同意。",
        "en": "the client has not agreed that we contact lenders for them, so no letter to the "
        "lender can be made. Record that consent on the client's record first.",
    },
    "error.letter_needs_budget": {
        "zh-CN": "还没有收支预算。申请信要写明收入、必要支出和每月能还多少，"
        "请先在“还款能力”页填写。",
        "en": "there is no budget yet. The letter states the income, the essential costs and "
        "what can be paid each month: fill them in on the Affordability page first.",
    },
    "error.letter_needs_proposal": {
        "zh-CN": "这笔债务还没有保存的协商方案。请先在“协商方案”页保存要提交给贷款方的方案。",
        "en": "this debt has no saved proposal yet. Save the plan to put to the lender on the "
        "Proposals page first.",
    },
    "error.letter_no_debt": {
        "zh-CN": "该客户名下没有这笔债务。",
        "en": "the client has no such debt.",
    },
    "error.letter_no_proposal": {
        "zh-CN": "这笔债务没有这个已保存的方案。",
        "en": "this debt has no such saved proposal.",
    },
}
