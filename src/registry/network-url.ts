// The registry's OK and MAX address columns (ok_url, max_url), read by the parsers the networks' ports use; a problem
// names the network and the reason, for the import report.
import { parseMaxUrl } from './max-url.ts';
import { parseOkUrl } from './ok-url.ts';
import type { PageRef } from './page-ref.ts';
import type { RegistryMessageKey } from './registry.messages.ts';

export type NetworkPageRef = PageRef;

type Checked = NetworkPageRef | { problem: RegistryMessageKey };

export function checkOk(value: string): Checked {
  const r = parseOkUrl(value);
  return r.ok ? r.ref : { problem: `ok_${r.reason}` as RegistryMessageKey };
}

export function checkMax(value: string): Checked {
  const r = parseMaxUrl(value);
  return r.ok ? r.ref : { problem: `max_${r.reason}` as RegistryMessageKey };
}
