// The web app's texts exist in Russian and English alike: the same keys, and the same placeholders in each.
import { expect, it } from 'vitest';
import { cardMessages } from '../web/src/lib/messages.card.ts';
import { plannerMessages } from '../web/src/lib/messages.planner.ts';
import { queueMessages } from '../web/src/lib/messages.queue.ts';
import { trainingMessages } from '../web/src/lib/messages.training.ts';
import { messages } from '../web/src/lib/messages.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

it.each([
  ['messages', messages],
  ['trainingMessages', trainingMessages],
  ['plannerMessages', plannerMessages],
  ['cardMessages', cardMessages],
  ['queueMessages', queueMessages],
])('%s: every key and placeholder exists in both languages', (_name, catalog) => {
  const ru = flatten(catalog.ru as unknown as Tree);
  const en = flatten(catalog.en as unknown as Tree);
  expect([...ru.keys()].sort()).toEqual([...en.keys()].sort());
  for (const [key, text] of ru) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  // Single braces are not i18next's placeholders: they would be shown as they are.
  for (const [key, text] of [...ru, ...en]) expect(text, key).not.toMatch(/(^|[^{])\{\w+\}(?!\})/);
});

it('the catalogs do not overwrite each other’s screens', () => {
  const keys = [messages, trainingMessages, plannerMessages, cardMessages, queueMessages].flatMap((c) =>
    Object.keys(c.ru),
  );
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
});
