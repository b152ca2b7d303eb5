// Tokens the simulator accepts, with VK's rules: what each kind may call, requests per second (error 6) and
// daily quotas per method (error 29). Counters live in memory for the simulator's lifetime.
import { isVkIdToken, methodRow, type TokenKind, vkIdRefuses } from '../../vk/index.ts';
import { vkErrors } from './vk-error.ts';

export type { TokenKind };

export type TokenSpec = {
  token: string;
  kind: TokenKind;
  /** The community a community token acts for. */
  groupId?: number;
  perSecond?: number;
  /** Calls a day per method; default VK's wall.get budget for every wall method. */
  dailyQuota?: Record<string, number>;
  revoked?: boolean;
  /** A token of the newer VK ID kind (also recognised by its `vk2.a.` prefix). */
  vkId?: boolean;
};

export const DEFAULT_PER_SECOND: Record<TokenKind, number> = { user: 3, community: 20, service: 20 };
export const DEFAULT_DAILY: Record<string, number> = {
  'wall.get': 5000,
};

/** VK's refusal of a token kind the method does not allow: 27 for a community, 28 for a service token. */
export function refuseKind(spec: TokenSpec, method: string): void {
  const row = methodRow(method);
  if (!row) throw vkErrors.unknownMethod();
  if (!row.tokenKinds.includes(spec.kind)) {
    if (spec.kind === 'community') throw vkErrors.groupAuth();
    if (spec.kind === 'service') throw vkErrors.appAuth();
    // A user token on a method only communities may call: VK answers access denied.
    throw vkErrors.accessDenied('no access to call this method');
  }
  if (spec.kind === 'user' && (spec.vkId || isVkIdToken(spec.token)) && vkIdRefuses(method))
    throw vkErrors.profileType();
}

export class TokenBook {
  private readonly tokens = new Map<string, TokenSpec>();
  private readonly recent = new Map<string, number[]>();
  private readonly daily = new Map<string, number>();
  readonly calls = new Map<string, number>();
  /** Requests refused for going over the token's requests per second (not injected faults): the client's fault. */
  readonly tooFast = new Map<string, number>();
  /** Daily-quota refusals (error 29) per token. */
  readonly overQuota = new Map<string, number>();

  constructor(
    specs: TokenSpec[],
    private readonly now: () => number = Date.now,
  ) {
    for (const spec of specs) this.tokens.set(spec.token, spec);
  }

  get(token: string | undefined): TokenSpec {
    if (!token) throw vkErrors.auth('no access_token passed.');
    const spec = this.tokens.get(token);
    if (!spec || spec.revoked) throw vkErrors.auth();
    return spec;
  }

  revoke(token: string): void {
    const spec = this.tokens.get(token);
    if (spec) spec.revoked = true;
  }

  /** Makes a revoked token valid again (a test's simulator outlives the test). */
  restore(token: string): void {
    const spec = this.tokens.get(token);
    if (spec) spec.revoked = false;
  }

  /** One HTTP request: the per-second window (execute counts once, as on VK). */
  admitRequest(spec: TokenSpec): void {
    const limit = spec.perSecond ?? DEFAULT_PER_SECOND[spec.kind];
    const now = this.now();
    const window = (this.recent.get(spec.token) ?? []).filter((t) => now - t < 1000);
    if (window.length >= limit) {
      this.recent.set(spec.token, window);
      this.tooFast.set(spec.token, (this.tooFast.get(spec.token) ?? 0) + 1);
      throw vkErrors.tooManyPerSecond();
    }
    window.push(now);
    this.recent.set(spec.token, window);
  }

  /** One method call (also each call inside execute): the token kind's rules and the daily quota. */
  admitCall(spec: TokenSpec, method: string): void {
    refuseKind(spec, method);
    const quota = spec.dailyQuota?.[method] ?? DEFAULT_DAILY[method];
    const day = Math.floor(this.now() / 86_400_000);
    const key = `${spec.token}|${method}|${day}`;
    const used = this.daily.get(key) ?? 0;
    if (quota !== undefined && used >= quota) {
      this.overQuota.set(spec.token, (this.overQuota.get(spec.token) ?? 0) + 1);
      throw vkErrors.quota();
    }
    this.daily.set(key, used + 1);
    const statKey = `${spec.token}|${method}`;
    this.calls.set(statKey, (this.calls.get(statKey) ?? 0) + 1);
  }
}
