// HTML to PDF through Chromium's print (playwright-core driving the system's chromium): real text (searchable,
// copyable), the fonts of the system, SVG charts as vectors, and a header and footer on every page. One browser
// per process, started on first use; every document gets its own context with scripts and network off.
import type { Browser } from 'playwright-core';
import { AppError } from '../platform/errors.ts';
import { escapeHtml as esc } from '../platform/html.ts';

let browser: Promise<Browser> | undefined;

/** The chromium binary: PUBLICA_CHROMIUM, or Debian's. */
export function chromiumPath(): string {
  return process.env.PUBLICA_CHROMIUM || '/usr/bin/chromium';
}

function launch(): Promise<Browser> {
  // Loaded on first use: the driver weighs 80 MB that a process printing no PDF should not carry.
  browser ??= import('playwright-core')
    .then(({ chromium }) =>
      chromium.launch({
        executablePath: chromiumPath(),
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }),
    )
    .catch((error: Error) => {
      browser = undefined;
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        `PDF needs Chromium at ${chromiumPath()} (apt-get install chromium, or set PUBLICA_CHROMIUM): ${error.message.split('\n')[0]}`,
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
};

export async function htmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const small =
      'font-family: DejaVu Sans, Arial, sans-serif; font-size: 7.5pt; color: #4a4a52; width: 100%; padding: 0 12mm;';
    const pageNumber = esc(options.pageOf)
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>');
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">${esc(options.header)}</div>`,
      footerTemplate: `<div style="${small} display: flex; justify-content: space-between;"><span>${esc(options.footer)}</span><span>${pageNumber}</span></div>`,
      margin: { top: '16mm', bottom: '14mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await context.close();
  }
}

/** Closes the shared browser (at shutdown, and after a command). */
export async function closePdfBrowser(): Promise<void> {
  const open = browser;
  browser = undefined;
  if (open) await (await open.catch(() => null))?.close();
}
