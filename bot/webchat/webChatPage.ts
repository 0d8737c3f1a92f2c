import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { messages } from '../i18n/messages.js';
import { LOCALES, normalizeLocale, type Locale } from '../i18n/locale.js';
import { errorFields, type Logger } from '../log.js';

const PUBLIC_DIR = join(import.meta.dirname, 'public');

/**
 * The Web Chat bundle from node_modules (the package's `require` entry is lib/index.js; dist/ sits beside lib/),
 * or null when botframework-webchat, a dev dependency, is not installed (npm ci --omit=dev).
 */
export function findWebChatBundle(): string | null {
  try {
    const bundle = join(dirname(dirname(createRequire(import.meta.url).resolve('botframework-webchat'))), 'dist', 'webchat.js');
    return existsSync(bundle) ? bundle : null;
  } catch {
    return null;
  }
}

// Scripts only from this server: the bundle and page.js, never a CDN or an inline script.
// Web Chat writes its styles at run time, hence 'unsafe-inline' for styles only.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Accept-Language picks the first paint; the page script then follows navigator.language or the switch. */
export function firstLocale(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim();
  return normalizeLocale(first) ?? 'en';
}

export function renderPage(locale: Locale): string {
  const s = messages(locale).webChatPage;
  const all = Object.fromEntries(LOCALES.map((l) => [l, messages(l).webChatPage]));
  // JSON in a non-executable block; "<" escaped so no string can close the element.
  const data = JSON.stringify(all).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${escapeHtml(s.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<link rel="stylesheet" href="/webchat/page.css">
</head>
<body>
<header>
<div class="language" role="group" aria-labelledby="language-label">
<span id="language-label">${escapeHtml(s.languageLabel)}</span>
<button type="button" data-locale="zh-CN" lang="zh-CN" aria-pressed="${locale === 'zh-CN'}">中文</button>
<button type="button" data-locale="en" lang="en" aria-pressed="${locale === 'en'}">English</button>
</div>
<h1 id="title">${escapeHtml(s.title)}</h1>
<p id="intro">${escapeHtml(s.intro)}</p>
</header>
<div id="status" role="status"></div>
<main id="webchat"><noscript>${escapeHtml(s.noScript)}</noscript></main>
<footer id="footer">${escapeHtml(s.footer)}</footer>
<script type="application/json" id="page-strings">${data}</script>
<script src="/webchat/webchat.js"></script>
<script src="/webchat/page.js"></script>
</body>
</html>
`;
}

/** Both languages, the reader's first: how to install the page. No script, so no CSP exceptions. */
export function renderUnavailablePage(first: Locale): string {
  const body = [first, ...LOCALES.filter((l) => l !== first)].map((l) => {
    const s = messages(l).webChatPage;
    const lang = escapeHtml(s.htmlLang);
    return `<section lang="${lang}">\n<h1>${escapeHtml(s.unavailableTitle)}</h1>\n<p>${escapeHtml(s.unavailableHowTo)}</p>\n</section>`;
  });
  const s = messages(first).webChatPage;
  return `<!doctype html>
<html lang="${escapeHtml(s.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.unavailableTitle)}</title>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

export function staticFile(body: Buffer, type: string): StaticFile {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

export function sendStatic(req: Request, res: Response, file: StaticFile): void {
  res.setHeader('etag', file.etag);
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === file.etag) {
    res.status(304);
    res.end();
    return;
  }
  res.status(200);
  res.setHeader('content-type', file.type);
  res.end(file.body);
}

/** GET / (the test page), its script and style, and the Web Chat bundle; without the bundle, GET / says how to install it. */
export function registerWebChatPage(server: Server, deps: { logger: Logger; bundlePath?: string | null }): void {
  const bundlePath = deps.bundlePath === undefined ? findWebChatBundle() : deps.bundlePath;
  if (bundlePath === null) {
    deps.logger.warn('webchat_page_unavailable', { reason: 'botframework-webchat is not installed' });
    server.get('/', async (req: Request, res: Response) => {
      res.status(503);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', "default-src 'none'");
      res.setHeader('cache-control', 'no-store');
      res.end(renderUnavailablePage(firstLocale(req.headers['accept-language'])));
    });
    return;
  }
  const pageJs = staticFile(readFileSync(join(PUBLIC_DIR, 'page.js')), 'text/javascript; charset=utf-8');
  const pageCss = staticFile(readFileSync(join(PUBLIC_DIR, 'page.css')), 'text/css; charset=utf-8');
  // 4 MB: read on first request, not at start-up, and kept.
  let bundle: Promise<StaticFile> | undefined;

  server.get('/', async (req: Request, res: Response) => {
    res.status(200);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    res.end(renderPage(firstLocale(req.headers['accept-language'])));
  });
  // No icon: an empty answer instead of a 404 in the browser console.
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.status(204);
    res.end();
  });
  server.get('/webchat/page.js', async (req: Request, res: Response) => sendStatic(req, res, pageJs));
  server.get('/webchat/page.css', async (req: Request, res: Response) => sendStatic(req, res, pageCss));
  server.get('/webchat/webchat.js', async (req: Request, res: Response) => {
    try {
      bundle ??= readFile(bundlePath).then((body) => staticFile(body, 'text/javascript; charset=utf-8'));
      sendStatic(req, res, await bundle);
    } catch (err) {
      bundle = undefined;
      deps.logger.error('webchat_bundle_missing', { ...errorFields(err) });
      res.status(500);
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Web Chat bundle not found: run npm install.');
    }
  });
}
