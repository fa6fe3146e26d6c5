"""Texts of the power of attorney (授权委托书, :mod:`report.attorney`): the client authorises
the counselor to negotiate with one named lender.

The Chinese text is the document the client signs and the lender keeps; the English one is a
reading copy for the counselor, saying the same thing line by line. Keys: ``attorney.<part>``;
the scope items are ``attorney.scope.<Scope value>`` (:class:`core.rules.attorney.Scope`); the
refusals are ``error.attorney_*`` (worded by :mod:`i18n.errors`, under ``field.attorney``);
``attorney.download.*`` and ``attorney.form.*`` are for the page that offers it.
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # --- the document -------------------------------------------------------------------------
    "attorney.title": {"zh-CN": "授权委托书", "en": "Power of attorney"},
    "attorney.file_title": {
        "zh-CN": "授权委托书（{creditor}）",
        "en": "Power of attorney ({creditor})",
    },
    "attorney.reading_copy": {
        "zh-CN": "本页为中文授权委托书的英文对照，仅供顾问核对；客户签署并交给贷款方的是中文版。",
        "en": "English reading copy of the Chinese power of attorney, for the counselor to "
        "check; the client signs the Chinese version and the lender receives it.",
    },
    "attorney.principal": {"zh-CN": "委托人：{name}", "en": "Principal (client): {name}"},
    "attorney.id_number": {"zh-CN": "身份证号：{number}", "en": "ID number: {number}"},
    "attorney.agent": {"zh-CN": "受托人：{name}", "en": "Agent (counselor): {name}"},
    "attorney.org": {"zh-CN": "受托人所在机构：{org}", "en": "Agent's organisation: {org}"},
    "attorney.lender": {"zh-CN": "贷款方：{creditor}", "en": "Lender: {creditor}"},
    "attorney.contract": {"zh-CN": "合同编号：{number}", "en": "Contract number: {number}"},
    "attorney.product": {"zh-CN": "借款产品：{product}", "en": "Product: {product}"},
    "attorney.to_fill": {"zh-CN": "（请补填）", "en": "(to be filled in)"},
    "attorney.statement": {
        "zh-CN": "本人{name}，现委托{agent}作为本人的代理人，就本人在{creditor}的借款"
        "（合同编号：{number}），在下列权限范围内代表本人与{creditor}协商还款事宜。",
        "en": "I, {name}, appoint {agent} as my agent to discuss the repayment of my loan with "
        "{creditor} (contract number: {number}) on my behalf, within the powers listed below.",
    },
    "attorney.section.scope": {"zh-CN": "一、委托权限", "en": "1. Powers given"},
    "attorney.scope.negotiate_plan": {
        "zh-CN": "就上述借款与贷款方协商还款方案（如延长期限、分期、停息挂账、减免利息和罚息），"
        "并向贷款方说明本人的困难情况和还款能力。",
        "en": "Negotiate a repayment plan for the loan with the lender (such as a longer term, "
        "installments, stopping interest, waiving interest and penalties) and explain my "
        "hardship and what I can afford.",
    },
    "attorney.scope.receive_information": {
        "zh-CN": "向贷款方了解和查询上述借款的欠款金额、还款记录和合同约定。",
        "en": "Ask for and receive information about the loan: what is owed, the repayment "
        "record and the contract's terms.",
    },
    "attorney.scope.receive_replies": {
        "zh-CN": "接收贷款方提出的还款方案和书面答复，并及时转交本人。",
        "en": "Receive the lender's repayment proposals and written replies, and pass them on "
        "to me without delay.",
    },
    "attorney.scope.sign_agreement": {
        "zh-CN": "经本人事先书面确认后，代本人签署上述借款的还款协议。",
        "en": "Sign, on my behalf, a repayment agreement for the loan that I have confirmed "
        "in writing beforehand.",
    },
    "attorney.no_signing": {
        "zh-CN": "受托人无权代本人签署任何协议或文件；任何还款协议须由本人确认并亲自签署。",
        "en": "The agent may not sign any agreement or document on my behalf: any repayment "
        "agreement is confirmed and signed by me.",
    },
    "attorney.no_money": {
        "zh-CN": "受托人不得以本人名义借款或承担任何新的债务，也不得代本人收取或经手任何款项；"
        "还款由本人直接支付至贷款方的官方还款账户。",
        "en": "The agent may not borrow or take on any new debt in my name, nor receive or "
        "handle any money for me; I pay the lender directly into its official repayment "
        "account.",
    },
    "attorney.section.limits": {"zh-CN": "二、权限限制", "en": "2. Limits"},
    "attorney.section.validity": {"zh-CN": "三、委托期限", "en": "3. Validity"},
    "attorney.validity": {
        "zh-CN": "本委托自{start}起至{end}止（{months}）。",
        "en": "This authorisation is valid from {start} to {end} ({months}).",
    },
    "attorney.revoke": {
        "zh-CN": "本人可随时以书面形式撤销本委托，撤销自贷款方收到书面通知之日起生效。",
        "en": "I may revoke this authorisation in writing at any time; the revocation takes "
        "effect on the day the lender receives the written notice.",
    },
    "attorney.own_decision": {
        "zh-CN": "受托人的协商不代替本人对还款方案的最终决定。",
        "en": "What the agent negotiates does not replace my own final decision on the "
        "repayment plan.",
    },
    "attorney.sign.client": {
        "zh-CN": "委托人（签字）：________________",
        "en": "Principal (signature): ________________",
    },
    "attorney.sign.agent": {
        "zh-CN": "受托人（签字）：________________",
        "en": "Agent (signature): ________________",
    },
    "attorney.sign.date": {"zh-CN": "日期：{date}", "en": "Date: {date}"},
    # --- the page that offers it --------------------------------------------------------------
    "attorney.download.title": {"zh-CN": "授权委托书", "en": "Power of attorney"},
    "attorney.download.note": {
        "zh-CN": "客户授权顾问就这笔借款与贷款方协商的委托书：写明权限和期限，由客户和顾问签字后"
        "交给贷款方。委托书上有客户的全名和完整身份证号（贷款方据此核实身份），请只交给贷款方"
        "官方渠道；Word 版可先修改再打印。",
        "en": "The client's authorisation for the counselor to negotiate this loan with the "
        "lender, with its powers and validity, for the client and the counselor to sign and "
        "hand to the lender. It gives the client's full name and full ID number (the lender "
        "checks the client's identity with them): give it only to the lender's official "
        "channels. The Word file can be edited before printing.",
    },
    "attorney.download.docx": {"zh-CN": "Word 委托书", "en": "Power of attorney (Word)"},
    "attorney.download.pdf": {"zh-CN": "PDF 委托书", "en": "Power of attorney (PDF)"},
    "attorney.download.language.zh-CN": {
        "zh-CN": "中文（签署并交给贷款方）",
        "en": "Chinese (to sign and hand over)",
    },
    "attorney.download.language.en": {
        "zh-CN": "英文对照（供顾问核对）",
        "en": "English (reading copy)",
    },
    "attorney.download.language": {"zh-CN": "委托书语言", "en": "Document language"},
    "attorney.form.name_first": {
        "zh-CN": "填写受托顾问的姓名后，即可生成委托书。",
        "en": "Type the counselor's name to make the document.",
    },
    "attorney.form.counselor_name": {"zh-CN": "受托顾问姓名", "en": "Counselor's name"},
    "attorney.form.counselor_org": {"zh-CN": "顾问所在机构", "en": "Counselor's organisation"},
    "attorney.form.valid_from": {"zh-CN": "委托起始日", "en": "Valid from"},
    "attorney.form.months": {"zh-CN": "委托期限（月）", "en": "Validity (months)"},
    "attorney.form.scope": {"zh-CN": "委托权限", "en": "Powers given"},
    "attorney.form.sign_help": {
        "zh-CN": "不勾选“代为签署还款协议”时，委托书写明顾问不能代客户签署任何文件。",
        "en": "Unless “sign the repayment agreement” is ticked, the document says that the "
        "counselor signs nothing on the client's behalf.",
    },
    "attorney.form.scope.negotiate_plan": {
        "zh-CN": "协商还款方案",
        "en": "Negotiate the repayment plan",
    },
    "attorney.form.scope.receive_information": {
        "zh-CN": "了解欠款信息",
        "en": "Receive information about the debt",
    },
    "attorney.form.scope.receive_replies": {
        "zh-CN": "接收方案和书面答复",
        "en": "Receive proposals and written replies",
    },
    "attorney.form.scope.sign_agreement": {
        "zh-CN": "代为签署还款协议（经客户书面确认）",
        "en": "Sign the repayment agreement (once the client confirms in writing)",
    },
    # --- refusals -----------------------------------------------------------------------------
    "field.attorney": {"zh-CN": "授权委托书", "en": "Power of attorney"},
    "error.attorney_needs_consent": {
        "zh-CN": "客户还没有同意由我们代其联系贷款方，因此不能生成授权委托书。"
        "请先在客户资料中记录这项同意。",
        "en": "the client has not agreed that we contact lenders for them, so no power of "
        "attorney can be made. Record that consent on the client's record first.",
    },
    "error.attorney_no_debt": {
        "zh-CN": "该客户名下没有这笔债务。",
        "en": "the client has no such debt.",
    },
    "error.attorney_counselor_name": {
        "zh-CN": "请填写受托顾问的姓名（1至{max}个字）。",
        "en": "enter the counselor's name (1 to {max} characters).",
    },
    "error.attorney_counselor_org": {
        "zh-CN": "顾问所在机构的名称最多{max}个字。",
        "en": "the counselor's organisation is at most {max} characters.",
    },
    "error.attorney_months": {
        "zh-CN": "委托期限须为{min}至{max}个月。",
        "en": "the authorisation lasts {min} to {max} months.",
    },
    "error.attorney_backdated": {
        "zh-CN": "委托起始日最早只能是{days}天前。",
        "en": "the authorisation cannot start more than {days} days ago.",
    },
    "error.attorney_needs_negotiation": {
        "zh-CN": "委托权限须包括“协商还款方案”，这是委托书的用途。",
        "en": "the powers must include negotiating the repayment plan: that is what the "
        "document is for.",
    },
    "attorney.checklist.recorded": {
        "zh-CN": "客户签字的委托书已记录在材料清单上。",
        "en": "The signed letter is recorded on the checklist.",
    },
    "attorney.checklist.missing": {
        "zh-CN": "还没有记录在材料清单上：打印委托书，请客户签字，然后在材料清单上勾选。",
        "en": "Not yet recorded on the checklist: print it, have the client sign, then tick it "
        "on the checklist.",
    },
}
