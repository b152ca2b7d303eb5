// A workshop change from the command line: `--set rule.field[.key]=value` pairs and/or a JSON `--patch` file.
import fs from 'node:fs';
import { AppError } from '../platform/errors.ts';
import { TEXT_FIELDS, type VersionPatch } from '../workshop/index.ts';

const TEXTS = new Set<string>(TEXT_FIELDS);

function value(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function readPatch(options: { set?: string[] | undefined; patch?: string | undefined }): VersionPatch {
  let patch: VersionPatch = {};
  if (options.patch) {
    try {
      patch = JSON.parse(fs.readFileSync(options.patch, 'utf8')) as VersionPatch;
    } catch (error) {
      throw new AppError('INVALID_INPUT_FILE', `--patch ${options.patch}: ${(error as Error).message}`);
    }
  }
  const rules = { ...patch.rules };
  for (const item of options.set ?? []) {
    const m = /^([a-z][a-z0-9-]*)\.(params|scoring|weight|[a-zA-Z]+)(?:\.([A-Za-z0-9_]+))?=(.*)$/s.exec(item);
    if (!m?.[1] || !m[2])
      throw new AppError(
        'VALIDATION',
        `--set: expected rule.params.name=value, rule.weight=n or rule.title.ru=text, got "${item}"`,
      );
    const [, rule, field, key, raw = ''] = m;
    const change = { ...rules[rule] };
    if (field === 'params') {
      if (!key)
        throw new AppError('VALIDATION', `--set ${item}: name the parameter (rule.params.name=value)`);
      change.params = { ...change.params, [key]: value(raw) };
    } else if (field === 'scoring') change.scoring = value(raw);
    else if (field === 'weight') change.weight = Number(raw);
    else if (TEXTS.has(field) && (key === 'ru' || key === 'en'))
      (change as Record<string, unknown>)[field] = {
        ...(change as Record<string, object>)[field],
        [key]: raw,
      };
    else
      throw new AppError('VALIDATION', `--set ${item}: "${field}${key ? `.${key}` : ''}" cannot be changed`);
    rules[rule] = change;
  }
  if (Object.keys(rules).length > 0) patch.rules = rules;
  return patch;
}
