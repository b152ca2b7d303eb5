// Colours shared by the report's charts, tables and workbook (levels take theirs from the methodology version).

/** A cell colour from red (0) through amber to green (1), light enough for black text (WCAG AA). */
export function rateColor(rate: number): string {
  const hue = Math.round(rate * 120);
  return `hsl(${hue}, 70%, 78%)`;
}
