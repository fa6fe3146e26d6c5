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
        "zh-CN": "根据收入、必要开支和当地低保标准，算出每月真正能拿出多少钱还债，"
        "并与本月应还、平时月供分别对比。",
        "en": "From income, essential costs and the local minimum living standard, find what "
        "the client can really put towards debts each month, against this month's demand and "
        "the usual installment.",
    },
    "home.cap.proposals.title": {"zh-CN": "比较协商方案", "en": "Compare proposals"},
    "home.cap.proposals.body": {
        "zh-CN": "对比延长期数、减免息费、停息挂账、一次性结清等方案的月供、还款总额和多付成本，"
        "给出建议和可以直接说出口的话术。",
        "en": "Compare longer terms, interest waivers, stop-interest plans and settlements by "
        "monthly payment, total repaid and cost, with a recommendation and words to say.",
    },
    "home.cap.calls.title": {"zh-CN": "准备与记录通话", "en": "Prepare and log calls"},
    "home.cap.calls.body": {
        "zh-CN": "通话前核对官方号码、防诈骗和材料，打印话术卡；"
        "通话后记下结果、双方承诺和达成的方案，自动生成还款提醒。",
        "en": "Before a call, check the official number, the scam signs and the documents, and "
        "print the script card; afterwards, log the outcome, each side's promises and the "
        "agreed plan, with reminders before each installment.",
    },
    "home.cap.share.title": {"zh-CN": "分享脱敏方案", "en": "Share a masked plan"},
    "home.cap.share.body": {
        "zh-CN": "生成隐去姓名、手机号、证件号和合同号的还款计划，可下载PDF、网页、图片和日历提醒，"
        "发给客户确认。",
        "en": "Produce the client's copy of the plan with name, phone, ID and contract numbers "
        "masked, as a PDF, a web page, images or calendar reminders.",
    },
    "home.workflow.title": {"zh-CN": "工作流程", "en": "How the work flows"},
    "home.step.clients": {
        "zh-CN": "查找或新建客户，记录家庭人口和客户的授权；也可以载入示例客户试用。",
        "en": "Find or add the client, with household size and consent; or load the example "
        "client to try things out.",
    },
    "home.step.affordability": {
        "zh-CN": "填写收入和必要开支，保存带日期的预算版本，看每月可还款额够不够。",
        "en": "Enter income and essential costs, save dated budget versions, and see whether "
        "the monthly capacity covers the contracts.",
    },
    "home.step.debts": {
        "zh-CN": "按机构的报价方式录入每笔欠款，查看真实年化利率和利率红线、"
        "各家分到多少、多久能还清。",
        "en": "Enter each debt as the lender quotes it; see its true annual rate against the "
        "legal rate lines, how the capacity is shared and when the debts are paid off.",
    },
    "home.step.proposals": {
        "zh-CN": "针对一笔债务比较各种协商方案，保存要提出的方案，并在谈妥后标记为已达成。",
        "en": "Compare proposals for one debt, save the one to put forward, and mark it agreed "
        "once the lender accepts.",
    },
    "home.step.call_prep": {
        "zh-CN": "核对机构的官方联系渠道，逐项排查诈骗迹象，备齐材料，下载可打印的话术卡。",
        "en": "Check the lender's official channel, go through the scam signs, gather the "
        "documents and download the script card to print.",
    },
    "home.step.calls": {
        "zh-CN": "记录每次通话和催收联系，复制确认信息，对照达成的方案跟踪每期还款。",
        "en": "Log each call and collection contact, copy the confirmation message and follow "
        "each payment against the agreed plan.",
    },
    "home.step.lender_history": {
        "zh-CN": "看各机构以往对各类方案同意了几次、拒绝了几次、多久谈成，提方案前心里有数。",
        "en": "See how often each lender agreed to or refused each kind of proposal, and how "
        "long agreement took, before you put yours.",
    },
    "home.step.today": {
        "zh-CN": "查看所有客户今天要跟进的事项和临近或逾期的还款，完成后打勾（可撤销）。",
        "en": "See every client's follow-ups and the installments due soon or overdue; tick "
        "them off (and undo).",
    },
    "home.step.share": {
        "zh-CN": "生成脱敏的还款计划，导出PDF、网页、图片或日历，交给客户确认。",
        "en": "Make the masked repayment plan and export it as a PDF, a web page, images or a "
        "calendar for the client.",
    },
    "home.step.data": {
        "zh-CN": "备份和恢复全部数据，把通话、待办和还款记录导出为CSV。",
        "en": "Back up and restore all the data; export calls, tasks and payments as CSV.",
    },
    "home.disclaimer": {
        "zh-CN": "本工具仅用于辅助制定还款计划，不构成法律或财务建议。",
        "en": "RepayTalk is a planning aid, not legal or financial advice.",
    },
    # Units
    "unit.months": {"zh-CN": "{n}个月", "en": {"one": "{n} month", "other": "{n} months"}},
}
