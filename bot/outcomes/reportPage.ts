import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { tokensMatch } from '../desk/deskAccess.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import { reportMessages } from '../i18n/reportMessages.js';
import type { FeedbackFile } from '../knowledge/feedback.js';
import { errorFields, type Logger } from '../log.js';
import type { DocumentStore } from '../store/documentStore.js';
import { bearerToken, sendJson } from '../webchat/channelHttp.js';
import { firstLocale, sendStatic, staticFile, type StaticFile } from '../webchat/webChatPage.js';
import { buildReport } from './outcomeReport.js';

const PUBLIC_DIR = join(import.meta.dirname, 'public');

/** Chart.js from node_modules (its UMD build sits beside the CommonJS entry): never a CDN. */
export function chartBundlePath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderReportPage(locale: Locale): string {
  const m = reportMessages(locale);
  const strings = JSON.stringify({ ...m, languageNames: Object.fromEntries(LOCALES.map((l) => [l, m.languageName(l)])) }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="${escapeHtml(m.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<link rel="stylesheet" href="/desk/report.css">
</head>
<body>
<h1>${escapeHtml(m.title)}</h1>
<form id="login">
<label for="token">${escapeHtml(m.tokenLabel)}</label> <input id="token" type="password" autocomplete="off" required>
<label for="days">${escapeHtml(m.daysLabel)}</label>
<select id="days"><option>7</option><option selected>30</option><option>90</option><option>365</option></select>
<button type="submit">${escapeHtml(m.show)}</button>
</form>
<p id="status" role="status"></p>
<noscript>${escapeHtml(m.noScript)}</noscript>
<section id="figures" hidden>
<p id="period"></p>
<table id="table"></table>
<div class="charts">
<figure><figcaption>${escapeHtml(m.chartOutcomes)}</figcaption><canvas id="outcomes-chart" width="480" height="280"></canvas></figure>
<figure><figcaption>${escapeHtml(m.chartCsat)}</figcaption><canvas id="csat-chart" width="480" height="280"></canvas></figure>
</div>
<h2>${escapeHtml(m.topUnanswered)}</h2>
<div id="unanswered"></div>
<p class="definitions">${escapeHtml(m.definitions)}</p>
</section>
<script type="application/json" id="page-strings">${strings}</script>
<script src="/desk/chart.js"></script>
<script src="/desk/report.js"></script>
</body>
</html>
`;
}

/**
 * GET /desk/report: the outcomes with charts. The page itself holds no figures; its script asks
 * /desk/report.json with the desk token (Authorization: Bearer, compared in constant time), so the
 * report is protected like the desk. Served only when DESK_TOKEN is set.
 */
export function registerReportPage(
  server: Server,
  deps: { token: string; store: DocumentStore; feedback: { snapshot(): Promise<FeedbackFile> }; logger: Logger; now?: () => Date },
): void {
  const script = staticFile(readFileSync(join(PUBLIC_DIR, 'report.js')), 'text/javascript; charset=utf-8');
  const style = staticFile(readFileSync(join(PUBLIC_DIR, 'report.css')), 'text/css; charset=utf-8');
  let chart: Promise<StaticFile> | undefined;

  server.get('/desk/report', async (req: Request, res: Response) => {
    res.status(200);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    res.end(renderReportPage(firstLocale(req.headers['accept-language'])));
  });
  server.get('/desk/report.js', async (req: Request, res: Response) => sendStatic(req, res, script));
  server.get('/desk/report.css', async (req: Request, res: Response) => sendStatic(req, res, style));
  server.get('/desk/chart.js', async (req: Request, res: Response) => {
    try {
      chart ??= readFile(chartBundlePath()).then((body) => staticFile(body, 'text/javascript; charset=utf-8'));
      sendStatic(req, res, await chart);
    } catch (err) {
      chart = undefined;
      deps.logger.error('chart_bundle_missing', errorFields(err));
      sendJson(res, 500, { error: 'chart_bundle_missing' });
    }
  });
  server.get('/desk/report.json', async (req: Request, res: Response) => {
    const token = bearerToken(req);
    if (token === undefined || !tokensMatch(token, deps.token)) {
      deps.logger.warn('desk_refused', { what: 'report' });
      sendJson(res, 401, { error: 'unauthorized' });
      return;
    }
    const raw = new URL(req.url ?? '/', 'http://local').searchParams.get('days') ?? '30';
    const days = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!(days >= 1 && days <= 3650)) {
      sendJson(res, 400, { error: 'invalid_days' });
      return;
    }
    try {
      sendJson(res, 200, await buildReport({ store: deps.store, feedback: deps.feedback, days, now: (deps.now ?? (() => new Date()))() }));
    } catch (err) {
      deps.logger.error('report_failed', errorFields(err));
      sendJson(res, 500, { error: 'report_failed' });
    }
  });
}
