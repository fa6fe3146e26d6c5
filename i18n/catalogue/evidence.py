"""Proof documents on the Call prep page (issue 25): upload, list, download, delete; the
errors of a file refused (``core.evidence``) and of a backup's file."""

from core.limits import MAX_EVIDENCE_FILES, MAX_EVIDENCE_MB

TEXT = {
    "evidence.title": {"zh-CN": "证明材料", "en": "Proof documents"},
    "evidence.intro": {
        "zh-CN": f"上传证明材料的扫描件或照片（PDF、JPEG、PNG，每个文件最大 {MAX_EVIDENCE_MB} MB，"
        f"每位客户最多 {MAX_EVIDENCE_FILES} 个）。文件类型按内容核对，而不是按文件名。"
        "照片中的位置信息（GPS）和拍摄设备等元数据会被删除，图像本身不变；"
        "PDF 按原样保存，其中的元数据（作者、创建时间等）不会被修改。"
        "材料加密保存，包含在加密备份中，删除客户时一并删除，绝不会出现在分享给客户的方案里。",
        "en": f"Upload scans or photos of proof (PDF, JPEG, PNG; at most {MAX_EVIDENCE_MB} MB per "
        f"file and {MAX_EVIDENCE_FILES} files per client). The file type is checked by its "
        "content, not its name. Location data (GPS) and camera details are removed from photos; "
        "the picture itself is unchanged. PDFs are kept as they are: their metadata (author, "
        "creation date) is not altered. Documents are stored encrypted, included in encrypted "
        "backups, deleted with the client, and never part of a plan shared with the client.",
    },
    "evidence.item": {"zh-CN": "证明哪一项", "en": "Proves which item"},
    "evidence.file": {"zh-CN": "选择文件", "en": "Choose a file"},
    "evidence.file_help": {
        "zh-CN": f"PDF、JPEG 或 PNG，最大 {MAX_EVIDENCE_MB} MB；照片的位置信息会被删除。",
        "en": f"PDF, JPEG or PNG, at most {MAX_EVIDENCE_MB} MB; location data is removed from "
        "photos.",
    },
    "evidence.choose_first": {
        "zh-CN": "请先选择要上传的文件。",
        "en": "Choose the file to upload first.",
    },
    "evidence.upload": {"zh-CN": "保存到客户档案", "en": "Save to the client's record"},
    "evidence.uploaded": {
        "zh-CN": "已保存：{name}（{kind}，{size}）",
        "en": "Saved: {name} ({kind}, {size})",
    },
    "evidence.scrubbed": {
        "zh-CN": "已从照片中删除位置信息和其他元数据。",
        "en": "Location data and other metadata were removed from the photo.",
    },
    "evidence.none": {"zh-CN": "还没有上传证明材料。", "en": "No proof documents uploaded yet."},
    "evidence.count": {
        "zh-CN": "已上传 {n} / {max} 个文件",
        "en": "{n} of {max} files uploaded",
    },
    "evidence.col.item": {"zh-CN": "证明项", "en": "Item"},
    "evidence.col.name": {"zh-CN": "文件名", "en": "File name"},
    "evidence.col.kind_size": {"zh-CN": "类型与大小", "en": "Type, size"},
    "evidence.kind_size": {"zh-CN": "{kind} · {size}", "en": "{kind} · {size}"},
    "evidence.col.date": {"zh-CN": "上传日期", "en": "Uploaded on"},
    "evidence.download": {"zh-CN": "下载", "en": "Download"},
    "evidence.delete": {"zh-CN": "删除", "en": "Delete"},
    "evidence.delete_confirm": {
        "zh-CN": "确定删除 {name}？删除后无法恢复。",
        "en": "Delete {name}? This cannot be undone.",
    },
    "evidence.delete_yes": {"zh-CN": "确定删除", "en": "Yes, delete"},
    "evidence.delete_no": {"zh-CN": "取消", "en": "Cancel"},
    "evidence.deleted": {"zh-CN": "已删除。", "en": "Deleted."},
    "evidence.size.kb": {"zh-CN": "{n} KB", "en": "{n} KB"},
    "evidence.size.mb": {"zh-CN": "{n} MB", "en": "{n} MB"},
    "evidence.kind.pdf": {"zh-CN": "PDF", "en": "PDF"},
    "evidence.kind.jpeg": {"zh-CN": "JPEG", "en": "JPEG"},
    "evidence.kind.png": {"zh-CN": "PNG", "en": "PNG"},
    # errors (core.evidence, store.evidence)
    "field.evidence": {"zh-CN": "证明材料", "en": "Proof document"},
    "error.evidence_invalid": {"zh-CN": "文件无法使用", "en": "the file cannot be used"},
    "error.evidence_empty": {"zh-CN": "文件是空的", "en": "the file is empty"},
    "error.evidence_too_large": {
        "zh-CN": "文件超过 {max_mb} MB，请压缩或分开上传",
        "en": "the file is larger than {max_mb} MB; compress it or upload it in parts",
    },
    "error.evidence_kind": {
        "zh-CN": "只接受 PDF、JPEG 或 PNG 文件（按文件内容判断，改文件名无效）",
        "en": "only PDF, JPEG or PNG files are accepted (judged by the content; renaming a file "
        "does not change it)",
    },
    "error.evidence_corrupt": {
        "zh-CN": "文件已损坏或不完整，无法打开",
        "en": "the file is damaged or incomplete and cannot be opened",
    },
    "error.evidence_too_many_pixels": {
        "zh-CN": "图片超过 {max_megapixels} 百万像素，请缩小后再上传",
        "en": "the image has more than {max_megapixels} megapixels; make it smaller first",
    },
    "error.evidence_too_many": {
        "zh-CN": f"每位客户最多保存 {MAX_EVIDENCE_FILES} 个证明材料，请先删除不需要的文件",
        "en": f"a client can have at most {MAX_EVIDENCE_FILES} proof documents; delete ones no "
        "longer needed first",
    },
    "error.backup.expected_base64": {
        "zh-CN": "应为 base64 编码的文件",
        "en": "should be a file in base64",
    },
    "error.backup.file_too_large": {
        "zh-CN": "文件太大（最多 {max} 字节）",
        "en": "the file is too large (at most {max} bytes)",
    },
    # the audit trail
    "team.audit.action.evidence.uploaded": {"zh-CN": "上传证明材料", "en": "Proof uploaded"},
    "team.audit.action.evidence.downloaded": {"zh-CN": "下载证明材料", "en": "Proof downloaded"},
    "team.audit.action.evidence.deleted": {"zh-CN": "删除证明材料", "en": "Proof deleted"},
}
