import type { Overlay } from '@shuoshi/engine';

/**
 * 岔路镇「卡友说事角」: Chalu township's overlay on the county's `union-grievance` v1. The township
 * union and the traffic enforcement team solve truck drivers' annual-inspection problems: the plate
 * and the inspection issue on the form, and a referral to traffic enforcement that owes a reply
 * within 5 working days.
 * @example
 * const result = extendWorkflow(unionGrievance, chaluTruckersCorner);
 * if (result.ok) engine.register(result.workflow); else console.error(result.conflicts);
 */
export const chaluTruckersCorner: Overlay = {
  key: 'chalu-truckers-corner',
  version: 1,
  extends: { key: 'union-grievance', version: 1 },
  title: { zh: '岔路镇职工诉求处理（卡友说事角）', en: "Chalu township matter handling (truckers' corner)" },
  description: {
    zh: '在县总工会职工说事流程上增加交通执法联办，为货车司机解决车辆年审等难题。',
    en: "The county's matter handling plus referral to traffic enforcement for truck drivers' annual-inspection problems.",
  },
  agencies: {
    traffic_enforcement: { title: { zh: '岔路镇交通执法队', en: 'Chalu traffic enforcement team' } },
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
        { value: 'vehicle_inspection', label: { zh: '车辆年审', en: 'Vehicle inspection' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    vehicle_plate: { type: 'text', label: { zh: '车牌号', en: 'Licence plate' }, pii: true, maxLength: 10 },
    inspection_issue: {
      type: 'select',
      label: { zh: '年审问题', en: 'Inspection issue' },
      options: [
        { value: 'overdue_inspection', label: { zh: '逾期未年审', en: 'Inspection overdue' } },
        { value: 'emissions_failed', label: { zh: '尾气检测不合格', en: 'Failed the emissions test' } },
        { value: 'modification', label: { zh: '改装或超限认定', en: 'Modification or oversize ruling' } },
        { value: 'unsettled_violations', label: { zh: '违法记录未处理', en: 'Unsettled traffic violations' } },
        { value: 'documents', label: { zh: '证照补办', en: 'Replacing documents' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
  },
  states: {
    triage: {
      transitions: {
        route_to_traffic: {
          label: { zh: '转交通执法联办', en: 'Refer to traffic enforcement' },
          target: 'traffic_referral',
          requires: ['category', 'vehicle_plate', 'inspection_issue'],
        },
      },
    },
    traffic_referral: {
      title: { zh: '交通执法联办', en: 'Traffic enforcement referral' },
      roles: ['intake_operator', 'township_admin', 'supervisor'],
      referral: {
        agency: 'traffic_enforcement',
        replyWithin: '5wd',
        replyEvent: 'enforcement_replied',
        returnEvent: 'enforcement_returned',
        notifyOverdue: { roles: ['supervisor'] },
      },
      // The team answers through its signed link; staff may record a reply given at the desk.
      transitions: {
        enforcement_replied: {
          label: { zh: '交通执法队答复', en: 'Traffic enforcement replied' },
          target: 'resolved',
          requires: ['reply_summary'],
        },
        enforcement_returned: {
          label: { zh: '交通执法队退单', en: 'Traffic enforcement returned it' },
          target: 'triage',
          requires: ['return_reason'],
        },
        withdraw_referral: {
          label: { zh: '撤回交办', en: 'Withdraw the referral' },
          target: 'triage',
          requires: ['return_reason'],
        },
      },
    },
  },
};
