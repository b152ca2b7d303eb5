// The PDF renderer: Cyrillic text in the font Publica ships (read back in JS), and a bounded render queue that
// refuses work beyond it with BUSY (503 and Retry-After) instead of letting memory grow.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pdfFonts, pdfPages } from '../../test/pdf-text.ts';
import { isAppError } from '../platform/errors.ts';
import { closePdfBrowser, htmlToPdf } from './pdf.ts';

const options = { header: 'Методика 2023.1', footer: 'Publica', pageOf: 'стр. {page} из {pages}' };
const html =
  '<!doctype html><html><head><meta charset="utf-8"></head><body><h1>Школа № 5: Ёлка</h1></body></html>';

afterAll(() => closePdfBrowser());

describe('htmlToPdf', () => {
  afterEach(() => {
    delete process.env.PUBLICA_PDF_CONCURRENCY;
    delete process.env.PUBLICA_PDF_QUEUE;
    delete process.env.PUBLICA_PDF_PER_USER;
  });

  it('prints Cyrillic on the page, in the header and the footer, in PT Sans', async () => {
    const pdf = await htmlToPdf(html.replace('<body>', '<body style="font-family: \'PT Sans\'">'), options);
    const [text] = await pdfPages(pdf);
    expect(text).toContain('Школа № 5: Ёлка');
    expect(text).toContain('Методика 2023.1');
    expect(text).toContain('стр. 1 из 1');
    expect(
      [...pdfFonts(pdf)].every((f) => f.startsWith('PTSans-')),
      [...pdfFonts(pdf)].join(),
    ).toBe(true);
  });

  it('runs a bounded number at once and refuses the rest with BUSY and a time to come back', async () => {
    process.env.PUBLICA_PDF_CONCURRENCY = '1';
    process.env.PUBLICA_PDF_QUEUE = '1';
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => htmlToPdf(html, options)));
    const refused = outcomes
      .filter((o) => o.status === 'rejected')
      .map((o) => (o as PromiseRejectedResult).reason);
    // One renders, one waits, the other two are told to come back.
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(isAppError(error) && error.code).toBe('BUSY');
      expect((error as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(
        0,
      );
    }
  });

  it('gives one requester only its share of the queue', async () => {
    process.env.PUBLICA_PDF_PER_USER = '1';
    const [first, second, other] = await Promise.allSettled([
      htmlToPdf(html, { ...options, requester: 'user:1' }),
      htmlToPdf(html, { ...options, requester: 'user:1' }),
      htmlToPdf(html, { ...options, requester: 'user:2' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && isAppError(second.reason) && second.reason.code).toBe('BUSY');
    expect(other.status).toBe('fulfilled');
  });
});
