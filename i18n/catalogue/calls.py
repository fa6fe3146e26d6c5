"""Texts of the Calls page: the quick call log, the confirmation, payments, collection contacts
and the timeline."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "calls.title": {"zh-CN": "通话记录", "en": "Calls"},
    "calls.no_debts": {
        "zh-CN": "这位客户还没有录入债务。请先在“债务”页面添加，才能记录与贷款机构的通话。",
        "en": "This client has no debts yet. Add one on the Debts page before logging calls "
        "with a lender.",
    },
    "calls.all": {"zh-CN": "全部机构", "en": "All lenders"},
    "calls.tab.log": {"zh-CN": "记录通话", "en": "Log a call"},
    "calls.tab.timeline": {"zh-CN": "时间线", "en": "Timeline"},
    "calls.tab.payments": {"zh-CN": "还款进度", "en": "Payments"},
    "calls.tab.collection": {"zh-CN": "催收记录", "en": "Collection contacts"},
    # the call form
    "calls.form.debt": {"zh-CN": "哪笔债务", "en": "Which debt"},
    "calls.form.date": {"zh-CN": "日期", "en": "Date"},
    "calls.form.time": {"zh-CN": "开始时间（北京时间）", "en": "Start time (Beijing)"},
    "calls.form.channel": {"zh-CN": "渠道", "en": "Channel"},
    "calls.form.direction": {"zh-CN": "谁联系谁", "en": "Who made contact"},
    "calls.form.agent_id": {"zh-CN": "客服工号", "en": "Agent ID"},
    "calls.form.agent_id_help": {
        "zh-CN": "请对方报工号并记下，下次通话可以引用。",
        "en": "Ask the agent for their staff number and note it: later calls can refer to it.",
    },
    "calls.form.summary": {"zh-CN": "通话内容", "en": "What was said"},
    "calls.form.lender_promised": {"zh-CN": "机构承诺", "en": "The lender promised"},
    "calls.form.client_promised": {"zh-CN": "客户承诺", "en": "The client promised"},
    "calls.form.outcome": {"zh-CN": "结果", "en": "Outcome"},
    "calls.form.next_action": {"zh-CN": "下一步", "en": "Next action"},
    "calls.form.next_action_on": {"zh-CN": "下一步日期", "en": "Next-action date"},
    "calls.form.recorded": {"zh-CN": "已录音", "en": "Call recorded"},
    "calls.form.agent_told": {"zh-CN": "已告知对方在录音", "en": "Agent told of the recording"},
    "calls.form.save": {"zh-CN": "保存通话和待办", "en": "Save call and follow-ups"},
    "calls.saved": {
        "zh-CN": "已保存与{lender}的通话。",
        "en": "The call with {lender} is saved.",
    },
    "calls.tasks_created": {
        "zh-CN": "新增待办 {n} 项",
        "en": {"one": "{n} follow-up added", "other": "{n} follow-ups added"},
    },
    # confirmation
    "calls.confirmation.title": {"zh-CN": "确认信息（可直接复制）", "en": "Confirmation to send"},
    "calls.confirmation.help": {
        "zh-CN": "通过机构APP在线客服或官方邮箱发送，留下书面记录。右上角按钮可一键复制。",
        "en": "Send it through the lender's in-app chat or official email, so there is a "
        "written record. The button at the top right copies it.",
    },
    "calls.confirmation.subject": {"zh-CN": "邮件标题：", "en": "Subject:"},
    "calls.confirmation.other_language": {
        "zh-CN": "英文版本",
        "en": "Chinese version",
    },
    # payments
    "calls.payments.no_plan": {
        "zh-CN": "还没有已达成的还款方案。在“协商方案”页面把方案标记为已达成后，"
        "可在这里记录每笔还款。",
        "en": "No plan has been agreed yet. Once a proposal is marked as agreed on the "
        "Proposals page, record each payment here.",
    },
    "calls.payments.plan": {"zh-CN": "已达成的方案", "en": "Agreed plan"},
    "calls.payments.total_due": {"zh-CN": "方案应还合计", "en": "Total due under the plan"},
    "calls.payments.total_paid": {"zh-CN": "已还合计", "en": "Paid so far"},
    "calls.payments.next_due": {"zh-CN": "下一期", "en": "Next due"},
    "calls.payments.record": {"zh-CN": "记录一笔还款", "en": "Record a payment"},
    "calls.payments.paid_on": {"zh-CN": "还款日期", "en": "Paid on"},
    "calls.payments.amount": {"zh-CN": "金额（元）", "en": "Amount (¥)"},
    "calls.payments.reference": {"zh-CN": "流水号 / 备注", "en": "Reference or note"},
    "calls.payments.save": {"zh-CN": "保存还款", "en": "Save payment"},
    "calls.payments.col.number": {"zh-CN": "期", "en": "No."},
    "calls.payments.col.due_date": {"zh-CN": "到期日", "en": "Due"},
    "calls.payments.col.amount": {"zh-CN": "应还", "en": "Amount"},
    "calls.payments.col.paid": {"zh-CN": "已还", "en": "Paid"},
    "calls.payments.col.status": {"zh-CN": "状态", "en": "Status"},
    # collection contacts
    "calls.collection.log": {"zh-CN": "记录一次催收联系", "en": "Log a collection contact"},
    "calls.collection.contacted": {"zh-CN": "联系了谁", "en": "Whom they contacted"},
    "calls.collection.threats": {"zh-CN": "有威胁恐吓", "en": "Threats"},
    "calls.collection.safety": {"zh-CN": "威胁人身安全", "en": "Threat to safety"},
    "calls.collection.insults": {"zh-CN": "辱骂", "en": "Insults"},
    "calls.collection.collector": {
        "zh-CN": "催收方（公司、姓名或工号）",
        "en": "Collector (agency, name or staff number)",
    },
    "calls.collection.channel": {"zh-CN": "联系方式", "en": "How they made contact"},
    "calls.collection.note": {"zh-CN": "经过（对方说了什么）", "en": "What happened"},
    "calls.collection.save": {"zh-CN": "保存催收记录", "en": "Save contact"},
    "calls.collection.none": {
        "zh-CN": "还没有催收记录。",
        "en": "No collection contacts logged yet.",
    },
    "calls.collection.no_flags": {
        "zh-CN": "未发现违规情形。",
        "en": "No breach of the collection rules found.",
    },
    "calls.collection.complain": {"zh-CN": "投诉途径：", "en": "Where to complain:"},
    # timeline
    "calls.timeline.filter": {"zh-CN": "按机构筛选", "en": "Filter by lender"},
    "calls.timeline.empty": {
        "zh-CN": "还没有通话、还款或待办。",
        "en": "No calls, payments or follow-ups yet.",
    },
    "calls.timeline.overdue_count": {
        "zh-CN": "有 {n} 项已逾期（图中红圈标出）。",
        "en": {
            "one": "{n} item overdue (ringed in red on the chart).",
            "other": "{n} items overdue (ringed in red on the chart).",
        },
    },
    "calls.timeline.chart_title": {
        "zh-CN": "沟通与还款时间线",
        "en": "Calls and payments timeline",
    },
    "calls.timeline.x_title": {"zh-CN": "日期（北京时间）", "en": "Date (Beijing time)"},
    "calls.timeline.now": {"zh-CN": "现在", "en": "Now"},
    "calls.timeline.overdue": {"zh-CN": "已逾期", "en": "Overdue"},
    "calls.timeline.overdue_mark": {"zh-CN": "⚠ 逾期", "en": "⚠ overdue"},
    "calls.timeline.lane.call": {"zh-CN": "通话", "en": "Calls"},
    "calls.timeline.lane.promise": {"zh-CN": "承诺", "en": "Promises"},
    "calls.timeline.lane.collection": {"zh-CN": "催收", "en": "Collection"},
    "calls.timeline.lane.payment": {"zh-CN": "还款", "en": "Payments"},
    "calls.timeline.lane.due": {"zh-CN": "到期日", "en": "Due dates"},
    "calls.timeline.lane.task": {"zh-CN": "待办", "en": "Follow-ups"},
    "calls.timeline.lane.legal": {"zh-CN": "法律程序", "en": "Legal"},
    "calls.timeline.style.legal.step": {"zh-CN": "法律程序节点", "en": "Legal step"},
    "calls.timeline.style.legal.deadline": {"zh-CN": "期限（进行中）", "en": "Deadline running"},
    "calls.timeline.style.legal.deadline_closed": {
        "zh-CN": "期限（已过或已不适用）",
        "en": "Deadline passed or overtaken",
    },
    "calls.timeline.style.promise.promise": {"zh-CN": "承诺", "en": "Promise"},
    "calls.timeline.style.collection.collection": {"zh-CN": "催收联系", "en": "Contact"},
    "calls.timeline.style.payment.payment": {"zh-CN": "已还款", "en": "Payment"},
    "calls.timeline.style.task.open": {"zh-CN": "未完成", "en": "Open"},
    "calls.timeline.style.task.done": {"zh-CN": "已完成", "en": "Done"},
    "calls.timeline.promise.lender": {"zh-CN": "机构承诺", "en": "Lender's promise"},
    "calls.timeline.promise.client": {"zh-CN": "客户承诺", "en": "Client's promise"},
    "calls.timeline.task.open": {"zh-CN": "未完成", "en": "Open"},
    "calls.timeline.task.done": {"zh-CN": "已完成", "en": "Done"},
    "calls.timeline.due_title": {
        "zh-CN": "第{number}期 {amount}",
        "en": "Installment {number}: {amount}",
    },
    "calls.list.when": {"zh-CN": "时间", "en": "When"},
    "calls.list.kind": {"zh-CN": "类型", "en": "Type"},
    "calls.list.lender": {"zh-CN": "机构", "en": "Lender"},
    "calls.list.status": {"zh-CN": "结果 / 状态", "en": "Outcome / status"},
    "calls.list.what": {"zh-CN": "内容", "en": "What"},
    "calls.list.overdue": {"zh-CN": "逾期", "en": "Overdue"},
    "calls.download.ics": {"zh-CN": "下载日历（.ics）", "en": "Download calendar (.ics)"},
    "calls.download.csv": {"zh-CN": "下载通话记录（CSV）", "en": "Download calls (CSV)"},
    # proposal kinds (for an agreed plan without a title)
    "calls.proposal_kind.baseline": {"zh-CN": "按原合同", "en": "As contracted"},
    "calls.proposal_kind.term_extension": {"zh-CN": "延期还款", "en": "Term extension"},
    "calls.proposal_kind.interest_waiver": {"zh-CN": "减免息费", "en": "Interest waiver"},
    "calls.proposal_kind.stop_interest": {"zh-CN": "停息挂账", "en": "Interest freeze"},
    "calls.proposal_kind.principal_first": {"zh-CN": "先还本金", "en": "Principal first"},
    "calls.proposal_kind.down_payment": {"zh-CN": "首付加分期", "en": "Down payment"},
    "calls.proposal_kind.lump_sum_settlement": {"zh-CN": "一次性结清", "en": "Settlement"},
    "calls.proposal_kind.combination": {"zh-CN": "延期加减免", "en": "Combination"},
    # field labels for error messages
    "field.next_action_on": {"zh-CN": "下一步日期", "en": "Next-action date"},
    "field.next_action": {"zh-CN": "下一步", "en": "Next action"},
    "field.agent_told_of_recording": {
        "zh-CN": "已告知对方在录音",
        "en": "Agent told of the recording",
    },
    "field.collector": {"zh-CN": "催收方", "en": "Collector"},
    "field.lender": {"zh-CN": "机构", "en": "Lender"},
    "field.paid_on": {"zh-CN": "还款日期", "en": "Paid on"},
    "field.call": {"zh-CN": "通话时间", "en": "Call time"},
    "field.lender_promised": {"zh-CN": "机构承诺", "en": "Lender's promise"},
    "field.client_promised": {"zh-CN": "客户承诺", "en": "Client's promise"},
}
