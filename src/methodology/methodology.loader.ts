// Loads methodology versions from `methodology/<id>/`: version.yaml, the text in Markdown (ru, en) and the
// shared sources.yaml. Every problem names the file, the rule id and the field. The content hash identifies a
// version's exact content, so audits record what they were judged by.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { PROJECT_ROOT } from '../platform/paths.ts';
import { lintRules } from './methodology.lint.ts';
import { rules as implementations } from './rules/index.ts';
import { type Condition, text, type VersionData, versionSchema } from './version.schema.ts';

export const METHODOLOGY_ROOT = path.join(PROJECT_ROOT, 'methodology');

const sourcesSchema = z.record(z.string(), z.object({ title: text, url: z.string().url() }).strict());
export type Sources = z.infer<typeof sourcesSchema>;

export type MethodologyVersion = VersionData & {
  hash: string;
  dir: string;
  text: { ru: string; en: string };
  sources: Sources;
};

export type Problem = { file: string; rule?: string; field: string; message: string };

export class MethodologyError extends AppError {
  constructor(readonly problems: Problem[]) {
    super('VALIDATION', problems.map(formatProblem).join('; '), problems);
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.rule ? `rule ${p.rule}: ` : ''}${p.field}: ${p.message}`;
}

/** Versions shipped as folders under the root, and (for the default root) those published in the database. */
export function listVersionIds(root = METHODOLOGY_ROOT): string[] {
  const onDisk = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, 'version.yaml')))
    .map((e) => e.name);
  const extra = root === METHODOLOGY_ROOT ? [...stored.keys()].filter((id) => !onDisk.includes(id)) : [];
  return [...onDisk, ...extra].sort();
}

/**
 * Versions a methodologist published through the workshop (stored in the database, not on disk). The process
 * that serves or audits registers them on start and on publishing; from then on they read like shipped ones.
 */
const stored = new Map<string, MethodologyVersion>();

export function registerVersion(v: MethodologyVersion): void {
  if (fs.existsSync(path.join(METHODOLOGY_ROOT, v.id, 'version.yaml')))
    throw new AppError('CONFLICT', `methodology ${v.id} is shipped on disk; choose another id`);
  stored.set(v.id, v);
  shipped.delete(v.id);
}

/** The sources every version shares (methodology/sources.yaml). */
export function sharedSources(root = METHODOLOGY_ROOT): Sources {
  const file = path.join(root, 'sources.yaml');
  return fs.existsSync(file) ? sourcesSchema.parse(readYaml(file)) : {};
}

function readYaml(file: string): unknown {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  const [error] = doc.errors;
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new MethodologyError([
      { file, field: line ? `line ${line}` : 'yaml', message: error.message.split('\n')[0] ?? '' },
    ]);
  }
  return doc.toJS();
}

const shipped = new Map<string, MethodologyVersion>();

/**
 * A version shipped under the methodology root, by id, loaded once per process: versions on disk change only
 * with a deployment. For reads on request paths (the API, plans, certificates); tools that load a folder of
 * their own use loadVersion.
 */
export function shippedVersion(id: string): MethodologyVersion {
  const fromDb = stored.get(id);
  if (fromDb) return fromDb;
  let found = shipped.get(id);
  if (!found) {
    if (!listVersionIds().includes(id)) throw new AppError('NOT_FOUND', `no methodology version ${id}`);
    found = loadVersion(id);
    shipped.set(id, found);
  }
  return found;
}

/** Loads a version by id (a folder under the root) or by the path of its folder. */
export function loadVersion(idOrDir: string, root = METHODOLOGY_ROOT): MethodologyVersion {
  const fromDb = root === METHODOLOGY_ROOT ? stored.get(idOrDir) : undefined;
  if (fromDb) return fromDb;
  const dir = fs.existsSync(path.join(idOrDir, 'version.yaml')) ? idOrDir : path.join(root, idOrDir);
  const file = path.join(dir, 'version.yaml');
  if (!fs.existsSync(file))
    throw new AppError(
      'NOT_FOUND',
      `no methodology version at ${dir} (known: ${listVersionIds(root).join(', ')})`,
    );
  const raw = readYaml(file);
  const sourcesFile = path.join(path.dirname(dir), 'sources.yaml');
  const sources = fs.existsSync(sourcesFile) ? sourcesSchema.parse(readYaml(sourcesFile)) : {};
  const texts = { ru: readText(dir, 'ru'), en: readText(dir, 'en') };
  const checked = checkVersion(file, raw, sources);
  if (!checked.ok) throw new MethodologyError(checked.problems);
  return withHash(checked.data, texts, sources, dir);
}

/**
 * Every problem of a version's content (schema, references, lint), each naming the place; the workshop runs it
 * on every change a methodologist makes, the loader on every file.
 */
export function checkVersion(
  file: string,
  raw: unknown,
  sources: Sources,
): { ok: true; data: VersionData } | { ok: false; problems: Problem[] } {
  const parsed = versionSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((issue) => zodProblem(file, raw, issue)) };
  const problems = crossCheck(file, parsed.data, sources);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: parsed.data };
}

/** A checked version with its content hash: the same content hashes the same, on disk or in the database. */
export function withHash(
  data: VersionData,
  texts: { ru: string; en: string },
  sources: Sources,
  dir: string,
): MethodologyVersion {
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify({ version: data, texts, sources }))
    .digest('hex');
  return { ...data, hash, dir, text: texts, sources };
}

function readText(dir: string, lang: 'ru' | 'en'): string {
  const file = path.join(dir, `text.${lang}.md`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

function zodProblem(file: string, raw: unknown, issue: z.core.$ZodIssue): Problem {
  const [top, index, ...rest] = issue.path;
  if (top === 'rules' && typeof index === 'number') {
    const rules = (raw as { rules?: { id?: string }[] }).rules;
    const id = rules?.[index]?.id ?? `#${index + 1}`;
    return { file, rule: id, field: rest.join('.') || '(rule)', message: issue.message };
  }
  return { file, field: issue.path.join('.') || '(root)', message: issue.message };
}

/** What the schema cannot see: references between parts of the file and to the rule implementations. */
function crossCheck(file: string, v: VersionData, sources: Sources): Problem[] {
  const problems: Problem[] = [];
  const categories = new Set(v.categories.map((c) => c.id));
  const ruleIds = new Set<string>();
  for (const rule of v.rules) {
    const at = (field: string, message: string) => problems.push({ file, rule: rule.id, field, message });
    if (ruleIds.has(rule.id)) at('id', 'appears twice');
    ruleIds.add(rule.id);
    if (!categories.has(rule.category)) at('category', `unknown category "${rule.category}"`);
    for (const s of rule.source) if (!(s in sources)) at('source', `unknown source "${s}"`);
    if (rule.ideas && !(rule.ideas in v.ideas)) at('ideas', `no ideas named "${rule.ideas}"`);
    const implementation = implementations.get(rule.id);
    if (!implementation) {
      at('id', 'no rule implementation with this id');
      continue;
    }
    const params = implementation.params.safeParse(rule.params);
    if (!params.success)
      for (const issue of params.error.issues)
        at(`params.${issue.path.join('.')}`.replace(/\.$/, ''), issue.message);
  }
  for (const category of v.categories)
    if (!v.rules.some((r) => r.category === category.id))
      problems.push({ file, field: `categories.${category.id}`, message: 'has no rules' });
  v.levels.forEach((level, i) => {
    for (const c of level.when.flatMap((w): Condition[] => ('any' in w ? w.any : [w]))) {
      const refs = 'rule' in c ? [c.rule] : 'countOf' in c ? c.countOf.rules : [];
      for (const ref of refs)
        if (!ruleIds.has(ref))
          problems.push({ file, field: `levels.${i}.when`, message: `unknown rule "${ref}"` });
      if ('category' in c && !categories.has(c.category))
        problems.push({ file, field: `levels.${i}.when`, message: `unknown category "${c.category}"` });
    }
  });
  if (problems.length === 0) problems.push(...lintRules(file, v));
  if (v.levels.at(-1)?.when.length !== 0)
    problems.push({
      file,
      field: 'levels',
      message: 'the last level must have no conditions (it catches every page)',
    });
  return problems;
}

/** The national version: every region is judged by it unless its admin chose another. */
export const NATIONAL_VERSION = '2023.1';
