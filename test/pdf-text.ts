// Reads a PDF back in JavaScript (unpdf, a build of Mozilla's pdf.js), so no machine needs poppler: the text of
// each page, and the names of the fonts the document embeds.
import { extractText } from 'unpdf';

/** The text of every page, in order. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text;
}

/** The fonts the document embeds, without their subset prefix ("PTSans-Regular", …). */
export function pdfFonts(pdf: Uint8Array): Set<string> {
  const names = Buffer.from(pdf)
    .toString('latin1')
    .matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9_-]+)/g);
  return new Set([...names].map((m) => m[1] as string));
}
