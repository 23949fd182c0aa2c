import type { BusinessCalendar } from '../business-calendar.js';

/**
 * Days off and make-up working days of 2026 in mainland China, from the State Council notice
 * 《国务院办公厅关于2026年部分节假日安排的通知》 (2025-11-04). Every day off in each range is
 * listed, weekend days included, so the data reads like the notice.
 * @example
 * Object.keys(cnMainland2026.workdays); // the 2026 调休上班 Saturdays and Sundays
 */
export const cnMainland2026 = {
  holidays: {
    // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
    '2026-01-01': "元旦 New Year's Day",
    '2026-01-02': "元旦 New Year's Day",
    '2026-01-03': "元旦 New Year's Day",
    // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    '2026-02-15': '春节 Spring Festival',
    '2026-02-16': '春节 Spring Festival',
    '2026-02-17': '春节 Spring Festival',
    '2026-02-18': '春节 Spring Festival',
    '2026-02-19': '春节 Spring Festival',
    '2026-02-20': '春节 Spring Festival',
    '2026-02-21': '春节 Spring Festival',
    '2026-02-22': '春节 Spring Festival',
    '2026-02-23': '春节 Spring Festival',
    // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    '2026-04-04': '清明节 Qingming Festival',
    '2026-04-05': '清明节 Qingming Festival',
    '2026-04-06': '清明节 Qingming Festival',
    // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
    '2026-05-01': '劳动节 Labour Day',
    '2026-05-02': '劳动节 Labour Day',
    '2026-05-03': '劳动节 Labour Day',
    '2026-05-04': '劳动节 Labour Day',
    '2026-05-05': '劳动节 Labour Day',
    // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    '2026-06-19': '端午节 Dragon Boat Festival',
    '2026-06-20': '端午节 Dragon Boat Festival',
    '2026-06-21': '端午节 Dragon Boat Festival',
    // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    '2026-09-25': '中秋节 Mid-Autumn Festival',
    '2026-09-26': '中秋节 Mid-Autumn Festival',
    '2026-09-27': '中秋节 Mid-Autumn Festival',
    // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
    '2026-10-01': '国庆节 National Day',
    '2026-10-02': '国庆节 National Day',
    '2026-10-03': '国庆节 National Day',
    '2026-10-04': '国庆节 National Day',
    '2026-10-05': '国庆节 National Day',
    '2026-10-06': '国庆节 National Day',
    '2026-10-07': '国庆节 National Day',
  },
  workdays: {
    '2026-01-04': "元旦调休上班 New Year's Day make-up working day", // 周日
    '2026-02-14': '春节调休上班 Spring Festival make-up working day', // 周六
    '2026-02-28': '春节调休上班 Spring Festival make-up working day', // 周六
    '2026-05-09': '劳动节调休上班 Labour Day make-up working day', // 周六
    '2026-09-20': '国庆节调休上班 National Day make-up working day', // 周日
    '2026-10-10': '国庆节调休上班 National Day make-up working day', // 周六
  },
} satisfies Pick<BusinessCalendar, 'holidays' | 'workdays'>;
