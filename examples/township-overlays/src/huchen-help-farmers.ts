import type { Overlay } from '@shuoshi/engine';

/**
 * 胡陈乡「助农说事团」: Huchen township's overlay on the county's `union-grievance` v1. The township
 * union works with the judicial office and the chamber of commerce to settle fruit and vegetable
 * growers' sales disputes: a sales-dispute category, the produce and the buyer on the form, and a
 * chamber-of-commerce mediation step that triage can route to.
 * @example
 * const result = extendWorkflow(unionGrievance, huchenHelpFarmers);
 * if (result.ok) engine.register(result.workflow); else console.error(result.conflicts);
 */
export const huchenHelpFarmers: Overlay = {
  key: 'huchen-help-farmers',
  version: 1,
  extends: { key: 'union-grievance', version: 1 },
  title: { zh: '胡陈乡职工诉求处理（助农说事团）', en: "Huchen township matter handling (help-farmers panel)" },
  description: {
    zh: '在县总工会职工说事流程上增加商会调解，化解果农、菜农的农产品销售纠纷。',
    en: "The county's matter handling plus chamber-of-commerce mediation of growers' produce sales disputes.",
  },
  roles: {
    chamber_mediator: {
      title: { zh: '商会调解员', en: 'Chamber of commerce mediator' },
      description: { zh: '乡商会推荐、参加助农说事团的调解员', en: "A mediator the township's chamber of commerce seconds to the panel" },
    },
  },
  fields: {
    // A patch replaces the whole options list: the template's v1 options, then the new one before "other".
    category: {
      options: [
        { value: 'wages', label: { zh: '欠薪', en: 'Wage arrears' } },
        { value: 'working_conditions', label: { zh: '劳动条件', en: 'Working conditions' } },
        { value: 'safety', label: { zh: '安全生产', en: 'Safety' } },
        { value: 'social_insurance', label: { zh: '社会保险', en: 'Social insurance' } },
        { value: 'contract', label: { zh: '劳动合同', en: 'Employment contract' } },
        { value: 'welfare', label: { zh: '福利待遇', en: 'Welfare' } },
        { value: 'commute', label: { zh: '通勤出行', en: 'Commute' } },
        { value: 'sales_dispute', label: { zh: '农产品销售纠纷', en: 'Produce sales dispute' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    produce_type: {
      type: 'select',
      label: { zh: '农产品类别', en: 'Produce' },
      options: [
        { value: 'fruit', label: { zh: '水果', en: 'Fruit' } },
        { value: 'vegetables', label: { zh: '蔬菜', en: 'Vegetables' } },
        { value: 'tea', label: { zh: '茶叶', en: 'Tea' } },
        { value: 'aquatic', label: { zh: '水产', en: 'Aquatic products' } },
        { value: 'livestock_poultry', label: { zh: '畜禽', en: 'Livestock and poultry' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    // Buyers are often individual dealers, so the name is personal data.
    buyer_name: { type: 'text', label: { zh: '收购方', en: 'Buyer' }, pii: true, maxLength: 100 },
    disputed_amount: { type: 'money', label: { zh: '争议金额（元）', en: 'Amount in dispute (CNY)' }, min: 0 },
  },
  states: {
    triage: {
      transitions: {
        route_to_chamber: {
          label: { zh: '转商会调解', en: 'Route to chamber mediation' },
          target: 'chamber_mediation',
          requires: ['category', 'produce_type', 'buyer_name'],
          condition: { field: 'category', op: 'eq', value: 'sales_dispute' },
        },
      },
    },
    chamber_mediation: {
      title: { zh: '商会调解', en: 'Chamber mediation' },
      description: {
        zh: '商会调解员与工会调解员共同调处买卖双方的销售纠纷',
        en: 'A chamber mediator and a union mediator settle the sale between grower and buyer',
      },
      roles: ['chamber_mediator', 'mediator'],
      sla: { within: '5wd' },
      warnings: [
        { at: '80%', level: 'yellow' },
        { at: '100%', level: 'red', notify: { roles: ['supervisor'] } },
      ],
      transitions: {
        claim: { label: { zh: '认领', en: 'Claim' }, assign: 'actor' },
        chamber_mediation_succeeded: {
          label: { zh: '调解成功', en: 'Mediation succeeded' },
          target: 'resolved',
          requires: ['resolution'],
        },
        // A failed mediation goes back to triage, which can refer it to the judicial office or the court.
        return_to_triage: {
          label: { zh: '调解不成，退回研判', en: 'Mediation failed: return to triage' },
          target: 'triage',
          requires: ['return_reason'],
        },
      },
    },
  },
};
