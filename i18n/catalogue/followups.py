"""Texts of what follows an agreement: the first installment's date and the reminders on the
Proposals page, the Proposals page's remembered settings, and Today's installments, done list
and undo."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "field.first_due": {"zh-CN": "首期还款日", "en": "First installment"},
    "followups.first_due": {"zh-CN": "首期还款日", "en": "First installment on"},
    "followups.first_due_help": {
        "zh-CN": "默认是合同的还款日（{date}）；机构约定了别的日子，就在这里改。",
        "en": "By default the contract's due day ({date}); change it if the lender set "
        "another day.",
    },
    "followups.first_due_help_none": {
        "zh-CN": "合同没有填还款日，默认一个月后；机构约定了哪天就填哪天。",
        "en": "The contract has no due day on file, so a month from now by default; enter the "
        "day the lender set.",
    },
    "followups.settings_restored": {
        "zh-CN": "已按这笔欠款上次保存方案时的设置填好，可以直接改。",
        "en": "Filled in with the settings this debt's last proposal was saved with; change "
        "them freely.",
    },
    "followups.agreed_plan": {
        "zh-CN": "首期 {first}，共 {count} 期；每期到期前 3 天会在“今日待办”提醒"
        "（已有 {n} 条提醒）。",
        "en": {
            "one": "First installment on {first}, {count} in all; Today reminds you 3 days "
            "before each ({n} reminder so far).",
            "other": "First installment on {first}, {count} in all; Today reminds you 3 days "
            "before each ({n} reminders so far).",
        },
    },
    "followups.today.show_all": {
        "zh-CN": "显示全部（默认只显示 7 天内和已逾期的）",
        "en": "Show all (by default, only the next 7 days and what is overdue)",
    },
    "followups.today.next_line": {
        "zh-CN": "下一期：第{number}期，应还{amount}",
        "en": "Next: installment {number}, {amount} due",
    },
    "followups.today.paid_line": {
        "zh-CN": "第{number}期，{amount}，{paid_on} 已还清",
        "en": "Installment {number}: {amount}, paid in full on {paid_on}",
    },
    "followups.today.in_days": {
        "zh-CN": "还有 {n} 天",
        "en": {"one": "in {n} day", "other": "in {n} days"},
    },
    "followups.today.done_title": {"zh-CN": "今天已完成（{n}）", "en": "Done today ({n})"},
    "followups.today.undo": {"zh-CN": "撤销", "en": "Undo"},
    "followups.today.undo_help": {
        "zh-CN": "标错了？放回待办",
        "en": "Marked by mistake? Put it back on the list",
    },
    "followups.today.done_toast": {
        "zh-CN": "已完成。标错了可以在“今天已完成”里撤销。",
        "en": "Done. If that was a mistake, undo it under “Done today”.",
    },
    "followups.today.undone_toast": {
        "zh-CN": "已放回待办",
        "en": "Back on the list",
    },
}
