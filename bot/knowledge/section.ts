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

const ITEM = /^\s*(?:\d+[.)]|[-*•])\s/;

/**
 * The article's passages: each list item and paragraph of each section, with the section's heading and
 * path. A follow-up ("how soon does it take effect?") is answered with the one passage that says so.
 */
export function splitPassages(body: string): Section[] {
  const passages: Section[] = [];
  for (const section of splitSections(body)) {
    let lines: string[] = [];
    const flush = () => {
      const text = lines.join('\n').trim();
      if (text) passages.push({ heading: section.heading, path: section.path, text });
      lines = [];
    };
    for (const line of section.text.split('\n')) {
      if (line.trim() === '' || ITEM.test(line)) flush();
      if (line.trim() !== '') lines.push(line);
    }
    flush();
  }
  return passages;
}
