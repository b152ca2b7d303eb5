// Colours shared by the report's charts, tables and workbook (levels take theirs from the methodology version).

/** A cell colour from red (0) through amber to green (1), light enough for black text (WCAG AA). */
export function rateColor(rate: number): string {
  return `hsl(${rateHue(rate)}, 70%, 78%)`;
}

/** The hue of a rate's colour, 0 (red) to 120 (green): cells of one hue share one colour. */
export function rateHue(rate: number): number {
  return Math.round(rate * 120);
}
