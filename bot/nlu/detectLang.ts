import type { Lang } from './types.js';

// CJK Unified Ideographs (+ extension A) and CJK punctuation; one Han character is enough
// to call a mixed message ("我的O365 license怎么续费") Chinese, as customers expect.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

export function detectLang(text: string): Lang {
  return HAN.test(text) ? 'zh' : 'en';
}
