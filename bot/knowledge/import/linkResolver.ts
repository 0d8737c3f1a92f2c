import { dirname, relative, resolve, sep } from 'node:path';

/** Where the links of one source file point from. */
export interface LinkContext {
  /** The file the link is written in (an include resolves its links from its own folder). */
  readonly file: string;
  /** The folder given to the import: paths below it map onto `baseUrl`. */
  readonly root: string;
  /** The public address of the folder given to the import, ending in "/", when known. */
  readonly baseUrl: string | null;
  /** The public address of the document being imported, when known. */
  readonly docUrl: string | null;
}

/** A page's address from its source path: `storage/faq.md` → `<base>storage/faq`; an `index` page is its folder. */
export function pageUrl(baseUrl: string, rel: string): string {
  const path = rel
    .replace(/\\/g, '/')
    .replace(/\.(md|markdown|html?)$/i, '')
    .replace(/(^|\/)index$/i, '$1');
  return new URL(path.split('/').map(encodeURIComponent).join('/'), baseUrl).href;
}

/** The site's root for links that start with "/": the origin, plus a leading locale segment (`/zh-cn/`) when the base has one. */
function siteRoot(url: string): string {
  const u = new URL(url);
  const locale = /^\/([a-z]{2}-[a-z]{2,4})\//i.exec(u.pathname);
  return `${u.origin}/${locale ? `${locale[1]}/` : ''}`;
}

/**
 * The absolute address a link target stands for, or null when it cannot be known (a relative link with no
 * base URL): the caller then keeps only the link's text.
 */
export function resolveLink(target: string, ctx: LinkContext): string | null {
  const t = target.trim().replace(/^<|>$/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(t)) return /^(https?|mailto):/i.test(t) ? t : null;
  if (t.startsWith('//')) return `https:${t}`;
  const known = ctx.docUrl ?? ctx.baseUrl;
  if (t.startsWith('#')) return ctx.docUrl ? `${ctx.docUrl.replace(/#.*$/, '')}${t}` : null;
  if (t.startsWith('/')) return known ? new URL(t.slice(1), siteRoot(known)).href : null;
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(t) ?? [];
  if (ctx.baseUrl) {
    const rel = relative(ctx.root, resolve(dirname(ctx.file), path));
    if (!rel.startsWith('..') && !rel.startsWith(sep)) return pageUrl(ctx.baseUrl, rel) + rest;
  }
  if (ctx.docUrl && ctx.file) return new URL(path.replace(/\.(md|markdown)$/i, '') + rest, ctx.docUrl).href;
  return null;
}
