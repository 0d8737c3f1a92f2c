import { resolveLink, type LinkContext } from './linkResolver.js';

export type NoteLabels = Readonly<Record<'note' | 'tip' | 'important' | 'warning' | 'caution', string>>;

const FENCE = /^\s*(?:>\s*)*(```|~~~)/;
/** `[!INCLUDE [name](path)]`, also inside a note (`> [!INCLUDE ...]`). */
export const INCLUDE = /\[!INCLUDE\s*\[[^\]]*\]\(\s*<?([^)>]+?)>?\s*\)\s*\]/i;

/** Applies `fn` to the lines outside fenced code blocks. */
export function outsideCode(lines: readonly string[], fn: (line: string, index: number) => string | null): string[] {
  const out: string[] = [];
  let fence = false;
  lines.forEach((line, i) => {
    if (FENCE.test(line)) {
      fence = !fence;
      out.push(line);
      return;
    }
    if (fence) out.push(line);
    else {
      const kept = fn(line, i);
      if (kept !== null) out.push(kept);
    }
  });
  return out;
}

/** Removes `<!-- -->` comments, keeping the line count so that problems still name the right line. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => '\n'.repeat(c.split('\n').length - 1));
}

/** Applies `fn` to the parts of a line outside `inline code`. */
function outsideInlineCode(line: string, fn: (part: string) => string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/**
 * Rewrites one file's links before it is inlined anywhere: reference links become inline ones, images
 * go, and each link points to an absolute address or, when none can be known, becomes its plain text.
 */
export function rewriteLinks(text: string, ctx: LinkContext): string {
  const refs = new Map<string, string>();
  const lines = outsideCode(text.split('\n'), (line) => {
    const def = /^\s{0,3}\[([^\]]+)\]:\s*(\S+)(\s+["'(].*)?\s*$/.exec(line);
    if (def && !/^!/.test(def[1]!)) {
      refs.set(def[1]!.toLowerCase(), def[2]!);
      return null;
    }
    return line;
  });
  const link = (label: string, target: string) => {
    const url = resolveLink(target, ctx);
    return url ? `[${label}](${url})` : label;
  };
  return outsideCode(lines, (line) =>
    INCLUDE.test(line)
      ? line
      : outsideInlineCode(line, (part) =>
          part
            // Images, also inside links ([![alt](img)](url)): a picture says nothing to a chat answer.
            .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
            .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
            .replace(/(?<!!)\[([^\]]*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+["'][^)]*["'])?\s*\)/g, (_m, label: string, target: string) =>
              link(label, target),
            )
            .replace(/(?<![!\]])\[([^\]]+)\]\[([^\]]*)\]/g, (m, label: string, ref: string) => {
              const target = refs.get((ref || label).toLowerCase());
              return target ? link(label, target) : m;
            }),
        ),
  ).join('\n');
}

const NOTE = /^\s*>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i;
const HTML_TAGS =
  /<\/?(a|b|i|u|s|em|strong|sup|sub|span|div|p|br|hr|img|center|font|del|kbd|table|thead|tbody|tr|td|th|ul|ol|li|code|pre|h[1-6])(\s[^>]*)?\/?>/gi;

/**
 * Learn-style Markdown, includes already inlined, as plain Markdown: notes become labelled paragraphs,
 * `[!div]`, `[!VIDEO]`, `:::` zone and image markers, tab markers and stray HTML go, and the first `#`
 * heading (the title) is taken out. Returns the body and that heading.
 */
export function cleanMarkdown(text: string, labels: NoteLabels): { body: string; h1: string | null } {
  let h1: string | null = null;
  let note: string | null = null;
  let skippingImage = false;
  let inTabs = false;
  const lines = outsideCode(text.split('\n'), (raw) => {
    let line = raw;
    if (skippingImage) {
      if (/:::image-end:::/.test(line)) skippingImage = false;
      return null;
    }
    const n = NOTE.exec(line);
    if (n) {
      note = labels[n[1]!.toLowerCase() as keyof NoteLabels];
      return '';
    }
    if (/^\s*>/.test(line)) {
      line = line.replace(/^\s*>\s?/, '');
      if (/^\s*\[!div\b[^\]]*\]\s*$/i.test(line)) return null;
      if (note !== null && line.trim() !== '') {
        line = `**${note}** ${line.trim()}`;
        note = null;
      }
    } else note = null;
    if (/^\s*\[!(div|VIDEO|INCLUDE)\b/i.test(line)) return null;
    if (/^\s*:::image\b/.test(line)) {
      if (!/:::\s*$/.test(line.replace(/^\s*:::image/, ''))) skippingImage = true;
      return null;
    }
    if (/^\s*:::/.test(line)) return null;
    const tab = /^#{1,6}\s*\[([^\]]+)\]\(#tab\/[^)]*\)\s*$/.exec(line);
    if (tab) {
      inTabs = true;
      return `**${tab[1]}**`;
    }
    if (inTabs && /^\s*-{3,}\s*$/.test(line)) {
      inTabs = false;
      return null;
    }
    line = outsideInlineCode(line, (part) =>
      part
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(HTML_TAGS, '')
        .replace(/&nbsp;/g, ' '),
    );
    const heading = /^(#{1,6})\s+(.*?)\s*(\{#[^}]*\})?\s*#*\s*$/.exec(line);
    if (heading) {
      const title = heading[2]!.trim();
      if (heading[1] === '#') {
        if (h1 === null) {
          h1 = title;
          return null;
        }
        return `## ${title}`;
      }
      return `${heading[1]} ${title}`;
    }
    return line.replace(/\s+$/, '');
  });
  const body = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { body, h1 };
}
