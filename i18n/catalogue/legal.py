"""Texts of the legal status and its deadlines (:mod:`core.rules.legal`): the stages, the
deadlines and whose they are, the articles they come from, and the errors of a legal status.
The advice for the escalation ladder and the call script (``legal.advice.*``) is rendered by
``core`` and so lives in :data:`core.rules.templates.TEMPLATES`, merged into the catalogue.
Dates in ``{due}`` come formatted by :func:`i18n.format_date`; ``{article}`` is the article's
number.

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
        "zh-CN": "期限遇周六、周日顺延到下一个工作日。尚未录入法定节假日日历（数据页），"
        "遇节假日的期限不会顺延，请对照国务院公布的当年放假安排核对。",
        "en": "Deadlines falling on a Saturday or Sunday move to the next working day. No "
        "public holiday calendar has been entered (Data page), so a deadline on a public "
        "holiday has not been moved: check it against the State Council's schedule.",
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
