"""Texts of the share view (分享视图)."""

TEXT: dict[str, dict[str, str]] = {
    "share.heading": {"zh-CN": "还款方案 · {client}", "en": "Repayment plan · {client}"},
    "share.subtitle": {
        "zh-CN": "制作于 {made} · 按 {as_of} 的余额测算",
        "en": "Made {made} · balances as of {as_of}",
    },
    "share.unmask": {"zh-CN": "显示完整个人信息", "en": "Show full personal details"},
    "share.unmask_help": {
        "zh-CN": "仅对本页生效。打开后，姓名、手机号、证件号、合同编号和工号将完整显示，"
        "截图前请关闭。",
        "en": "For this view only. When on, name, mobile, ID, contract numbers and agent IDs "
        "are shown in full; turn it off before taking a screenshot to share.",
    },
    "share.unmasked_warning": {
        "zh-CN": "正在显示完整个人信息，请勿截图外传。",
        "en": "Full personal details are shown: do not share a screenshot of this.",
    },
    "share.metric.monthly": {"zh-CN": "首月还款 / 可还款额", "en": "First month / capacity"},
    "share.metric.monthly_value": {
        "zh-CN": "{payment} / {capacity}",
        "en": "{payment} / {capacity}",
    },
    "share.metric.highest": {"zh-CN": "最高月还款", "en": "Highest month"},
    "share.metric.total": {"zh-CN": "方案还款总额", "en": "Total repaid"},
    "share.metric.cost": {"zh-CN": "本金以外成本 {cost}", "en": "Cost beyond principal {cost}"},
    "share.metric.contract_total": {
        "zh-CN": "原合同共 {total}",
        "en": "Contracts: {total}",
    },
    "share.debts": {"zh-CN": "债务与方案", "en": "Debts and plans"},
    "share.dates": {"zh-CN": "约定还款日期", "en": "Agreed payment dates"},
    "share.next_dates": {"zh-CN": "接下来的还款", "en": "Next payments"},
    "share.footer": {
        "zh-CN": "制作于 {date} · 协商还款工作台 · 仅为还款规划辅助，不构成财务或法律建议。",
        "en": "Made {date} with RepayTalk · a planning aid, not financial or legal advice.",
    },
    "share.downloads": {"zh-CN": "下载与分享", "en": "Download and share"},
    "share.chart": {"zh-CN": "图表", "en": "Chart"},
    "share.size": {"zh-CN": "图片尺寸", "en": "Image size"},
    "share.size.wide": {"zh-CN": "横版 1280×720", "en": "Landscape 1280×720"},
    "share.size.phone": {"zh-CN": "手机竖版 780×1040", "en": "Phone portrait 780×1040"},
    "share.size.square": {"zh-CN": "方形 1080×1080", "en": "Square 1080×1080"},
    "share.png": {"zh-CN": "图片 PNG", "en": "Image PNG"},
    "share.svg": {"zh-CN": "矢量图 SVG", "en": "Vector SVG"},
    "share.pdf": {"zh-CN": "PDF 报告", "en": "PDF report"},
    "share.html": {"zh-CN": "HTML 报告", "en": "HTML report"},
    "share.chart_html": {"zh-CN": "可交互图表 HTML", "en": "Interactive chart HTML"},
    "share.no_chromium": {
        "zh-CN": "本机未找到 Chromium 浏览器，无法生成图片；可下载可交互的 HTML 图表，"
        "或安装 chromium 后重试。PDF 报告仍可生成（不含图表）。",
        "en": "No Chromium browser was found, so images cannot be made here: download the "
        "interactive HTML chart instead, or install chromium and try again. The PDF report "
        "still works, without charts.",
    },
    "share.downloads_note": {
        "zh-CN": "下载的文件按上方的脱敏设置生成。",
        "en": "Downloads follow the masking setting above.",
    },
}
