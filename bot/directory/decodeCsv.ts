import type { ImportIssue } from './validateDirectory.js';

export type CsvEncoding = 'utf-8' | 'gb18030';
const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'gb18030'];

/**
 * A CSV file's bytes as text: strict UTF-8 (with or without BOM), else strict GB18030, which is what Excel's
 * plain "CSV" writes on Chinese Windows. Anything else is refused rather than stored as mojibake.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | { issue: ImportIssue } {
  for (const encoding of ENCODINGS) {
    const text = strictDecode(encoding, bytes);
    if (text !== undefined) return { text, encoding };
  }
  // The encoding that reads further is the likelier one; its first bad line is the one to fix.
  const line = Math.max(...ENCODINGS.map((e) => firstBadLine(e, bytes)));
  return {
    issue: {
      line,
      where: `line ${line}`,
      message: 'bytes that are neither UTF-8 nor GB18030 text; save the file from Excel as "CSV UTF-8" and import it again',
    },
  };
}

function strictDecode(encoding: CsvEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line by line is exact: byte 0x0A is never part of a multi-byte sequence in UTF-8 or GB18030. */
function firstBadLine(encoding: CsvEncoding, bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (strictDecode(encoding, bytes.subarray(start, i)) === undefined) return line;
    line++;
    start = i + 1;
  }
  return line;
}
