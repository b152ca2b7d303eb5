// Sign-in throttling without lockouts, kept in memory per process. Only failures count (a school behind one NAT
// signing in all morning is never slowed), per address and per account. A login — known or not, alike — that
// keeps failing from one address waits a doubling delay before its next try there; nobody else is affected, so
// failing on purpose cannot lock the owner out. Many failures of one account from anywhere make every address
// start its delays at its first failure, which slows a distributed guesser without blocking a clean address.
export type ThrottlePolicy = {
  /** Failures of one login from one address before delays start. */
  freeFailures: number;
  /** The first delay; each further failure doubles it, up to the maximum. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures of any login from one address per window before the address waits out the window. */
  failuresPerAddress: number;
  /** Failures of one login from all addresses per window after which delays start at the first failure. */
  failuresPerAccount: number;
  windowSeconds: number;
};

type Pair = { failures: number; lastAt: number };

/** Counters kept at most; beyond this the oldest go (an attacker spraying addresses cannot grow memory). */
const MAX_KEYS = 50_000;

export class SignInThrottle {
  private readonly pairs = new Map<string, Pair>();
  private readonly addresses = new Map<string, number[]>();
  private readonly accounts = new Map<string, number[]>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Seconds this login must still wait from this address (0: it may try now). */
  waitSeconds(login: string, address: string, nowMs: number): number {
    const byAddress = recent(this.addresses, address, nowMs, this.windowMs);
    if (byAddress.length >= this.policy.failuresPerAddress) {
      const oldest = byAddress[0] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
    }
    const pair = this.pairs.get(pairKey(login, address));
    if (!pair) return 0;
    const until = pair.lastAt + this.delayAfter(login, pair.failures, nowMs) * 1000;
    return until > nowMs ? Math.ceil((until - nowMs) / 1000) : 0;
  }

  /** Records a failure; true when it is the one that starts this pair's delays (worth an audit entry). */
  failed(login: string, address: string, nowMs: number): boolean {
    push(this.addresses, address, nowMs, this.windowMs);
    push(this.accounts, login, nowMs, this.windowMs);
    const key = pairKey(login, address);
    const pair = this.pairs.get(key);
    const stale = pair && nowMs - pair.lastAt > Math.max(this.windowMs, this.policy.maxDelaySeconds * 1000);
    const failures = pair && !stale ? pair.failures + 1 : 1;
    this.pairs.delete(key);
    this.pairs.set(key, { failures, lastAt: nowMs });
    trim(this.pairs);
    return this.delayAfter(login, failures, nowMs) > 0 && this.delayAfter(login, failures - 1, nowMs) === 0;
  }

  /** A success ends this login's delays from this address (and counts for nothing). */
  succeeded(login: string, address: string): void {
    this.pairs.delete(pairKey(login, address));
  }

  private get windowMs(): number {
    return this.policy.windowSeconds * 1000;
  }

  private delayAfter(login: string, failures: number, nowMs: number): number {
    const underAttack =
      recent(this.accounts, login, nowMs, this.windowMs).length >= this.policy.failuresPerAccount;
    const free = underAttack ? 0 : this.policy.freeFailures;
    if (failures <= free) return 0;
    const doublings = Math.min(failures - free - 1, 30);
    return Math.min(this.policy.baseDelaySeconds * 2 ** doublings, this.policy.maxDelaySeconds);
  }
}

function pairKey(login: string, address: string): string {
  return `${login}\u0000${address}`;
}

function recent(map: Map<string, number[]>, key: string, nowMs: number, windowMs: number): number[] {
  return (map.get(key) ?? []).filter((t) => nowMs - t < windowMs);
}

function push(map: Map<string, number[]>, key: string, nowMs: number, windowMs: number): void {
  // Only the last few hundred failures matter to any limit; a flood of one key stays bounded too.
  const times = recent(map, key, nowMs, windowMs).slice(-500);
  times.push(nowMs);
  map.delete(key);
  map.set(key, times);
  trim(map);
}

function trim(map: Map<string, unknown>): void {
  while (map.size > MAX_KEYS) map.delete(map.keys().next().value as string);
}
