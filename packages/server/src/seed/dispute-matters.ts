/**
 * A labour dispute brought to the Gaotan workstation's sub-points (`labour-mediation`).
 * @example
 * MEDIATION_MATTERS[0]?.disputeType; // 'wage_arrears'
 */
export interface MediationMatter {
  disputeType: string;
  claim: string;
  amount: readonly [number, number];
  agreement: string;
  failure: string;
  arbitration: string;
  workers?: readonly [number, number];
}

/**
 * A legal aid application to the Gaotan workstation's lawyers (`legal-aid`).
 * @example
 * LEGAL_AID_MATTERS[0]?.matterType; // 'work_injury'
 */
export interface LegalAidMatter {
  matterType: string;
  eligibility: string;
  description: string;
  amount: readonly [number, number];
  aidType: string;
  outcome: string;
  summary: string;
}

/**
 * Disputes the workstation mediates (135 wage disputes mediated, in the source page's words).
 * @example
 * MEDIATION_MATTERS.length; // 8
 */
export const MEDIATION_MATTERS: readonly MediationMatter[] = [
  {
    disputeType: 'wage_arrears',
    claim: '申请人在被申请单位从事装配工作，被拖欠2个月工资，请求支付拖欠的劳动报酬。',
    amount: [6000, 18000],
    agreement: '被申请单位于协议签订后10日内一次性支付拖欠工资。',
    failure: '企业称资金困难，只同意分12期支付，申请人不接受。',
    arbitration: '仲裁裁决被申请单位支付拖欠工资及经济补偿金。',
  },
  {
    disputeType: 'wage_arrears',
    claim: '车间12名职工被拖欠3个月计件工资，请求企业结清工资。',
    amount: [60000, 150000],
    agreement: '企业分两期在一个月内结清12名职工的计件工资。',
    failure: '企业负责人拒绝到场调解。',
    arbitration: '仲裁委员会裁决企业支付全部拖欠工资，已申请强制执行。',
    workers: [10, 16],
  },
  {
    disputeType: 'overtime_pay',
    claim: '申请人长期每天工作11小时，企业未支付延时加班工资，请求支付近一年加班费。',
    amount: [8000, 25000],
    agreement: '双方确认加班时长，企业按协商金额支付加班费。',
    failure: '双方对加班时长的认定分歧较大。',
    arbitration: '仲裁支持了申请人大部分加班费请求。',
  },
  {
    disputeType: 'termination',
    claim: '企业以试用期不符合录用条件为由解除劳动合同，但未说明具体条件，请求支付违法解除赔偿金。',
    amount: [5000, 20000],
    agreement: '企业撤销解除通知，支付申请人一个月工资作为补偿后双方协商解除。',
    failure: '企业坚持解除合法，不同意支付任何补偿。',
    arbitration: '仲裁认定企业违法解除，支付赔偿金。',
  },
  {
    disputeType: 'economic_compensation',
    claim: '企业搬迁后申请人不愿随迁，企业不同意支付经济补偿金。',
    amount: [15000, 60000],
    agreement: '企业按工作年限支付经济补偿金。',
    failure: '双方对工作年限的计算有争议。',
    arbitration: '仲裁裁决企业按工作年限支付经济补偿金。',
    workers: [1, 8],
  },
  {
    disputeType: 'work_injury',
    claim: '申请人在工作中受伤并已认定工伤（十级），企业未支付一次性伤残就业补助金。',
    amount: [20000, 50000],
    agreement: '企业一次性支付伤残就业补助金及停工留薪期工资差额。',
    failure: '企业认为已购买商业保险，不应再支付。',
    arbitration: '仲裁裁决企业支付一次性伤残就业补助金。',
  },
  {
    disputeType: 'social_insurance',
    claim: '企业未为申请人缴纳社会保险，请求补缴并赔偿损失。',
    amount: [3000, 12000],
    agreement: '企业为申请人补缴社会保险并承担滞纳金。',
    failure: '企业称申请人本人自愿放弃缴纳。',
    arbitration: '仲裁委告知补缴事项属社保征缴机构职权，对损失赔偿部分予以支持。',
  },
  {
    disputeType: 'other',
    claim: '企业扣发申请人年终奖，理由是申请人已提出离职。',
    amount: [2000, 10000],
    agreement: '企业按在职月份折算发放年终奖。',
    failure: '企业规章规定离职员工不发年终奖，坚持不发。',
    arbitration: '仲裁裁决企业按比例支付年终奖。',
  },
];

/**
 * Legal aid the workstation's lawyers give (95 legal aid cases assisted, per the source page).
 * @example
 * LEGAL_AID_MATTERS.map((m) => m.aidType);
 */
export const LEGAL_AID_MATTERS: readonly LegalAidMatter[] = [
  {
    matterType: 'work_injury',
    eligibility: 'work_injury',
    description: '申请人在车间操作冲床时右手受伤，企业未参加工伤保险，拒绝赔偿。',
    amount: [50000, 200000],
    aidType: 'arbitration_representation',
    outcome: 'won',
    summary: '代理申请人申请仲裁，裁决企业按工伤保险待遇标准支付各项赔偿。',
  },
  {
    matterType: 'wage_arrears',
    eligibility: 'migrant_wage_claim',
    description: '申请人为外地农民工，在工地做了四个月，包工头拖欠工资后失联。',
    amount: [20000, 45000],
    aidType: 'litigation_representation',
    outcome: 'partly_won',
    summary: '代理起诉包工头及总承包单位，法院判决总承包单位承担连带支付责任，已执行大部分款项。',
  },
  {
    matterType: 'termination',
    eligibility: 'union_member',
    description: '申请人孕期被企业以绩效不合格为由辞退。',
    amount: [30000, 80000],
    aidType: 'mediation_representation',
    outcome: 'settled',
    summary: '代理参加调解，企业撤销辞退决定并支付孕期被扣工资。',
  },
  {
    matterType: 'contract',
    eligibility: 'financial_hardship',
    description: '申请人入职一年多企业未签订书面劳动合同，想了解能否主张二倍工资。',
    amount: [10000, 40000],
    aidType: 'consultation',
    outcome: 'advice_given',
    summary: '律师解答了未签书面劳动合同的二倍工资规定和仲裁时效，并代写了仲裁申请书。',
  },
  {
    matterType: 'social_insurance',
    eligibility: 'union_member',
    description: '申请人退休时发现企业少缴了五年养老保险，影响养老金待遇。',
    amount: [30000, 90000],
    aidType: 'document_drafting',
    outcome: 'advice_given',
    summary: '代写投诉材料，协助向社保部门申请补缴。',
  },
  {
    matterType: 'other',
    eligibility: 'financial_hardship',
    description: '申请人因企业未支付竞业限制补偿，询问是否仍需遵守竞业限制。',
    amount: [5000, 30000],
    aidType: 'consultation',
    outcome: 'advice_given',
    summary: '律师说明了竞业限制补偿未支付超过三个月时劳动者可解除竞业限制。',
  },
];
