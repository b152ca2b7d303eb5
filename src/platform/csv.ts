// Writing CSV lines: a field is quoted when it holds the delimiter, a quote or a line break.
export function csvField(value: string | number | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null | undefined)[], delimiter = ','): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}

/**
 * A cell of a spreadsheet export: text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * is prefixed with an apostrophe, so `=HYPERLINK(…)` in a name stays text. Numbers are written as they are.
 */
export function exportLine(values: (string | number | null | undefined)[], delimiter: string): string {
  return values
    .map((v) => csvField(typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v, delimiter))
    .join(delimiter);
}

/** UTF-8 byte order mark: Excel in a Russian locale reads UTF-8 CSV right only with it. */
export const BOM = '\uFEFF';
