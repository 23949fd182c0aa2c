import type { BusinessCalendar } from '../business-calendar.js';

/**
 * Days off and make-up working days of 2025 in mainland China, from the State Council notice
 * 《国务院办公厅关于2025年部分节假日安排的通知》 (国办发明电〔2024〕12号, 2024-11-12). Every day off in each range is
 * listed, weekend days included, so the data reads like the notice.
 * @example
 * Object.keys(cnMainland2025.workdays); // the 2025 调休上班 Saturdays and Sundays
 */
export const cnMainland2025 = {
  holidays: {
    // 一、元旦：1月1日（周三）放假1天，不调休。
    '2025-01-01': "元旦 New Year's Day",
    // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
    '2025-01-28': '春节 Spring Festival',
    '2025-01-29': '春节 Spring Festival',
    '2025-01-30': '春节 Spring Festival',
    '2025-01-31': '春节 Spring Festival',
    '2025-02-01': '春节 Spring Festival',
    '2025-02-02': '春节 Spring Festival',
    '2025-02-03': '春节 Spring Festival',
    '2025-02-04': '春节 Spring Festival',
    // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
    '2025-04-04': '清明节 Qingming Festival',
    '2025-04-05': '清明节 Qingming Festival',
    '2025-04-06': '清明节 Qingming Festival',
    // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。
    '2025-05-01': '劳动节 Labour Day',
    '2025-05-02': '劳动节 Labour Day',
    '2025-05-03': '劳动节 Labour Day',
    '2025-05-04': '劳动节 Labour Day',
    '2025-05-05': '劳动节 Labour Day',
    // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
    '2025-05-31': '端午节 Dragon Boat Festival',
    '2025-06-01': '端午节 Dragon Boat Festival',
    '2025-06-02': '端午节 Dragon Boat Festival',
    // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
    '2025-10-01': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-02': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-03': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-04': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-05': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-06': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-07': '国庆节、中秋节 National Day and Mid-Autumn',
    '2025-10-08': '国庆节、中秋节 National Day and Mid-Autumn',
  },
  workdays: {
    '2025-01-26': '春节调休上班 Spring Festival make-up working day', // 周日
    '2025-02-08': '春节调休上班 Spring Festival make-up working day', // 周六
    '2025-04-27': '劳动节调休上班 Labour Day make-up working day', // 周日
    '2025-09-28': '国庆节、中秋节调休上班 National Day and Mid-Autumn make-up working day', // 周日
    '2025-10-11': '国庆节、中秋节调休上班 National Day and Mid-Autumn make-up working day', // 周六
  },
} satisfies Pick<BusinessCalendar, 'holidays' | 'workdays'>;
