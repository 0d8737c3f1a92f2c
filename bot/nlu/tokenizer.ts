import { expandColloquial } from './colloquial.js';
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/**
 * Lowercased word tokens for recognition and search. Chinese is segmented with the built-in
 * Intl.Segmenter; runs of Latin letters and digits stay whole ("o365", "e3", "license").
 * Punctuation and spaces are dropped.
 */
export function tokenize(text: string): string[] {
  const normalized = expandColloquial(text.normalize('NFKC')).toLowerCase();
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (!isWordLike) continue;
    if (HAN.test(segment)) {
      tokens.push(segment);
      continue;
    }
    // The segmenter keeps "outlook怎么" apart already; split what it leaves joined, such as "e-mail".
    for (const part of segment.split(/[^\p{L}\p{N}]+/u)) if (part) tokens.push(part);
  }
  return tokens;
}
