// Small factories for test data: valid tax ids and registry files in the shapes people send.
import fs from 'node:fs';
import path from 'node:path';
import { completeInn10, completeOgrn13, REGISTRY_FIELDS } from '../src/registry/index.ts';
import {
  buildVkSim,
  type GeneratedWorld,
  readWorld,
  type TokenSpec,
  type VkSim,
  writeWorld,
} from '../src/vk-sim/index.ts';
import { tempDir } from './db.ts';

export function innFor(n: number, region = '77'): string {
  return completeInn10(`${region}${String(n).padStart(7, '0')}`);
}

export function ogrnFor(n: number, region = '77'): string {
  return completeOgrn13(`102${region}${String(n).padStart(7, '0')}`);
}

export type RegistryLine = Partial<Record<string, string>>;

export function schoolLine(n: number, extra: RegistryLine = {}): RegistryLine {
  return {
    inn: innFor(n),
    ogrn: ogrnFor(n),
    full_name: `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${n}»`,
    short_name: `МБОУ СОШ № ${n}`,
    kind: 'school',
    region_code: '77',
    municipality: 'г. Москва',
    address: `г. Москва, ул. Школьная, д. ${n}`,
    website: `school${n}.ru`,
    vk_url: `https://vk.com/club${1000 + n}`,
    ...extra,
  };
}

const HEADER: readonly string[] = REGISTRY_FIELDS;

export function csvText(lines: RegistryLine[], delimiter = ',', header: readonly string[] = HEADER): string {
  const quote = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const fields = header === HEADER ? HEADER : header;
  const rows = lines.map((line) => HEADER.map((f) => quote(line[f] ?? '')).join(delimiter));
  return `${fields.join(delimiter)}\r\n${rows.join('\r\n')}\r\n`;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Windows-1251 for Cyrillic and ASCII (Node has no encoder for it); `fallback` stands for other characters. */
export function encodeCp1251(text: string, fallback?: number): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (ch === 'ё') bytes.push(0xb8);
    else if (ch === 'Ё') bytes.push(0xa8);
    else if (ch === '«') bytes.push(0xab);
    else if (ch === '»') bytes.push(0xbb);
    else if (ch === '№') bytes.push(0xb9);
    else if (fallback !== undefined) bytes.push(fallback);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return Buffer.from(bytes);
}

/** Schools numbered from 1 in one region, as the OK/MAX world generator takes institutions. */
export function schoolInstitutions(n: number, region = '77') {
  return Array.from({ length: n }, (_, i) => ({
    inn: innFor(i + 1, region),
    short_name: `Школа № ${i + 1}`,
    region_code: region,
  }));
}

/** A clock that the simulators and clients share, moved only by their waits (and a test's): nothing really sleeps. */
export function virtualClock(startMs: number) {
  let t = startMs;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

/**
 * A generated world on disk and the simulated VK serving it on loopback, with a community token for each of
 * `groups` (default: every community of the world) and any `extra` tokens. The caller closes `sim.app`.
 */
export async function worldOnVkSim(
  world: GeneratedWorld,
  options: { groups?: number[]; extra?: TokenSpec[] } = {},
): Promise<{ dir: string; sim: VkSim; vkUrl: string }> {
  const dir = tempDir();
  writeWorld(dir, world);
  const groups = options.groups ?? world.communities.map((c) => c.id);
  const sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [
      ...(options.extra ?? []),
      ...groups.map((id) => ({ token: `community-${id}`, kind: 'community' as const, groupId: id })),
    ],
  });
  const vkUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
  return { dir, sim, vkUrl };
}
