"""Texts of the app's frame: its name, the language switch, page titles, Home and units."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # App frame
    "app.title": {"zh-CN": "协商还款工作台", "en": "RepayTalk"},
    "lang.label": {"zh-CN": "语言 / Language", "en": "Language / 语言"},
    # Each language is named in its own script, whatever the current language.
    "lang.name.zh-CN": {"zh-CN": "中文", "en": "中文"},
    "lang.name.en": {"zh-CN": "English", "en": "English"},
    # Page titles (navigation)
    "page.home": {"zh-CN": "首页", "en": "Home"},
    "page.clients": {"zh-CN": "客户", "en": "Clients"},
    "page.affordability": {"zh-CN": "还款能力", "en": "Affordability"},
    "page.debts": {"zh-CN": "债务", "en": "Debts"},
    "page.proposals": {"zh-CN": "协商方案", "en": "Proposals"},
    "page.call_prep": {"zh-CN": "通话准备", "en": "Call prep"},
    "page.calls": {"zh-CN": "通话记录", "en": "Calls"},
    "page.today": {"zh-CN": "今日待办", "en": "Today"},
    "page.share": {"zh-CN": "分享方案", "en": "Share"},
    # Home page
    "home.title": {"zh-CN": "协商还款工作台", "en": "RepayTalk"},
    "home.intro": {
        "zh-CN": "为债务咨询顾问设计的协商还款工具：算清客户每月实际能还多少，"
        "比较与各家银行、消费金融公司的协商方案，准备并记录每一次沟通，"
        "最后把隐去个人信息的还款计划交给客户确认。",
        "en": "A workbench for debt counselors negotiating with banks and consumer lenders: "
        "work out what a client can really repay each month, compare repayment proposals, "
        "prepare for and log every call, then give the client a repayment plan with personal "
        "details masked.",
    },
    "home.cap.affordability.title": {"zh-CN": "评估还款能力", "en": "Check affordability"},
    "home.cap.affordability.body": {
        "zh-CN": "根据收入、必要开支和家庭情况，算出每月可用于还款的金额。",
        "en": "From income, essential spending and household, find the monthly amount the client "
        "can put towards debts.",
    },
    "home.cap.proposals.title": {"zh-CN": "比较协商方案", "en": "Compare proposals"},
    "home.cap.proposals.body": {
        "zh-CN": "对比分期、停息挂账、减免利息等方案的月供、还款总额和期数。",
        "en": "Compare instalment plans, interest freezes and interest waivers by monthly "
        "payment, total repaid and term.",
    },
    "home.cap.calls.title": {"zh-CN": "准备与记录通话", "en": "Prepare and log calls"},
    "home.cap.calls.body": {
        "zh-CN": "通话前梳理要点和客户的底线，通话后记下对方答复与下一步安排。",
        "en": "Before a call, set out the key points and the client's limits; afterwards, record "
        "the lender's answer and the next step.",
    },
    "home.cap.share.title": {"zh-CN": "分享脱敏方案", "en": "Share a masked plan"},
    "home.cap.share.body": {
        "zh-CN": "生成隐去姓名、身份证号和卡号的还款计划，方便发给客户确认。",
        "en": "Produce a repayment plan with name, ID and card numbers masked, ready to send to "
        "the client.",
    },
    "home.workflow.title": {"zh-CN": "工作流程", "en": "How the work flows"},
    "home.step.clients": {
        "zh-CN": "建立客户档案，记录家庭和收入情况。",
        "en": "Keep a file for each client, with household and income.",
    },
    "home.step.affordability": {
        "zh-CN": "测算每月可用于还款的金额。",
        "en": "Work out the monthly amount available for repayments.",
    },
    "home.step.debts": {
        "zh-CN": "录入每笔信用卡、网贷和消费贷的欠款、利率与逾期情况。",
        "en": "Record each credit card, online and consumer loan: balance, rate and arrears.",
    },
    "home.step.proposals": {
        "zh-CN": "为每家机构拟定并比较协商方案。",
        "en": "Draft and compare a proposal for each lender.",
    },
    "home.step.call_prep": {
        "zh-CN": "整理通话要点、依据材料和可接受的底线。",
        "en": "Prepare talking points, supporting evidence and the client's limits.",
    },
    "home.step.calls": {
        "zh-CN": "记录每次通话的结果和双方的承诺。",
        "en": "Log the outcome of each call and what each side agreed.",
    },
    "home.step.today": {
        "zh-CN": "查看今天需要跟进的通话和还款日。",
        "en": "See today's follow-up calls and payment dates.",
    },
    "home.step.share": {
        "zh-CN": "导出脱敏后的还款计划，交给客户确认。",
        "en": "Export a masked repayment plan for the client to confirm.",
    },
    "home.disclaimer": {
        "zh-CN": "本工具仅用于辅助制定还款计划，不构成法律或财务建议。",
        "en": "RepayTalk is a planning aid, not legal or financial advice.",
    },
    # Units
    "unit.months": {"zh-CN": "{n}个月", "en": {"one": "{n} month", "other": "{n} months"}},
}
