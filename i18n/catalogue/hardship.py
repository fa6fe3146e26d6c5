"""Texts of hardship situations and their proof (:mod:`core.rules.hardship`).

Labels follow the enum convention of :mod:`i18n.enums`: ``enum.situation.<kind>``,
``enum.proof.<item>`` and ``enum.proof_status.<status>``. Each proof item also has a
``hardship.why.<item>``: one sentence on why a lender asks for it, for the counselor to pass on.
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # core.rules.hardship.SituationKind
    "enum.situation.unemployment": {"zh-CN": "失业", "en": "Out of work"},
    "enum.situation.illness_or_injury": {"zh-CN": "患病或受伤", "en": "Illness or injury"},
    "enum.situation.income_drop": {"zh-CN": "收入大幅下降", "en": "Income fell sharply"},
    "enum.situation.minimum_living_allowance": {
        "zh-CN": "享受低保或特困供养",
        "en": "On minimum living allowance (低保/特困)",
    },
    "enum.situation.disability": {"zh-CN": "残疾", "en": "Disability"},
    "enum.situation.family_emergency": {"zh-CN": "家庭变故", "en": "Family emergency"},
    "enum.situation.disaster": {"zh-CN": "遭受自然灾害或意外", "en": "Disaster"},
    "enum.situation.other": {"zh-CN": "其他困难", "en": "Other hardship"},
    # core.rules.hardship.ProofItem
    "enum.proof.unemployment_certificate": {
        "zh-CN": "失业证明（失业登记）",
        "en": "Unemployment certificate (失业证明)",
    },
    "enum.proof.termination_letter": {
        "zh-CN": "解除或终止劳动合同证明",
        "en": "Letter ending the employment contract",
    },
    "enum.proof.social_insurance_stop_record": {
        "zh-CN": "社保停缴记录",
        "en": "Record that social-insurance payments stopped",
    },
    "enum.proof.diagnosis": {"zh-CN": "医院诊断证明", "en": "Hospital diagnosis"},
    "enum.proof.hospital_bills": {
        "zh-CN": "医疗费用票据或住院费用清单",
        "en": "Hospital bills or receipts",
    },
    "enum.proof.income_statements": {
        "zh-CN": "近几个月收入流水（下降前后）",
        "en": "Income statements of recent months (before and after the drop)",
    },
    "enum.proof.minimum_living_certificate": {
        "zh-CN": "低保证",
        "en": "Minimum living allowance certificate (低保证)",
    },
    "enum.proof.extreme_hardship_certificate": {
        "zh-CN": "特困人员救助供养证明",
        "en": "Extreme-hardship support certificate (特困供养证)",
    },
    "enum.proof.disability_certificate": {
        "zh-CN": "残疾人证",
        "en": "Disability certificate (残疾人证)",
    },
    "enum.proof.family_event_records": {
        "zh-CN": "家庭变故的证明或票据",
        "en": "Certificates or bills of what happened",
    },
    "enum.proof.relationship_proof": {
        "zh-CN": "亲属关系证明（如户口本）",
        "en": "Proof of the family relationship (e.g. household register)",
    },
    "enum.proof.disaster_certificate": {
        "zh-CN": "受灾证明",
        "en": "Official certificate of the disaster",
    },
    "enum.proof.disaster_photos": {"zh-CN": "受灾现场照片", "en": "Photos of the damage"},
    "enum.proof.written_explanation": {
        "zh-CN": "本人签字的情况说明",
        "en": "Signed written explanation",
    },
    # core.rules.hardship.ProofStatus
    "enum.proof_status.gathered": {"zh-CN": "已备齐", "en": "Gathered"},
    "enum.proof_status.missing": {"zh-CN": "尚缺", "en": "Missing"},
    "enum.proof_status.not_needed": {"zh-CN": "无需提供", "en": "Not needed"},
    # why a lender asks for each item
    "hardship.why.unemployment_certificate": {
        "zh-CN": "由人社部门出具，能证明失业是登记在案的事实，而不是一句口头说法。",
        "en": "Issued by the human-resources office, it shows the job loss is on record, "
        "not just a claim.",
    },
    "hardship.why.termination_letter": {
        "zh-CN": "写明劳动关系在哪一天结束，说明收入是从何时中断的。",
        "en": "It states the day the job ended, which dates when the income stopped.",
    },
    "hardship.why.social_insurance_stop_record": {
        "zh-CN": "社保从某月起不再由单位缴纳，可以佐证离职日期。",
        "en": "Social insurance no longer paid by an employer from a given month backs up "
        "the date the job ended.",
    },
    "hardship.why.diagnosis": {
        "zh-CN": "说明病情或伤情及其严重程度，解释为何无法正常工作。",
        "en": "It names the illness or injury and how serious it is, which explains why work "
        "stopped.",
    },
    "hardship.why.hospital_bills": {
        "zh-CN": "显示治疗花了多少钱，这部分钱原本可以用来还款。",
        "en": "They show what the treatment cost, money that could otherwise have gone to "
        "repayments.",
    },
    "hardship.why.income_statements": {
        "zh-CN": "下降前后几个月的流水对比，能直接看出收入减少了多少。",
        "en": "Months before and after side by side show how much the income fell.",
    },
    "hardship.why.minimum_living_certificate": {
        "zh-CN": "由民政部门审核发放，证明家庭收入已低于当地最低生活标准。",
        "en": "Granted by the civil-affairs office after a means test, it proves the "
        "household lives below the local minimum standard.",
    },
    "hardship.why.extreme_hardship_certificate": {
        "zh-CN": "证明本人被认定为特困人员，没有劳动能力或生活来源。",
        "en": "It proves the client is recognised as having neither the ability to work nor "
        "means of support.",
    },
    "hardship.why.disability_certificate": {
        "zh-CN": "残联核发的证件，说明劳动能力受到限制。",
        "en": "Issued by the Disabled Persons' Federation, it shows the ability to work is "
        "limited.",
    },
    "hardship.why.family_event_records": {
        "zh-CN": "证明变故确实发生，以及由此带来的开支。",
        "en": "They show the event really happened and what it cost.",
    },
    "hardship.why.relationship_proof": {
        "zh-CN": "说明出事的是本人的家人，相关开支由本人承担。",
        "en": "It shows the person affected is family, whose costs the client bears.",
    },
    "hardship.why.disaster_certificate": {
        "zh-CN": "由村（居）委会或有关部门出具，证明损失确实发生。",
        "en": "Issued by the village or community committee or an authority, it confirms the loss.",
    },
    "hardship.why.disaster_photos": {
        "zh-CN": "没有正式证明时，现场照片可以说明损失情况。",
        "en": "Without an official certificate, photos show what was lost.",
    },
    "hardship.why.written_explanation": {
        "zh-CN": "用自己的话讲清楚发生了什么、从何时开始、对收入有何影响。",
        "en": "In the client's own words: what happened, since when, and what it did to the "
        "income.",
    },
    # the evidence list
    "hardship.instead": {"zh-CN": "也可改交：{items}", "en": "Or instead: {items}"},
    "hardship.for_situations": {"zh-CN": "用于：{kinds}", "en": "For: {kinds}"},
    "hardship.none": {
        "zh-CN": "还没有记录困难情况。记下失业、患病、低保等情况后，这里会列出需要的证明材料。",
        "en": "No hardship recorded yet. Add a situation (out of work, illness, 低保 …) and "
        "the proof it needs is listed here.",
    },
    "hardship.ready": {
        "zh-CN": "每种困难情况都已有相应证明。",
        "en": "Every situation has its proof.",
    },
    "field.started_on": {"zh-CN": "开始日期", "en": "Started on"},
    "field.ended_on": {"zh-CN": "结束日期", "en": "Ended on"},
    "field.note": {"zh-CN": "说明", "en": "Note"},
    "error.ends_before_start": {
        "zh-CN": "不能早于开始日期",
        "en": "cannot be before the start date",
    },
}
