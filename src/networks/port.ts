// What a network declares to Publica: its methods (with the token kinds each accepts and where that knowledge
// comes from), its token kinds, its limits, whether the law requires a page there, how its addresses are
// written, and parsers of its answers into the common model. VK, OK and MAX each give one; Telegram would be
// one more adapter.
import type { PageRef, UrlResult } from '../registry/index.ts';
import type { NetComment, NetPage, NetPost, NetworkId } from './model.ts';

/** `docs`: read in the network's public documentation; `modelled`: assumed (from client libraries or reports). */
export type Provenance = 'docs' | 'modelled';

export type NetMethod = {
  name: string;
  tokenKinds: readonly string[];
  rate: 'read' | 'write' | 'upload';
  readOnly: boolean;
  from: Provenance;
  doc: string;
};

export type NetLimits = {
  /** Calls a second one token may make. */
  perSecond: number;
  /** Calls a day one token (or application) may make; null: no daily budget known. */
  perDay: number | null;
  from: Provenance;
  note: string;
};

/** How an address reads; the registry parses addresses, and every port uses its parsers. */
export type { PageRef, UrlResult };

export type NetworkPort = {
  id: NetworkId;
  title: { ru: string; en: string };
  /** Government order 2523-р: official pages on VK and OK are required; MAX is recommended. */
  presence: 'required' | 'recommended';
  tokenKinds: readonly { kind: string; doc: string }[];
  limits: NetLimits;
  methods: readonly NetMethod[];
  parseUrl(input: string): UrlResult;
  parsePage(raw: unknown): NetPage;
  parsePosts(raw: unknown): NetPost[];
  parseComments(raw: unknown, postId: string): NetComment[];
};

export function methodOf(port: NetworkPort, name: string): NetMethod | undefined {
  return port.methods.find((m) => m.name === name);
}
