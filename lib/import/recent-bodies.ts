/**
 * The bodies of the last comments read, by key, so a reply that follows its parent closely is
 * flagged with the parent's text (off-topic replies). Bounded on purpose: a million-comment file
 * must not keep a million bodies in memory.
 *
 * The oldest key is remembered in a ring rather than found with `map.keys().next()`: V8 leaves a
 * deleted Map entry as a hole until the table is rebuilt, so reading the first key of a map used as
 * a queue walks every hole left by earlier evictions. That walk cost 8 CPU seconds per million
 * comments of an import, more than parsing them (docs/loading.md, "Speed").
 */
export class RecentBodies {
  private readonly bodies = new Map<string, string>();
  private readonly order: (string | undefined)[];
  private next = 0;

  constructor(private readonly capacity = 20_000) {
    this.order = new Array<string | undefined>(capacity);
  }

  get(key: string): string | undefined {
    return this.bodies.get(key);
  }

  /** Keeps `body` under `key`; a key seen again keeps its place, as in a Map's insertion order. */
  remember(key: string, body: string): void {
    // One lookup, not has() then set(): a key seen again leaves the size as it was.
    const size = this.bodies.size;
    this.bodies.set(key, body);
    if (this.bodies.size === size) return;
    const evicted = this.order[this.next];
    if (evicted !== undefined) this.bodies.delete(evicted);
    this.order[this.next] = key;
    this.next = (this.next + 1) % this.capacity;
  }

  get size(): number {
    return this.bodies.size;
  }
}
