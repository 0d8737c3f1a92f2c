/**
 * E-mail addresses and domain names found without backtracking patterns: one pass splits the text into
 * runs of address characters, and each run of a plausible length is checked label by label. A long
 * unbroken word costs one pass, never a pattern retried from every position (which took seconds per
 * 100 KB before).
 */
const MAX_ADDRESS = 254; // RFC 5321's limit for a whole address; a domain name is shorter still
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const LOCAL_PART = /^[\w.+-]{1,64}$/u;
const TLD = /^(?:[a-z]{2,6}|cloud)$/i;

export interface Run {
  readonly text: string;
  readonly start: number;
}

const isAddressChar = (c: string) => /[\w.+@-]/u.test(c);

/**
 * Runs of characters that can make up an address, with leading and trailing dots and hyphens
 * trimmed (an address at the end of a sentence). Runs longer than any address are skipped.
 * `steps.count` grows by one per character looked at, so tests can check the work is linear.
 */
export function* addressRuns(text: string, steps?: { count: number }): Generator<Run> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (steps) steps.count++;
    const inRun = i < text.length && isAddressChar(text[i]!);
    if (inRun && start < 0) start = i;
    if (inRun || start < 0) continue;
    let from = start;
    let to = i;
    start = -1;
    if (to - from > MAX_ADDRESS + 2) continue;
    while (from < to && /[.+@-]/.test(text[from]!)) from++;
    while (to > from && /[.@-]/.test(text[to - 1]!)) to--;
    if (to > from) yield { text: text.slice(from, to), start: from };
  }
}

/** A host name of at least two labels, not an IP address or version number. */
export function isDomain(run: string): boolean {
  if (run.length > 253 || run.includes('@')) return false;
  const labels = run.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TLD.test(labels.at(-1)!) && !/^\d+$/.test(labels.at(-1)!);
}

export function isEmail(run: string): boolean {
  const at = run.indexOf('@');
  return at > 0 && at === run.lastIndexOf('@') && LOCAL_PART.test(run.slice(0, at)) && isDomain(run.slice(at + 1));
}
