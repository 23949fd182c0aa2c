import type { BuiltinRole, LocalizedText } from '@shuoshi/engine';

/**
 * The names of the eight built-in staff roles (zh, en), as the admin panel shows them.
 * @example
 * BUILTIN_ROLE_TITLES.mediator.zh; // '调解员'
 */
export const BUILTIN_ROLE_TITLES: Readonly<Record<BuiltinRole, LocalizedText>> = {
  county_admin: { zh: '县总工会管理员', en: 'County admin' },
  township_admin: { zh: '工会管理员', en: 'Union admin' },
  intake_operator: { zh: '接线员', en: 'Intake operator' },
  mediator: { zh: '调解员', en: 'Mediator' },
  early_warning_officer: { zh: '预警员', en: 'Early-warning officer' },
  lawyer: { zh: '律师', en: 'Lawyer' },
  counsellor: { zh: '心理咨询师', en: 'Counsellor' },
  supervisor: { zh: '督办', en: 'Supervisor' },
};
