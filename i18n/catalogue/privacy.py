"""Texts of the outputs that leave the counselor's hands without naming anyone (issue 18):
the ``.ics`` calendar is named by what it holds, never by the client."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    "privacy.calendar.name": {
        "zh-CN": "协商还款计划（RepayTalk）",
        "en": "RepayTalk repayment plan",
    },
}
