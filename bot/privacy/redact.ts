/**
 * Removes personal data from free text before it is kept (transcripts, retention of old tickets):
 * e-mail addresses, phone numbers and Chinese resident ID numbers. Errs towards removing too much:
 * a stored transcript does not need any long number to be useful.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// Bounded repeats: an unbounded local part makes a long run of letters cost quadratic time.
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;
// Mainland mobiles (+86 138 1234 5678, 13812345678), landlines (010-12345678, (021) 1234 5678), other international numbers.
const PHONE = /(?<![\w+\-/])(?:(?:\+|00)\d{1,3}[\s.-]?)?(?:\(?0?\d{2,4}\)?[\s.-]?)?\d{3,4}[\s.-]?\d{4}(?!\d)/g;

export const REDACTED = { email: '[email]', phone: '[phone]', idNumber: '[ID number]' } as const;

export function redactPersonalData(text: string): string {
  return text
    .replace(ID_NUMBER, REDACTED.idNumber)
    .replace(EMAIL, REDACTED.email)
    .replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? REDACTED.phone : m));
}

/** Every string inside a JSON-like value, redacted; other values kept. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactPersonalData(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  return value;
}
