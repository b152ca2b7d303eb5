// VK's official API schema (../shared/vk-api-schema, API 5.199) as an Ajv validator for simulator responses.
// The schema marks required properties draft-03 style (`"required": true` on the property); they are moved
// into the parent's `required` list so a draft-07 validator enforces them. A definition that others extend
// through `allOf` (groups_group → groups_group_full) cannot also forbid additional properties, or every
// extension fails: such definitions are opened; every other `additionalProperties: false` stays.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { sharedPath } from './shared.ts';

export const SCHEMA_DIR = sharedPath('vk-api-schema');
const BASE = 'https://vk-api-schema.local/';

function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = normalise(v);
  const props = out.properties as Record<string, Record<string, unknown>> | undefined;
  if (props && typeof props === 'object') {
    const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
    for (const [name, prop] of Object.entries(props)) {
      if (prop && prop.required === true) required.add(name);
      if (prop && typeof prop.required === 'boolean') delete prop.required;
    }
    if (required.size > 0) out.required = [...required];
    else if (!Array.isArray(out.required)) delete out.required;
  } else if (typeof out.required === 'boolean') delete out.required;
  return out;
}

/** `section/file.json#/definitions/name` of every definition that appears as a part of an `allOf`. */
function allOfParts(node: unknown, section: string, file: string, out: Set<string>): void {
  if (Array.isArray(node)) for (const n of node) allOfParts(n, section, file, out);
  else if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    if (Array.isArray(obj.allOf))
      for (const part of obj.allOf as { $ref?: string }[]) {
        const ref = part.$ref;
        if (!ref) continue;
        const [target = '', pointer = ''] = ref.split('#');
        const resolved = target
          ? path.posix.normalize(path.posix.join(section, target))
          : `${section}/${file}`;
        out.add(`${resolved}#${pointer}`);
      }
    for (const v of Object.values(obj)) allOfParts(v, section, file, out);
  }
}

let ajv: Ajv | undefined;

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  ajv.addFormat('uri', /^\S+$/);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  const files: { section: string; file: string; schema: Record<string, unknown> }[] = [];
  for (const section of fs.readdirSync(SCHEMA_DIR, { withFileTypes: true })) {
    if (!section.isDirectory()) continue;
    for (const file of ['objects.json', 'responses.json', 'methods.json']) {
      const full = path.join(SCHEMA_DIR, section.name, file);
      if (!fs.existsSync(full)) continue;
      files.push({
        section: section.name,
        file,
        schema: normalise(JSON.parse(fs.readFileSync(full, 'utf8'))) as Record<string, unknown>,
      });
    }
  }
  const extended = new Set<string>();
  for (const f of files) allOfParts(f.schema, f.section, f.file, extended);
  for (const f of files) {
    const definitions = (f.schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, def] of Object.entries(definitions))
      if (extended.has(`${f.section}/${f.file}#/definitions/${name}`) && def.additionalProperties === false)
        delete def.additionalProperties;
    ajv.addSchema({ ...f.schema, $id: `${BASE}${f.section}/${f.file}` });
  }
  for (const file of ['errors.json']) {
    const schema = normalise(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'))) as Record<
      string,
      unknown
    >;
    ajv.addSchema({ ...schema, $id: `${BASE}${file}` });
  }
  return ajv;
}

const cache = new Map<string, ValidateFunction>();

/** A validator for a definition, e.g. ("wall", "responses", "wall_get_response"). */
export function validatorFor(
  section: string,
  file: 'objects' | 'responses',
  definition: string,
): ValidateFunction {
  const ref = `${BASE}${section}/${file}.json#/definitions/${definition}`;
  let validate = cache.get(ref);
  if (!validate) {
    validate = instance().compile({ $ref: ref });
    cache.set(ref, validate);
  }
  return validate;
}
