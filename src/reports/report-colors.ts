// Colours shared by the report's charts, tables and workbook.

export const LEVEL_COLORS: Record<string, string> = {
  flagship: '#1a7f37',
  active: '#4caf50',
  basic: '#f0b429',
  business_card: '#f08c00',
  inactive: '#c92a2a',
};

/** A cell colour from red (0) through amber to green (1), light enough for black text (WCAG AA). */
export function rateColor(rate: number): string {
  const hue = Math.round(rate * 120);
  return `hsl(${hue}, 70%, 78%)`;
}
