/** One part of an article or imported document: what section-level search finds and the answer card shows. */
export interface Section {
  /** The `##`/`###` heading, or null for the text before the first heading (and for a question-answer pair). */
  readonly heading: string | null;
  /** The headings from the `##` down to this one, e.g. ["Create an account", "In the portal"]. */
  readonly path: readonly string[];
  /** The Markdown under the heading, without the heading itself. */
  readonly text: string;
}

const HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Splits Markdown at its `##` and `###` headings (never inside a code block). The text before the first
 * heading is a section with a null heading; sections with no text of their own (a `##` directly followed
 * by a `###`) are left out, their heading living on in the path of the ones below.
 */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let heading: string | null = null;
  let path: string[] = [];
  let lines: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) sections.push({ heading, path, text });
    lines = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (f) fence = fence === null ? f[1]! : fence === f[1] ? null : fence;
    const h = fence === null && !f ? HEADING.exec(line) : null;
    if (!h) {
      lines.push(line);
      continue;
    }
    flush();
    heading = h[2]!.trim();
    path = h[1]!.length === 2 ? [heading] : [...path.slice(0, 1), heading];
  }
  flush();
  return sections;
}
