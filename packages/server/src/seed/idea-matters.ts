/**
 * A golden idea (金点子) from a production line.
 * @example
 * const idea: IdeaMatter = { title: '模具冷却水路改进', detail: '...', category: 'process_improvement', value: [50000, 300000], department: '模具车间' };
 */
export interface IdeaMatter {
  title: string;
  detail: string;
  category: string;
  benefit: string;
  value: readonly [number, number];
  department: string;
}

/**
 * Golden ideas of the enterprise unions (2,800+ collected in Ninghai, per the source page).
 * @example
 * IDEA_MATTERS.length; // 10
 */
export const IDEA_MATTERS: readonly IdeaMatter[] = [
  { title: '模具冷却水路改进', detail: '把直通冷却水路改为随形水路，缩短注塑周期。', category: 'process_improvement', benefit: '单件周期缩短约15%', value: [80000, 400000], department: '模具车间' },
  { title: '废料边角回收再利用', detail: '冲压边角料分类回收，可用于小件加工。', category: 'cost_saving', benefit: '每年减少钢材采购', value: [50000, 200000], department: '冲压车间' },
  { title: '增加首件检验看板', detail: '每班首件检验结果上墙公示，便于及时发现尺寸偏差。', category: 'quality', benefit: '降低批量不良', value: [20000, 120000], department: '质检部' },
  { title: '叉车通道地面标线', detail: '仓库叉车通道和人行通道用不同颜色标线分开。', category: 'safety', benefit: '减少叉车碰撞隐患', value: [0, 10000], department: '仓储部' },
  { title: '设备点检改用扫码记录', detail: '纸质点检表改为设备二维码扫码记录，自动提醒漏检。', category: 'management', benefit: '点检漏检率下降', value: [10000, 60000], department: '设备部' },
  { title: '夜班职工预约热饭柜', detail: '食堂设置可预约的保温饭柜，夜班职工随到随取。', category: 'worker_services', benefit: '夜班职工满意度提升', value: [0, 5000], department: '行政部' },
  { title: '空压机余热回收供热水', detail: '利用空压机余热为职工宿舍提供热水。', category: 'cost_saving', benefit: '每年节约燃气费', value: [60000, 150000], department: '动力车间' },
  { title: '清扫车加装洒水降尘装置', detail: '在清扫车前加装小型洒水装置，减少扬尘。', category: 'process_improvement', benefit: '作业扬尘明显下降', value: [5000, 30000], department: '环卫作业部' },
  { title: '可拆卸袖套工作服', detail: '环卫工作服袖子改为拉链可拆卸，夏天防晒又透气。', category: 'worker_services', benefit: '夏季作业更舒适', value: [0, 8000], department: '环卫作业部' },
  { title: '电极加工参数标准化', detail: '整理常用电极放电加工参数形成标准卡，新人直接调用。', category: 'quality', benefit: '返工率降低', value: [30000, 180000], department: '电加工车间' },
];
