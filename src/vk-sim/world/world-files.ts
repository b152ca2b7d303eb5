// A world on disk: world.json (parameters and counts), institutions.ndjson, communities.ndjson, and the
// registry.csv a regional centre would send (UTF-8 with BOM, semicolons: as Excel in a Russian locale saves).
import fs from 'node:fs';
import path from 'node:path';
import { csvLine } from '../../platform/csv.ts';
import { AppError } from '../../platform/errors.ts';
import { REGISTRY_FIELDS } from '../../registry/index.ts';
import type { GeneratedWorld } from './generate-world.ts';
import {
  WORLD_FORMAT,
  type WorldCommunity,
  type WorldInstitution,
  type WorldMeta,
  type WorldSeminar,
} from './world.types.ts';

export const WORLD_FILES = {
  meta: 'world.json',
  institutions: 'institutions.ndjson',
  communities: 'communities.ndjson',
  registry: 'registry.csv',
  seminars: 'seminars.json',
} as const;

/** The registry's OK and MAX addresses by INN, when the world has OK groups and MAX channels (src/net-sim). */
export type WorldNetUrls = { ok: Map<string, string>; max: Map<string, string> };

export function writeWorld(dir: string, world: GeneratedWorld, net?: WorldNetUrls): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, WORLD_FILES.meta), `${JSON.stringify(world.meta, null, 2)}\n`);
  writeLines(path.join(dir, WORLD_FILES.institutions), world.institutions, (i) => JSON.stringify(i));
  writeLines(path.join(dir, WORLD_FILES.communities), world.communities, (c) => JSON.stringify(c));
  fs.writeFileSync(path.join(dir, WORLD_FILES.seminars), `${JSON.stringify(world.seminars)}\n`);
  const urlByInn = new Map(world.communities.map((c) => [c.inn, c.registry_url]));
  const lines = world.institutions.map((i) =>
    csvLine(
      [
        i.inn,
        i.ogrn,
        i.full_name,
        i.short_name,
        i.kind,
        i.region_code,
        i.municipality,
        i.address,
        i.website,
        urlByInn.get(i.inn) ?? '',
        net?.ok.get(i.inn) ?? '',
        net?.max.get(i.inn) ?? '',
      ],
      ';',
    ),
  );
  fs.writeFileSync(
    path.join(dir, WORLD_FILES.registry),
    `\uFEFF${csvLine([...REGISTRY_FIELDS], ';')}\r\n${lines.join('\r\n')}\r\n`,
  );
}

function writeLines<T>(file: string, items: T[], format: (item: T) => string): void {
  const fd = fs.openSync(file, 'w');
  try {
    const batch: string[] = [];
    for (const item of items) {
      batch.push(format(item));
      if (batch.length === 5000) {
        fs.writeSync(fd, `${batch.join('\n')}\n`);
        batch.length = 0;
      }
    }
    if (batch.length > 0) fs.writeSync(fd, `${batch.join('\n')}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

export type LoadedWorld = {
  dir: string;
  meta: WorldMeta;
  institutions: WorldInstitution[];
  communities: WorldCommunity[];
  seminars: WorldSeminar[];
};

export function readWorld(dir: string): LoadedWorld {
  const metaFile = path.join(dir, WORLD_FILES.meta);
  if (!fs.existsSync(metaFile))
    throw new AppError('NOT_FOUND', `${metaFile}: no world here (run publica world generate)`);
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as WorldMeta;
  if (meta.format !== WORLD_FORMAT)
    throw new AppError(
      'INVALID_INPUT_FILE',
      `${metaFile}: world format ${meta.format}, expected ${WORLD_FORMAT}`,
    );
  return {
    dir,
    meta,
    institutions: readLines<WorldInstitution>(path.join(dir, WORLD_FILES.institutions)),
    communities: readLines<WorldCommunity>(path.join(dir, WORLD_FILES.communities)),
    // Worlds written before seminars were part of the story have none.
    seminars: fs.existsSync(path.join(dir, WORLD_FILES.seminars))
      ? (JSON.parse(fs.readFileSync(path.join(dir, WORLD_FILES.seminars), 'utf8')) as WorldSeminar[])
      : [],
  };
}

function readLines<T>(file: string): T[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: T[] = [];
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new AppError('INVALID_INPUT_FILE', `${file}: line ${lineNo}: ${(error as Error).message}`);
    }
  }
  return out;
}
