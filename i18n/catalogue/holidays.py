"""Texts of the public holiday calendar (:mod:`core.rules.holidays`, :mod:`ui.holiday_widgets`):
its form on the Data page, the note under lists of deadlines and the errors of a day list."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "holidays.title": {"zh-CN": "法定节假日日历", "en": "Public holiday calendar"},
    "holidays.intro": {
        "zh-CN": "法律期限的最后一天遇法定节假日时顺延到节后第一个工作日。请按国务院办公厅公布的"
        "当年节假日安排录入放假日期和调休上班日；本软件不自带日历，以免错误的日期把期限算错。",
        "en": "A legal deadline whose last day is a public holiday moves to the first working "
        "day after it. Enter the days off and the make-up working days as the State Council's "
        "General Office publishes them for each year; the app ships no calendar, so that a "
        "wrong day never moves a deadline.",
    },
    "holidays.none": {
        "zh-CN": "尚未录入节假日：期限只按周六、周日顺延。",
        "en": "No holidays entered yet: deadlines move for Saturdays and Sundays only.",
    },
    "holidays.current": {
        "zh-CN": "已录入 {years} 年：放假 {holidays} 天，调休上班 {working_days} 天。",
        "en": "Entered for {years}: {holidays} days off, {working_days} make-up working days.",
    },
    "holidays.years_joiner": {"zh-CN": "、", "en": ", "},
    "holidays.days": {"zh-CN": "放假日期", "en": "Days off (public holidays)"},
    "holidays.working_days": {
        "zh-CN": "调休上班日（周六、周日）",
        "en": "Make-up working days (Saturdays, Sundays)",
    },
    "holidays.format_help": {
        "zh-CN": "每行一个日期或一段日期，例如 2026-10-01 或 2026-10-01..2026-10-07（含首尾两天）；"
        "也可用逗号分隔。",
        "en": "One day or one range a line, e.g. 2026-10-01 or 2026-10-01..2026-10-07 (both "
        "ends included); commas work too.",
    },
    "holidays.working_help": {
        "zh-CN": "节假日安排中要求上班的周六、周日，这些天不顺延期限。",
        "en": "The Saturdays and Sundays the schedule makes working days: a deadline on one of "
        "them does not move.",
    },
    "holidays.source": {"zh-CN": "来源", "en": "Source"},
    "holidays.source_placeholder": {
        "zh-CN": "例如：国务院办公厅关于2026年部分节假日安排的通知",
        "en": "e.g. the State Council General Office's notice on the 2026 holidays",
    },
    "holidays.save": {"zh-CN": "保存日历", "en": "Save the calendar"},
    "holidays.saved": {
        "zh-CN": "已保存：放假 {holidays} 天，调休上班 {working_days} 天。",
        "en": "Saved: {holidays} days off, {working_days} make-up working days.",
    },
    "holidays.changed_elsewhere": {
        "zh-CN": "日历刚被别人修改过，已显示最新内容；请核对后再保存。",
        "en": "Someone changed the calendar meanwhile; it now shows their version. Check it "
        "and save again.",
    },
    "holidays.note.entered": {
        "zh-CN": "期限遇周六、周日或已录入的法定节假日（{years} 年）顺延到下一个工作日，调休上班日"
        "不顺延。",
        "en": "Deadlines falling on a Saturday, Sunday or an entered public holiday ({years}) "
        "move to the next working day; make-up working days do not move them.",
    },
    "holidays.note.source": {"zh-CN": "日历来源：{source}。", "en": "Calendar: {source}."},
    "holidays.note.year_missing": {
        "zh-CN": "注意：{years} 年的节假日尚未录入（数据页），该年遇节假日的期限未顺延。",
        "en": "Note: no holidays entered for {years} (Data page): a deadline there on a "
        "public holiday has not been moved.",
    },
    "field.holidays": {"zh-CN": "放假日期", "en": "Days off"},
    "field.working_days": {"zh-CN": "调休上班日", "en": "Make-up working days"},
    # errors of a day list (core.rules.holidays.HolidayError)
    "error.holiday_day": {
        "zh-CN": "第 {line} 行的“{text}”不是有效日期（格式如 2026-10-01）",
        "en": "line {line}: “{text}” is not a valid date (write it like 2026-10-01)",
    },
    "error.holiday_range": {
        "zh-CN": "第 {line} 行的“{text}”不是有效的日期段（结束不能早于开始，最长 31 天）",
        "en": "line {line}: “{text}” is not a valid range (the end not before the start, "
        "31 days at most)",
    },
    "error.holiday_year": {
        "zh-CN": "“{text}”超出了 2000 年至 2100 年",
        "en": "“{text}” is outside the years 2000 to 2100",
    },
    "error.holiday_count": {
        "zh-CN": "日期太多：一个列表最多 {most} 天",
        "en": "too many days: {most} at most in one list",
    },
    "error.holiday_both": {
        "zh-CN": "{day} 不能既是放假日又是调休上班日",
        "en": "{day} cannot be both a day off and a make-up working day",
    },
    "error.holiday_weekday": {
        "zh-CN": "{day} 是工作日：调休上班日应为周六或周日",
        "en": "{day} is a weekday: a make-up working day is a Saturday or Sunday",
    },
}
