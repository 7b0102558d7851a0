/**
 * A small in-process cache of values that are expensive to build and change rarely, each kept
 * under a key with the version it was built for. A reader asks with the version it has just
 * read from the database; a different version is a miss, so a stale value is never served.
 * This keeps the servers free of state (D8): every answer is checked against the database, and
 * any server answers any request the same way, cache or not.
 *
 * Readers that ask for the same key and version while it is being built share the one build.
 * A failed build is forgotten. The least recently used keys go first beyond `capacity`.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: Promise<V> }>();

  constructor(private readonly capacity: number) {}

  /** The value of `key` at `version`: the cached one, or the one `build` makes (and the cache keeps). */
  get(key: string, version: string, build: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    // Re-inserted on every use: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.delete(key);
    if (cached && cached.version === version) {
      this.entries.set(key, cached);
      return cached.value;
    }
    const entry = { version, value: build() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }

  /** How many keys are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
