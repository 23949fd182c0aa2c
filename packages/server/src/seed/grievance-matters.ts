/**
 * How a `union-grievance` case (or a township overlay of it) is handled after triage.
 * @example
 * const route: GrievanceRoute = 'escalation';
 */
export type GrievanceRoute =
  | 'direct'
  | 'mediation'
  | 'mediation_then_legal'
  | 'legal'
  | 'counselling'
  | 'escalation'
  | 'escalation_returned'
  | 'decline'
  | 'traffic'
  | 'chamber'
  | 'chamber_failed';

/**
 * A worker's matter the demo can open: what is said, how the union classifies and handles it, and
 * the texts each step records.
 * @example
 * GRIEVANCE_MATTERS.find((m) => m.title.includes('袖子'))?.routes; // ['direct']
 */
export interface GrievanceMatter {
  title: string;
  description: string;
  category: string;
  routes: readonly GrievanceRoute[];
  resolution: string;
  /** For escalation: the agency, what it is asked and what it answers. */
  agency?: string;
  referralNote?: string;
  reply?: string;
  /** How many workers it concerns, when more than one. */
  workers?: readonly [number, number];
  common?: boolean;
  /** Unions where it typically arises; anywhere when absent. */
  tenants?: readonly string[];
  /** Enterprise ids it typically concerns. */
  enterprises?: readonly string[];
}

/**
 * The county-wide catalogue of matters (职工说事), after the source page and typical union hotlines.
 * @example
 * GRIEVANCE_MATTERS.length > 20; // true
 */
export const GRIEVANCE_MATTERS: readonly GrievanceMatter[] = [
  {
    title: '夏季工作服袖子能否改成可拆卸',
    description: '三伏天穿长袖工作服清扫路面太热，穿短袖又晒得胳膊脱皮，希望工作服袖子能拆卸。',
    category: 'working_conditions',
    routes: ['direct'],
    resolution: '企业工会与公司协商，新一批工作服改为袖子可拆卸款式，已发放到每位环卫职工。',
    tenants: ['hengxiang'],
    enterprises: ['ent-hengxiang'],
  },
  {
    title: '下夜班打车难，希望开通夜班公交',
    description: '园区企业夜班22:00下班，职工要步行约3公里才能打到车，多名职工来电反映，希望开通夜班公交。',
    category: 'commute',
    routes: ['escalation'],
    agency: 'people_congress_liaison',
    referralNote: '共性诉求：请人大代表形成代表建议，推动县交通集团开通连接开发区和职工聚居区的夜班公交。',
    reply: '代表建议已交县交通集团办理：227路夜间公交专线开通，串联开发区18个职工聚居区，末班车23:30发车。',
    resolution: '经人大代表建议推动，227路夜间公交专线已开通，下夜班可在园区站乘车。',
    workers: [30, 120],
    common: true,
    tenants: ['nanbu', 'nanbu_ws'],
  },
  {
    title: '公司拖欠两个月工资',
    description: '车间十几名职工反映公司已有两个月未发工资，老板称资金周转困难，职工生活受影响。',
    category: 'wages',
    routes: ['mediation', 'escalation', 'mediation_then_legal'],
    agency: 'labour_inspection',
    referralNote: '企业拖欠多名职工工资，请劳动保障监察大队依法督促支付。',
    reply: '监察大队已约谈企业负责人并下达限期整改指令书，企业已于本周分两批补发拖欠工资。',
    resolution: '经调解和监察督促，企业已补发全部拖欠工资，并承诺每月15日前按时发放。',
    workers: [8, 25],
  },
  {
    title: '加班费计算有误',
    description: '国庆期间加班三天，工资条上只按平时加班的1.5倍计算，应按3倍计发。',
    category: 'wages',
    routes: ['direct', 'mediation'],
    resolution: '经与企业人事部门核对，法定节假日加班工资已按300%补发差额。',
  },
  {
    title: '车间高温没有降温措施',
    description: '注塑车间夏季温度超过35度，只有几台旧风扇，职工中暑风险大，希望增加降温设备并发放高温津贴。',
    category: 'safety',
    routes: ['direct', 'escalation'],
    agency: 'emergency_management',
    referralNote: '企业高温作业防护不到位，请应急管理部门督促落实防暑降温措施。',
    reply: '已现场检查并责令企业增设冷风机，落实高温津贴发放。',
    resolution: '企业已安装冷风机8台，6-9月按月发放高温津贴300元。',
    workers: [5, 40],
    enterprises: ['ent-gaotan-mould', 'ent-fangzheng', 'ent-binhai-precision'],
  },
  {
    title: '社保断缴三个月',
    description: '查询社保记录发现公司从今年起断缴三个月，担心影响医保报销和孩子入学。',
    category: 'social_insurance',
    routes: ['escalation', 'direct'],
    agency: 'hr_bureau',
    referralNote: '企业未按时为职工缴纳社会保险，请人社局督促补缴。',
    reply: '人社局已责令企业限期补缴，企业已补缴全部欠缴的社会保险费。',
    resolution: '社保已全部补缴，医保报销不受影响。',
  },
  {
    title: '劳动合同到期未续签也未通知',
    description: '劳动合同上月到期，公司既没有续签也没有通知，仍在正常上班，不知道权益怎么保障。',
    category: 'contract',
    routes: ['direct', 'legal'],
    resolution: '工会督促企业补签劳动合同，并告知职工未签书面合同期间的权益。',
  },
  {
    title: '食堂饭菜涨价且分量减少',
    description: '厂里食堂饭菜价格涨了两元，分量反而少了，希望工会和公司沟通。',
    category: 'welfare',
    routes: ['direct'],
    resolution: '工会召开职工代表座谈会，公司同意恢复原价并增加一个平价套餐。',
  },
  {
    title: '宿舍热水供应时间太短',
    description: '职工宿舍热水只供应到晚上九点，下中班的职工回来没有热水洗澡。',
    category: 'welfare',
    routes: ['direct'],
    resolution: '公司已将宿舍热水供应时间延长到凌晨一点。',
  },
  {
    title: '外地职工子女入学难',
    description: '在宁海工作多年的外地职工反映子女就近入学积分不够，希望了解政策并得到帮助。',
    category: 'other',
    routes: ['escalation'],
    agency: 'cppcc',
    referralNote: '外来务工人员随迁子女入学问题集中，请政协委员调研并形成提案。',
    reply: '政协委员已就随迁子女入学积分问题提交提案，教育部门答复将增加产业工人子女专项学位。',
    resolution: '已告知职工积分入学新政，产业工人子女可申请专项学位。',
    common: true,
  },
  {
    title: '工伤后公司不给申报工伤认定',
    description: '上月在车间被冲床压伤手指，公司只报销了医药费，不给申报工伤认定。',
    category: 'safety',
    routes: ['legal', 'mediation_then_legal'],
    resolution: '工会律师协助职工申请工伤认定，已认定为工伤并按规定享受待遇。',
    enterprises: ['ent-gaotan-mould', 'ent-binhai-precision'],
  },
  {
    title: '与班组长发生矛盾，心情低落',
    description: '和班组长多次发生口角，最近睡不好觉、不想上班，想找人聊聊。',
    category: 'other',
    routes: ['counselling'],
    resolution: '心理咨询师进行了三次面谈疏导，并协调车间为职工调整了班组。',
  },
  {
    title: '新入职职工工作压力大',
    description: '刚毕业入职半年，经常加班，感觉压力很大，不好意思当面说，在线上留言求助。',
    category: 'working_conditions',
    routes: ['counselling'],
    resolution: '心理咨询师线上疏导，企业工会组织新员工座谈，调整了加班安排。',
    enterprises: ['ent-fangzheng'],
  },
  {
    title: '被无故调岗降薪',
    description: '公司以业务调整为由把我从技术岗调到仓库，工资降了一千多元，没有和我协商。',
    category: 'contract',
    routes: ['mediation', 'mediation_then_legal', 'legal'],
    resolution: '经调解，公司恢复职工原岗位和工资待遇。',
  },
  {
    title: '厂区门口道路坑洼，上下班电动车易摔',
    description: '园区主干道有多处坑洼，下雨天积水，已有职工骑电动车摔伤。',
    category: 'safety',
    routes: ['escalation', 'escalation_returned'],
    agency: 'people_congress_liaison',
    referralNote: '园区道路破损影响职工通勤安全，请人大代表督促有关部门修复。',
    reply: '交通部门已将该路段列入维修计划，现已完成路面修补。',
    resolution: '园区主干道坑洼路面已修复，并增设了路灯。',
    common: true,
    tenants: ['gaotan', 'nanbu'],
  },
  {
    title: '工厂班车线路调整后绕远',
    description: '班车线路调整后要多绕20分钟，早班职工要五点半起床，希望恢复原线路。',
    category: 'commute',
    routes: ['direct', 'escalation'],
    agency: 'transport_group',
    referralNote: '职工反映通勤班车绕行，请交通集团优化线路或增加公交站点。',
    reply: '县交通集团已在工业区增设两处公交站点并调整发车时间。',
    resolution: '公交站点已增设，职工通勤时间缩短约15分钟。',
    workers: [10, 60],
  },
  {
    title: '离职时公司扣押押金不退',
    description: '入职时交了500元工作服押金，离职时公司以工作服磨损为由不退。',
    category: 'wages',
    routes: ['direct', 'mediation'],
    resolution: '经工会协调，公司已退还押金；收取押金不合法，工会已督促公司整改。',
  },
  {
    title: '希望厂里设立母婴室',
    description: '厂里哺乳期女职工有十几位，没有地方挤奶，希望设立母婴室。',
    category: 'welfare',
    routes: ['direct'],
    resolution: '企业工会推动公司设立爱心母婴室，已投入使用。',
    enterprises: ['ent-fangzheng', 'ent-gaotan-garment', 'ent-gaotan-stationery'],
  },
  {
    title: '要求公司为夜班职工配备夜宵',
    description: '夜班从晚上八点到早上八点，中间没有吃饭时间和夜宵，希望改善。',
    category: 'welfare',
    routes: ['direct', 'decline'],
    resolution: '公司同意夜班提供免费夜宵并安排半小时用餐时间。',
  },
  {
    title: '咨询个人与邻居的宅基地纠纷',
    description: '与邻居因宅基地边界发生纠纷，想请工会帮忙处理。',
    category: 'other',
    routes: ['decline'],
    resolution: '该事项不属于劳动关系，已引导职工到村调委会和司法所申请调解。',
  },
  {
    title: '派遣工与正式工同工不同酬',
    description: '劳务派遣职工和正式职工干同样的活，工资和年终奖差距很大。',
    category: 'wages',
    routes: ['mediation', 'escalation'],
    agency: 'hr_bureau',
    referralNote: '企业劳务派遣用工同工不同酬，请人社局核查。',
    reply: '人社局已约谈企业和派遣单位，督促落实同工同酬。',
    resolution: '企业调整了派遣职工薪酬，年终奖按同一标准发放。',
    workers: [12, 45],
  },
  {
    title: '欠薪企业老板失联',
    description: '公司老板失联一周，三十多名职工的三个月工资没有着落，职工情绪激动。',
    category: 'wages',
    routes: ['escalation'],
    agency: 'court',
    referralNote: '企业主失联，三十余名职工被欠薪，请法院对企业财产依法采取保全措施。',
    reply: '法院已受理职工的支付令申请，对企业设备予以查封，拍卖款优先支付职工工资。',
    resolution: '经法院执行，拖欠的工资已分两批支付给职工。',
    workers: [30, 40],
  },
  {
    title: '车间噪声大，希望发放耳塞和体检',
    description: '冲压车间噪声很大，公司没有发放防护耳塞，也没有组织职业健康体检。',
    category: 'safety',
    routes: ['direct'],
    resolution: '公司已为冲压车间职工配发防噪耳罩，并安排了职业健康体检。',
    workers: [6, 30],
    enterprises: ['ent-gaotan-electric', 'ent-binhai-precision', 'ent-fangzheng'],
  },
  {
    title: '带薪年休假申请被拒',
    description: '工作满五年，申请年休假一直被拒，说旺季不能请假，淡季也不批。',
    category: 'contract',
    routes: ['direct', 'mediation'],
    resolution: '经工会协调，公司同意安排职工年休假，未休天数按规定折算工资。',
  },
];
