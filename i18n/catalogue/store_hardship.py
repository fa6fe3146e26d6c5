"""Texts for what the store and services of the application pack (issue 20) may refuse or name:
the hardship situations and the proof gathered, each debt's credit-record fields, and the
living-cost benchmarks an agency adds.

Keys follow the existing families: ``error.<code>`` and ``field.<field>`` (worded by
``i18n.errors``), ``error.backup.table.<table>`` (a table named in a refused backup) and
``changes.entity.<entity>`` (a record saved elsewhere, ``ChangedElsewhereError.entity``).
"""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # error codes
    "error.before_contract": {
        "zh-CN": "早于合同签订日期",
        "en": "is before the contract's date",
    },
    "error.too_many": {
        "zh-CN": "条目已达上限，请先删除一条再添加",
        "en": "there are already as many as allowed; remove one first",
    },
    "error.duplicate": {
        "zh-CN": "与已有的一条重复",
        "en": "is the same as one already there",
    },
    # fields
    "field.overdue_since": {"zh-CN": "开始逾期日期", "en": "Overdue since"},
    "field.reports_credit": {"zh-CN": "是否上报征信", "en": "Reports to the credit system"},
    "field.hardship_situations": {"zh-CN": "困难情况", "en": "Hardship situations"},
    "field.proof_items": {"zh-CN": "已收集的证明材料", "en": "Proof gathered"},
    "field.benchmarks": {"zh-CN": "生活成本参考标准", "en": "Living-cost benchmarks"},
    "field.benchmark_id": {"zh-CN": "参考标准编号", "en": "Benchmark ID"},
    # tables, as a refused backup names them
    "error.backup.table.hardship_situations": {"zh-CN": "困难情况", "en": "hardship situation"},
    "error.backup.table.client_proofs": {"zh-CN": "证明材料", "en": "gathered proof"},
    # records saved elsewhere
    "changes.entity.hardship_situation": {"zh-CN": "困难情况", "en": "hardship situation"},
    "changes.entity.gathered_proof": {"zh-CN": "证明材料清单", "en": "list of proof gathered"},
    "changes.entity.benchmarks": {"zh-CN": "生活成本参考标准", "en": "list of benchmarks"},
    "changes.entity.benchmark_choice": {
        "zh-CN": "所选生活成本参考标准",
        "en": "choice of benchmark",
    },
}
