/** Chinese digits as customers type them in counts, ordinals and times (「两个」, 「第三个」, 「下午三点」). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
