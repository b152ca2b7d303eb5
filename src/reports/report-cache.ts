// Rendered unit reports kept per process: a report is the same bytes until an audit finishes or the registry
// changes, and a region's PDF costs a second or more of Chromium, so the morning's second reader of a region
// gets the first one's file. Entries are keyed by unit, methodology version, period, language and format, and
// are valid only for the run they were made of and the audit and registry data versions they were made at
// (a new run of any unit bumps the audit version and so drops every entry). Identical requests in flight
// share one render. Bounded by entries and bytes, least recently used out first.
import { BoundedCache } from '../platform/bounded-cache.ts';
import type { Versions } from '../platform/db.ts';
import type { Lang } from '../platform/i18n.ts';
import type { ReportFormat } from './report-render.ts';
import type { RunRef } from './unit-report.service.ts';

export type CachedReport = { body: Buffer; fileName: string };

type Entry = CachedReport & { validity: string };

export class ReportCache {
  private readonly entries: BoundedCache<Entry>;
  private readonly inFlight = new Map<string, { validity: string; made: Promise<CachedReport> }>();
  readonly stats = { hits: 0, misses: 0 };

  constructor(maxEntries = 200, maxBytes = 64 * 2 ** 20) {
    this.entries = new BoundedCache(maxEntries, maxBytes);
  }

  /** unit | methodology version | period | language | format. */
  static key(unitKey: string, run: RunRef | null, lang: Lang, format: ReportFormat): string {
    const made = run ? `${run.version}|${run.periodStart}-${run.periodEnd}` : 'no-run';
    return `${unitKey}|${made}|${lang}|${format}`;
  }

  /** What an entry must have been made at to be served: the runs shown and the data versions under them. */
  static validity(runs: { run: RunRef | null; previous: RunRef | null }, versions: Versions): string {
    return `${runs.run?.id ?? '-'}|${runs.previous?.id ?? '-'}|audit:${versions.audit}|registry:${versions.registry}`;
  }

  /** The cached report, or `make`'s (shared with an identical request under way); `hit` says which. */
  async get(
    key: string,
    validity: string,
    make: () => Promise<CachedReport>,
  ): Promise<CachedReport & { hit: boolean }> {
    const entry = this.entries.get(key);
    if (entry && entry.validity === validity) {
      this.stats.hits++;
      return { body: entry.body, fileName: entry.fileName, hit: true };
    }
    const running = this.inFlight.get(key);
    if (running && running.validity === validity) {
      this.stats.hits++;
      return { ...(await running.made), hit: true };
    }
    this.stats.misses++;
    const made = make();
    this.inFlight.set(key, { validity, made });
    try {
      const report = await made;
      this.entries.set(key, { ...report, validity }, report.body.length);
      return { ...report, hit: false };
    } finally {
      if (this.inFlight.get(key)?.made === made) this.inFlight.delete(key);
    }
  }

  get size(): { entries: number; bytes: number } {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
