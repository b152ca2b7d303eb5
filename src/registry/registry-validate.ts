// Validates registry records: each row on its own, then the checks across rows (the same INN, OGRN or page
// twice in one file). Keeps what it has seen, so a file can be validated slice by slice as it is parsed.
import type { RawRecord } from './registry-file.reader.ts';
import { type RegistryRow, type RowProblem, validateRecord } from './registry-row.ts';

export class RowValidator {
  private readonly seen = {
    inn: new Map<string, number>(),
    ogrn: new Map<string, number>(),
    page: new Map<string, number>(),
  };

  constructor(private readonly columnCount: number) {}

  validate(records: readonly RawRecord[]): { rows: RegistryRow[]; problems: RowProblem[] } {
    const rows: RegistryRow[] = [];
    const problems: RowProblem[] = [];
    for (const record of records) {
      const result = validateRecord(record, this.columnCount);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const row = result.row;
      const duplicate = firstDuplicate(row, this.seen);
      if (duplicate) {
        problems.push({ row: row.row, ...duplicate });
        continue;
      }
      if (row.inn) this.seen.inn.set(row.inn, row.row);
      if (row.ogrn) this.seen.ogrn.set(row.ogrn, row.row);
      if (row.vk) this.seen.page.set(pageIdentity(row.vk), row.row);
      rows.push(row);
    }
    return { rows, problems };
  }
}

function firstDuplicate(
  row: RegistryRow,
  seen: Record<'inn' | 'ogrn' | 'page', Map<string, number>>,
): Omit<RowProblem, 'row'> | undefined {
  if (row.inn !== null) {
    const other = seen.inn.get(row.inn);
    if (other !== undefined) return { field: 'inn', key: 'duplicate_key', params: { other, key: row.inn } };
  }
  if (row.ogrn !== null) {
    const other = seen.ogrn.get(row.ogrn);
    if (other !== undefined) return { field: 'ogrn', key: 'duplicate_key', params: { other, key: row.ogrn } };
  }
  if (row.vk !== null) {
    const other = seen.page.get(pageIdentity(row.vk));
    if (other !== undefined) return { field: 'vk_url', key: 'duplicate_page', params: { other } };
  }
  return undefined;
}

export function pageIdentity(ref: NonNullable<RegistryRow['vk']>): string {
  return ref.kind === 'id' ? `id:${ref.externalId}` : `sn:${ref.screenName}`;
}
