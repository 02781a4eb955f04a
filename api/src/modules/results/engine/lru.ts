/**
 * A map that keeps at most `capacity` entries and forgets the one used least
 * recently when a new one would exceed it. Map keeps insertion order, so
 * reading an entry moves it to the end and the first key is the oldest.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be ≥ 1: ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry, marked as used just now. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The entry, leaving its place in the order as it is. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Sets the entry as used just now; returns the entries evicted to make room. */
  set(key: K, value: V): Array<[K, V]> {
    this.entries.delete(key);
    this.entries.set(key, value);
    const evicted: Array<[K, V]> = [];
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      evicted.push([oldest, this.entries.get(oldest)!]);
      this.entries.delete(oldest);
    }
    return evicted;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }
}
