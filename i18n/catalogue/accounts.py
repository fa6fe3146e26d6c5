"""Accounts and signing in (team mode): why an account cannot be created or changed, why a
sign-in is refused, and the audit trail's CSV columns.

The ``error.<code>`` texts word the codes of ``services.accounts.AccountError`` and
``SignInError`` (``ui.errors`` and the command line show them as any store error). The lockout
numbers come from ``core.access``, so the text says what the rule does.
"""

from core.access import LOCKOUT, MAX_FAILED_SIGN_INS, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH

_MINUTES = int(LOCKOUT.total_seconds() // 60)

TEXT: dict[str, dict[str, str]] = {
    # creating and changing accounts
    "error.account_invalid": {
        "zh-CN": "账户信息有误，没有保存",
        "en": "the account's details are not valid; nothing was saved",
    },
    "error.username_format": {
        "zh-CN": "用户名须为 3–40 个小写字母、数字或 . _ -，并以字母开头",
        "en": "a user name is 3 to 40 lower-case letters, digits, '.', '_' or '-', starting"
        " with a letter",
    },
    "error.username_taken": {
        "zh-CN": "这个用户名已被其他账户使用，请换一个",
        "en": "another account already has this user name; choose another",
    },
    "error.email_format": {
        "zh-CN": "邮箱地址格式不正确",
        "en": "this is not an e-mail address",
    },
    "error.email_taken": {
        "zh-CN": "这个邮箱地址已属于其他账户",
        "en": "another account already has this e-mail address",
    },
    "error.display_name_invalid": {
        "zh-CN": "显示名称不能为空，最多 50 个字符",
        "en": "the name shown cannot be empty and has at most 50 characters",
    },
    "error.role_invalid": {
        "zh-CN": "请选择角色：咨询师、主管或管理员",
        "en": "choose a role: counselor, supervisor or administrator",
    },
    "error.password_too_short": {
        "zh-CN": f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符（可以用一句好记的话）",
        "en": f"a password needs at least {MIN_PASSWORD_LENGTH} characters (a sentence you"
        " remember works well)",
    },
    "error.password_too_long": {
        "zh-CN": f"密码最多 {MAX_PASSWORD_LENGTH} 个字符",
        "en": f"a password has at most {MAX_PASSWORD_LENGTH} characters",
    },
    "error.password_contains_username": {
        "zh-CN": "密码不能包含用户名",
        "en": "the password must not contain the user name",
    },
    "error.wrong_password": {
        "zh-CN": "当前密码不正确，密码没有更改",
        "en": "the current password is not right; the password was not changed",
    },
    "error.last_admin": {
        "zh-CN": "这是最后一个启用的管理员账户，不能停用或改为其他角色；请先让另一个账户成为管理员",
        "en": "this is the last enabled administrator: it cannot be disabled or given another"
        " role. Make another account an administrator first",
    },
    # signing in
    "error.bad_credentials": {
        "zh-CN": "用户名或密码不正确",
        "en": "the user name or password is not right",
    },
    "error.locked": {
        "zh-CN": f"连续 {MAX_FAILED_SIGN_INS} 次登录失败，账户已锁定 {_MINUTES} 分钟。"
        "请稍后再试，或请管理员解锁",
        "en": f"after {MAX_FAILED_SIGN_INS} failed sign-ins in a row the account is locked for"
        f" {_MINUTES} minutes. Try again later, or ask an administrator to unlock it",
    },
    "error.disabled": {
        "zh-CN": "这个账户已停用，请联系管理员",
        "en": "this account is disabled; contact an administrator",
    },
    # the audit trail as CSV (services.audit.trail_csv's columns)
    "audit.csv.at": {"zh-CN": "时间（UTC）", "en": "Time (UTC)"},
    "audit.csv.actor": {"zh-CN": "操作人", "en": "User"},
    "audit.csv.action": {"zh-CN": "操作", "en": "Action"},
    "audit.csv.subject": {"zh-CN": "对象", "en": "Subject"},
    "audit.csv.detail": {"zh-CN": "详情", "en": "Detail"},
}
