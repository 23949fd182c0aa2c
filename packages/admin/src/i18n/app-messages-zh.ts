import { dashboardMessagesZh } from './dashboard-messages.js';
import { designerMessagesZh } from './designer-messages.js';
import { publicMessagesZh } from './public-messages.js';
import { validationMessagesZh } from './validation-messages.js';
import { workflowMessagesZh } from './workflow-messages.js';

/**
 * The panel's own texts in Chinese (the default language): `shuoshi.*` and react-admin's
 * `resources.*` names and field labels. English has exactly the same keys (app-messages-en.ts).
 * @example
 * translate('shuoshi.warning.yellow'); // '黄色预警'
 */
export const appMessagesZh = {
  shuoshi: {
    ...dashboardMessagesZh,
    ...designerMessagesZh,
    ...workflowMessagesZh,
    ...publicMessagesZh,
    app: { title: '职工说事', subtitle: '诉求受理 · 办理 · 回访闭环管理', speak_link: '我是职工，我要说事' },
    menu: { administration: '系统管理', dashboard: '督办工作台', referrals: '跨界联动', risk_register: '企业风险' },
    auth: {
      wrong_credentials: '用户名或密码不正确，请重新输入。',
      too_many_attempts: '登录尝试次数过多，请稍后再试。',
      session_ended: '登录已过期或已退出，请重新登录。',
    },
    warning: { green: '正常', yellow: '黄色预警', red: '红色预警' },
    warning_source: { ladder: '办理时限', rule: '预警规则', referral: '联动答复逾期' },
    status: { open: '办理中', closed: '已归档' },
    channel: { walk_in: '来访', phone: '电话', online: '网上', mini_program: '小程序' },
    level: { county: '县总工会', township: '乡镇工会', park: '园区工会', enterprise: '企业工会', workstation: '工作室/分点' },
    roles: {
      county_admin: '县总工会管理员',
      township_admin: '工会管理员',
      intake_operator: '接线员',
      mediator: '调解员',
      early_warning_officer: '预警员',
      lawyer: '律师',
      counsellor: '心理咨询师',
      supervisor: '督办',
      chamber_mediator: '商会调解员',
      idea_evaluator: '金点子评审员',
    },
    sla: { left: '剩余 %{duration}', overdue_by: '已超时 %{duration}', paused: '计时暂停', due_at: '办理时限：%{time}' },
    cases: {
      search_placeholder: '搜索标题、内容或编号',
      quick_views: '快捷视图',
      mine: '我负责的',
      open_only: '办理中',
      overdue_only: '已逾期',
      red_only: '红色预警',
      assign: '指派',
      assign_title: '指派事项 %{reference}',
      bulk_assign_title: '指派所选的 %{count} 件事项',
      bulk_assign_done: '已指派 %{assigned} 件；%{conflicts} 件已被他人修改未指派；%{failed} 件失败。',
      export_filename: '职工说事事项',
      choose_workflow: '请先选择流程，再填写事项内容。',
      tenant_help: '不填则为您所在的工会',
    },
    figures: {
      chip: '统计口径：%{figure}',
      chip_period: '统计口径：%{figure}（%{from} 至 %{to} 受理）',
      clear: '取消统计口径',
      received: '收件',
      completed: '已办结',
      resolved: '已解决',
      endedUnresolved: '未解决办结（不予受理、撤回等）',
      onTime: '按时办结',
      late: '超时办结',
      responded: '已响应',
      respondedOnTime: '按时响应',
      ideas: '金点子',
      ideasAdopted: '已采纳的金点子',
      referralsAwaiting: '有联动待答复',
      referralsOverdue: '有联动超期未答复',
      overdue: '超期',
      inHand: '在手（未办结）',
      numerator: '查看分子：%{count} 件',
      denominator: '查看分母：%{count} 件',
      click_note: '点击数字可查看它统计的事项。列表显示事项现在的状态：往期的数字可能与列表不同。',
    },
    case: {
      summary: '编号 %{reference} · %{workflow} · %{channel}',
      fields: '事项内容',
      timeline: '办理记录',
      referrals: '跨界联动与答复',
      follow_up: '回访评价',
      attachments: '附件',
      reveal: '显示个人信息',
      reveal_audited: '查看未遮蔽的个人信息会被记录在审计日志中',
      revealed: '正在显示个人信息，此次查看已记入审计日志。',
      warning_causes: '预警原因：%{causes}',
    },
    events: {
      title: '可执行的操作',
      none: '当前没有您可以执行的操作。',
      closed: '事项已归档，无需再操作。',
      leads_to: '执行后进入：%{state}',
      condition_not_met: '当前内容尚不满足此操作的条件，请补全下面的内容。',
      no_fields: '确认执行“%{event}”吗？',
      pii_kept: '已填写（个人信息已遮蔽）；留空则保持不变',
      sent: '已执行“%{event}”，事项现在处于：%{state}',
    },
    timeline: {
      by: '%{time} · %{actor}',
      moved: '%{from} → %{to}',
      entered: '进入：%{to}',
      system: '系统',
      worker: '职工本人',
      nobody: '未指派',
      assigned_to: '指派给：%{name}',
      host_open: '登记事项',
      host_assign: '指派',
      host_timer: '时限提醒',
    },
    referral: {
      agency: '联动单位',
      sent_at: '交办时间',
      reply_due_at: '答复期限',
      status: '状态',
      status_awaiting: '等待答复',
      status_replied: '已答复',
      status_returned: '已退单',
      status_withdrawn: '已撤回',
      overdue: '答复逾期',
    },
    rating: {
      stars: '%{count} 星',
      grade_1: '非常不满意',
      grade_2: '不满意',
      grade_3: '基本满意',
      grade_4: '满意',
      grade_5: '非常满意',
    },
    attachments: {
      upload: '上传附件',
      uploading: '正在上传…',
      uploaded: '已上传“%{name}”',
      none: '还没有附件。',
      download: '下载“%{name}”',
    },
    errors: {
      conflict_title: '事项已被他人修改',
      conflict: '在您操作期间，其他人已经修改了这件事项。请重新加载，查看最新情况后再操作。',
      reload: '重新加载',
      refused_title: '流程不允许此操作',
      forbidden: '您的角色无权执行此操作',
      not_found: '找不到该记录，或不在您的工会范围内',
      invalid: '提交的内容有误',
      failed: '操作未能完成',
    },
    validation: {
      ...validationMessagesZh,
      integer: '必须是整数',
      phone: '请输入电话号码（数字、空格、+、- 或括号）',
    },
    history: {
      undo: '撤销',
      redo: '重做',
      undo_tip: '撤销上一步修改（Ctrl/⌘+Z）',
      redo_tip: '重做刚撤销的修改（Ctrl/⌘+Shift+Z 或 Ctrl+Y）',
    },
    admin: {
      tenant_id_help: '可选：英文小写字母、数字和下划线，如 qiantong；不填则自动生成',
      tenant_default_help: '不填则为您所在的工会',
      username_help: '3-64 位小写字母、数字、点、下划线或连字符，如 chalu.wang',
      password_keep_help: '留空则不修改密码',
      code_help: '英文小写字母、数字和下划线，如 congress_liaison',
      code_format: '只能使用英文小写字母、数字和下划线，并以字母开头',
      credit_code_help: '18 位统一社会信用代码，见营业执照',
      roles_help: '内置角色，以及本工会和上级工会的流程中声明的自定义角色（在流程设计器的“流程设置 → 自定义角色”中添加）',
      role_undeclared: '%{role}（流程中已无此角色）',
    },
  },
  resources: {
    cases: {
      name: '事项',
      fields: {
        q: '搜索',
        reference: '编号',
        title: '标题',
        state: '办理环节',
        warning: '预警',
        status: '状态',
        tenantId: '所属工会',
        workflowKey: '流程',
        assigneeId: '负责人',
        channel: '来源渠道',
        enterpriseId: '企业',
        overdue: '仅看逾期',
        openedAt: '登记时间',
        openedFrom: '受理日期从',
        openedTo: '受理日期至',
        figure: '统计口径',
        dueAt: '办理时限',
        closedAt: '归档时间',
      },
    },
    tenants: {
      name: '工会组织',
      fields: { id: '标识', name: '名称', 'name.zh': '中文名称', 'name.en': '英文名称', level: '层级', parentId: '上级工会', createdAt: '建立时间', q: '搜索' },
    },
    users: {
      name: '工作人员',
      fields: { username: '用户名', displayName: '姓名', tenantId: '所属工会', roles: '角色', role: '角色', active: '启用', password: '密码', q: '搜索' },
    },
    agencies: {
      name: '联动单位',
      fields: { code: '代码', name: '名称', 'name.zh': '中文名称', 'name.en': '英文名称', contact: '联系方式', tenantId: '所属工会', q: '搜索' },
    },
    enterprises: {
      name: '企业',
      fields: { name: '企业名称', creditCode: '统一社会信用代码', industry: '行业', workers: '职工人数', tenantId: '所属工会', q: '搜索' },
    },
    workflows: { name: '流程', fields: { key: '流程', title: '名称' } },
    referrals: {
      name: '跨界联动',
      fields: { reference: '编号', caseTitle: '事项', union: '所属工会', tenantId: '所属工会', agency: '联动单位', sentAt: '交办时间', replyDueAt: '答复期限', status: '状态', overdue: '仅看超期' },
    },
    'risk-register': {
      name: '企业风险',
      fields: { name: '企业名称', q: '搜索', tenantId: '所属工会', colour: '风险颜色', openCases: '在办事项', reasons: '原因', changedAt: '变化时间', computedAt: '计算时间' },
    },
  },
};

/**
 * The shape of the panel's messages: the Chinese keys with any text.
 * @example
 * const en: AppMessages = appMessagesEn;
 */
export type AppMessages = Widen<typeof appMessagesZh>;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
