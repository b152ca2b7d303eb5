// A safe subset of VKScript for `execute`: `return API.x.y({...});` or `return [API.a.b({...}), …];` with up to
// 25 calls. A failed call gives `false` in the result array and an entry in `execute_errors`, as on VK.

import type { Params } from './methods.ts';
import { VkError } from './vk-error.ts';

export const MAX_EXECUTE_CALLS = 25;

export type ExecuteCall = { method: string; params: Params };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

function parseArgs(text: string): Params {
  if (text.trim() === '') return {};
  const json = text
    .replace(/'([^'\\]*)'/g, '"$1"')
    .replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new VkError(12, 'Unable to compile code: invalid arguments');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new VkError(12, 'Unable to compile code: arguments must be an object');
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
}

export function parseExecute(code: string | undefined): { calls: ExecuteCall[]; isArray: boolean } {
  if (!code)
    throw new VkError(100, 'One of the parameters specified was missing or invalid: code is undefined');
  const body = /^\s*return\s+([\s\S]+?);?\s*$/.exec(code)?.[1];
  if (!body) throw new VkError(12, 'Unable to compile code: expected "return …;"');
  const isArray = body.startsWith('[') && body.endsWith(']');
  const items = isArray ? splitTopLevel(body.slice(1, -1)) : [body];
  if (items.length > MAX_EXECUTE_CALLS)
    throw new VkError(13, 'Runtime error occurred during code invocation: Too many API calls');
  const calls = items.map((item) => {
    const m = /^API\.([a-z]+\.[a-zA-Z]+)\(([\s\S]*)\)$/.exec(item);
    if (!m?.[1]) throw new VkError(12, `Unable to compile code: unsupported expression ${item.slice(0, 40)}`);
    return { method: m[1], params: parseArgs(m[2] ?? '') };
  });
  return { calls, isArray };
}
