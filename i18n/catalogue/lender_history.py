"""Texts of what each lender agreed to before (:mod:`services.lender_history`): the line beside
the kinds on the Proposals page, the Lender history page (table, chart, alias editor), the
refused action's status in the saved list and the call form's proposal link.

The kinds are named by ``proposals.kind.<kind>`` (the Proposals page's own labels)."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "page.lender_history": {"zh-CN": "机构协商记录", "en": "Lender history"},
    # The Proposals page: one line per kind this debt's lender was asked
    "lender_history.line": {
        "zh-CN": "{lender}：{kind} {count}次中同意{agreed}次",
        "en": {
            "one": "{lender}: {kind} agreed {agreed} of {count} time",
            "other": "{lender}: {kind} agreed {agreed} of {count} times",
        },
    },
    "lender_history.line.median": {
        "zh-CN": "，中位{n}天",
        "en": {"one": ", median {n} day", "other": ", median {n} days"},
    },
    "lender_history.line.title": {
        "zh-CN": "这家机构以往的答复（你可查看的客户）",
        "en": "What this lender answered before (clients you may see)",
    },
    "lender_history.line.none": {
        "zh-CN": "还没有向{lender}提出过方案的记录。",
        "en": "No proposal to {lender} has been recorded yet.",
    },
    # The saved proposals list
    "lender_history.status.saved": {"zh-CN": "已保存", "en": "Saved"},
    "lender_history.status.agreed": {"zh-CN": "机构已同意", "en": "Lender agreed"},
    "lender_history.status.refused": {"zh-CN": "机构已拒绝", "en": "Lender refused"},
    "lender_history.saved_item": {"zh-CN": "{title}（{status}）", "en": "{title} ({status})"},
    # The Calls page's form
    "lender_history.call.proposal": {
        "zh-CN": "本次通话提出的方案（可选）",
        "en": "Proposal put on this call (optional)",
    },
    "lender_history.call.proposal_help": {
        "zh-CN": "记下这次向机构提出的是哪个已保存的方案，机构协商记录据此统计。",
        "en": "Which saved proposal you put to the lender on this call; Lender history counts it.",
    },
    "lender_history.call.no_proposal": {"zh-CN": "未提出方案", "en": "No proposal"},
    "lender_history.call.other_debt": {
        "zh-CN": "所选方案属于另一笔债务：请选择该方案对应的债务，或不选方案。",
        "en": "The proposal chosen is for another debt: choose its debt, or no proposal.",
    },
    "lender_history.call.proposal_of": {
        "zh-CN": "{debt}：{title}（{status}）",
        "en": "{debt}: {title} ({status})",
    },
    "lender_history.call.proposal_shown": {
        "zh-CN": "提出的方案：{title}",
        "en": "Proposal put: {title}",
    },
    # The Lender history page
    "lender_history.intro": {
        "zh-CN": (
            "你可查看的客户中，各机构对每种方案的答复：提出次数、同意与拒绝次数、从首次通话到"
            "同意的中位天数，以及同意过的最高减免比例和最长期数。“提出”指通话中提出的已保存"
            "方案，以及机构已答复（同意或拒绝）的方案。"
        ),
        "en": (
            "For the clients you may see, how each lender answered each kind of proposal: "
            "how often it was put, agreed and refused, the median days from the first call "
            "to agreement, and the deepest waiver and longest term it agreed. “Put” counts "
            "saved proposals named on a call, and every proposal the lender answered (agreed "
            "or refused)."
        ),
    },
    "lender_history.empty": {
        "zh-CN": (
            "还没有提出过的方案。在“通话记录”中记下通话提出的方案，或在“协商方案”"
            "中记录机构同意或拒绝，这里就会显示。"
        ),
        "en": (
            "No proposal has been put yet. Name the proposal a call put on the Calls page, "
            "or record the lender's answer on the Proposals page, and it shows here."
        ),
    },
    "lender_history.table.title": {"zh-CN": "按机构和方案", "en": "By lender and proposal"},
    "lender_history.col.lender": {"zh-CN": "机构", "en": "Lender"},
    "lender_history.col.kind": {"zh-CN": "方案", "en": "Proposal"},
    "lender_history.col.asked": {"zh-CN": "提出", "en": "Put"},
    "lender_history.col.agreed": {"zh-CN": "同意", "en": "Agreed"},
    "lender_history.col.refused": {"zh-CN": "拒绝", "en": "Refused"},
    "lender_history.col.median_days": {"zh-CN": "中位天数", "en": "Median days"},
    "lender_history.col.deepest_waiver": {"zh-CN": "最高减免", "en": "Deepest waiver"},
    "lender_history.col.longest_term": {"zh-CN": "最长期数", "en": "Longest term"},
    "lender_history.chart.title": {
        "zh-CN": "各机构同意与拒绝的次数",
        "en": "Agreed and refused, by lender",
    },
    "lender_history.chart.x": {"zh-CN": "机构", "en": "Lender"},
    "lender_history.chart.y": {"zh-CN": "次数", "en": "Times"},
    "lender_history.chart.agreed": {"zh-CN": "同意", "en": "Agreed"},
    "lender_history.chart.refused": {"zh-CN": "拒绝", "en": "Refused"},
    "lender_history.aliases.title": {"zh-CN": "机构名称别名", "en": "Lender name aliases"},
    "lender_history.aliases.intro": {
        "zh-CN": (
            "同一家机构常有不同写法（如“来分期”“来分期APP”“LFQ”）。在此把"
            "每种写法对应到一个机构名称，统计时合并计算。写法不区分大小写和全角半角。"
        ),
        "en": (
            "A lender is often written several ways (“来分期”, “来分期APP”, “LFQ”). Map each way "
            "to one lender's name here and they are counted together. Case and full-width "
            "forms do not matter."
        ),
    },
    "lender_history.aliases.read_only": {
        "zh-CN": "只有管理员可以修改别名。",
        "en": "Only an administrator may change the aliases.",
    },
    "lender_history.aliases.none": {"zh-CN": "还没有别名。", "en": "No aliases yet."},
    "lender_history.aliases.col.alias": {"zh-CN": "写法", "en": "Written as"},
    "lender_history.aliases.col.lender": {"zh-CN": "机构名称", "en": "Lender"},
    "lender_history.aliases.save": {"zh-CN": "保存别名", "en": "Save aliases"},
    "lender_history.aliases.saved": {"zh-CN": "别名已保存。", "en": "Aliases saved."},
    "lender_history.aliases.incomplete": {
        "zh-CN": "第 {row} 行：写法和机构名称都要填写。",
        "en": "Row {row}: fill in both the way it is written and the lender.",
    },
    "lender_history.aliases.duplicate": {
        "zh-CN": "同一种写法出现了两次（不区分大小写和全角半角）：每种写法只能对应一个机构。",
        "en": (
            "A way of writing appears twice (case and full-width forms aside): each maps to "
            "one lender only."
        ),
    },
    "lender_history.aliases.changed": {
        "zh-CN": "别名刚被其他人修改过，未保存。下表已是最新内容，请重新修改。",
        "en": (
            "Someone else changed the aliases meanwhile; nothing was saved. The table now "
            "shows theirs: make your change again."
        ),
    },
    # The audit trail
    "team.audit.action.lender_aliases.saved": {
        "zh-CN": "保存机构名称别名",
        "en": "Lender aliases saved",
    },
}
