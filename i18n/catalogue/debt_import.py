"""Texts of importing debts from a file (the Debts page's import section, issue 24): the
section, the column mapping, the preview, the templates, and every refusal and note.

``debt_import.target.<target>`` names each field a column can fill (the values of
``core.debt_import.Target``); the templates use them as their headers, so a template imports
back in either language. ``error.import_*`` word a refused file
(``core.debt_import.ImportRefusedError``); ``debt_import.problem.<code>`` what is wrong with a
cell, ``debt_import.note.<code>`` what was assumed to read one.
"""

from core.debt_import import MAX_IMPORT_ROWS
from i18n.shape import Catalogue

_LIMIT = str(MAX_IMPORT_ROWS)

TEXT: Catalogue = {
    # --- the section --------------------------------------------------------------------------
    "debt_import.title": {"zh-CN": "从文件导入债务", "en": "Import debts from a file"},
    "debt_import.intro": {
        "zh-CN": "上传机构导出的账单或自己整理的表格（CSV 或 Excel .xlsx，每行一笔债务，"
        f"最多 {_LIMIT} 行、5 MB）。先核对每列对应的字段，再看预览，只保存你勾选的有效行。",
        "en": "Upload a lender's export or your own spreadsheet (CSV or Excel .xlsx, one debt "
        f"a row, at most {_LIMIT} rows and 5 MB). Check which field each column fills, look at "
        "the preview, and save only the valid rows you confirm.",
    },
    "debt_import.upload": {"zh-CN": "选择文件", "en": "Choose a file"},
    "debt_import.upload_help": {
        "zh-CN": "CSV 可以是 UTF-8 或 GBK/GB18030（Excel 中文版另存的 CSV）编码。",
        "en": "A CSV may be UTF-8 or GBK/GB18030 (what a Chinese Excel saves as CSV).",
    },
    "debt_import.sheet": {"zh-CN": "工作表", "en": "Sheet"},
    "debt_import.read_from": {
        "zh-CN": "列名在第 {line} 行，下面有 {count} 行数据。",
        "en": {
            "one": "Column names on line {line}, {count} row of data under them.",
            "other": "Column names on line {line}, {count} rows of data under them.",
        },
    },
    # --- templates ----------------------------------------------------------------------------
    "debt_import.template_title": {"zh-CN": "导入模板", "en": "Templates"},
    "debt_import.template_note": {
        "zh-CN": "模板的列名就是可以导入的字段，示例行是一笔来分期的网贷，可以照着填写后直接导入。",
        "en": "The template's column names are the fields that can be imported; its example "
        "row is an online loan from 来分期. Fill it in the same way and import it as it is.",
    },
    "debt_import.template_csv": {"zh-CN": "下载 CSV 模板", "en": "Download the CSV template"},
    "debt_import.template_xlsx": {"zh-CN": "下载 Excel 模板", "en": "Download the Excel template"},
    "debt_import.template_file": {"zh-CN": "债务导入模板", "en": "debt-import-template"},
    "debt_import.template_sheet": {"zh-CN": "债务", "en": "Debts"},
    # --- mapping ------------------------------------------------------------------------------
    "debt_import.mapping_title": {"zh-CN": "每列对应的字段", "en": "What each column holds"},
    "debt_import.mapping_help": {
        "zh-CN": "已按列名自动匹配，请核对；不需要的列选“不导入”。",
        "en": "Matched from the column names; check them, and choose “not imported” for the "
        "columns you do not need.",
    },
    "debt_import.not_imported": {"zh-CN": "（不导入）", "en": "(not imported)"},
    "debt_import.column": {"zh-CN": "“{header}”列", "en": "Column “{header}”"},
    "debt_import.column_blank": {"zh-CN": "第 {n} 列（无列名）", "en": "Column {n} (no name)"},
    "debt_import.remembered": {
        "zh-CN": "已按上次同样格式的文件填好对应关系。",
        "en": "Filled in as for the last file of the same shape.",
    },
    "debt_import.remember": {
        "zh-CN": "保存时记住这种格式文件的对应关系",
        "en": "Remember these columns for files of this shape when saving",
    },
    "debt_import.no_columns": {
        "zh-CN": "没有认出任何列名。请为每一列选择它对应的字段"
        "（至少需要债权机构、剩余本金、剩余期数）。",
        "en": "No column name was recognised. Choose the field each column holds (at least the "
        "creditor, the outstanding principal and the remaining months).",
    },
    "debt_import.missing_columns": {
        "zh-CN": "还缺少必需的列：{fields}。请在上面为它们选择对应的列。",
        "en": "Required columns still missing: {fields}. Choose the columns that hold them above.",
    },
    "debt_import.list_separator": {"zh-CN": "、", "en": ", "},
    "debt_import.twice": {
        "zh-CN": "“{field}”选了不止一列，只导入第一列。",
        "en": "“{field}” is chosen for more than one column; only the first is imported.",
    },
    # --- targets (mapping options and the templates' headers) --------------------------------
    "debt_import.target.creditor": {"zh-CN": "债权机构", "en": "Creditor"},
    "debt_import.target.lender_type": {"zh-CN": "机构类型", "en": "Lender type"},
    "debt_import.target.product": {"zh-CN": "产品名称", "en": "Product"},
    "debt_import.target.contract_number": {"zh-CN": "合同编号", "en": "Contract number"},
    "debt_import.target.contract_date": {"zh-CN": "合同日期", "en": "Contract date"},
    "debt_import.target.outstanding_principal": {
        "zh-CN": "剩余本金",
        "en": "Outstanding principal",
    },
    "debt_import.target.overdue_amount": {"zh-CN": "逾期本金", "en": "Overdue principal"},
    "debt_import.target.days_overdue": {"zh-CN": "逾期天数", "en": "Days overdue"},
    "debt_import.target.accrued_interest_and_penalties": {
        "zh-CN": "已产生的利息和罚息",
        "en": "Accrued interest and penalties",
    },
    "debt_import.target.rate_quote": {"zh-CN": "利率", "en": "Rate"},
    "debt_import.target.rate_kind": {"zh-CN": "报价方式", "en": "Quoted as"},
    "debt_import.target.day_basis": {"zh-CN": "计息天数", "en": "Day count"},
    "debt_import.target.penalty_rate": {"zh-CN": "罚息利率", "en": "Penalty rate"},
    "debt_import.target.method": {"zh-CN": "还款方式", "en": "Repayment method"},
    "debt_import.target.remaining_months": {"zh-CN": "剩余期数", "en": "Remaining months"},
    "debt_import.target.next_due_date": {"zh-CN": "下次还款日", "en": "Next due date"},
    "debt_import.target.other_monthly_charges": {
        "zh-CN": "其他每月费用",
        "en": "Other monthly charges",
    },
    "debt_import.target.amount_received": {"zh-CN": "实际到手金额", "en": "Amount received"},
    "debt_import.target.original_principal": {"zh-CN": "原借款本金", "en": "Original principal"},
    "debt_import.target.original_months": {"zh-CN": "原借款期数", "en": "Original term"},
    # --- preview ------------------------------------------------------------------------------
    "debt_import.preview_title": {"zh-CN": "预览", "en": "Preview"},
    "debt_import.summary": {
        "zh-CN": "共 {total} 行：{valid} 行可以导入，{invalid} 行有错误（不会保存）。",
        "en": "{total} rows: {valid} can be imported, {invalid} have errors (not saved).",
    },
    "debt_import.col.line": {"zh-CN": "行号", "en": "Line"},
    "debt_import.col.status": {"zh-CN": "状态", "en": "Status"},
    "debt_import.col.creditor": {"zh-CN": "债权机构", "en": "Creditor"},
    "debt_import.col.principal": {"zh-CN": "剩余本金", "en": "Principal"},
    "debt_import.col.rate": {"zh-CN": "报价", "en": "Quoted"},
    "debt_import.col.kind": {"zh-CN": "报价方式", "en": "Quoted as"},
    "debt_import.col.months": {"zh-CN": "剩余期数", "en": "Months"},
    "debt_import.col.messages": {"zh-CN": "问题与提示", "en": "Problems and notes"},
    "debt_import.status.valid": {"zh-CN": "✓可导入", "en": "✓ Ready"},
    "debt_import.status.noted": {"zh-CN": "✓有提示", "en": "✓ See the note"},
    "debt_import.status.invalid": {"zh-CN": "✗有错误", "en": "✗ Errors"},
    "debt_import.status.recorded": {"zh-CN": "已录入", "en": "Recorded"},
    "debt_import.recorded_note": {
        "zh-CN": "合同编号 {contract} 已在这位客户的债务中",
        "en": "contract number {contract} is already among this client's debts",
    },
    "debt_import.recorded_left_out": {
        "zh-CN": "有 {n} 行的合同编号已录入，默认不导入；确实要再导入的，请取消下面的勾选后选择。",
        "en": {
            "one": "{n} row has a contract number already recorded and is left out; to import "
            "it all the same, untick the box below and choose it.",
            "other": "{n} rows have contract numbers already recorded and are left out; to "
            "import them all the same, untick the box below and choose them.",
        },
    },
    "debt_import.all_valid": {"zh-CN": "导入全部新的有效行", "en": "Import every new valid row"},
    "debt_import.choose": {"zh-CN": "要导入的行", "en": "Rows to import"},
    "debt_import.choose_option": {
        "zh-CN": "第 {line} 行 · {creditor}",
        "en": "Line {line} · {creditor}",
    },
    "debt_import.save": {
        "zh-CN": "保存 {n} 笔债务",
        "en": {"one": "Save {n} debt", "other": "Save {n} debts"},
    },
    "debt_import.none_valid": {
        "zh-CN": "没有可以导入的行：请按“问题与提示”改正文件后重新上传，或调整上面的列对应关系。",
        "en": "No row can be imported: correct the file as the problems say and upload it "
        "again, or change the columns above.",
    },
    "debt_import.saved": {
        "zh-CN": "已导入 {n} 笔债务。",
        "en": {"one": "{n} debt imported.", "other": "{n} debts imported."},
    },
    "debt_import.message_separator": {"zh-CN": "；", "en": "; "},
    # --- cells that cannot be read ------------------------------------------------------------
    "debt_import.problem.missing": {
        "zh-CN": "必填，这一行是空的",
        "en": "is required and empty here",
    },
    "debt_import.problem.no_column": {
        "zh-CN": "没有对应的列（请在上面选择）",
        "en": "no column holds it (choose one above)",
    },
    "debt_import.problem.not_an_amount": {
        "zh-CN": "“{value}”不是能识别的金额（可写 12000、12,000.00、¥12,000、1.5万）",
        "en": "“{value}” is not an amount we can read (write 12000, 12,000.00, ¥12,000 or 1.5万)",
    },
    "debt_import.problem.too_precise": {
        "zh-CN": "“{value}”超过两位小数（金额精确到分）",
        "en": "“{value}” has more than two decimals (amounts are to the fen)",
    },
    "debt_import.problem.not_a_whole_number": {
        "zh-CN": "“{value}”不是整数",
        "en": "“{value}” is not a whole number",
    },
    "debt_import.problem.not_a_rate": {
        "zh-CN": "“{value}”不是能识别的利率（可写 18%、0.18、日息0.05%）",
        "en": "“{value}” is not a rate we can read (write 18%, 0.18 or 日息0.05%)",
    },
    "debt_import.problem.rate_needs_percent": {
        "zh-CN": "“{value}”没有百分号，无法判断：18% 请写“18%”或“0.18”",
        "en": "“{value}” has no per cent sign, so it is ambiguous: write 18% as “18%” or “0.18”",
    },
    "debt_import.problem.not_a_date": {
        "zh-CN": "“{value}”不是能识别的日期（请写 2025-01-15）",
        "en": "“{value}” is not a date we can read (write 2025-01-15)",
    },
    "debt_import.problem.not_a_choice": {
        "zh-CN": "“{value}”不是可选的值（请按模板的写法填写）",
        "en": "“{value}” is not one of the choices (write it as the template does)",
    },
    "debt_import.problem.rate_kind_conflict": {
        "zh-CN": "利率单元格写明的报价方式与“报价方式”列不一致",
        "en": "the rate's cell says another way of quoting than the “Quoted as” column",
    },
    "debt_import.problem.merged": {
        "zh-CN": "在合并单元格里，值只在合并区域的第一行（“{column}”列）；"
        "请取消合并，在每一行填上值",
        "en": "inside merged cells: the value is only on the first row of the merged range "
        "(column “{column}”); unmerge them and fill in every row",
    },
    "debt_import.problem.formula_no_value": {
        "zh-CN": "公式没有保存计算结果（“{column}”列）：请在 Excel 中打开并保存后再导入，"
        "或把这一列“粘贴为数值”",
        "en": "a formula saved without its result (column “{column}”): open and save the file "
        "in Excel before importing, or paste the column as values",
    },
    "debt_import.problem.excel_error": {
        "zh-CN": "单元格是 Excel 错误值 {value}",
        "en": "the cell holds the Excel error {value}",
    },
    # --- what was assumed to read a cell ------------------------------------------------------
    "debt_import.note.serial_date": {
        "zh-CN": "Excel 日期序号 {value} 按 {date} 读取",
        "en": "Excel day number {value} read as {date}",
    },
    "debt_import.note.day_basis_assumed": {
        "zh-CN": "日利率没有注明计息天数，按一年 {basis} 天计算",
        "en": "the daily rate gives no day count: read on a {basis}-day year",
    },
    "debt_import.note.rate_assumed_annual": {
        "zh-CN": "没有注明是年、月还是日利率，按年利率读取",
        "en": "not said whether annual, monthly or daily: read as an annual rate",
    },
    # --- a refused file ----------------------------------------------------------------------
    "field.file": {"zh-CN": "文件", "en": "File"},
    "field.debts": {"zh-CN": "导入的债务", "en": "Imported debts"},
    "field.product": {"zh-CN": "产品名称", "en": "Product"},
    "field.lender_type": {"zh-CN": "机构类型", "en": "Lender type"},
    "field.contract_date": {"zh-CN": "合同日期", "en": "Contract date"},
    "field.next_due_date": {"zh-CN": "下次还款日", "en": "Next due date"},
    "error.import_too_large": {
        "zh-CN": "文件超过 {max_mb} MB，无法导入；请只保留这位客户的债务后再上传",
        "en": "the file is over {max_mb} MB and cannot be imported; keep only this client's "
        "debts and upload it again",
    },
    "error.import_empty": {
        "zh-CN": "文件是空的，没有任何内容",
        "en": "the file is empty: there is nothing in it",
    },
    "error.import_header_only": {
        "zh-CN": "文件只有列名，下面没有数据行",
        "en": "the file has column names and no rows under them",
    },
    "error.import_too_many_rows": {
        "zh-CN": "文件有 {count} 行数据，一次最多导入 {max} 行（一位客户的债务）；请拆分文件",
        "en": "the file has {count} rows; at most {max} can be imported at once (one "
        "client's debts): split the file",
    },
    "error.import_too_many_debts": {
        "zh-CN": f"一次最多保存 {_LIMIT} 笔债务",
        "en": f"at most {_LIMIT} debts can be saved at once",
    },
    "error.nothing_to_import": {
        "zh-CN": "没有选择要保存的行",
        "en": "no row is chosen to be saved",
    },
    "error.import_unreadable": {
        "zh-CN": "无法读取这个文件：请上传 CSV（UTF-8 或 GBK 编码）或 Excel .xlsx 文件",
        "en": "this file cannot be read: upload a CSV (UTF-8 or GBK) or an Excel .xlsx file",
    },
    "error.import_old_excel": {
        "zh-CN": "这是旧版 Excel（.xls）文件：请在 Excel 中“另存为”.xlsx 或 CSV 后再上传",
        "en": "this is an old Excel (.xls) file: save it as .xlsx or CSV in Excel and upload that",
    },
    "error.import_no_sheet": {
        "zh-CN": "工作簿里没有名为“{sheet}”的工作表",
        "en": "the workbook has no sheet named “{sheet}”",
    },
}
