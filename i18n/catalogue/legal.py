"""Texts of the legal status and its deadlines (:mod:`core.rules.legal`): the stages, the
deadlines and whose they are, the articles they come from, the advice for the escalation ladder
and the call script, and the errors of a legal status. Dates in ``{due}`` come formatted by
:func:`i18n.format_date`; ``{article}`` is the article's number.

Enum labels follow ``enum.<prefix>.<value>`` with the prefixes ``legal_stage``
(:class:`~core.rules.legal.LegalStage`), ``legal_deadline``
(:class:`~core.rules.legal.DeadlineKind`) and ``legal_party``
(:class:`~core.rules.legal.Party`).
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # core.rules.legal.LegalStage
    "enum.legal_stage.none": {"zh-CN": "未进入法律程序", "en": "No legal action"},
    "enum.legal_stage.lawyer_letter": {"zh-CN": "收到律师函", "en": "Lawyer's letter received"},
    "enum.legal_stage.suit_filed": {"zh-CN": "已起诉", "en": "Suit filed"},
    "enum.legal_stage.served": {"zh-CN": "已收到起诉状", "en": "Complaint served"},
    "enum.legal_stage.judgment": {
        "zh-CN": "判决或仲裁裁决",
        "en": "Judgment or arbitral award",
    },
    "enum.legal_stage.ruling": {"zh-CN": "裁定", "en": "Ruling"},
    "enum.legal_stage.appeal": {"zh-CN": "已上诉", "en": "Appeal lodged"},
    "enum.legal_stage.enforcement": {"zh-CN": "强制执行", "en": "Enforcement"},
    # core.rules.legal.DeadlineKind
    "enum.legal_deadline.defence": {"zh-CN": "提交答辩状", "en": "Defence due"},
    "enum.legal_deadline.appeal_judgment": {
        "zh-CN": "对判决上诉",
        "en": "Appeal against the judgment",
    },
    "enum.legal_deadline.appeal_ruling": {
        "zh-CN": "对裁定上诉",
        "en": "Appeal against the ruling",
    },
    "enum.legal_deadline.enforcement": {
        "zh-CN": "债权人申请执行的期限",
        "en": "Creditor's time to apply for enforcement",
    },
    # core.rules.legal.Party
    "enum.legal_party.debtor": {"zh-CN": "客户的期限", "en": "Client's deadline"},
    "enum.legal_party.creditor": {"zh-CN": "债权人的期限", "en": "Creditor's deadline"},
    # fields of a legal event
    "field.legal_stage": {"zh-CN": "法律程序阶段", "en": "Legal stage"},
    "field.legal_on": {"zh-CN": "日期（送达或收到之日）", "en": "Date (served or received)"},
    "field.legal_document": {"zh-CN": "文书（案号、法院）", "en": "Document (case no., court)"},
    "field.award": {"zh-CN": "仲裁裁决", "en": "Arbitral award"},
    "field.perform_by": {
        "zh-CN": "文书规定的履行期限最后一日",
        "en": "Last day to pay set by the decision",
    },
    "legal.on_help": {
        "zh-CN": "起诉状、判决书、裁定书请填客户实际收到（送达）的日期，不是文书落款"
        "日期：期限从送达的次日起算。",
        "en": "For a complaint, judgment or ruling enter the day the client actually received it "
        "(was served), not the date printed on it: deadlines count from the day after service.",
    },
    "legal.perform_by_help": {
        "zh-CN": "判决书通常写明“于本判决生效之日起十日内履行”；请按生效日期算出最后一日填写。"
        "不填则不计算申请执行期限。",
        "en": "A judgment usually says “pay within 10 days of this judgment taking effect”; "
        "enter the last day that gives. Without it no enforcement deadline is worked out.",
    },
    # deadlines as shown
    "legal.deadline.due": {"zh-CN": "截止 {due}", "en": "Due {due}"},
    "legal.deadline.rolled": {
        "zh-CN": "期限最后一日 {nominal} 是休息日，顺延至 {due}。",
        "en": "The last day, {nominal}, is not a working day, so the deadline moves to {due}.",
    },
    "legal.deadline.days_left": {
        "zh-CN": {"other": "还剩 {n} 天"},
        "en": {"one": "{n} day left", "other": "{n} days left"},
    },
    "legal.deadline.due_today": {"zh-CN": "今天截止", "en": "Due today"},
    "legal.deadline.passed": {
        "zh-CN": {"other": "已过期 {n} 天"},
        "en": {"one": "Passed {n} day ago", "other": "Passed {n} days ago"},
    },
    "legal.deadline.cited": {
        "zh-CN": "依据：《民事诉讼法》（{revision}年修正）第{article}条",
        "en": "Source: Civil Procedure Law ({revision} revision), art. {article}",
    },
    "legal.deadline.enforcement_estimate": {
        "zh-CN": "这是债权人的期限，仅供参考：部分还款、执行和解等会使期限中断并重新计算。",
        "en": "This is the creditor's deadline and only a guide: a partial payment or an "
        "execution settlement interrupts it and it starts again.",
    },
    "legal.calendar_note": {
        "zh-CN": "期限遇周六、周日和已录入的法定节假日顺延。法定节假日需按国务院公布的当年"
        "放假安排录入，未录入的节假日不会顺延。",
        "en": "Deadlines falling on a Saturday, Sunday or an entered public holiday move to the "
        "next working day. Public holidays must be entered from the State Council's calendar "
        "for the year; a holiday not entered does not move a deadline.",
    },
    # the articles (core.rules.legal.SOURCES)
    "legal.source.counting": {
        "zh-CN": "期间开始的日不计算在期间内；期间最后一日是法定休假日的，以休假日后的第一日为期间"
        "届满的日期。",
        "en": "The starting day of a period is not counted; a period whose last day is a "
        "statutory holiday ends on the first day after the holiday.",
    },
    "legal.source.pre_suit_mediation": {
        "zh-CN": "起诉到法院的纠纷适宜调解的，先行调解，当事人拒绝调解的除外。",
        "en": "A dispute brought to court that is suited to mediation is mediated first, "
        "unless a party refuses.",
    },
    "legal.source.court_mediation": {
        "zh-CN": "法院审理民事案件，根据当事人自愿的原则，在事实清楚的基础上进行调解。",
        "en": "Courts mediate civil cases where the parties agree to it, on the established facts.",
    },
    "legal.source.execution_settlement": {
        "zh-CN": "执行中双方自行和解达成协议的，记入笔录；一方不履行和解协议的，对方可以申请"
        "恢复执行原生效法律文书。",
        "en": "A settlement reached during enforcement is put on record; if it is not kept, the "
        "other party may ask for enforcement of the original decision to resume.",
    },
    "legal.source.defence": {
        "zh-CN": "被告应当在收到起诉状副本之日起十五日内提出答辩状。",
        "en": "The defendant files a defence within 15 days of receiving the complaint.",
    },
    "legal.source.appeal_judgment": {
        "zh-CN": "不服地方人民法院第一审判决的，可以在判决书送达之日起十五日内上诉。",
        "en": "A first-instance judgment of a local court may be appealed within 15 days of "
        "its service.",
    },
    "legal.source.appeal_ruling": {
        "zh-CN": "不服地方人民法院第一审裁定的，可以在裁定书送达之日起十日内上诉（裁定书会写明能否"
        "上诉）。",
        "en": "A first-instance ruling of a local court may be appealed within 10 days of its "
        "service (the ruling says whether it can be).",
    },
    "legal.source.enforcement": {
        "zh-CN": "申请执行的期间为二年，从法律文书规定履行期间的最后一日起计算。",
        "en": "The time to apply for enforcement is 2 years from the last day of the "
        "performance period the decision sets.",
    },
    # advice for the escalation ladder and the call script (core.rules.legal.AdviceKey)
    "legal.advice.negotiate_direct": {
        "zh-CN": "目前没有进入法律程序，照常与机构协商。",
        "en": "No legal action so far: negotiate with the lender as usual.",
    },
    "legal.advice.lawyer_letter": {
        "zh-CN": "律师函不是法院文书，本身没有法律期限。先核实律师事务所和律师是否真实存在，再通过"
        "机构官方渠道或该律师协商，说明还款困难并提出方案。",
        "en": "A lawyer's letter is not a court document and sets no legal deadline of its "
        "own. Check that the law firm and the lawyer are real, then negotiate through the "
        "lender's official channels or that lawyer, explaining the hardship and offering a "
        "plan.",
    },
    "legal.advice.through_lawyer_or_mediation": {
        "zh-CN": "机构已经起诉，协商请通过机构的代理律师，或者法院的诉前调解、诉讼调解进行；"
        "调解达成的协议由法院出具调解书，与判决同样有效。",
        "en": "The lender has gone to court: negotiate through its lawyer or the court's "
        "mediation (before or during the trial). An agreement reached in mediation is issued "
        "by the court and binds like a judgment.",
    },
    "legal.advice.answer_the_court": {
        "zh-CN": "客户已收到起诉状：请在答辩期内提交答辩状，并按传票时间出庭。不答辩、不出庭不会让"
        "案子停下，法院可以缺席判决。",
        "en": "The client has been served the complaint: file a defence within the time "
        "allowed and attend the hearing on the summons. Staying silent does not stop the "
        "case; the court can decide without the client.",
    },
    "legal.advice.award_no_appeal": {
        "zh-CN": "仲裁裁决是终局的，不能上诉。对裁决有异议的，请尽快咨询律师或法律援助。",
        "en": "An arbitral award is final and cannot be appealed. If the client disputes it, "
        "get advice from a lawyer or legal aid quickly.",
    },
    "legal.advice.execution_settlement": {
        "zh-CN": "已有判决或裁决：与债权人达成的还款安排应写成书面的执行和解协议，交执行法院记录"
        "在案。不履行和解协议，债权人可以申请恢复执行原判决。",
        "en": "There is a judgment or award: a repayment agreement with the creditor should be "
        "written up as an execution settlement and put on record with the enforcing court. "
        "If it is not kept, the creditor can have the original judgment enforced again.",
    },
    "legal.advice.enforcement_under_way": {
        "zh-CN": "已进入强制执行：可以向执行法官说明困难，并与债权人协商执行和解。如实申报财产，"
        "否则可能被列入失信被执行人名单或被限制高消费。",
        "en": "Enforcement has begun: explain the hardship to the enforcement judge and "
        "negotiate an execution settlement with the creditor. Declare assets truthfully, or "
        "the client may be listed as a defaulter or barred from high spending.",
    },
    "legal.advice.disclaimer": {
        "zh-CN": "以上内容是一般信息，不是法律意见；具体案件请以法院文书为准并咨询律师。",
        "en": "This is general information, not legal advice; go by the court's documents and "
        "ask a lawyer about the case.",
    },
    "legal.advice.legal_aid": {
        "zh-CN": "经济困难的客户可以拨打 12348 公共法律服务热线，或到当地法律援助中心申请"
        "免费法律援助。",
        "en": "A client who cannot afford a lawyer can call the 12348 public legal services "
        "hotline or apply for free legal aid at the local legal aid centre.",
    },
    # errors of a legal status
    "error.legal_order": {
        "zh-CN": "日期先后不对：例如收到起诉状不能早于起诉，判决不能早于起诉，执行不能早于判决",
        "en": "the dates are in an impossible order: e.g. a complaint served before the suit "
        "was filed, a judgment before the suit, enforcement before the judgment",
    },
    "error.legal_missing": {
        "zh-CN": "上诉之前需要先录入判决或裁定",
        "en": "an appeal needs the judgment or ruling it is against recorded first",
    },
    "error.legal_none": {
        "zh-CN": "“未进入法律程序”不需要录入事件",
        "en": "“No legal action” is not recorded as an event",
    },
}
