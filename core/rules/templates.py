"""Every text the call rules produce, in Simplified Chinese and English, side by side.

A rule returns codes and parameters; the words come from :data:`TEMPLATES`, one entry per
code with a ``str.format`` template in each language of :data:`LANGUAGES`. Both languages of
an entry use exactly the same placeholders (``tests/rules/test_templates.py`` checks every
entry), so a text is never missing a figure in one language.

Parameters reach a template already formatted: money, shares and dates by :mod:`core.text`
(the engine's and the UI's one formatter, re-exported here for the rules), a moment on the
Shanghai wall clock: ``2026年11月25日 14:30`` / ``25 Nov 2026, 14:30``.

Personal data: templates take the client's name and at most the last four digits of a phone
or contract number. No template has a place for an ID number.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from core.errors import CoreError
from core.text import (
    LANGUAGES,
    check_language,
    format_date,
    format_datetime,
    format_money,
    format_share,
)

__all__ = [
    "LANGUAGES",
    "TEMPLATES",
    "Notice",
    "check_language",
    "format_date",
    "format_datetime",
    "format_money",
    "format_share",
    "notice",
    "render",
    "render_from",
    "tail",
    "template_fields",
]


class Notice(BaseModel):
    """A stable ``code``, the formatted ``params`` it was worded from, and the ``text``."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, str] = Field(default_factory=dict)
    text: str


def tail(value: str | None, digits: int = 4) -> str:
    """The last ``digits`` characters of an identifier (a phone or contract number)."""
    return (value or "").strip()[-digits:]


def template_fields(template: str) -> set[str]:
    """The placeholder names of one template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(code: str, language: str, **params: Any) -> str:
    """The text of ``code`` in ``language`` with ``params`` filled in; all placeholders required."""
    return render_from(TEMPLATES, code, language, **params)


def render_from(
    table: Mapping[str, Mapping[str, str]], code: str, language: str, **params: Any
) -> str:
    """:func:`render` from another table of the same shape (a rule that keeps its own)."""
    check_language(language)
    try:
        template = table[code][language]
    except KeyError:
        raise CoreError("code", f"no template {code!r}", code="unknown_template") from None
    missing = template_fields(template) - params.keys()
    if missing:
        raise CoreError(
            "params", f"template {code!r} needs {sorted(missing)}", code="missing_param"
        )
    return template.format(**params)


def notice(code: str, language: str, **params: str) -> Notice:
    """A :class:`Notice` for ``code``: its parameters and its text in ``language``."""
    return Notice(code=code, params=params, text=render(code, language, **params))


# Keys are "<module>.<code>". Placeholders are the same in both languages of an entry.
TEMPLATES: dict[str, dict[str, str]] = {
    # --- scam red flags (core/rules/scam.py) --------------------------------------------
    "scam.number_from_ad": {
        "zh-CN": "这个号码是从搜索引擎广告或陌生人发来的消息里得到的，不是贷款机构的APP或官网。"
        "搜索结果排在前面的“客服电话”往往是付费广告，甚至是诈骗号码。",
        "en": "The number came from a search-engine ad or a stranger's message, not from the "
        "lender's app or official website. 'Customer service' numbers at the top of search "
        "results are often paid ads, sometimes outright scams.",
    },
    "scam.number_unverified": {
        "zh-CN": "号码的来源无法核实。请改用贷款机构APP客服中心或官网上公布的电话。",
        "en": "Where the number came from cannot be checked. Use the number shown in the "
        "lender's app (customer service page) or on its official website instead.",
    },
    "scam.fee_before_plan": {
        "zh-CN": "还没有任何还款方案，对方就要求先交手续费、保证金或“办理费”。"
        "正规机构协商还款不收这种费用。",
        "en": "The 'agent' wants a fee, deposit or processing charge before any plan exists. "
        "A genuine lender does not charge for negotiating a repayment plan.",
    },
    "scam.personal_account": {
        "zh-CN": "对方要求把钱转到个人账户或不认识的账户。"
        "还款只走贷款机构APP或合同写明的官方还款渠道。",
        "en": "The 'agent' wants money sent to a personal or unfamiliar account. Repayments go "
        "only through the lender's app or the official repayment channel named in the contract.",
    },
    "scam.passwords_or_codes": {
        "zh-CN": "对方索要密码或短信验证码。真正的客服从来不需要这些；"
        "一旦给出，账户可能被盗用，甚至被人冒名借款。",
        "en": "The 'agent' asked for a password or an SMS code. A real agent never needs them; "
        "handing them over can let someone empty an account or borrow in the client's name.",
    },
    "scam.no_identity_check": {
        "zh-CN": "对方没有核对客户身份就直接谈方案。官方客服一般会先核实身份信息。",
        "en": "The 'agent' talked about a plan without checking who the client is. An official "
        "agent normally verifies identity first.",
    },
    "scam.pressure": {
        "zh-CN": "对方催着马上行动（“今天不办就来不及”“现在就转账”）。"
        "人为制造紧迫感是诈骗的惯用手法；真实的方案可以等书面确认后再办。",
        "en": "The 'agent' pushed for action right now ('today only', 'transfer now'). Invented "
        "urgency is a standard scam tactic; a real plan can wait for written confirmation.",
    },
    "scam.paid_middleman": {
        "zh-CN": "有第三方声称收费就能“代办停息挂账”或“代理协商”。"
        "客户本人可以直接、免费向贷款机构申请；这类中介常收高额费用，或拿到个人信息后失联。",
        "en": "A third party offers to 'negotiate 停息挂账 (an interest freeze) for you' for a "
        "fee. The client can ask the lender directly and for free; such middlemen often charge "
        "heavily, or take personal details and disappear.",
    },
    "scam.advice.stop": {
        "zh-CN": "有高风险信号：立即停止并挂断电话，不转账，不报验证码。"
        "然后用贷款机构APP或官网公布的官方电话回拨核实。",
        "en": "High-risk sign: stop and hang up now. Do not transfer money or read out any code. "
        "Then call back on the official number from the lender's app or website to check.",
    },
    "scam.advice.caution": {
        "zh-CN": "有可疑之处：先不要做任何承诺或付款，记下对方工号，挂断后通过官方电话核实。",
        "en": "Something is off: make no promise and no payment yet. Note the agent's ID, hang "
        "up and check through the official number.",
    },
    "scam.advice.clear": {
        "zh-CN": "没有发现诈骗信号。仍然只通过官方渠道还款。",
        "en": "No scam signs found. Still, pay only through official channels.",
    },
    # --- collection conduct (core/rules/conduct.py) -------------------------------------
    "conduct.third_party_contact": {
        "zh-CN": "催收方联系了{target}。催收只能针对借款人本人，"
        "不应向亲友、同事或通讯录里的人透露或追讨这笔债务。",
        "en": "The collector contacted {target}. Collection may address only the borrower; "
        "the debt must not be disclosed to or demanded from relatives, colleagues or contacts.",
    },
    "enum.contact_target.client": {"zh-CN": "客户本人", "en": "the client"},
    "enum.contact_target.relative": {"zh-CN": "客户的亲属", "en": "the client's relatives"},
    "enum.contact_target.colleague": {
        "zh-CN": "客户的同事或单位",
        "en": "the client's colleagues or employer",
    },
    "enum.contact_target.contact_list": {
        "zh-CN": "客户通讯录里的联系人",
        "en": "people in the client's contact list",
    },
    "enum.contact_target.other_third_party": {
        "zh-CN": "与借款无关的第三人",
        "en": "a third party with no part in the loan",
    },
    "conduct.threat": {
        "zh-CN": "对方有威胁或恐吓的言语，例如扬言上门、曝光、伤害或“让你坐牢”。",
        "en": "The collector made threats: to come to the home or workplace, to expose the "
        "client, to cause harm, or 'jail'.",
    },
    "conduct.insult": {
        "zh-CN": "对方使用了辱骂或贬低人格的语言。",
        "en": "The collector used insults or degrading language.",
    },
    "conduct.late_night": {
        "zh-CN": "联系发生在{time}，处于{quiet_from}至次日{quiet_until}的休息时段。",
        "en": "The contact came at {time}, within the rest hours from {quiet_from} to "
        "{quiet_until} the next morning.",
    },
    "conduct.repeated": {
        "zh-CN": "{hours}小时内联系了{count}次，属于短时间内反复拨打。",
        "en": "{count} contacts within {hours} hours: repeated calls in a short time.",
    },
    "conduct.route.lender_then_regulator": {
        "zh-CN": "投诉途径：先通过贷款机构的官方客服或投诉渠道书面投诉；仍未解决的，{regulator}。",
        "en": "Complaint route: first complain in writing through the lender's official service "
        "or complaint channel; if that does not settle it, {regulator}.",
    },
    "conduct.route.police": {
        "zh-CN": "涉及人身安全的威胁，直接拨打110报警。",
        "en": "For a threat to anyone's safety, call the police on 110 straight away.",
    },
    "conduct.evidence": {
        "zh-CN": "请保留证据：通话录音、短信和聊天截图、来电记录（时间和号码）。",
        "en": "Keep the evidence: call recordings, screenshots of texts and chats, and the call "
        "log with times and numbers.",
    },
    # --- regulator routes (core/rules/escalation.py) ------------------------------------
    "route.nfra_12378": {
        "zh-CN": "拨打12378（国家金融监督管理总局的金融消费者投诉热线）",
        "en": "call 12378, the consumer hotline of the National Financial Regulatory "
        "Administration",
    },
    "route.local_regulator": {
        "zh-CN": "向小额贷款公司注册地的地方金融管理部门投诉",
        "en": "complain to the local financial regulator where the microloan company is registered",
    },
    "route.pboc_12363": {
        "zh-CN": "拨打12363（中国人民银行的金融消费者权益保护热线），对征信记录提出异议",
        "en": "call 12363, the People's Bank of China consumer protection hotline, to dispute the "
        "credit-report (征信) entry",
    },
    "route.by_licence": {
        "zh-CN": "先在借款合同里查明实际放款的持牌机构：银行或消费金融公司拨打12378，"
        "小额贷款公司向其注册地的地方金融管理部门投诉",
        "en": "first find in the loan contract which licensed company actually lent the money: "
        "for a bank or consumer finance company call 12378; for a microloan company complain "
        "to the local financial regulator where it is registered",
    },
    # --- escalation ladder (core/rules/escalation.py) -----------------------------------
    "enum.step.negotiate": {"zh-CN": "协商电话", "en": "negotiation call"},
    "enum.step.retry": {"zh-CN": "再次协商", "en": "second attempt"},
    "enum.step.written_request": {"zh-CN": "书面申请", "en": "written request"},
    "enum.step.formal_complaint": {"zh-CN": "正式投诉", "en": "formal complaint"},
    "enum.step.public_channel": {"zh-CN": "公开渠道反映", "en": "public complaint"},
    "enum.step.regulator": {"zh-CN": "监管投诉", "en": "complaint to the regulator"},
    "enum.step.resolved": {"zh-CN": "已解决", "en": "resolved"},
    "enum.step.through_court": {
        "zh-CN": "通过代理律师或法院调解协商",
        "en": "negotiation through the lawyer or the court's mediation",
    },
    "enum.step.execution_settlement": {"zh-CN": "执行和解", "en": "execution settlement"},
    "escalation.step.negotiate": {
        "zh-CN": "先拨打贷款机构的官方客服电话协商，号码以APP或官网公布的为准。",
        "en": "Start with a call to the lender's official service line, using the number from "
        "its app or website.",
    },
    "escalation.step.retry": {
        "zh-CN": "{not_before}起换个时间或换一位客服再协商一次。"
        "不同客服的权限和处理方式可能不一样，记下对方工号。",
        "en": "From {not_before}, try again at another time or with another agent. Agents differ "
        "in what they can approve; note the agent's ID.",
    },
    "escalation.step.written_request": {
        "zh-CN": "通过官方邮箱、在线客服或信函向贷款机构提交书面协商申请，写明具体方案，"
        "附上收入证明和困难证明；给对方{wait_days}天答复。",
        "en": "Send the lender a written request for a repayment plan (official email, in-app "
        "chat or letter) with the concrete proposal and proof of income and hardship; allow "
        "{wait_days} days for an answer.",
    },
    "escalation.step.formal_complaint": {
        "zh-CN": "向贷款机构正式投诉，明确写“投诉”，并保存受理编号。"
        "机构应在{answer_days}天内答复，情况复杂的可延长到{extended_days}天。",
        "en": "File a formal complaint with the lender, calling it a complaint, and keep the "
        "reference number. It must answer within {answer_days} days, or {extended_days} days "
        "when it extends the time for a complex case.",
    },
    "escalation.step.public_channel": {
        "zh-CN": "通过公开渠道反映，例如贷款机构的官方微博、公众号或公开的消费投诉平台；"
        "只讲事实，不公开身份证号等个人信息；给对方{wait_days}天回应。",
        "en": "Raise it in public: the lender's official Weibo or WeChat account, or a public "
        "consumer complaint platform. Keep to the facts and never post an ID number or other "
        "personal details; allow {wait_days} days for a response.",
    },
    "escalation.step.regulator": {
        "zh-CN": "向监管部门投诉：{route}。备好通话记录、书面申请和投诉受理编号。",
        "en": "Complain to the regulator: {route}. Have the call log, the written request and "
        "the complaint reference numbers ready.",
    },
    "escalation.step.resolved": {
        "zh-CN": "已经与贷款机构达成一致，不需要升级；按约定跟进即可。",
        "en": "The lender has agreed; nothing to escalate. Follow up on what was agreed.",
    },
    "escalation.step.through_court": {
        "zh-CN": "机构已经起诉：投诉、公开反映和监管投诉代替不了法院程序。"
        "请联系机构的代理律师，或向法院申请（或同意）调解，在调解中提出还款方案；"
        "同时留意法院文书上的期限。",
        "en": "The lender has gone to court: complaints, public posts and the "
        "regulator do not replace the court's process. Contact the lender's lawyer, or ask for "
        "(or accept) the court's mediation and make the proposal there; keep to the deadlines "
        "in the court's documents.",
    },
    "escalation.step.execution_settlement": {
        "zh-CN": "已有判决或裁决：与债权人或其律师协商执行和解，谈好的方案写成书面的"
        "执行和解协议，交执行法院记录在案。",
        "en": "There is a judgment or award: negotiate an execution settlement with "
        "the creditor or its lawyer, and put the agreed plan in writing as an execution "
        "settlement recorded with the enforcing court.",
    },
    "escalation.reason.in_court": {
        "zh-CN": "这笔借款{on}已进入法院程序，下一步不再是投诉阶梯上的一级。",
        "en": "The debt has been in court since {on}: the next step is no longer a rung of the "
        "complaint ladder.",
    },
    "escalation.reason.start": {
        "zh-CN": "还没有任何沟通记录。",
        "en": "There is no contact on record yet.",
    },
    "escalation.reason.failed": {
        "zh-CN": "{on}的{step}没有结果。",
        "en": "The {step} on {on} did not succeed.",
    },
    "escalation.reason.waiting": {
        "zh-CN": "{step}还在等待期内，{until}之前先不要升级。",
        "en": "The {step} is still within its waiting time; do not escalate before {until}.",
    },
    "escalation.reason.timed_out": {
        "zh-CN": "{step}已超过{days}天的等待期，对方仍未答复。",
        "en": "The {days}-day waiting time of the {step} has passed without an answer.",
    },
    "escalation.reason.top": {
        "zh-CN": "已经到了最高一级，继续跟进监管部门的处理结果。",
        "en": "This is the top of the ladder; follow the regulator's handling of the case.",
    },
    "escalation.reason.resolved": {
        "zh-CN": "{on}已经达成一致。",
        "en": "Agreement was reached on {on}.",
    },
    # --- follow-up tasks (core/rules/followups.py) --------------------------------------
    "followup.check_plan_in_app": {
        "zh-CN": "在{by}之前登录{lender}的APP，核对新的还款计划是否已经更新；"
        "没有变化就马上联系客服，并提到{when}的这次通话。",
        "en": "By {by}, open {lender}'s app and check that the new repayment plan is there; if "
        "nothing changed, contact customer service at once and refer to the call of {when}.",
    },
    "followup.request_written_confirmation": {
        "zh-CN": "这次只是口头约定：通过{lender}的官方在线客服或邮箱发送确认消息，"
        "索要书面确认（聊天记录截图也可以），并妥善保存。",
        "en": "The agreement was only spoken: send the confirmation message through {lender}'s "
        "official in-app chat or email, ask for written confirmation (a chat screenshot will "
        "do) and keep it safe.",
    },
    "followup.installment_reminder": {
        "zh-CN": "第{number}笔还款{amount}将于{due}到期：提前备好钱，通过{lender}的官方渠道还款。",
        "en": "Payment {number} of {amount} is due on {due}: have the money ready and pay "
        "through {lender}'s official channel.",
    },
    "followup.retry_negotiation": {
        "zh-CN": "{lender}这次没有同意：换个时间或换一位客服再协商一次。",
        "en": "{lender} said no this time: try again at another time or with another agent.",
    },
    "followup.try_again_no_answer": {
        "zh-CN": "{lender}这次没有接通：换个时间再打一次，号码以APP或官网公布的为准。",
        "en": "{lender} did not answer: call again at another time, on the number from its app "
        "or website.",
    },
    "followup.awaiting_call_back": {
        "zh-CN": "{lender}答应回电：如果到{by}还没有回电，就主动再打过去，并提到{when}的通话。",
        "en": "{lender} promised to call back: if no call has come by {by}, call again and refer "
        "to the call of {when}.",
    },
    "followup.next_action": {
        "zh-CN": "按通话约定跟进：{action}",
        "en": "Follow up as agreed in the call: {action}",
    },
    # --- plan adherence (core/rules/adherence.py) ---------------------------------------
    "adherence.due_soon": {
        "zh-CN": "第{number}笔还款{amount}将在{days}天后（{due}）到期，还没有还。",
        "en": "Payment {number} of {amount} is due on {due} (days left: {days}) and not paid yet.",
    },
    "adherence.due_today": {
        "zh-CN": "第{number}笔还款{amount}今天（{due}）到期，还没有还清，尚差{shortfall}。",
        "en": "Payment {number} of {amount} is due today ({due}); {shortfall} is still unpaid.",
    },
    "adherence.missed": {
        "zh-CN": "第{number}笔还款（{due}到期，应还{amount}）没有按时还清，尚差{shortfall}。"
        "协商后的还款计划通常逾期一期就会失效：请马上联系贷款机构说明情况，尽快补还。",
        "en": "Payment {number} ({amount}, due {due}) was not paid in full on time; {shortfall} "
        "is outstanding. One missed payment usually voids a negotiated plan: contact the lender "
        "now, explain, and pay the shortfall as soon as possible.",
    },
    "adherence.paid_late": {
        "zh-CN": "第{number}笔还款晚了{days_late}天才还清（{due}到期，{paid_on}还清）。"
        "请向贷款机构确认协商方案仍然有效。",
        "en": "Payment {number} was paid in full but late (due {due}, paid {paid_on}; days "
        "late: {days_late}). Check with the lender that the negotiated plan still stands.",
    },
    "adherence.on_track": {
        "zh-CN": "已到期的还款都按时还清了。",
        "en": "Every payment due so far was paid on time.",
    },
    # --- call script (core/rules/script.py) ---------------------------------------------
    "script.section.opening": {"zh-CN": "开场", "en": "Opening"},
    "script.section.proposal": {"zh-CN": "提出方案", "en": "The proposal"},
    "script.section.objections": {"zh-CN": "对方这样说时", "en": "If the agent says…"},
    "script.section.close": {"zh-CN": "结束通话", "en": "Closing"},
    "script.section.reminders": {"zh-CN": "提醒", "en": "Reminders"},
    "script.opening.greeting": {
        "zh-CN": "您好，我是{lender}的用户{name}。",
        "en": "Hello, my name is {name}; I am a customer of {lender}.",
    },
    "script.opening.account": {
        "zh-CN": "我想谈的是{product}这笔借款{account}。",
        "en": "I am calling about my {product}{account}.",
    },
    "script.opening.account.contract": {
        "zh-CN": "，合同号尾号{contract_tail}",
        "en": ", contract number ending {contract_tail}",
    },
    "script.opening.account.phone": {
        "zh-CN": "，注册手机号尾号{phone_tail}",
        "en": ", registered to the mobile number ending {phone_tail}",
    },
    "script.opening.product.default": {"zh-CN": "我在贵司的", "en": "loan"},
    "script.opening.why": {
        "zh-CN": "今天来电，是想协商一个我能长期坚持下去的还款方案：我想把钱还上，"
        "只是眼下按原来的计划还不动。",
        "en": "I would like to agree a repayment plan I can keep up: I want to repay, but I "
        "cannot manage the current schedule at the moment.",
    },
    "script.opening.time": {
        "zh-CN": "请问您现在方便谈几分钟吗？",
        "en": "Do you have a few minutes to talk this through?",
    },
    "script.opening.agent_id": {
        "zh-CN": "方便告诉我您的工号吗？我记一下，后面跟进时好说明。",
        "en": "Could you tell me your staff ID (工号)? I note it so I can refer to this call "
        "later.",
    },
    "script.proposal.situation": {
        "zh-CN": "我现在每月收入{income}，除去基本生活开支，每月最多能拿出{capacity}还这笔钱。",
        "en": "My income is {income} a month; after essential living costs I can put at most "
        "{capacity} a month towards this loan.",
    },
    "script.proposal.capacity_only": {
        "zh-CN": "除去基本生活开支，我每月最多能拿出{capacity}还这笔钱。",
        "en": "After essential living costs I can put at most {capacity} a month towards this "
        "loan.",
    },
    "script.proposal.installments": {
        "zh-CN": "我希望这样还清需要还的{owed}：{plan}。",
        "en": "I would like to repay the {owed} as follows: {plan}.",
    },
    "script.proposal.waiver": {
        "zh-CN": "同时，希望贵司减免{share}的已产生利息和罚息，也就是{waived}。",
        "en": "I also ask you to waive {share} of the interest and penalties already charged, "
        "that is {waived}.",
    },
    "script.proposal.stop_interest": {
        "zh-CN": "我申请停息挂账：欠款按现在的金额冻结，之后不再计息，分期还清。",
        "en": "I am asking for 停息挂账: freeze the balance as it is today, with no further "
        "interest, and repay it in installments.",
    },
    "script.proposal.principal_first": {
        "zh-CN": "我希望先把本金还清，剩下的利息在本金还完之后再还。",
        "en": "I would like to repay the principal first and the remaining interest after it.",
    },
    "script.proposal.lower_rate": {
        "zh-CN": "今后的年利率希望降到{rate}。",
        "en": "From now on I ask for an annual rate of {rate}.",
    },
    "script.proposal.settlement": {
        "zh-CN": "我可以一共还{total}结清这笔借款：{parts}。",
        "en": "I can settle this loan for {total} in all: {parts}.",
    },
    "script.proposal.total": {
        "zh-CN": "按这个方案，我一共还{total}。",
        "en": "Under this plan I repay {total} in total.",
    },
    "script.proposal.documents": {
        "zh-CN": "收入证明和困难证明我都可以提供。",
        "en": "I can send proof of my income and of the hardship.",
    },
    "script.proposal.documents_income": {
        "zh-CN": "收入证明我可以提供；困难证明我正在准备，准备好后补交。",
        "en": "I can send proof of my income; I am getting the proof of the hardship together "
        "and will send it when I have it.",
    },
    "script.proposal.documents_hardship": {
        "zh-CN": "困难证明我可以提供；收入证明我正在准备，准备好后补交。",
        "en": "I can send proof of the hardship; I am getting the proof of my income together "
        "and will send it when I have it.",
    },
    "script.proposal.documents_none": {
        "zh-CN": "收入证明和困难证明我正在准备，准备好后可以补交。",
        "en": "I am getting proof of my income and of the hardship together and can send it "
        "when I have it.",
    },
    "script.objection.minimum_only.says": {
        "zh-CN": "“只能还最低还款额。”",
        "en": "'You can only pay the minimum.'",
    },
    "script.objection.minimum_only.answer": {
        "zh-CN": "最低还款主要在还利息，欠款几乎不减，时间长了我更还不起。"
        "每期{payment}是我能稳定做到的，本金会实实在在地减少。"
        "能否帮我申请个性化分期，或者转给有权限办理的同事？",
        "en": "The minimum mostly pays interest, so the debt hardly falls and I fall further "
        "behind. {payment} an installment is what I can pay reliably, and it brings the balance "
        "down. Could you apply for a personalised installment plan for me, or pass me to a "
        "colleague who can?",
    },
    "script.objection.system.says": {
        "zh-CN": "“系统办不了。”",
        "en": "'The system can't do that.'",
    },
    "script.objection.system.answer": {
        "zh-CN": "我理解系统有限制。这类申请是不是由专门的协商或贷后部门处理？"
        "能否帮我提交申请并给我一个受理编号，或者请有权限的同事回电？"
        "如果确实办不了，请告诉我书面申请应该寄到哪里。",
        "en": "I understand the system has limits. Is there a team that handles repayment "
        "arrangements? Could you log my request and give me a reference number, or have a "
        "colleague with the authority call me back? If it really cannot be done, please tell me "
        "where to send a written request.",
    },
    "script.objection.full_payment.says": {
        "zh-CN": "“必须全额还款。”",
        "en": "'You must pay in full.'",
    },
    "script.objection.full_payment.answer": {
        "zh-CN": "我不是不还，是现在没办法一次还清。每月{capacity}是我能保证的，"
        "比之后再逾期对双方都好。能否告诉我必须全额还款的依据，并给我一个书面答复？",
        "en": "I am not refusing to pay; I cannot pay it all at once. {capacity} a month is what "
        "I can guarantee, which is better for both of us than another default. What is the "
        "basis for requiring full payment? Could I have that in writing?",
    },
    "script.objection.counter_offer.says": {
        "zh-CN": "对方提出了一个你负担不起的方案。",
        "en": "The agent offers a plan the client cannot afford.",
    },
    "script.objection.counter_offer.answer": {
        "zh-CN": "这个方案对我确实有困难，答应了又做不到，对双方都不好。"
        "在每月不超过{capacity}的前提下，您看还有没有别的安排？",
        "en": "That plan is more than I can manage, and agreeing to something I cannot keep "
        "helps neither of us. Is there another arrangement within {capacity} a month?",
    },
    "script.close.agreed": {
        "zh-CN": "谢谢您！我复述一下谈好的方案：{plan}。"
        "麻烦把新的还款计划更新到APP里，并通过官方渠道给我一个书面确认。"
        "请问大概多久能在APP里看到？",
        "en": "Thank you! Let me repeat what we agreed: {plan}. Please update the plan in the "
        "app and confirm it in writing through an official channel. When will it show in the "
        "app?",
    },
    "script.close.not_agreed": {
        "zh-CN": "谢谢您的解答，我再考虑一下其他办法。今天的沟通会记录在我的账户下吗？",
        "en": "Thank you for explaining. I will think about other options. Will today's call be "
        "noted on my account?",
    },
    "script.reminder.calm": {
        "zh-CN": "保持平和：你是来解决问题的，不是来争吵的。先深呼吸，手边放杯水。",
        "en": "Stay calm: the call is about solving a problem, not winning an argument. Take a "
        "breath first and keep a glass of water at hand.",
    },
    "script.reminder.call_back": {
        "zh-CN": "如果情绪上来了或谈不下去，礼貌地请对方稍后回电，整理好思路再继续。",
        "en": "If emotions rise or the talk stalls, politely ask to be called back later, and "
        "gather your thoughts before going on.",
    },
    "script.reminder.notes": {
        "zh-CN": "录音要先告知对方；记下日期、时间、工号和对方的每一个承诺。",
        "en": "Tell the agent before recording; note the date, time, agent ID and every promise "
        "made.",
    },
    "script.reminder.limit": {
        "zh-CN": "只答应确实做得到的金额：每月不超过{capacity}。",
        "en": "Promise only what you can really pay: no more than {capacity} a month.",
    },
    "script.reminder.safety": {
        "zh-CN": "不向任何个人账户转账，不提供密码或短信验证码。",
        "en": "Never transfer money to a personal account, and never give a password or SMS code.",
    },
    "script.opening.on_behalf": {
        "zh-CN": "您好，我是{name}的债务协商顾问，受{name}书面委托（有签字的授权委托书），"
        "代{name}与{lender}协商这笔借款；委托书可以发给您核对。",
        "en": "Hello, I am calling on behalf of {name}, a customer of {lender}, with their "
        "written authorisation (a signed power of attorney), which I can send you.",
    },
    "script.opening.on_behalf_pending": {
        "zh-CN": "您好，我在协助{lender}的用户{name}处理这笔借款。{name}的书面授权委托书还在办理，"
        "今天先了解可行的安排，具体方案由{name}本人确认。",
        "en": "Hello, I am helping {name}, a customer of {lender}, with this loan. Their "
        "written authorisation is still being prepared, so today I would like to understand "
        "the options; {name} will confirm any plan personally.",
    },
    "script.reminder.power_of_attorney": {
        "zh-CN": "授权委托书已在材料清单上勾选：通话时说明受客户书面委托，对方要求时把签字的"
        "委托书发过去。",
        "en": "The power of attorney is ticked on the checklist: say you call with the client's "
        "written authorisation, and send the signed letter when asked.",
    },
    "script.reminder.power_of_attorney_missing": {
        "zh-CN": "授权委托书还没有记录在材料清单上：没有客户签字的委托书，机构可以拒绝与你谈这笔"
        "借款。请先打印、让客户签字，再在清单上勾选；或者由客户本人打电话。",
        "en": "The power of attorney is not recorded on the checklist: without the client's "
        "signed authorisation the lender may refuse to discuss the account with you. Print "
        "it, have the client sign it, then tick it on the checklist — or let the client make "
        "the call.",
    },
    "script.legal.lawyer_letter": {
        "zh-CN": "我收到了贵司委托律师发来的律师函。我愿意还款，希望通过协商解决，不必走到诉讼。",
        "en": "I have received the lawyer's letter sent on your behalf. I want to repay and "
        "would like to settle this by agreement, without going to court.",
    },
    "script.legal.court": {
        "zh-CN": "这笔借款贵司已经起诉。我愿意协商，希望通过贵司的代理律师或法院的调解来谈还款"
        "方案：请问应该联系哪位律师，贵司是否同意调解？",
        "en": "You have taken this loan to court. I want to reach an agreement, through your "
        "lawyer or the court's mediation: which lawyer should I speak to, and will you agree "
        "to mediation?",
    },
    "script.legal.judgment": {
        "zh-CN": "这笔借款已经有了判决（或仲裁裁决）。我希望和贵司达成执行和解，按我能做到的"
        "方案履行。",
        "en": "There is a judgment (or arbitral award) on this loan. I would like to agree an "
        "execution settlement with you, on a plan I can keep.",
    },
    "script.legal.enforcement": {
        "zh-CN": "这笔借款已经进入强制执行。我希望和贵司达成执行和解，按我能做到的方案履行，"
        "并向执行法官说明我的困难。",
        "en": "This loan is in enforcement. I would like to agree an execution settlement with "
        "you, on a plan I can keep, and I will explain my situation to the enforcement judge.",
    },
    "script.legal.close_settlement": {
        "zh-CN": "谈好的方案请写成书面的执行和解协议（双方签字），交执行法院记录在案。",
        "en": "Please put the agreed plan in writing as an execution settlement (执行和解协议), "
        "signed by both sides, and have it recorded with the enforcing court.",
    },
    "script.legal.close_mediation": {
        "zh-CN": "谈好的方案请通过法院调解出具调解书，或者由贵司律师书面确认。",
        "en": "Please have the agreed plan issued by the court as a mediation agreement, or "
        "confirmed in writing by your lawyer.",
    },
    # --- the card said by a counselor on the client's behalf: "<code>.agent" replaces <code>
    # (core/rules/script.py `voice`); {name} is the client's name, as in the greeting ----
    "script.opening.account.agent": {
        "zh-CN": "我想谈的是{name}名下的{product}借款{account}。",
        "en": "I am calling about {name}'s {product}{account}.",
    },
    "script.opening.product.default.agent": {"zh-CN": "贵司", "en": "loan"},
    "script.opening.why.agent": {
        "zh-CN": "今天来电，是想为{name}协商一个能长期坚持下去的还款方案：{name}想把钱还上，"
        "只是眼下按原来的计划还不动。",
        "en": "I would like to agree a repayment plan {name} can keep up: {name} wants to "
        "repay, but cannot manage the current schedule at the moment.",
    },
    "script.proposal.situation.agent": {
        "zh-CN": "{name}现在每月收入{income}，除去基本生活开支，每月最多能拿出{capacity}还这笔钱。",
        "en": "{name}'s income is {income} a month; after essential living costs {name} can "
        "put at most {capacity} a month towards this loan.",
    },
    "script.proposal.capacity_only.agent": {
        "zh-CN": "除去基本生活开支，{name}每月最多能拿出{capacity}还这笔钱。",
        "en": "After essential living costs {name} can put at most {capacity} a month towards "
        "this loan.",
    },
    "script.proposal.installments.agent": {
        "zh-CN": "{name}希望这样还清需要还的{owed}：{plan}。",
        "en": "{name} would like to repay the {owed} as follows: {plan}.",
    },
    "script.proposal.stop_interest.agent": {
        "zh-CN": "{name}申请停息挂账：欠款按现在的金额冻结，之后不再计息，分期还清。",
        "en": "{name} asks for 停息挂账: freeze the balance as it is today, with no further "
        "interest, and repay it in installments.",
    },
    "script.proposal.principal_first.agent": {
        "zh-CN": "{name}希望先把本金还清，剩下的利息在本金还完之后再还。",
        "en": "{name} would like to repay the principal first and the remaining interest after it.",
    },
    "script.proposal.settlement.agent": {
        "zh-CN": "{name}可以一共还{total}结清这笔借款：{parts}。",
        "en": "{name} can settle this loan for {total} in all: {parts}.",
    },
    "script.proposal.total.agent": {
        "zh-CN": "按这个方案，{name}一共还{total}。",
        "en": "Under this plan {name} repays {total} in total.",
    },
    "script.proposal.documents.agent": {
        "zh-CN": "{name}的收入证明和困难证明都可以提供。",
        "en": "I can send proof of {name}'s income and of the hardship.",
    },
    "script.proposal.documents_income.agent": {
        "zh-CN": "{name}的收入证明可以提供；困难证明正在准备，准备好后补交。",
        "en": "I can send proof of {name}'s income; the proof of the hardship is being "
        "prepared and will follow.",
    },
    "script.proposal.documents_hardship.agent": {
        "zh-CN": "{name}的困难证明可以提供；收入证明正在准备，准备好后补交。",
        "en": "I can send proof of {name}'s hardship; the proof of {name}'s income is being "
        "prepared and will follow.",
    },
    "script.proposal.documents_none.agent": {
        "zh-CN": "{name}的收入证明和困难证明正在准备，准备好后可以补交。",
        "en": "Proof of {name}'s income and of the hardship is being prepared and can be sent "
        "when ready.",
    },
    "script.objection.minimum_only.says.agent": {
        "zh-CN": "“只能还最低还款额。”",
        "en": "'Only the minimum payment is possible.'",
    },
    "script.objection.minimum_only.answer.agent": {
        "zh-CN": "最低还款主要在还利息，欠款几乎不减，时间长了{name}更还不起。"
        "每期{payment}是{name}能稳定做到的，本金会实实在在地减少。"
        "能否帮{name}申请个性化分期，或者转给有权限办理的同事？",
        "en": "The minimum mostly pays interest, so the debt hardly falls and {name} falls "
        "further behind. {payment} an installment is what {name} can pay reliably, and it "
        "brings the balance down. Could you apply for a personalised installment plan for "
        "{name}, or pass me to a colleague who can?",
    },
    "script.objection.system.answer.agent": {
        "zh-CN": "我理解系统有限制。这类申请是不是由专门的协商或贷后部门处理？"
        "能否帮{name}提交申请并给一个受理编号，或者请有权限的同事回电？"
        "如果确实办不了，请告诉我书面申请应该寄到哪里。",
        "en": "I understand the system has limits. Is there a team that handles repayment "
        "arrangements? Could you log {name}'s request and give me a reference number, or have "
        "a colleague with the authority call me back? If it really cannot be done, please tell "
        "me where to send a written request.",
    },
    "script.objection.full_payment.says.agent": {
        "zh-CN": "“必须全额还款。”",
        "en": "'The loan must be paid in full.'",
    },
    "script.objection.full_payment.answer.agent": {
        "zh-CN": "{name}不是不还，是现在没办法一次还清。每月{capacity}是{name}能保证的，"
        "比之后再逾期对双方都好。能否告诉我必须全额还款的依据，并给一个书面答复？",
        "en": "{name} is not refusing to pay, but cannot pay it all at once. {capacity} a month "
        "is what {name} can guarantee, which is better for both sides than another default. "
        "What is the basis for requiring full payment? Could we have that in writing?",
    },
    "script.objection.counter_offer.says.agent": {
        "zh-CN": "对方提出了一个客户负担不起的方案。",
        "en": "The agent offers a plan the client cannot afford.",
    },
    "script.objection.counter_offer.answer.agent": {
        "zh-CN": "这个方案对{name}确实有困难，答应了又做不到，对双方都不好。"
        "在每月不超过{capacity}的前提下，您看还有没有别的安排？",
        "en": "That plan is more than {name} can manage, and agreeing to something {name} "
        "cannot keep helps neither side. Is there another arrangement within {capacity} a "
        "month?",
    },
    "script.close.agreed.agent": {
        "zh-CN": "谢谢您！我复述一下谈好的方案：{plan}。"
        "麻烦把新的还款计划更新到{name}的APP里，并通过官方渠道给{name}一个书面确认。"
        "请问大概多久能在APP里看到？",
        "en": "Thank you! Let me repeat what we agreed: {plan}. Please update the plan in "
        "{name}'s app and confirm it to {name} in writing through an official channel. When "
        "will it show in the app?",
    },
    "script.close.not_agreed.agent": {
        "zh-CN": "谢谢您的解答，我和{name}再考虑一下其他办法。今天的沟通会记录在{name}的账户下吗？",
        "en": "Thank you for explaining. {name} and I will think about other options. Will "
        "today's call be noted on {name}'s account?",
    },
    "script.reminder.limit.agent": {
        "zh-CN": "只替客户答应确实做得到的金额：每月不超过{capacity}。",
        "en": "Agree only to what the client can really pay: no more than {capacity} a month.",
    },
    "script.legal.lawyer_letter.agent": {
        "zh-CN": "{name}收到了贵司委托律师发来的律师函。{name}愿意还款，希望通过协商解决，"
        "不必走到诉讼。",
        "en": "{name} has received the lawyer's letter sent on your behalf. {name} wants to "
        "repay and would like to settle this by agreement, without going to court.",
    },
    "script.legal.court.agent": {
        "zh-CN": "这笔借款贵司已经起诉。{name}愿意协商，希望通过贵司的代理律师或法院的调解来谈"
        "还款方案：请问应该联系哪位律师，贵司是否同意调解？",
        "en": "You have taken this loan to court. {name} wants to reach an agreement, through "
        "your lawyer or the court's mediation: which lawyer should we speak to, and will you "
        "agree to mediation?",
    },
    "script.legal.judgment.agent": {
        "zh-CN": "这笔借款已经有了判决（或仲裁裁决）。{name}希望和贵司达成执行和解，按{name}"
        "能做到的方案履行。",
        "en": "There is a judgment (or arbitral award) on this loan. {name} would like to agree "
        "an execution settlement with you, on a plan {name} can keep.",
    },
    "script.legal.enforcement.agent": {
        "zh-CN": "这笔借款已经进入强制执行。{name}希望和贵司达成执行和解，按{name}能做到的方案"
        "履行，并会向执行法官说明困难。",
        "en": "This loan is in enforcement. {name} would like to agree an execution settlement "
        "with you, on a plan {name} can keep, and will explain the situation to the "
        "enforcement judge.",
    },
    # --- legal advice for the ladder and the script (core.rules.legal.AdviceKey) -------
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
    # --- confirmation message (core/rules/script.py) ------------------------------------
    "confirm.greeting": {
        "zh-CN": "您好，我是{name}。",
        "en": "Hello, this is {name}.",
    },
    "confirm.greeting_phone": {
        "zh-CN": "您好，我是{name}（注册手机号尾号{phone_tail}）。",
        "en": "Hello, this is {name} (registered mobile number ending {phone_tail}).",
    },
    "confirm.context_agent": {
        "zh-CN": "{when}，我通过{channel}与贵司工号{agent_id}的客服沟通了还款协商。",
        "en": "On {when} I discussed a repayment arrangement by {channel} with your agent "
        "{agent_id}.",
    },
    "confirm.context": {
        "zh-CN": "{when}，我通过{channel}与贵司客服沟通了还款协商。",
        "en": "On {when} I discussed a repayment arrangement by {channel} with your service team.",
    },
    "confirm.intro": {
        "zh-CN": "为避免误解，根据我们刚才的沟通，我理解的是：",
        "en": "To avoid any misunderstanding, from what we just discussed, this is what I "
        "understand:",
    },
    "confirm.intro_refused": {
        "zh-CN": "为留存记录，我把本次沟通的结果整理如下：",
        "en": "For the record, this is how I understood the outcome of the conversation:",
    },
    "confirm.lender_promised": {
        "zh-CN": "贵司同意：{text}",
        "en": "You agreed: {text}",
    },
    "confirm.client_promised": {
        "zh-CN": "我承诺：{text}",
        "en": "I undertook: {text}",
    },
    "confirm.summary": {
        "zh-CN": "沟通内容：{text}",
        "en": "What was discussed: {text}",
    },
    "confirm.terms": {
        "zh-CN": "还款安排：{plan}，合计{total}。",
        "en": "Repayment: {plan}; {total} in total.",
    },
    "confirm.waived": {
        "zh-CN": "减免：贵司减免{waived}，这部分我不再需要偿还。",
        "en": "Waived: you waive {waived}, which I no longer owe.",
    },
    "confirm.subject": {
        "zh-CN": "还款协商确认（{date}）",
        "en": "Confirming our repayment arrangement ({date})",
    },
    "confirm.refused": {
        "zh-CN": "贵司这次没有同意我的申请。",
        "en": "You did not accept my request this time.",
    },
    "confirm.ask": {
        "zh-CN": "如有出入，请告诉我并更正；如无误，请回复确认，并在APP里更新还款计划。谢谢！",
        "en": "If anything here is wrong, please tell me and correct it; if it is right, please "
        "reply to confirm and update the plan in the app. Thank you!",
    },
    "confirm.ask_refused": {
        "zh-CN": "如有出入，请告诉我并更正；也请告知我可以通过什么途径提交书面申请。谢谢！",
        "en": "If anything here is wrong, please tell me and correct it, and let me know where I "
        "can send a written request. Thank you!",
    },
    "confirm.signature": {
        "zh-CN": "{name}\n{date}",
        "en": "{name}\n{date}",
    },
    "plan.level": {
        "zh-CN": "分{count}期，每期{payment}，第一期在{first_due}",
        "en": "{count} installments of {payment}, the first on {first_due}",
    },
    "plan.uneven": {
        "zh-CN": "分{count}期，第一期{first_payment}（{first_due}），每期最多{highest_payment}",
        "en": "{count} installments, the first of {first_payment} on {first_due}, none above "
        "{highest_payment}",
    },
    "plan.with_down_payment": {
        "zh-CN": "{down_on}先还{down}，其余{rest}",
        "en": "{down} on {down_on}, then {rest}",
    },
    "plan.settlement": {
        "zh-CN": "一共{total}结清：{parts}",
        "en": "{total} in full settlement: {parts}",
    },
    "plan.part": {
        "zh-CN": "{due}还{amount}",
        "en": "{amount} on {due}",
    },
    # --- calendar export (report/calendar.py) ------------------------------------------
    "calendar.due.summary": {
        "zh-CN": "{lender}还款{amount}（第{number}笔）",
        "en": "{lender}: pay {amount} (payment {number})",
    },
    "calendar.due.description": {
        "zh-CN": "今天到期，应还{amount}。请通过{lender}的APP或合同写明的官方渠道还款；"
        "协商后的方案逾期一期就可能失效。",
        "en": "Due today: {amount}. Pay through {lender}'s app or the official channel in the "
        "contract; a single missed payment can void the negotiated plan.",
    },
    "calendar.task.done": {
        "zh-CN": "（已完成）{title}",
        "en": "(done) {title}",
    },
    "enum.channel.phone": {"zh-CN": "电话", "en": "phone"},
    "enum.channel.in_app_chat": {"zh-CN": "APP在线客服", "en": "in-app chat"},
    "enum.channel.email": {"zh-CN": "邮件", "en": "email"},
    "enum.channel.letter": {"zh-CN": "信函", "en": "letter"},
    "enum.channel.regulator": {"zh-CN": "监管投诉渠道", "en": "a regulator's complaint channel"},
}
