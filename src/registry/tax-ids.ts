// Russian tax identifiers: INN (10 digits for organisations, 12 for individuals) and OGRN (13, or 15 for
// OGRNIP), each with its control digits. Spreadsheets drop a leading zero, so a short value is padded back.

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function controlDigit(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return controlDigit(inn, INN10_WEIGHTS) === Number(inn[9]);
  if (/^\d{12}$/.test(inn))
    return (
      controlDigit(inn, INN12_WEIGHTS_11) === Number(inn[10]) &&
      controlDigit(inn, INN12_WEIGHTS_12) === Number(inn[11])
    );
  return false;
}

export function isValidOgrn(ogrn: string): boolean {
  if (/^\d{13}$/.test(ogrn)) return (Number(ogrn.slice(0, 12)) % 11) % 10 === Number(ogrn[12]);
  if (/^\d{15}$/.test(ogrn)) return (Number(ogrn.slice(0, 14)) % 13) % 10 === Number(ogrn[14]);
  return false;
}

/** Digits only; restores the leading zero Excel drops from a numeric cell when that makes the value valid. */
export function normaliseTaxId(raw: string, isValid: (v: string) => boolean, lengths: number[]): string {
  const digits = raw.replace(/[\s\u00a0-]/g, '');
  if (!/^\d+$/.test(digits)) return digits;
  if (!isValid(digits) && lengths.includes(digits.length + 1) && isValid(`0${digits}`)) return `0${digits}`;
  return digits;
}

export const normaliseInn = (raw: string) => normaliseTaxId(raw, isValidInn, [10, 12]);
export const normaliseOgrn = (raw: string) => normaliseTaxId(raw, isValidOgrn, [13, 15]);

/** Appends the control digit(s) to a 9-digit INN body: used by the world generator. */
export function completeInn10(body9: string): string {
  return body9 + String(controlDigit(body9, INN10_WEIGHTS));
}

/** Appends the control digit to a 12-digit OGRN body. */
export function completeOgrn13(body12: string): string {
  return body12 + String((Number(body12) % 11) % 10);
}
