import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse, HTMLElement, NodeType, type Node } from 'node-html-parser';
import type { ImportedDocument } from '../importedFormat.js';
import { pageUrl, resolveLink } from './linkResolver.js';
import type { SourceOptions } from './markdownDocument.js';
import { withSlash } from './markdownDocument.js';
import { outsideCode } from './markdownText.js';
import { dateOf, detectLocale, localeOf, type SourceProblem } from './sourceText.js';

/** Page furniture, not content. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'svg',
  'iframe',
  'img',
  'picture',
  'video',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
]);

const squeeze = (s: string) => s.replace(/\s+/g, ' ');

/** HTML content as Markdown: h2/h3 stay headings (the sections), lists, tables, code and links kept simply. */
function toMarkdown(node: Node, link: (href: string) => string | null): string {
  if (node.nodeType === NodeType.TEXT_NODE) return squeeze(node.text);
  if (!(node instanceof HTMLElement)) return '';
  const tag = node.tagName?.toLowerCase() ?? '';
  if (DROPPED.has(tag)) return '';
  const inner = () => node.childNodes.map((c) => toMarkdown(c, link)).join('');
  const line = () =>
    inner()
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  switch (tag) {
    case 'h1':
    case 'h2':
      return `\n\n## ${line()}\n\n`;
    case 'h3':
      return `\n\n### ${line()}\n\n`;
    case 'h4':
    case 'h5':
    case 'h6':
      return `\n\n**${line()}**\n\n`;
    case 'br':
      return '\n';
    case 'strong':
    case 'b':
      return line() ? `**${line()}**` : '';
    case 'code':
      return `\`${node.text}\``;
    case 'pre':
      return `\n\n\`\`\`\n${node.text.replace(/\n+$/, '')}\n\`\`\`\n\n`;
    case 'a': {
      const text = line();
      const url = link(node.getAttribute('href') ?? '');
      return url && text ? `[${text}](${url})` : text;
    }
    case 'li': {
      const ordered = node.parentNode?.tagName?.toLowerCase() === 'ol';
      return `\n${ordered ? '1.' : '-'} ${inner().trim().replace(/\n+/g, ' ')}`;
    }
    case 'ul':
    case 'ol':
      return `\n${inner()}\n\n`;
    case 'tr':
      return `\n${node.childNodes
        .filter((c) => c instanceof HTMLElement)
        .map((c) => toMarkdown(c, link).trim())
        .join(' | ')}`;
    case 'table':
      return `\n\n${inner().trim()}\n\n`;
    default:
      return BLOCKS.has(tag) ? `\n\n${inner()}\n\n` : inner();
  }
}

/** Reads one saved HTML help page: title, canonical address, language, and the main content as sections. */
export async function readHtmlPage(
  root: string,
  rel: string,
  options: SourceOptions,
): Promise<{ doc?: ImportedDocument; problems: SourceProblem[] }> {
  const path = join(root, rel);
  let html: string;
  try {
    html = await readFile(path, 'utf8');
  } catch (err) {
    return {
      problems: [
        { file: options.show(path), line: 1, message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` },
      ],
    };
  }
  const page = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const attr = (selector: string, name: string) => page.querySelector(selector)?.getAttribute(name)?.trim() ?? '';
  const baseUrl = options.baseUrl ? withSlash(options.baseUrl) : null;
  const docUrl =
    attr('link[rel=canonical]', 'href') || attr('meta[property="og:url"]', 'content') || (baseUrl ? pageUrl(baseUrl, rel) : null);
  const main =
    page.querySelector('main') ?? page.querySelector('article') ?? page.querySelector('[role=main]') ?? page.querySelector('body') ?? page;
  const h1 = main.querySelector('h1') ?? page.querySelector('h1');
  const title =
    squeeze(h1?.text ?? '').trim() || squeeze(page.querySelector('title')?.text ?? '').trim() || basename(rel).replace(/\.html?$/i, '');
  h1?.remove();
  const link = (href: string) => (href ? resolveLink(href, { file: path, root, baseUrl, docUrl }) : null);
  const body = outsideCode(toMarkdown(main, link).split('\n'), (l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!body)
    return {
      problems: [{ file: options.show(path), line: 1, message: 'the page has no content (nothing in <main>, <article> or <body>)' }],
    };
  const locale = localeOf(attr('html', 'lang')) ?? localeOf(attr('meta[http-equiv="content-language"]', 'content')) ?? detectLocale(body);
  const doc: ImportedDocument = {
    rel: rel.replace(/\\/g, '/').replace(/\.html?$/i, ''),
    title,
    locale,
    url: docUrl,
    description: attr('meta[name=description]', 'content'),
    updated: dateOf(attr('meta[name="ms.date"]', 'content') || attr('meta[property="article:modified_time"]', 'content')),
    source: rel.replace(/\\/g, '/'),
    body,
  };
  return { doc, problems: [] };
}
