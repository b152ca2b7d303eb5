// HTML to PDF through Chromium's print (playwright-core): real text (searchable, copyable), the font Publica
// ships (pdf-fonts.ts), SVG charts as vectors, and a header and footer on every page. One long-lived browser per
// process, started on first use, with a small pool of pages (each in its own context with scripts and network
// off) reused from one document to the next. Renders are
// expensive (memory and CPU), so a process runs at most a few at once, queues a bounded number more, and answers
// 503 with Retry-After beyond that; one user may hold only a couple of places in the queue.
import type { Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../platform/chromium.ts';
import { AppError } from '../platform/errors.ts';
import { escapeHtml as esc } from '../platform/html.ts';
import { PDF_FONT_FAMILY, pdfFontConfigFile } from './pdf-fonts.ts';

let browser: Promise<Browser> | undefined;

function launch(): Promise<Browser> {
  // Loaded on first use: the driver weighs 80 MB that a process printing no PDF should not carry.
  browser ??= Promise.all([import('playwright-core'), chromiumLaunchOptions()])
    .then(([{ chromium }, options]) =>
      chromium.launch({ ...options, env: { ...process.env, FONTCONFIG_FILE: pdfFontConfigFile() } }),
    )
    .then((opened) => {
      // A browser that dies (killed, out of memory) is started again by the next render.
      opened.on('disconnected', () => {
        browser = undefined;
      });
      return opened;
    })
    .catch((error: Error) => {
      browser = undefined;
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        `PDF needs Chromium (the @sparticuz/chromium package, or PUBLICA_CHROMIUM): ${error.message.split('\n')[0]}`,
      );
    });
  return browser;
}

export type PdfOptions = {
  /** Plain text at the top of every page (methodology, period). */
  header: string;
  /** Plain text at the bottom left of every page; the page number goes right. */
  footer: string;
  /** "page {page} of {pages}" in the reader's language. */
  pageOf: string;
  /** Who asked (a user id or login), for the per-user share of the queue; none for jobs. */
  requester?: string;
};

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The render queue's limits; read from the environment at each call so tests can set them. */
export function pdfLimits() {
  return {
    concurrent: positiveInt(process.env.PUBLICA_PDF_CONCURRENCY, 2),
    queued: positiveInt(process.env.PUBLICA_PDF_QUEUE, 16),
    perRequester: positiveInt(process.env.PUBLICA_PDF_PER_USER, 2),
  };
}

const waiting: (() => void)[] = [];
const byRequester = new Map<string, number>();
let running = 0;

/** What the render queue is doing, for the metrics. */
export const pdfStats = {
  rendered: 0,
  failed: 0,
  refused: 0,
  seconds: 0,
  /** The longest render so far, in seconds. */
  slowest: 0,
  running: () => running,
  queued: () => waiting.length,
};

function busy(message: string): AppError {
  pdfStats.refused++;
  return new AppError('BUSY', message, { retryAfterSeconds: 10 });
}

/**
 * Runs `work` in one of the renderer's slots: at once if one is free, after the ones ahead of it if the queue
 * has room, else BUSY. Renders take their slot here; tests hold slots with it to see the queue's answers.
 */
export async function inPdfSlot<T>(requester: string | undefined, work: () => Promise<T>): Promise<T> {
  const limits = pdfLimits();
  if (requester && (byRequester.get(requester) ?? 0) >= limits.perRequester)
    throw busy('too many PDF reports requested at once: wait for the ones under way');
  if (running >= limits.concurrent && waiting.length >= limits.queued)
    throw busy('the PDF renderer is busy: try again in a few seconds');
  if (requester) byRequester.set(requester, (byRequester.get(requester) ?? 0) + 1);
  try {
    if (running >= limits.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    const started = performance.now();
    try {
      const result = await work();
      pdfStats.rendered++;
      return result;
    } catch (error) {
      pdfStats.failed++;
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      pdfStats.seconds += seconds;
      pdfStats.slowest = Math.max(pdfStats.slowest, seconds);
      running--;
      waiting.shift()?.();
    }
  } finally {
    if (requester) {
      const left = (byRequester.get(requester) ?? 1) - 1;
      if (left > 0) byRequester.set(requester, left);
      else byRequester.delete(requester);
    }
  }
}

export function htmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  return inPdfSlot(options.requester, () => render(html, options));
}

/** A page kept open between renders: a new context and page per document cost ~100 ms of the browser's time. */
type Pooled = {
  browser: Browser;
  close: () => Promise<void>;
  page: import('playwright-core').Page;
  uses: number;
};

/** Idle pages, at most one per render slot; a page is retired after this many documents (memory it may keep). */
const idle: Pooled[] = [];
const PAGE_USES = 50;

export const pdfPool = { idle: () => idle.length, opened: 0 };

async function acquire(): Promise<Pooled> {
  const current = await launch();
  for (let pooled = idle.pop(); pooled; pooled = idle.pop()) {
    if (pooled.browser === current && current.isConnected() && !pooled.page.isClosed()) return pooled;
    await pooled.close().catch(() => undefined);
  }
  const context = await current.newContext({ javaScriptEnabled: false, offline: true });
  pdfPool.opened++;
  return { browser: current, close: () => context.close(), page: await context.newPage(), uses: 0 };
}

async function release(pooled: Pooled, healthy: boolean): Promise<void> {
  pooled.uses++;
  const current = await browser?.catch(() => undefined);
  if (
    healthy &&
    pooled.uses < PAGE_USES &&
    pooled.browser === current &&
    idle.length < pdfLimits().concurrent
  )
    idle.push(pooled);
  else await pooled.close().catch(() => undefined);
}

async function render(html: string, options: PdfOptions): Promise<Buffer> {
  const pooled = await acquire();
  let healthy = false;
  try {
    const { page } = pooled;
    await page.setContent(html, { waitUntil: 'load' });
    const small = `font-family: ${PDF_FONT_FAMILY}; font-size: 7.5pt; color: #4a4a52; width: 100%; padding: 0 12mm;`;
    const pageNumber = esc(options.pageOf)
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">${esc(options.header)}</div>`,
      footerTemplate: `<div style="${small} display: flex; justify-content: space-between;"><span>${esc(options.footer)}</span><span>${pageNumber}</span></div>`,
      margin: { top: '16mm', bottom: '14mm', left: '12mm', right: '12mm' },
    });
    healthy = true;
    return pdf;
  } finally {
    // The next document starts from a blank page, not from this one's (large) DOM.
    if (healthy)
      await pooled.page.setContent('').catch(() => {
        healthy = false;
      });
    await release(pooled, healthy);
  }
}

/** Closes the shared browser (at shutdown, and after a command). */
export async function closePdfBrowser(): Promise<void> {
  const open = browser;
  browser = undefined;
  for (const pooled of idle.splice(0)) await pooled.close().catch(() => undefined);
  if (open) await (await open.catch(() => null))?.close();
}
