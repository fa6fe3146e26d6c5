"""Texts of the credit-record clock (:mod:`core.rules.credit_record`): whether a lender reports,
when a record would end, and the fixed notes (the 5-year rule, what settling means, the
credit-repair scam). Dates in ``{cleared}`` and ``{end}`` come formatted by
:func:`i18n.format_date`.
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # core.rules.credit_record.Reporting
    "enum.reporting.yes": {"zh-CN": "报送征信", "en": "Reports to the credit system"},
    "enum.reporting.no": {"zh-CN": "不报送征信", "en": "Does not report"},
    "enum.reporting.unknown": {"zh-CN": "不清楚是否报送", "en": "Not known"},
    "field.reports": {
        "zh-CN": "是否报送人民银行征信",
        "en": "Reports to the PBoC credit system",
    },
    "credit.reports_help": {
        "zh-CN": "可以看合同里的征信授权条款，或直接问机构客服；拿不准就选“不清楚”。",
        "en": "See the contract's credit-report consent clause or ask the lender; if unsure, "
        "choose “Not known”.",
    },
    # the clocks
    "credit.col.record_end": {"zh-CN": "不良记录保留至", "en": "Record kept until"},
    "credit.clock.if_cleared_today": {
        "zh-CN": "如果今天（{cleared}）还清逾期部分，这条逾期记录会保留到 {end}，之后应被删除。",
        "en": "If the overdue part were paid off today ({cleared}), the late-payment record "
        "would stay until {end} and should be deleted after that.",
    },
    "credit.clock.under_plan": {
        "zh-CN": "按这个方案，逾期部分预计在 {cleared} 还清，逾期记录预计保留到 {end}。",
        "en": "Under this plan the overdue part would be paid off on {cleared}; the record "
        "would stay until about {end}.",
    },
    "credit.clock.under_plan_basis": {
        "zh-CN": "估算方法：每笔还款先抵最早欠下的部分，累计还款达到逾期金额的那一期即视为"
        "逾期结束。机构如何报送重新安排的账户由机构决定，以机构为准。",
        "en": "How this is estimated: each payment clears the oldest amount owed first, so "
        "the overdue ends with the installment that brings the payments up to the overdue "
        "amount. How a rescheduled account is reported is the lender's call.",
    },
    "credit.clock.reporting_unknown": {
        "zh-CN": "还不清楚这家机构是否报送征信，日期仅供参考。",
        "en": "Whether this lender reports to the credit system is not known yet, so the "
        "date is only a guide.",
    },
    "credit.clock.not_reporting": {
        "zh-CN": "这家机构不报送人民银行征信，那里不会有这笔逾期的记录。如果它报送给其他持牌"
        "征信机构，同样适用 5 年的规定。",
        "en": "This lender does not report to the PBoC credit system, so no record of this "
        "overdue is kept there. If it reports to another licensed credit bureau, the same "
        "5-year rule applies.",
    },
    "credit.clock.not_overdue": {
        "zh-CN": "这笔欠款没有逾期，没有需要计算的记录。",
        "en": "This debt is not overdue: there is no record to count down.",
    },
    "credit.timeline.record_end": {
        "zh-CN": "逾期记录到期",
        "en": "Late-payment record ends",
    },
    # the fixed notes (core.rules.credit_record.NOTES)
    "credit.note.rule": {
        "zh-CN": "《征信业管理条例》第十六条：不良信息自不良行为终止之日起保存 5 年，期满应当"
        "删除。对逾期来说，是从还清逾期部分那天起算，而不是从逾期开始那天算。",
        "en": "Credit Reporting Regulation, art. 16: negative information is kept for 5 years "
        "from the day the behaviour ends, then deleted. For an overdue, the 5 years run from "
        "the day the overdue part is paid off, not from the day it began.",
    },
    "credit.note.settled": {
        "zh-CN": "“结清”只表示这笔账已经还完、账户关闭。以前的逾期记录不会因此消失，仍会从逾期"
        "结束那天起保留满 5 年；不过越早结束逾期，5 年就越早开始计算。",
        "en": "“Settled” (结清) means the account is paid and closed. It does not wipe the "
        "earlier late payments: they still stay 5 years from the day the overdue ended. "
        "Ending the overdue sooner starts those 5 years sooner.",
    },
    "credit.note.repair_scam": {
        "zh-CN": "收费“征信修复”“征信洗白”都是骗局：真实的逾期记录谁也删不掉。只有记录有错时，"
        "本人可以免费向征信中心或放贷机构提出异议，要求更正。",
        "en": "Paid “credit repair” (征信修复) is a scam: nobody can delete a true "
        "late-payment record. Only a wrong record can be corrected, by an objection the "
        "client files free of charge with the credit reference centre or the lender.",
    },
}
