// Validates one registry record into a clean row, or into problems that name the row and the field.
import { z } from 'zod';
import type { InstitutionKind } from '../platform/db-schema.ts';
import { regionSeeds } from './regions.data.ts';
import { type RegistryMessageKey, registryMessages } from './registry.messages.ts';
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

const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();

function text(key: RegistryMessageKey = 'too_long') {
  return z
    .string()
    .optional()
    .transform((v) => clean(v) || null)
    .refine((v) => v === null || v.length <= MAX_TEXT, { message: key });
}

const requiredText = text().refine((v) => v !== null, { message: 'required' satisfies RegistryMessageKey });

const rowSchema = z.object({
  inn: z
    .string()
    .optional()
    .transform((v) => (clean(v) ? normaliseInn(clean(v)) : null))
    .refine((v) => v === null || /^\d{10}(\d{2})?$/.test(v), { message: 'inn_format' })
    .refine((v) => v === null || !/^\d{10}(\d{2})?$/.test(v) || isValidInn(v), { message: 'inn_checksum' }),
  ogrn: z
    .string()
    .optional()
    .transform((v) => (clean(v) ? normaliseOgrn(clean(v)) : null))
    .refine((v) => v === null || /^\d{13}(\d{2})?$/.test(v), { message: 'ogrn_format' })
    .refine((v) => v === null || !/^\d{13}(\d{2})?$/.test(v) || isValidOgrn(v), { message: 'ogrn_checksum' }),
  full_name: requiredText,
  short_name: text(),
  kind: requiredText.transform((v, ctx) => {
    const kind = v === null ? undefined : parseKind(v);
    if (!kind && v !== null) ctx.addIssue({ code: 'custom', message: 'unknown_kind' });
    return kind ?? 'school';
  }),
  region_code: requiredText.transform((v, ctx) => {
    const code = v === null ? undefined : parseRegionCode(v);
    if (!code && v !== null) ctx.addIssue({ code: 'custom', message: 'unknown_region' });
    return code ?? '';
  }),
  municipality: text(),
  address: text(),
  website: text().transform((v, ctx) => {
    if (v === null) return null;
    const site = normaliseWebsite(v);
    if (!site) ctx.addIssue({ code: 'custom', message: 'bad_website' });
    return site;
  }),
  vk_url: text().transform((v, ctx) => {
    if (v === null) return null;
    const parsed = parseVkUrl(v);
    if (parsed.ok) return parsed.ref;
    ctx.addIssue({ code: 'custom', message: `vk_${parsed.reason}` });
    return null;
  }),
});

export function normaliseWebsite(value: string): string | null {
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

export function validateRecord(record: RawRecord, expectedColumns: number): RowResult {
  const problems: RowProblem[] = [];
  if (record.columnCount > expectedColumns) {
    problems.push({
      row: record.row,
      field: 'full_name',
      key: 'column_count',
      params: { expected: expectedColumns, found: record.columnCount },
    });
  }
  const parsed = rowSchema.safeParse(record.values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RegistryField;
      const key = (issue.message in registryMessages ? issue.message : 'required') as RegistryMessageKey;
      const params = key === 'too_long' ? { max: MAX_TEXT } : undefined;
      problems.push({ row: record.row, field, key, params, value: record.values[field]?.slice(0, 80) });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const v = parsed.data;
  if (!v.inn && !v.ogrn)
    return { ok: false, problems: [{ row: record.row, field: 'inn', key: 'inn_or_ogrn' }] };
  return {
    ok: true,
    row: {
      row: record.row,
      inn: v.inn,
      ogrn: v.ogrn,
      full_name: v.full_name ?? '',
      short_name: v.short_name,
      kind: v.kind,
      region_code: v.region_code,
      municipality: v.municipality,
      address: v.address,
      website: v.website,
      vk: v.vk_url,
    },
  };
}
