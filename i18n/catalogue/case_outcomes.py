"""Texts of a client's case stages (:mod:`core.case_lifecycle`), the Debts page's legal status
section (``ui.legal_widgets``), the Clients page's case control (``ui.case_widgets``), the
Outcomes page (工作成效, :mod:`core.outcomes`) and their audit lines.

Enum labels follow ``enum.<prefix>.<value>`` with the prefixes ``case_stage``
(:class:`~core.case_lifecycle.CaseStage`), ``close_reason``
(:class:`~core.case_lifecycle.CloseReason`) and ``outcome_dimension``
(:class:`~core.outcomes.Dimension`).
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # core.case_lifecycle.CaseStage
    "enum.case_stage.open": {"zh-CN": "已开案", "en": "Open"},
    "enum.case_stage.assessing": {"zh-CN": "评估中", "en": "Assessing"},
    "enum.case_stage.negotiating": {"zh-CN": "协商中", "en": "Negotiating"},
    "enum.case_stage.agreed": {"zh-CN": "已达成协议", "en": "Agreed"},
    "enum.case_stage.repaying": {"zh-CN": "还款中", "en": "Repaying"},
    "enum.case_stage.completed": {"zh-CN": "已完成", "en": "Completed"},
    "enum.case_stage.closed": {"zh-CN": "已结案", "en": "Closed"},
    # core.case_lifecycle.CloseReason
    "enum.close_reason.client_withdrew": {"zh-CN": "客户主动退出", "en": "Client withdrew"},
    "enum.close_reason.client_unreachable": {
        "zh-CN": "联系不上客户",
        "en": "Client cannot be reached",
    },
    "enum.close_reason.not_eligible": {"zh-CN": "不适合协商", "en": "Not suited to negotiation"},
    "enum.close_reason.lender_refused": {
        "zh-CN": "机构拒绝协商",
        "en": "Lender refused to negotiate",
    },
    "enum.close_reason.paid_off": {"zh-CN": "客户已自行结清", "en": "Paid off by the client"},
    "enum.close_reason.referred": {"zh-CN": "已转介其他机构", "en": "Referred elsewhere"},
    "enum.close_reason.legal_proceedings": {
        "zh-CN": "转入诉讼或法律援助",
        "en": "Moved to court or legal aid",
    },
    "enum.close_reason.other": {"zh-CN": "其他原因", "en": "Other reason"},
    # core.outcomes.Dimension
    "enum.outcome_dimension.counselor": {"zh-CN": "按咨询师", "en": "By counselor"},
    "enum.outcome_dimension.lender": {"zh-CN": "按机构", "en": "By lender"},
    "enum.outcome_dimension.month": {"zh-CN": "按月份", "en": "By month"},
    # fields and errors
    "field.on": {"zh-CN": "日期", "en": "Date"},
    "field.stage": {"zh-CN": "阶段", "en": "Stage"},
    "field.reason": {"zh-CN": "结案原因", "en": "Reason for closing"},
    "field.events": {"zh-CN": "法律事件", "en": "Legal steps"},
    "field.legal_events": {"zh-CN": "法律事件", "en": "Legal steps"},
    "field.case_stages": {"zh-CN": "案件阶段记录", "en": "Case history"},
    "field.end": {"zh-CN": "结束日期", "en": "End date"},
    "error.case_step": {
        "zh-CN": "案件当前的阶段不能直接转到这个阶段",
        "en": "the case cannot move to that stage from where it is now",
    },
    "error.case_date": {
        "zh-CN": "日期不能早于上一次阶段变更（{last}）",
        "en": "the date cannot be before the last change of stage ({last})",
    },
    "error.case_reason": {
        "zh-CN": "结案时需要选择原因，其他阶段不填原因",
        "en": "closing a case needs a reason, and only closing has one",
    },
    "error.period_order": {
        "zh-CN": "结束日期不能早于开始日期",
        "en": "the end date cannot be before the start date",
    },
    # the audit trail's actions
    "team.audit.action.case.stage_changed": {
        "zh-CN": "变更案件阶段",
        "en": "Case stage changed",
    },
    "team.audit.action.legal.recorded": {"zh-CN": "录入法律事件", "en": "Legal step recorded"},
    "team.audit.action.legal.changed": {"zh-CN": "修改法律事件", "en": "Legal step changed"},
    "team.audit.action.legal.deleted": {"zh-CN": "删除法律事件", "en": "Legal step deleted"},
    "team.audit.action.outcomes.exported": {
        "zh-CN": "导出工作成效（CSV）",
        "en": "Outcomes exported (CSV)",
    },
    # the Debts page's legal status section (ui.legal_widgets)
    "legalui.title": {"zh-CN": "法律程序与期限", "en": "Legal status and deadlines"},
    "legalui.caption": {
        "zh-CN": "机构发来律师函、起诉、判决或申请执行时，按债务录入日期；系统据此算出答辩、上诉等"
        "期限，并注明法律依据。",
        "en": "When a lender sends a lawyer's letter, sues, wins a judgment or enforces it, "
        "record the dates per debt: the deadlines for a defence, an appeal and so on are "
        "worked out from them, each with its legal source.",
    },
    "legalui.debt": {"zh-CN": "{creditor}：{stage}", "en": "{creditor}: {stage}"},
    "legalui.steps": {"zh-CN": "已录入的事件", "en": "Recorded steps"},
    "legalui.no_steps": {
        "zh-CN": "这笔债务还没有录入法律事件。",
        "en": "No legal step is recorded for this debt.",
    },
    "legalui.first.caption": {
        "zh-CN": {
            "other": "这 {n} 笔债务还没有录入法律事件。收到律师函或法院文书时，"
            "在下面选中那笔债务并录入。"
        },
        "en": {
            "one": "{n} debt has no legal step recorded. When a lawyer's letter or a court "
            "paper arrives, record it below.",
            "other": "{n} debts have no legal step recorded. When a lawyer's letter or a court "
            "paper arrives for one of them, pick it below and record the step.",
        },
    },
    "legalui.first.debt": {"zh-CN": "债务", "en": "Debt"},
    "legalui.award_yes": {"zh-CN": "是", "en": "Yes"},
    "legalui.deadlines": {"zh-CN": "期限", "en": "Deadlines"},
    "legalui.no_deadlines": {
        "zh-CN": "这些事件没有产生需要关注的期限。",
        "en": "These steps set no deadline to watch.",
    },
    "legalui.col.deadline": {"zh-CN": "期限", "en": "Deadline"},
    "legalui.col.whose": {"zh-CN": "谁的期限", "en": "Whose"},
    "legalui.col.due": {"zh-CN": "截止日期", "en": "Due"},
    "legalui.col.left": {"zh-CN": "剩余", "en": "Time left"},
    "legalui.col.source": {"zh-CN": "依据", "en": "Source"},
    "legalui.overtaken": {"zh-CN": "已被后续程序取代", "en": "Overtaken by a later step"},
    "legalui.advice": {"zh-CN": "协商时请注意", "en": "When negotiating"},
    "legalui.add": {"zh-CN": "录入一个法律事件", "en": "Record a legal step"},
    "legalui.has_perform_by": {
        "zh-CN": "文书写明了履行期限",
        "en": "The decision sets a last day to pay",
    },
    "legalui.save": {"zh-CN": "保存事件", "en": "Save the step"},
    "legalui.saved": {"zh-CN": "法律事件已保存。", "en": "Legal step saved."},
    "legalui.delete": {"zh-CN": "更正或删除一个事件", "en": "Correct or delete a step"},
    "legalui.edit": {"zh-CN": "更正所选事件", "en": "Correct the chosen step"},
    "legalui.edit_save": {"zh-CN": "保存更正", "en": "Save the correction"},
    "legalui.edited": {"zh-CN": "法律事件已更正。", "en": "Legal step corrected."},
    "legalui.delete_button": {"zh-CN": "删除所选事件", "en": "Delete the chosen step"},
    "legalui.deleted": {"zh-CN": "法律事件已删除。", "en": "Legal step deleted."},
    "legalui.changed": {
        "zh-CN": "这个事件刚在别处被修改或删除，已显示最新记录，请再操作一次。",
        "en": "This step was changed or deleted elsewhere just now; the latest record is "
        "shown, please try again.",
    },
    "legalui.future": {
        "zh-CN": "有事件的日期晚于今天，期限无法计算：请检查日期。",
        "en": "A step is dated after today, so no deadline can be worked out: check the dates.",
    },
    "legalui.today.title": {"zh-CN": "法律期限", "en": "Legal deadlines"},
    "legalui.today.none": {
        "zh-CN": "没有正在计算中的法律期限。",
        "en": "No legal deadline is running.",
    },
    "legalui.today.creditor_hidden": {
        "zh-CN": {"other": "另有 {n} 个债权人的期限（申请执行），打开“显示全部”查看。"},
        "en": {
            "one": "{n} creditor's deadline (to apply for enforcement) is not listed; turn on "
            "show all to see it.",
            "other": "{n} creditors' deadlines (to apply for enforcement) are not listed; turn "
            "on show all to see them.",
        },
    },
    # the Clients page's case stage control (ui.case_widgets)
    "caseui.title": {"zh-CN": "案件阶段", "en": "Case stage"},
    "caseui.current": {"zh-CN": "当前阶段：**{stage}**", "en": "Current stage: **{stage}**"},
    "caseui.current_since": {
        "zh-CN": "当前阶段：**{stage}**（自 {on}）",
        "en": "Current stage: **{stage}** (since {on})",
    },
    "caseui.to": {"zh-CN": "转到阶段", "en": "Move to"},
    "caseui.on": {"zh-CN": "日期", "en": "Date"},
    "caseui.reason": {"zh-CN": "结案原因（结案时必填）", "en": "Reason (when closing)"},
    "caseui.note": {"zh-CN": "备注（可选，一句话）", "en": "Note (optional, one line)"},
    "caseui.move": {"zh-CN": "记录阶段变更", "en": "Record the change"},
    "caseui.moved": {"zh-CN": "已记录：{stage}。", "en": "Recorded: {stage}."},
    "caseui.done": {
        "zh-CN": "案件已完成，阶段不再变更。",
        "en": "The case is completed; its stage no longer changes.",
    },
    "caseui.history": {"zh-CN": "阶段记录", "en": "History"},
    "caseui.no_history": {
        "zh-CN": "还没有记录阶段：客户建档后案件即为“已开案”。",
        "en": "No stage recorded yet: a client's case is open from the day they were added.",
    },
    "caseui.changed": {
        "zh-CN": "这个案件的阶段刚在别处变更过，下面是现在的记录，请再决定。",
        "en": "This case's stage was changed elsewhere just now; the record below is current, "
        "please decide again.",
    },
    # the Outcomes page (app_pages/outcomes.py)
    "page.outcomes": {"zh-CN": "工作成效", "en": "Outcomes"},
    "outcomes.caption": {
        "zh-CN": "所选期间内的案件阶段、达成协议的债务、协商前后的月供、机构减免的金额和达成协议"
        "所用时间。",
        "en": "For the chosen period: cases by stage, debts with an agreement, monthly payments "
        "before and after, what lenders gave up, and how long agreement took.",
    },
    "outcomes.start": {"zh-CN": "开始日期", "en": "From"},
    "outcomes.end": {"zh-CN": "结束日期", "en": "To"},
    "outcomes.by": {"zh-CN": "分组方式", "en": "Group"},
    "outcomes.counselors": {"zh-CN": "咨询师", "en": "Counselors"},
    "outcomes.lenders": {"zh-CN": "机构", "en": "Lenders"},
    "outcomes.all": {"zh-CN": "全部", "en": "All"},
    "outcomes.nobody": {"zh-CN": "未分配", "en": "Unassigned"},
    "outcomes.no_lender": {"zh-CN": "（未知机构）", "en": "(unknown lender)"},
    "outcomes.metric.cases": {"zh-CN": "案件数", "en": "Cases"},
    "outcomes.metric.negotiated": {"zh-CN": "达成协议的债务", "en": "Debts agreed"},
    "outcomes.metric.before": {"zh-CN": "协商前月供合计", "en": "Monthly before"},
    "outcomes.metric.after": {"zh-CN": "协商后月供合计", "en": "Monthly after"},
    "outcomes.metric.forgiven": {"zh-CN": "机构减免合计", "en": "Given up by lenders"},
    "outcomes.metric.months": {"zh-CN": "平均达成协议用时", "en": "Mean time to agreement"},
    "outcomes.months_value": {"zh-CN": "{n} 个月", "en": "{n} months"},
    "outcomes.none": {"zh-CN": "—", "en": "—"},
    "outcomes.col.group": {"zh-CN": "分组", "en": "Group"},
    "outcomes.col.cases": {"zh-CN": "案件数", "en": "Cases"},
    "outcomes.col.negotiated": {"zh-CN": "达成协议的债务", "en": "Debts agreed"},
    "outcomes.col.before": {"zh-CN": "协商前月供", "en": "Monthly before"},
    "outcomes.col.after": {"zh-CN": "协商后月供", "en": "Monthly after"},
    "outcomes.col.forgiven": {"zh-CN": "减免", "en": "Given up"},
    "outcomes.col.months": {"zh-CN": "平均用时（月）", "en": "Mean months"},
    "outcomes.stages": {"zh-CN": "各阶段案件数", "en": "Cases by stage"},
    "outcomes.chart.title": {
        "zh-CN": "协商前后的月供",
        "en": "Monthly payments before and after",
    },
    "outcomes.chart.before": {"zh-CN": "协商前", "en": "Before"},
    "outcomes.chart.after": {"zh-CN": "协商后", "en": "After"},
    "outcomes.chart.amount": {"zh-CN": "月供（元）", "en": "Monthly payment (¥)"},
    "outcomes.empty": {
        "zh-CN": "所选期间和筛选条件下没有案件。",
        "en": "No case in the chosen period and filters.",
    },
    "outcomes.download": {"zh-CN": "下载 CSV", "en": "Download CSV"},
    "outcomes.notes": {
        "zh-CN": "说明：案件按期间最后一天（按月分组时为每月最后一天）的阶段计数；按机构分组时，"
        "一位客户在几家机构有债务就在几家各计一次。协商前月供为合同当前的应还金额，协商后月供为"
        "协议方案的常规月还款。减免为协议时所欠金额中方案不再收回的部分（利息、罚息，和解时也"
        "含本金）。用时从开案到达成协议，按整月计。",
        "en": "Notes: cases are counted at their stage on the period's last day (for months, "
        "each month's last day); by lender, a client with debts at several lenders counts "
        "once at each. Monthly before is what the contract demands now; monthly after is the "
        "agreed plan's regular payment. Given up is what was owed at the agreement that the "
        "plan no longer collects (interest and penalties, and in a settlement principal "
        "too). Time to agreement runs from the case's opening, in whole months.",
    },
}
