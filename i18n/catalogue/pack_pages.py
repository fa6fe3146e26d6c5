"""Texts of the application pack's page parts (issue 20): the Call prep page's hardship
situations and proof, the Debts page's credit-record fields and section, and the Calls
timeline's record-end marker.

The rule texts themselves (labels of situations and proof, why a lender asks for each item, the
credit-record clock and its fixed notes) are in :mod:`i18n.catalogue.hardship` and
:mod:`i18n.catalogue.credit_record`; this module words only what the pages add around them.
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # joining labels (the evidence list's alternatives)
    "pack.join.list": {"zh-CN": "、", "en": ", "},
    "pack.join.all": {"zh-CN": " + ", "en": " + "},
    "pack.join.any": {"zh-CN": "；或 ", "en": "; or "},
    # Call prep: hardship situations
    "pack.hardship.title": {"zh-CN": "困难情况与证明材料", "en": "Hardship and proof"},
    "pack.hardship.intro": {
        "zh-CN": "记下客户为什么无法按合同还款（可以同时有几种情况），下面会列出机构通常认可的"
        "证明材料。",
        "en": "Record why the client cannot pay as contracted (there may be several "
        "situations at once); the proof lenders usually accept for each is listed below.",
    },
    "pack.hardship.col.kind": {"zh-CN": "困难情况", "en": "Situation"},
    "pack.hardship.ongoing": {"zh-CN": "至今", "en": "Ongoing"},
    "pack.hardship.pick": {"zh-CN": "修改哪一项", "en": "Situation to edit"},
    "pack.hardship.pick_new": {"zh-CN": "＋ 新增一种困难情况", "en": "+ Add a situation"},
    "pack.hardship.option": {"zh-CN": "{kind}（{started} 起）", "en": "{kind} (from {started})"},
    "pack.hardship.new_title": {"zh-CN": "新增困难情况", "en": "New situation"},
    "pack.hardship.edit_title": {"zh-CN": "修改困难情况", "en": "Edit situation"},
    "pack.hardship.ended_help": {
        "zh-CN": "情况仍在持续就留空。",
        "en": "Leave it empty while the situation lasts.",
    },
    "pack.hardship.started_needed": {
        "zh-CN": "请填写开始日期后再保存。",
        "en": "Enter the start date to save.",
    },
    "pack.hardship.note_placeholder": {
        "zh-CN": "如：2025年6月公司裁员，至今未找到工作",
        "en": "e.g. laid off in June 2025, no work since",
    },
    "pack.hardship.add": {"zh-CN": "添加这种情况", "en": "Add situation"},
    "pack.hardship.save": {"zh-CN": "保存修改", "en": "Save changes"},
    "pack.hardship.discard": {"zh-CN": "放弃修改", "en": "Discard changes"},
    "pack.hardship.delete": {"zh-CN": "删除这一项", "en": "Remove"},
    "pack.hardship.delete_confirm": {
        "zh-CN": "确定删除“{situation}”吗？已收集的证明材料会保留。",
        "en": "Remove “{situation}”? The proof gathered is kept.",
    },
    "pack.hardship.delete_yes": {"zh-CN": "确定删除", "en": "Yes, remove it"},
    "pack.hardship.delete_no": {"zh-CN": "取消", "en": "Cancel"},
    "pack.hardship.unsaved": {"zh-CN": "有未保存的修改", "en": "Unsaved changes"},
    "pack.hardship.added": {"zh-CN": "困难情况已添加。", "en": "Situation added."},
    "pack.hardship.saved": {"zh-CN": "困难情况已保存。", "en": "Situation saved."},
    "pack.hardship.deleted": {"zh-CN": "困难情况已删除。", "en": "Situation removed."},
    # Call prep: the evidence list
    "pack.proof.title": {"zh-CN": "需要的证明材料", "en": "Proof needed"},
    "pack.proof.intro": {
        "zh-CN": "勾选客户已经拿到的材料。同一种情况有几种材料可选时，备齐其中一种即可。",
        "en": "Tick what the client has in hand. Where a situation can be proved in more than "
        "one way, one complete way is enough.",
    },
    "pack.proof.save": {"zh-CN": "保存已收集的材料", "en": "Save proof gathered"},
    "pack.proof.saved": {"zh-CN": "已收集的材料已保存。", "en": "Proof gathered saved."},
    "pack.proof.checklist_ready": {
        "zh-CN": "材料清单中的“{line}”已自动勾选：每种困难情况都有相应证明。",
        "en": "The checklist's “{line}” is ticked for you: every situation has its proof.",
    },
    "pack.proof.checklist_missing": {
        "zh-CN": "材料清单中的“{line}”还不能勾选，这些情况还缺证明：{kinds}。",
        "en": "The checklist's “{line}” cannot be ticked yet; still without proof: {kinds}.",
    },
    "pack.proof.checklist_auto_help": {
        "zh-CN": "这一项按下面“困难情况与证明材料”自动勾选或取消。",
        "en": "Ticked or cleared for you from “Hardship and proof” below.",
    },
    # Debts: the form's credit-record fields
    "pack.debts.overdue_since_help": {
        "zh-CN": "这个账户第一次逾期的那天。不清楚可以留空，会按“逾期天数”推算。",
        "en": "The day this account first went overdue. Leave it empty if not known: it is "
        "worked out from the days overdue.",
    },
    # Debts: the credit-record section
    "pack.credit.title": {"zh-CN": "征信记录", "en": "Credit record (征信)"},
    "pack.credit.col.reports": {"zh-CN": "是否报送征信", "en": "Reports?"},
    "pack.credit.col.since": {"zh-CN": "开始逾期", "en": "Overdue since"},
    "pack.credit.estimate": {"zh-CN": "{date}（估算）", "en": "{date} (estimate)"},
    "pack.credit.since_estimated": {
        "zh-CN": "{date}（按逾期天数推算）",
        "en": "{date} (from days overdue)",
    },
    "pack.credit.no_record": {"zh-CN": "不报送，无记录", "en": "No record kept"},
    "pack.credit.future_cell": {"zh-CN": "日期有误", "en": "Date to correct"},
    "pack.credit.future": {
        "zh-CN": "{creditor}：开始逾期日期 {date} 晚于今天，算不出记录的保留期限。"
        "请在下面的表单里改正。",
        "en": "{creditor}: the day it went overdue, {date}, is after today, so no record end "
        "can be worked out. Correct it in the form below.",
    },
    "pack.credit.none": {
        "zh-CN": "没有逾期的债务，征信中没有需要倒计时的逾期记录。",
        "en": "No debt is overdue: there is no late-payment record to count down.",
    },
    "pack.credit.estimate_note": {
        "zh-CN": "标“估算”的：还不清楚这家机构是否报送征信，日期仅供参考。可以在下面的表单里填写。",
        "en": "Marked “estimate”: whether the lender reports to the credit system is not known "
        "yet, so the date is only a guide. Set it in the form below.",
    },
    "pack.credit.since_note": {
        "zh-CN": "没有填写开始逾期日期的，按“逾期天数”从今天倒推；这不影响记录的保留期限。",
        "en": "Where the day it went overdue is not entered, it is counted back from today by "
        "the days overdue; the record's end does not depend on it.",
    },
    "pack.credit.not_reporting": {"zh-CN": "{creditor}：{text}", "en": "{creditor}: {text}"},
    "pack.credit.notes_title": {"zh-CN": "征信须知", "en": "About the credit record"},
    # Calls: the timeline's record-end marker
    "calls.timeline.lane.credit": {"zh-CN": "征信", "en": "Credit record"},
    "calls.timeline.style.credit.record_end": {
        "zh-CN": "逾期记录到期",
        "en": "Late-payment record ends",
    },
    "calls.timeline.style.credit.record_end_estimate": {
        "zh-CN": "逾期记录到期（估算）",
        "en": "Late-payment record ends (estimate)",
    },
    "calls.timeline.credit_title": {
        "zh-CN": "如果今天还清逾期部分，记录保留到 {end}",
        "en": "Kept until {end} if the overdue ended today",
    },
    "calls.timeline.credit_beyond": {
        "zh-CN": "{label}：{date} →",
        "en": "{label}: {date} →",
    },
}
