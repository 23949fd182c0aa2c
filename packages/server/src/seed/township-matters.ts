import type { GrievanceMatter } from './grievance-matters.js';

/**
 * Truck drivers' annual-inspection problems brought to 岔路镇's 卡友说事角 (the `chalu-truckers-corner` overlay).
 * @example
 * TRUCKER_MATTERS.every((m) => m.routes.includes('traffic')); // true
 */
export const TRUCKER_MATTERS: readonly (GrievanceMatter & { inspectionIssue: string })[] = [
  {
    title: '货车年审逾期，担心被扣分罚款',
    description: '跑长途错过了年审时间，车辆已逾期一个多月，不知道怎么补审，担心上路被查。',
    category: 'vehicle_inspection',
    inspectionIssue: 'overdue_inspection',
    routes: ['traffic'],
    reply: '交通执法队开辟绿色通道，已预约检测站周六加班补审，逾期期间未上路的不予处罚。',
    resolution: '已在执法队协调下完成补审，车辆恢复正常营运。',
    tenants: ['chalu'],
  },
  {
    title: '尾气检测两次不合格',
    description: '国五货车尾气检测连续两次不合格，修理厂说要换三元催化，费用很高，想问有没有别的办法。',
    category: 'vehicle_inspection',
    inspectionIssue: 'emissions_failed',
    routes: ['traffic'],
    reply: '执法队联系检测站复检并推荐正规维修点，清洗后复检合格。',
    resolution: '车辆经清洗维护后尾气复检合格，节省维修费用约4000元。',
    tenants: ['chalu'],
  },
  {
    title: '货箱加高被认定为非法改装',
    description: '买的二手车货箱被前车主加高，年审时被认定为改装，不能通过，想知道怎么恢复。',
    category: 'vehicle_inspection',
    inspectionIssue: 'modification',
    routes: ['traffic'],
    reply: '执法队指导车主按原厂尺寸恢复货箱，恢复后当场复检通过，未予处罚。',
    resolution: '货箱已恢复原状，年审通过。',
    tenants: ['chalu'],
  },
  {
    title: '外地违章未处理导致不能年审',
    description: '车辆在外省有两条违章没处理，年审被卡住，人在宁海跑不过去。',
    category: 'vehicle_inspection',
    inspectionIssue: 'unsettled_violations',
    routes: ['traffic'],
    reply: '执法队协助通过交管12123线上处理异地违章，违章已处理完毕。',
    resolution: '异地违章已线上处理，车辆完成年审。',
    tenants: ['chalu'],
  },
  {
    title: '行驶证丢失需要补办',
    description: '行驶证丢了，年审需要原件，补办要跑很多地方，希望帮忙。',
    category: 'vehicle_inspection',
    inspectionIssue: 'documents',
    routes: ['traffic'],
    reply: '执法队联系车管所在镇便民服务点代办补证，三个工作日内办结。',
    resolution: '行驶证已补办并完成年审。',
    tenants: ['chalu'],
  },
  {
    title: '卡友停车场夜间没有照明',
    description: '镇上货车停车场晚上没有路灯，常有油被偷，卡友们希望装灯和监控。',
    category: 'safety',
    inspectionIssue: 'other',
    routes: ['traffic', 'direct'],
    reply: '执法队与镇政府协调，停车场已安装照明和监控。',
    resolution: '停车场照明和监控已安装，夜间有保安巡逻。',
    workers: [20, 60],
    common: true,
    tenants: ['chalu'],
  },
];

/**
 * Growers' produce sales disputes brought to 胡陈乡's 助农说事团 (the `huchen-help-farmers` overlay).
 * @example
 * FARMER_MATTERS.every((m) => m.category === 'sales_dispute'); // true
 */
export const FARMER_MATTERS: readonly (GrievanceMatter & { produce: string })[] = [
  {
    title: '杨梅收购商拖欠货款',
    description: '6月份卖给收购商三千多斤杨梅，说好一个月内结清，到现在还欠两万多元。',
    category: 'sales_dispute',
    produce: 'fruit',
    routes: ['chamber', 'chamber_failed'],
    agency: 'judicial_office',
    referralNote: '商会调解未果，请司法所组织人民调解或出具调解书以便申请司法确认。',
    reply: '司法所组织双方调解达成协议并申请司法确认，收购商已分两期付清货款。',
    resolution: '收购商已付清拖欠的杨梅货款。',
    tenants: ['huchen'],
    enterprises: ['ent-huchen-bayberry'],
  },
  {
    title: '水蜜桃被收购方以品相差压价',
    description: '约定按每斤6元收购水蜜桃，收货时收购方说品相差只给3元，不同意就不收。',
    category: 'sales_dispute',
    produce: 'fruit',
    routes: ['chamber'],
    resolution: '商会调解员到场验货，双方同意按分级收购，优果按原价、次果按4元结算。',
    tenants: ['huchen'],
    enterprises: ['ent-huchen-peach'],
  },
  {
    title: '白枇杷网店代销回款慢',
    description: '把白枇杷交给网店代销，说好售完结账，两个月了只回款一半。',
    category: 'sales_dispute',
    produce: 'fruit',
    routes: ['chamber', 'chamber_failed'],
    agency: 'court',
    referralNote: '代销方拒不结算，请法院诉前调解。',
    reply: '经法院诉前调解，代销方同意一个月内结清余款并已履行。',
    resolution: '白枇杷代销余款已结清。',
    tenants: ['huchen'],
    enterprises: ['ent-huchen-loquat'],
  },
  {
    title: '蔬菜批发商单方面取消订单',
    description: '按订单种了十亩西兰花，批发商说市场价跌了不要了，菜烂在地里。',
    category: 'sales_dispute',
    produce: 'vegetables',
    routes: ['chamber'],
    resolution: '经商会调解，批发商按订单价收购六成，其余由商会联系超市以市场价收购。',
    tenants: ['huchen'],
    enterprises: ['ent-huchen-produce'],
  },
  {
    title: '茶叶收购合同定金纠纷',
    description: '收购商付了定金后不来收茶，还要求退还定金。',
    category: 'sales_dispute',
    produce: 'tea',
    routes: ['chamber'],
    resolution: '经调解，收购商放弃定金，茶农另行出售茶叶。',
    tenants: ['huchen'],
  },
  {
    title: '合作社社员分红不透明',
    description: '合作社去年杨梅卖得好，但分红账目不公开，社员有意见。',
    category: 'welfare',
    produce: 'fruit',
    routes: ['direct'],
    resolution: '乡总工会督促合作社公开账目，召开社员大会重新核算分红。',
    workers: [10, 30],
    tenants: ['huchen'],
    enterprises: ['ent-huchen-bayberry', 'ent-huchen-produce'],
  },
];
