// A small in-process cache bounded by entries and bytes, least recently used out first: what the response
// cache (src/platform/http/response-cache.ts) and the rendered-report cache (src/reports/report-cache.ts)
// keep. An entry too big for a fair share of the bytes is not kept at all.

export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  /** `largest`: the biggest single entry kept, in bytes (a quarter of `maxBytes` unless given). */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly largest = maxBytes / 4,
  ) {}

  /** The entry, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` (`bytes` long) under `key`, dropping the least recently used past the bounds. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.largest) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    while (this.entries.size > this.maxEntries || this.total > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.total };
  }
}
