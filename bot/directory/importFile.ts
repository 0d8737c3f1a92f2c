import { customersFromCsv } from './customersCsv.js';
import { decodeCsv } from './decodeCsv.js';
import { jsonErrorLine, jsonLineOf } from './jsonLineOf.js';
import type { DirectoryData } from './types.js';
import { validateImport, type ImportResult } from './validateDirectory.js';

/**
 * Parses and validates a customers.csv or customers.json against the current directory. No I/O.
 * Given bytes, a CSV is decoded as UTF-8 or GB18030 (see decodeCsv) and JSON as UTF-8.
 */
export function parseImportFile(fileName: string, content: string | Uint8Array, existing: DirectoryData): ImportResult {
  if (/\.csv$/i.test(fileName)) {
    const decoded = typeof content === 'string' ? { text: content } : decodeCsv(content);
    if ('issue' in decoded) return { issues: [decoded.issue] };
    const { input, lineOf, issues } = customersFromCsv(decoded.text);
    if (!input || issues.length > 0) {
      // Shape problems first; field checks still run so that one pass reports every bad row.
      const more = input ? validateImport(input, existing, lineOf).issues : [];
      return { issues: [...issues, ...more].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
    }
    return validateImport(input, existing, lineOf);
  }
  if (/\.json$/i.test(fileName)) {
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    let input: unknown;
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      const line = jsonErrorLine(text, err);
      return { issues: [{ ...(line !== undefined && { line }), where: 'file', message: `not valid JSON (${(err as Error).message})` }] };
    }
    return validateImport(input, existing, jsonLineOf(text));
  }
  return { issues: [{ where: 'file', message: 'the file name must end in .csv or .json' }] };
}
