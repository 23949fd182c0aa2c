import type { LocalizedText } from '../localized-text.js';

/**
 * Outside bodies every deployment knows, by identifier: a referral may name them without the
 * workflow declaring them under `agencies`.
 * @example
 * BUILTIN_AGENCIES.court.title.zh; // '法院'
 */
export const BUILTIN_AGENCIES: Readonly<Record<string, { title: LocalizedText }>> = Object.freeze({
  people_congress_liaison: { title: { zh: '人大代表联络站', en: "People's congress liaison station" } },
  cppcc: { title: { zh: '政协委员工作室', en: 'CPPCC members’ office' } },
  hr_bureau: { title: { zh: '人力资源和社会保障局', en: 'Human resources and social security bureau' } },
  court: { title: { zh: '人民法院', en: "People's court" } },
  judicial_office: { title: { zh: '司法所', en: 'Judicial office' } },
  arbitration_commission: { title: { zh: '劳动人事争议仲裁院', en: 'Labour and personnel dispute arbitration commission' } },
  transport_group: { title: { zh: '县交通集团', en: 'County transport group' } },
  traffic_enforcement: { title: { zh: '交警 / 交通执法', en: 'Traffic police and transport enforcement' } },
  chamber_of_commerce: { title: { zh: '商会', en: 'Chamber of commerce' } },
  market_regulation: { title: { zh: '市场监督管理局', en: 'Market regulation bureau' } },
  petition_bureau: { title: { zh: '信访局', en: 'Petition (letters and visits) bureau' } },
});
