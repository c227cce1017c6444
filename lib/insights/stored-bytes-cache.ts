// The stored days' packed bytes (insights_day.articles, insights_decision_day.latency), kept in the
// process by row version: a stored past day changes only when the rollup job stores it again, yet
// every load of the page read all of its range's bytes (at 10M comments 2.7 MB of per-article
// entries for the default 30 days, about 45 ms to detoast and ship on every load). The read names
// the versions it holds and gets NULL for those (read-day-summaries.ts), so a load ships only the
// days stored since it last saw them. A version is the row's xmin and refreshedAt: a new row version
// is written by another transaction, so its xmin differs (refreshedAt guards against xid
// wraparound). Bounded: least recently used days go first.

export interface CachedBytes {
  version: string;
  bytes: Uint8Array;
}

export class StoredBytesCache {
  private readonly entries = new Map<string, CachedBytes>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  /** The days held of `kind` (keys `kind:YYYY-MM-DD`) from `from` to `to`, with their versions, for the read to skip. */
  held(kind: string, from: string, to: string): { days: string[]; versions: string[] } {
    const held = { days: [] as string[], versions: [] as string[] };
    for (const [key, entry] of this.entries) {
      const [keyKind, day] = key.split(":");
      if (keyKind !== kind || day! < from || day! > to) continue;
      held.days.push(day!);
      held.versions.push(entry.version);
    }
    return held;
  }

  /** The bytes of `key` at `version`, or undefined (not held, or held at another version). */
  get(key: string, version: string): Uint8Array | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.bytes;
  }

  set(key: string, version: string, bytes: Uint8Array): void {
    this.delete(key);
    if (bytes.byteLength > this.maxBytes) return;
    this.entries.set(key, { version, bytes });
    this.total += bytes.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes.byteLength;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes.byteLength;
  }

  get size(): { days: number; bytes: number } {
    return { days: this.entries.size, bytes: this.total };
  }
}
