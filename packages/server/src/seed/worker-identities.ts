import type { Prng } from './prng.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗叶应葛邬俞袁潘童'.split('');
const GIVEN = ['建华', '秀兰', '明', '红梅', '伟强', '丽', '志刚', '燕', '海波', '玉芳', '勇', '金花', '文斌', '晓燕', '俊杰', '桂英', '涛', '双喜', '雪梅', '国华', '小军', '彩霞', '鹏', '海英'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A made-up worker's name (姓 + 名).
 * @example
 * workerName(createPrng(1)); // e.g. '陈海波'
 */
export function workerName(random: Prng): string {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
}

/**
 * A made-up mobile number in a block reserved for the demo (139 0574 xxxx).
 * @example
 * workerPhone(createPrng(1)); // e.g. '13905741234'
 */
export function workerPhone(random: Prng): string {
  return `1390574${String(random.int(0, 9999)).padStart(4, '0')}`;
}

/**
 * A made-up Ningbo licence plate (浙B + 5 characters).
 * @example
 * licencePlate(createPrng(1)); // e.g. '浙B3K7Q2'
 */
export function licencePlate(random: Prng): string {
  const tail = Array.from({ length: 4 }, () => (random.chance(0.6) ? String(random.int(0, 9)) : random.pick(PLATE_LETTERS.split('')))).join('');
  return `浙B${random.pick(PLATE_LETTERS.split(''))}${tail}`;
}
