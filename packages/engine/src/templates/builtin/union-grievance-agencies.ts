import type { Workflow } from '../../definition/index.js';

/**
 * The outside bodies the `union-grievance` template refers matters to (跨界联动); the form's
 * `referral_agency` options are built from them, so the two lists cannot drift apart.
 * @example
 * Object.keys(unionGrievanceAgencies); // ['people_congress_liaison', 'cppcc', ...]
 */
export const unionGrievanceAgencies: NonNullable<Workflow['agencies']> = {
  people_congress_liaison: { title: { zh: '人大代表联络站', en: "People's congress liaison station" } },
  cppcc: { title: { zh: '政协', en: 'CPPCC committee' } },
  hr_bureau: { title: { zh: '人力社保局', en: 'HR and social security bureau' } },
  labour_inspection: { title: { zh: '劳动保障监察大队', en: 'Labour inspection brigade' } },
  court: { title: { zh: '人民法院', en: "People's court" } },
  judicial_office: { title: { zh: '司法所', en: 'Judicial office' } },
  emergency_management: { title: { zh: '应急管理局', en: 'Emergency management bureau' } },
  transport_group: { title: { zh: '交通集团', en: 'Transport group' } },
};
