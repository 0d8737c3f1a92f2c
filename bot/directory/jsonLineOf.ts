import { LineCounter, isNode, parseDocument } from 'yaml';
import type { LineOf } from './validateDirectory.js';

/**
 * JSON is YAML 1.2, so the yaml parser gives source positions that JSON.parse does not: validation issues
 * in an import file can name the line of the offending value.
 */
export function jsonLineOf(text: string): LineOf {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Where JSON.parse stopped, as a line number (Node reports a character position). */
export function jsonErrorLine(text: string, err: unknown): number | undefined {
  const pos = /position (\d+)/.exec(String((err as Error)?.message))?.[1];
  return pos === undefined ? undefined : text.slice(0, Number(pos)).split('\n').length;
}
