"""Texts of team mode: signing in and out, the refusal on an open address, roles, the Accounts
and Audit pages, the administrator-only parts of the Data page and caseloads on Clients."""

from i18n.shape import Catalogue

TEXT: Catalogue = {
    # Page titles (navigation)
    "page.sign_in": {"zh-CN": "登录", "en": "Sign in"},
    "page.accounts": {"zh-CN": "账户管理", "en": "Accounts"},
    "page.audit": {"zh-CN": "操作记录", "en": "Audit trail"},
    # Roles
    "team.role.counselor": {"zh-CN": "咨询师", "en": "Counselor"},
    "team.role.supervisor": {"zh-CN": "主管", "en": "Supervisor"},
    "team.role.admin": {"zh-CN": "管理员", "en": "Administrator"},
    # Sign-in page
    "team.sign_in.title": {"zh-CN": "登录协商还款工作台", "en": "Sign in to RepayTalk"},
    "team.sign_in.intro": {
        "zh-CN": "这是团队共用的工作台，客户资料只对有权限的同事开放。请用您的账户登录。",
        "en": "This workbench is shared by a team, and clients' records are open only to "
        "colleagues allowed to see them. Sign in with your account.",
    },
    "team.sign_in.username": {"zh-CN": "用户名", "en": "User name"},
    "team.sign_in.password": {"zh-CN": "密码", "en": "Password"},
    "team.sign_in.submit": {"zh-CN": "登录", "en": "Sign in"},
    "team.sign_in.missing": {
        "zh-CN": "请填写用户名和密码。",
        "en": "Enter your user name and your password.",
    },
    "team.sign_in.bad_credentials": {
        "zh-CN": "用户名或密码不正确，请重新输入。连续输错 {max} 次，账户会被暂时锁定。",
        "en": "The user name or the password is not right; type them again. After {max} "
        "failed attempts in a row the account is locked for a while.",
    },
    "team.sign_in.locked": {
        "zh-CN": "登录失败次数过多，该账户已被锁定，请在 {until}（北京时间）之后再试。"
        "如需提前解锁，请联系管理员重置密码。",
        "en": "Too many failed sign-ins: this account is locked. Try again after {until} "
        "(Beijing time), or ask an administrator to reset the password.",
    },
    "team.sign_in.disabled": {
        "zh-CN": "该账户已被停用，无法登录。如有疑问，请联系管理员。",
        "en": "This account is disabled and cannot sign in. Ask an administrator if this is a "
        "mistake.",
    },
    "team.sign_in.no_accounts": {
        "zh-CN": "团队模式已开启，但还没有任何账户。请在运行本工作台的电脑上，用下面的命令创建"
        "第一个管理员账户（输入密码时屏幕上不显示），然后回到这里登录。详见 README 中"
        "“Serving a team”一节。",
        "en": "Team mode is on but there is no account yet. On the computer that runs RepayTalk, "
        "create the first administrator with the command below (the password is typed without "
        "being shown), then come back and sign in. See the README section “Serving a team”.",
    },
    "team.sign_in.no_accounts_command": {
        "zh-CN": ".venv/bin/python -m store create-admin 用户名",
        "en": ".venv/bin/python -m store create-admin NAME",
    },
    # Signed out
    "team.signed_out.expired": {
        "zh-CN": "您已 {minutes} 分钟没有操作，为保护客户资料，系统已自动退出登录。请重新登录。",
        "en": "You were signed out after {minutes} minutes without activity, to protect "
        "clients' records. Sign in again.",
    },
    "team.signed_out.disabled": {
        "zh-CN": "您的账户已被管理员停用，已退出登录。",
        "en": "Your account was disabled by an administrator, so you were signed out.",
    },
    "team.signed_out.done": {"zh-CN": "您已退出登录。", "en": "You are signed out."},
    # Signing in through the agency's identity provider (st.login, OIDC)
    "team.sign_in.provider": {"zh-CN": "使用 {provider} 登录", "en": "Sign in with {provider}"},
    "team.sign_in.provider_default": {
        "zh-CN": "使用机构统一身份认证登录",
        "en": "Sign in with your agency's identity provider",
    },
    "team.sign_in.or_password": {
        "zh-CN": "也可以用工作台的用户名和密码登录：",
        "en": "Or sign in with your RepayTalk user name and password:",
    },
    "team.sign_in.unknown_email": {
        "zh-CN": "身份认证已确认您是 {email}，但工作台里没有使用这个邮箱的可用账户，所以不能进入。"
        "请管理员在“账户管理”中为您建立账户并填写这个邮箱，或重新启用您的账户。",
        "en": "Your identity provider signed you in as {email}, but no enabled RepayTalk account "
        "has this e-mail, so you cannot open the workbench. Ask an administrator to create your "
        "account with this e-mail on the Accounts page, or to enable it again.",
    },
    "team.sign_in.no_email": {
        "zh-CN": "身份认证没有提供您的邮箱，无法对应到工作台的账户。请联系管理员。",
        "en": "Your identity provider did not give your e-mail address, so no RepayTalk account "
        "can be matched. Ask your administrator.",
    },
    "team.sign_in.email_unverified": {
        "zh-CN": "身份认证显示邮箱 {email} 尚未验证，不能用它登录工作台。"
        "请先在身份认证服务中验证邮箱。",
        "en": "Your identity provider says the e-mail {email} is not verified, so it cannot sign "
        "you in to RepayTalk. Verify it with your identity provider first.",
    },
    "team.sign_in.provider_other": {
        "zh-CN": "退出身份认证，换一个账户",
        "en": "Sign out of the identity provider and use another account",
    },
    # Sidebar
    "team.sidebar.signed_in": {"zh-CN": "当前账户", "en": "Signed in"},
    "team.sidebar.who": {"zh-CN": "{name}（{role}）", "en": "{name} ({role})"},
    "team.sidebar.sign_out": {"zh-CN": "退出登录", "en": "Sign out"},
    # Refusal on a non-loopback address without team mode
    "team.refusal.title": {
        "zh-CN": "单人模式不能对网络开放",
        "en": "Single-user mode is not served to the network",
    },
    "team.refusal.body": {
        "zh-CN": "本工作台正在监听地址 {address}，网络上的其他电脑可以连接到这里。"
        "单人模式没有登录，任何人都能看到全部客户资料，所以这里不显示任何数据。",
        "en": "RepayTalk is listening on {address}, which other computers on the network can "
        "reach. Single-user mode has no sign-in, so anyone could read every client's record: "
        "nothing is shown here.",
    },
    "team.refusal.local": {
        "zh-CN": "只在本机使用：去掉 `--server.address` 选项后重新启动（默认只监听 127.0.0.1），"
        "例如 `make run`。",
        "en": "To work on this computer only: start again without `--server.address` (by "
        "default it listens on 127.0.0.1 only), for example with `make run`.",
    },
    "team.refusal.team": {
        "zh-CN": "为团队提供服务：设置环境变量 `REPAYTALK_TEAM_MODE=1` 后重新启动，"
        "并按 README 中“Serving a team”一节创建第一个管理员账户、设置团队使用的主机名。",
        "en": "To serve a team: start again with the environment variable "
        "`REPAYTALK_TEAM_MODE=1`, then create the first administrator and set the team's host "
        "names as the README section “Serving a team” describes.",
    },
    # Errors of team mode
    "team.error.not_yours": {
        "zh-CN": "这位客户不在您负责的客户名单中，因此不显示其任何资料。如需接手，请联系主管分配。",
        "en": "This client is not in your caseload, so nothing of them is shown. Ask a "
        "supervisor to assign them to you if you need to work with them.",
    },
    "team.error.not_allowed": {
        "zh-CN": "您的角色没有权限进行这项操作，什么都没有改变。",
        "en": "Your role does not allow this; nothing was changed.",
    },
    "team.error.signed_out": {
        "zh-CN": "您已退出登录（或太久没有操作），什么都没有改变。请刷新页面后重新登录。",
        "en": "You are signed out (or were inactive too long); nothing was changed. Reload the "
        "page and sign in again.",
    },
    # Accounts page (administrators)
    "team.accounts.intro": {
        "zh-CN": "为同事创建账户、分配角色，停用离职人员的账户，重置忘记的密码。"
        "咨询师只能看到分配给自己的客户；主管能看到全部客户、分配客户并查看操作记录；"
        "管理员另外管理账户、设置和备份。",
        "en": "Create accounts for colleagues with a role, disable the accounts of people who "
        "left, reset forgotten passwords. A counselor sees only the clients assigned to them; a "
        "supervisor sees every client, assigns them and reads the audit trail; an administrator "
        "also manages accounts, settings and backups.",
    },
    "team.accounts.list": {"zh-CN": "全部账户", "en": "All accounts"},
    "team.accounts.col.username": {"zh-CN": "用户名", "en": "User name"},
    "team.accounts.col.name": {"zh-CN": "姓名", "en": "Name"},
    "team.accounts.col.role": {"zh-CN": "角色", "en": "Role"},
    "team.accounts.col.status": {"zh-CN": "状态", "en": "Status"},
    "team.accounts.col.locked_until": {
        "zh-CN": "锁定至（北京时间）",
        "en": "Locked until (Beijing)",
    },
    "team.accounts.col.last_sign_in": {"zh-CN": "上次登录", "en": "Last sign-in"},
    "team.accounts.status.active": {"zh-CN": "正常", "en": "Active"},
    "team.accounts.status.disabled": {"zh-CN": "已停用", "en": "Disabled"},
    "team.accounts.status.locked": {"zh-CN": "已锁定", "en": "Locked"},
    "team.accounts.never": {"zh-CN": "从未", "en": "Never"},
    "team.accounts.create.title": {"zh-CN": "新建账户", "en": "New account"},
    "team.accounts.create.username": {"zh-CN": "用户名", "en": "User name"},
    "team.accounts.create.username_help": {
        "zh-CN": "3 到 40 个字符：小写字母开头，可用小写字母、数字和 . _ -，例如 wang.li。",
        "en": "3 to 40 characters: a lower-case letter first, then lower-case letters, digits, "
        "'.', '_' or '-', such as wang.li.",
    },
    "team.accounts.create.display_name": {"zh-CN": "姓名", "en": "Full name"},
    "team.accounts.create.role": {"zh-CN": "角色", "en": "Role"},
    "team.accounts.create.password": {"zh-CN": "初始密码", "en": "First password"},
    "team.accounts.create.password_help": {
        "zh-CN": "至少 {min} 个字符，不能包含用户名。请当面或通过电话告知同事。",
        "en": "At least {min} characters, without the user name. Tell it to the colleague in "
        "person or by phone.",
    },
    "team.accounts.create.submit": {"zh-CN": "创建账户", "en": "Create account"},
    "team.accounts.created": {
        "zh-CN": "已创建账户 {username}。",
        "en": "Account {username} created.",
    },
    "team.accounts.manage.title": {"zh-CN": "管理一个账户", "en": "Manage an account"},
    "team.accounts.manage.pick": {"zh-CN": "选择账户", "en": "Account"},
    "team.accounts.manage.locked": {
        "zh-CN": "该账户因多次登录失败被锁定，至 {until}（北京时间）解锁；重置密码会立即解锁。",
        "en": "This account is locked after failed sign-ins until {until} (Beijing time); "
        "resetting the password unlocks it at once.",
    },
    "team.accounts.manage.role": {"zh-CN": "角色", "en": "Role"},
    "team.accounts.manage.set_role": {"zh-CN": "更改角色", "en": "Change role"},
    "team.accounts.manage.disable": {"zh-CN": "停用账户", "en": "Disable account"},
    "team.accounts.manage.enable": {"zh-CN": "重新启用账户", "en": "Enable account"},
    "team.accounts.manage.new_password": {"zh-CN": "新密码", "en": "New password"},
    "team.accounts.manage.reset": {"zh-CN": "重置密码", "en": "Reset password"},
    "team.accounts.role_set": {
        "zh-CN": "{username} 的角色已改为{role}。",
        "en": "{username} is now {role}.",
    },
    "team.accounts.disabled_done": {
        "zh-CN": "已停用 {username}，该账户无法再登录。",
        "en": "{username} is disabled and can no longer sign in.",
    },
    "team.accounts.enabled_done": {
        "zh-CN": "已重新启用 {username}。",
        "en": "{username} is enabled again.",
    },
    "team.accounts.reset_done": {
        "zh-CN": "已重置 {username} 的密码，账户已解锁。",
        "en": "The password of {username} is reset and the account is unlocked.",
    },
    # Audit page (supervisors and administrators)
    "team.audit.intro": {
        "zh-CN": "谁在什么时候对哪位客户做了什么：登录、查看完整个人信息、导出、分享、备份、"
        "恢复、删除和角色变更。记录只能追加，不能修改或删除。时间为北京时间。",
        "en": "Who did what, when, for which client: sign-ins, viewing full personal data, "
        "exports, shares, backups, restores, deletions and role changes. Entries are only ever "
        "added, never changed or deleted. Times are Beijing time.",
    },
    "team.audit.counselor": {"zh-CN": "账户", "en": "Account"},
    "team.audit.everyone": {"zh-CN": "全部账户", "en": "Every account"},
    "team.audit.client": {"zh-CN": "客户编号", "en": "Client ID"},
    "team.audit.client_help": {
        "zh-CN": "只显示与这位客户有关的记录；留空则显示全部。",
        "en": "Only the entries about this client; leave empty for all.",
    },
    "team.audit.client_bad": {
        "zh-CN": "客户编号只能是数字。",
        "en": "A client ID is a number.",
    },
    "team.audit.from": {"zh-CN": "起始日期", "en": "From"},
    "team.audit.to": {"zh-CN": "截止日期", "en": "To"},
    "team.audit.dates_reversed": {
        "zh-CN": "截止日期早于起始日期，没有记录可显示。",
        "en": "The end date is before the start date: there is nothing to show.",
    },
    "team.audit.col.at": {"zh-CN": "时间", "en": "Time"},
    "team.audit.col.actor": {"zh-CN": "账户", "en": "Account"},
    "team.audit.col.action": {"zh-CN": "操作", "en": "Action"},
    "team.audit.col.client": {"zh-CN": "客户编号", "en": "Client ID"},
    "team.audit.col.detail": {"zh-CN": "说明", "en": "Detail"},
    "team.audit.none": {
        "zh-CN": "没有符合条件的记录。",
        "en": "No entry matches.",
    },
    "team.audit.count": {
        "zh-CN": "共 {count} 条记录。",
        "en": {"one": "{count} entry.", "other": "{count} entries."},
    },
    "team.audit.limited": {
        "zh-CN": "只显示最近的 {count} 条；请缩小日期范围查看更早的记录。",
        "en": "Only the latest {count} are shown; narrow the dates to see earlier ones.",
    },
    "team.audit.download": {"zh-CN": "下载 CSV", "en": "Download CSV"},
    # Audit actions (services' action codes; an unknown one is shown as its code)
    "team.audit.action.account.created": {"zh-CN": "创建账户", "en": "Account created"},
    "team.audit.action.account.signed_in": {"zh-CN": "登录", "en": "Signed in"},
    "team.audit.action.account.sign_in_failed": {"zh-CN": "登录失败", "en": "Sign-in failed"},
    "team.audit.action.account.locked": {"zh-CN": "账户被锁定", "en": "Account locked"},
    "team.audit.action.account.disabled": {"zh-CN": "停用账户", "en": "Account disabled"},
    "team.audit.action.account.enabled": {"zh-CN": "启用账户", "en": "Account enabled"},
    "team.audit.action.account.password_reset": {"zh-CN": "重置密码", "en": "Password reset"},
    "team.audit.action.account.password_changed": {
        "zh-CN": "修改自己的密码",
        "en": "Own password changed",
    },
    "team.audit.action.account.role_changed": {"zh-CN": "更改角色", "en": "Role changed"},
    "team.audit.action.client.revealed": {
        "zh-CN": "查看完整个人信息",
        "en": "Full personal data viewed",
    },
    "team.audit.action.client.reassigned": {"zh-CN": "重新分配客户", "en": "Client reassigned"},
    "team.audit.action.client.purged": {
        "zh-CN": "按保存期限清除客户",
        "en": "Client purged after retention",
    },
    "team.audit.action.access.refused": {
        "zh-CN": "拒绝访问他人客户",
        "en": "Access to another's client refused",
    },
    "team.audit.action.audit.exported": {"zh-CN": "导出操作记录", "en": "Audit trail exported"},
    "team.audit.action.backup.restored": {"zh-CN": "恢复备份", "en": "Backup restored"},
    "team.audit.action.backup.created": {"zh-CN": "下载备份", "en": "Backup made"},
    "team.audit.action.data.exported": {"zh-CN": "导出 CSV", "en": "CSV exported"},
    "team.audit.action.data.deleted_all": {"zh-CN": "清空全部数据", "en": "All data deleted"},
    "team.audit.action.client.shared": {
        "zh-CN": "下载分享材料（图表或报告）",
        "en": "Shared material downloaded (chart or report)",
    },
    "team.audit.action.client.letter": {
        "zh-CN": "下载致机构的信",
        "en": "Letter to the lender downloaded",
    },
    "team.audit.action.client.attorney": {
        "zh-CN": "下载授权委托书",
        "en": "Power of attorney downloaded",
    },
    "team.audit.action.client.script_card": {
        "zh-CN": "下载通话话术卡",
        "en": "Call script card downloaded",
    },
    "team.audit.detail.kind": {"zh-CN": "类型：{value}", "en": "kind: {value}"},
    "team.audit.detail.masked": {"zh-CN": "隐去姓名：{value}", "en": "names masked: {value}"},
    # Audit details: each part of the detail column, labelled
    "team.audit.separator": {"zh-CN": "；", "en": "; "},
    "team.audit.yes": {"zh-CN": "是", "en": "yes"},
    "team.audit.no": {"zh-CN": "否", "en": "no"},
    "team.audit.detail.account": {"zh-CN": "账户：{value}", "en": "account: {value}"},
    "team.audit.detail.role": {"zh-CN": "角色：{value}", "en": "role: {value}"},
    "team.audit.detail.first": {
        "zh-CN": "第一个管理员：{value}",
        "en": "first administrator: {value}",
    },
    "team.audit.detail.from": {"zh-CN": "原为：{value}", "en": "from: {value}"},
    "team.audit.detail.to": {"zh-CN": "改为：{value}", "en": "to: {value}"},
    "team.audit.detail.reason": {"zh-CN": "原因：{value}", "en": "reason: {value}"},
    "team.audit.detail.failed": {
        "zh-CN": "连续失败次数：{value}",
        "en": "failures in a row: {value}",
    },
    "team.audit.detail.until": {"zh-CN": "锁定至：{value}", "en": "locked until: {value}"},
    "team.audit.detail.field": {"zh-CN": "字段：{value}", "en": "field: {value}"},
    "team.audit.detail.via": {"zh-CN": "途径：{value}", "en": "via: {value}"},
    "team.audit.detail.format": {"zh-CN": "格式：{value}", "en": "format: {value}"},
    "team.audit.detail.language": {"zh-CN": "语言：{value}", "en": "language: {value}"},
    "team.audit.detail.debt_id": {"zh-CN": "欠款编号：{value}", "en": "debt id: {value}"},
    "team.audit.detail.lines": {"zh-CN": "行数：{value}", "en": "lines: {value}"},
    "team.audit.detail.filters": {"zh-CN": "筛选：{value}", "en": "filters: {value}"},
    "team.audit.detail.counts": {"zh-CN": "记录数：{value}", "en": "records: {value}"},
    "team.audit.detail.backup_created_at": {
        "zh-CN": "备份时间：{value}",
        "en": "backup made: {value}",
    },
    "team.audit.reason.bad_password": {"zh-CN": "密码错误", "en": "wrong password"},
    "team.audit.reason.unknown_user": {"zh-CN": "用户名不存在", "en": "unknown user name"},
    "team.audit.reason.locked": {"zh-CN": "账户锁定中", "en": "account locked"},
    "team.audit.reason.disabled": {"zh-CN": "账户已停用", "en": "account disabled"},
    # Data page in team mode
    "team.data.admin_only": {
        "zh-CN": "备份、恢复、机构设置和按保存期限清除客户只能由管理员操作。",
        "en": "Backups, restore, the agency's settings and purging clients past retention are "
        "for administrators.",
    },
    "team.data.restore_word": {"zh-CN": "恢复", "en": "RESTORE"},
    "team.data.restore_type": {
        "zh-CN": "请输入“{word}”确认用备份替换全部数据",
        "en": "Type “{word}” to replace all data with the backup",
    },
    "team.data.restore_typed_wrong": {
        "zh-CN": "请准确输入“{word}”后才能恢复。",
        "en": "Type “{word}” exactly to restore.",
    },
    "team.data.export_one_client": {
        "zh-CN": "只导出当前客户（编号 {id}）的记录。",
        "en": "Only the records of the client chosen (ID {id}) are exported.",
    },
    "team.data.export_choose_client": {
        "zh-CN": "请先在“客户”页面选择一位您负责的客户，再导出其记录。"
        "导出全部客户的记录需要管理员。",
        "en": "Choose one of your clients on the Clients page first to export their records. "
        "Exporting every client's records is for administrators.",
    },
    "team.data.delete.title": {"zh-CN": "清空全部数据", "en": "Delete all data"},
    "team.data.delete.body": {
        "zh-CN": "删除全部客户及其债务、预算、方案、通话、付款和待办；账户、设置和操作记录保留。"
        "无法撤销，请先下载一份备份。",
        "en": "Deletes every client with their debts, budgets, proposals, calls, payments and "
        "tasks; accounts, settings and the audit trail stay. This cannot be undone: download a "
        "backup first.",
    },
    "team.data.delete.type": {
        "zh-CN": "请输入客户数 {count} 确认清空",
        "en": "Type the number of clients, {count}, to confirm",
    },
    "team.data.delete.typed_wrong": {
        "zh-CN": "请准确输入 {count} 后才能清空。",
        "en": "Type {count} exactly to delete.",
    },
    "team.data.delete.run": {
        "zh-CN": "清空全部 {count} 位客户的数据",
        "en": {
            "one": "Delete all data of {count} client",
            "other": "Delete all data of {count} clients",
        },
    },
    "team.data.delete.done": {
        "zh-CN": "已清空全部数据（{count} 位客户）。",
        "en": {
            "one": "All data is deleted ({count} client).",
            "other": "All data is deleted ({count} clients).",
        },
    },
    "team.data.delete.nothing": {
        "zh-CN": "没有客户记录可清空。",
        "en": "There are no client records to delete.",
    },
    # Clients page: caseloads
    "team.clients.caseloads": {"zh-CN": "各咨询师负责的客户数", "en": "Caseloads"},
    "team.clients.col.counselor": {"zh-CN": "咨询师", "en": "Counselor"},
    "team.clients.col.count": {"zh-CN": "客户数", "en": "Clients"},
    "team.clients.unassigned": {"zh-CN": "未分配", "en": "Unassigned"},
    "team.clients.assign.title": {"zh-CN": "分配客户", "en": "Assign clients"},
    "team.clients.assign.help": {
        "zh-CN": "为每位客户选择负责的咨询师，咨询师只能看到分配给自己的客户。",
        "en": "Choose the counselor for each client; a counselor sees only the clients assigned "
        "to them.",
    },
    "team.clients.assign.first": {
        "zh-CN": "列表共 {total} 位客户，这里只列出前 {count} 位；请用上方的搜索缩小范围。",
        "en": "Of the {total} clients listed, the first {count} are shown here; search above to "
        "narrow the list.",
    },
    "team.clients.assign.label": {
        "zh-CN": "{client} 的负责咨询师",
        "en": "Counselor of {client}",
    },
    "team.clients.assigned": {
        "zh-CN": "{client} 已分配给 {counselor}。",
        "en": "{client} is now assigned to {counselor}.",
    },
    "team.clients.mine": {
        "zh-CN": "这里只列出分配给您的客户。",
        "en": "Only the clients assigned to you are listed.",
    },
}
