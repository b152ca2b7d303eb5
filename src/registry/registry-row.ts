// Validates one registry record into a clean row, or into problems that name the row and the field.
import { hasControlCharacters } from '../platform/controls.ts';
import type { InstitutionKind } from '../platform/db-schema.ts';
import { checkMax, checkOk, type NetworkPageRef } from './network-url.ts';
import { regionSeeds } from './regions.data.ts';
import type { RegistryMessageKey } from './registry.messages.ts';
import type { RawRecord, RegistryField } from './registry-file.reader.ts';
import { isValidInn, isValidOgrn, normaliseInn, normaliseOgrn } from './tax-ids.ts';
import { parseVkUrl, type VkPageRef } from './vk-url.ts';

export type RegistryRow = {
  row: number;
  inn: string | null;
  ogrn: string | null;
  full_name: string;
  short_name: string | null;
  kind: InstitutionKind;
  region_code: string;
  municipality: string | null;
  address: string | null;
  website: string | null;
  vk: VkPageRef | null;
  ok?: NetworkPageRef | null;
  max?: NetworkPageRef | null;
};

export type RowProblem = {
  row: number;
  field: RegistryField;
  key: RegistryMessageKey;
  params?: Record<string, string | number>;
  value?: string;
};

const MAX_TEXT = 1000;

const KIND_WORDS: [RegExp, InstitutionKind][] = [
  [/^(school|школа|сош|оош|нош|гимназия|лицей|общеобразовательн)/, 'school'],
  [/^(kindergarten|детский сад|д\/с|доу|дс|дошкольн)/, 'kindergarten'],
  [/^(college|колледж|техникум|спо|профессиональн)/, 'college'],
  [/^(additional|дополнительн|доп\.? ?образование|до|удо|дод)$|^(additional|дополнительн)/, 'additional'],
];

export function parseKind(value: string): InstitutionKind | undefined {
  const v = value.trim().toLowerCase().replace(/ё/g, 'е');
  return KIND_WORDS.find(([pattern]) => pattern.test(v))?.[1];
}

const regionByCode = new Map(regionSeeds.map((r) => [r.code, r.code]));
for (const r of regionSeeds) regionByCode.set(r.iso_code.toLowerCase(), r.code);

export function parseRegionCode(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (/^\d{1,2}$/.test(v)) return regionByCode.get(v.padStart(2, '0'));
  return regionByCode.get(v);
}

// Hand-written rather than a zod schema: this runs for every row of a 100,000-row registry, and plain
// checks are ten times faster here (see bench/registry-import). Each check names its problem key.
const clean = (v: string | undefined) => {
  if (!v) return '';
  const t = v.trim();
  return t.includes('  ') || /[\t\r\n\u00a0]/.test(t) ? t.replace(/\s+/g, ' ') : t;
};

type Check<T> = (value: string) => T | { problem: RegistryMessageKey };
const problem = (key: RegistryMessageKey) => ({ problem: key });
const isProblem = (v: unknown): v is { problem: RegistryMessageKey } =>
  typeof v === 'object' && v !== null && 'problem' in v;

const checkInn: Check<string> = (v) => {
  const inn = normaliseInn(v);
  if (!/^\d{10}(\d{2})?$/.test(inn)) return problem('inn_format');
  return isValidInn(inn) ? inn : problem('inn_checksum');
};

const checkOgrn: Check<string> = (v) => {
  const ogrn = normaliseOgrn(v);
  if (!/^\d{13}(\d{2})?$/.test(ogrn)) return problem('ogrn_format');
  return isValidOgrn(ogrn) ? ogrn : problem('ogrn_checksum');
};

const checkKind: Check<InstitutionKind> = (v) => parseKind(v) ?? problem('unknown_kind');
const checkRegion: Check<string> = (v) => parseRegionCode(v) ?? problem('unknown_region');
const checkWebsite: Check<string> = (v) => normaliseWebsite(v) ?? problem('bad_website');
const checkVk: Check<VkPageRef> = (v) => {
  const parsed = parseVkUrl(v);
  return parsed.ok ? parsed.ref : problem(`vk_${parsed.reason}`);
};

// The common shapes (host with an optional path), checked without building a URL object.
const PLAIN_SITE = /^(?:(https?):\/\/)?([a-z\d-]+(?:\.[a-z\d-]+)+)(\/[\w\-./%]*)?$/i;

export function normaliseWebsite(value: string): string | null {
  const plain = PLAIN_SITE.exec(value);
  if (plain) {
    const path = (plain[3] ?? '').replace(/\/$/, '');
    return `${(plain[1] ?? 'https').toLowerCase()}://${(plain[2] ?? '').toLowerCase()}${path}`;
  }
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (!/^[\p{L}\d-]+(\.[\p{L}\d-]+)+$/u.test(url.hostname)) return null;
    return url.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

export type RowResult = { ok: true; row: RegistryRow } | { ok: false; problems: RowProblem[] };

function report(
  problems: RowProblem[],
  record: RawRecord,
  field: RegistryField,
  key: RegistryMessageKey,
  params?: RowProblem['params'],
): void {
  problems.push({ row: record.row, field, key, params, value: record.values[field]?.slice(0, 80) });
}

/** One field of a record: cleaned, bounded, checked; null when empty or invalid (the problem is recorded). */
function field<T>(
  problems: RowProblem[],
  record: RawRecord,
  name: RegistryField,
  check?: Check<T>,
  required = false,
): T | string | null {
  const value = clean(record.values[name]);
  if (value === '') {
    if (required) report(problems, record, name, 'required');
    return null;
  }
  if (value.length > MAX_TEXT) {
    report(problems, record, name, 'too_long', { max: MAX_TEXT });
    return null;
  }
  // Refused, not stripped: a name with a direction override shows other text than it holds, and the person
  // who sent the file should see which cell it was in.
  if (hasControlCharacters(value)) {
    report(problems, record, name, 'control_characters');
    return null;
  }
  if (!check) return value;
  const checked = check(value);
  if (isProblem(checked)) {
    report(problems, record, name, checked.problem);
    return null;
  }
  return checked;
}

export function validateRecord(record: RawRecord, expectedColumns: number): RowResult {
  const p: RowProblem[] = [];
  if (record.columnCount > expectedColumns)
    report(p, record, 'full_name', 'column_count', { expected: expectedColumns, found: record.columnCount });
  const row = {
    row: record.row,
    inn: field(p, record, 'inn', checkInn) as string | null,
    ogrn: field(p, record, 'ogrn', checkOgrn) as string | null,
    full_name: field(p, record, 'full_name', undefined, true) as string,
    short_name: field(p, record, 'short_name') as string | null,
    kind: field(p, record, 'kind', checkKind, true) as InstitutionKind,
    region_code: field(p, record, 'region_code', checkRegion, true) as string,
    municipality: field(p, record, 'municipality') as string | null,
    address: field(p, record, 'address') as string | null,
    website: field(p, record, 'website', checkWebsite) as string | null,
    vk: field(p, record, 'vk_url', checkVk) as VkPageRef | null,
    ok: field(p, record, 'ok_url', checkOk) as NetworkPageRef | null,
    max: field(p, record, 'max_url', checkMax) as NetworkPageRef | null,
  };
  if (p.length > 0) return { ok: false, problems: p };
  if (!row.inn && !row.ogrn)
    return { ok: false, problems: [{ row: record.row, field: 'inn', key: 'inn_or_ogrn' }] };
  return { ok: true, row };
}
