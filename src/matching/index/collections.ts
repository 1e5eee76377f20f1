/**
 * Small integer-keyed structures the index is built from and retrieval runs on: a top-k heap, a table of dense
 * slots and a counting-sort grouping. Generic (they know nothing of names) and typed-array backed, so the hot
 * loops of retrieval read them without allocating.
 */

/** Appends `value` to the list under `key`, unless it is already that list's last value (ids arrive in order). */
export function pushToGroup<K>(groups: Map<K, number[]>, key: K, value: number): void {
  const list = groups.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else {
    groups.set(key, [value]);
  }
}

/** Min-heap of (score, id) of fixed capacity: keeps the `capacity` highest scores offered. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  size = 0;
  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /**
   * Keeps (score, id) while fewer than `capacity` are kept, or when it beats the lowest score kept, which it then
   * evicts (a tie with it is turned away).
   */
  offer(score: number, id: number): void {
    if (this.size < this.capacity) {
      let i = this.size;
      this.size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.scores[parent] ?? 0) <= score) break;
        this.scores[i] = this.scores[parent] ?? 0;
        this.ids[i] = this.ids[parent] ?? 0;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return;
    }
    if (score <= (this.scores[0] ?? 0)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      let smallestScore = score;
      if (left < this.size && (this.scores[left] ?? 0) < smallestScore) {
        smallest = left;
        smallestScore = this.scores[left] ?? 0;
      }
      if (right < this.size && (this.scores[right] ?? 0) < smallestScore) {
        smallest = right;
      }
      if (smallest === i) break;
      this.scores[i] = this.scores[smallest] ?? 0;
      this.ids[i] = this.ids[smallest] ?? 0;
      i = smallest;
    }
    this.scores[i] = score;
    this.ids[i] = id;
  }

  /** The kept ids by descending score, ties by ascending `tieKey[id]` (by id without one); empties the heap. */
  drain(tieKey?: Int32Array): number[] {
    const order = Array.from({ length: this.size }, (_, index) => index);
    const key = (position: number): number => {
      const id = this.ids[position] ?? 0;
      return tieKey ? (tieKey[id] ?? 0) : id;
    };
    order.sort((a, b) => (this.scores[b] ?? 0) - (this.scores[a] ?? 0) || key(a) - key(b));
    const result = order.map((index) => this.ids[index] ?? 0);
    this.size = 0;
    return result;
  }
}

/** Open-addressing table size, in bits, before the first doubling: room for a typical query's list names. */
const INITIAL_TABLE_BITS = 12;

/**
 * Dense slots (1, 2, ...) for the non-negative integer keys one use touches, found by key through an
 * open-addressing hash table sized to the use (it doubles when half full), so it stays in cache however large the
 * key space. `clear()` empties it in time proportional to the slots handed out.
 */
export class SlotTable {
  /** Key of each slot (slot 0 unused). */
  readonly keyOfSlot: Int32Array;
  /** Slots handed out since the last `clear()`; they are 1 … count. */
  count = 0;
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  private mask: number;

  /** A table for at most `capacity` slots between clears. */
  constructor(capacity: number) {
    this.keyOfSlot = new Int32Array(capacity + 1);
    this.keys = new Int32Array(1 << INITIAL_TABLE_BITS).fill(-1);
    this.values = new Int32Array(1 << INITIAL_TABLE_BITS);
    this.shift = 32 - INITIAL_TABLE_BITS;
    this.mask = (1 << INITIAL_TABLE_BITS) - 1;
  }

  /** The slot of `key`, or 0 when it has none. */
  find(key: number): number {
    let position = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const stored = this.keys[position] as number;
      if (stored === key) return this.values[position] as number;
      if (stored === -1) return 0;
      position = (position + 1) & this.mask;
    }
  }

  /** Gives `key` (which has no slot) the next slot, and returns it. */
  add(key: number): number {
    this.count += 1;
    this.keyOfSlot[this.count] = key;
    if (this.count * 2 > this.keys.length) this.resize(this.keys.length * 2);
    else this.place(key, this.count);
    return this.count;
  }

  /** Forgets every slot. */
  clear(): void {
    for (let slot = 1; slot <= this.count; slot += 1) {
      let position = Math.imul(this.keyOfSlot[slot] as number, 0x9e3779b1) >>> this.shift;
      while (this.keys[position] !== -1) {
        this.keys[position] = -1;
        position = (position + 1) & this.mask;
      }
    }
    this.count = 0;
  }

  private place(key: number, slot: number): void {
    let position = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.keys[position] !== -1) position = (position + 1) & this.mask;
    this.keys[position] = key;
    this.values[position] = slot;
  }

  private resize(size: number): void {
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    for (let slot = 1; slot <= this.count; slot += 1) this.place(this.keyOfSlot[slot] as number, slot);
  }
}

/**
 * Groups entries by key (0 ≤ key < keyCount) in compressed rows (a counting sort): the entries of key k are
 * `order[start[k]]` … `order[start[k + 1] - 1]`, in the order given.
 */
export function groupByKey(keyCount: number, keys: ArrayLike<number>): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (let entry = 0; entry < keys.length; entry += 1) {
    const key = keys[entry] as number;
    start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let key = 0; key < keyCount; key += 1) start[key + 1] = (start[key + 1] as number) + (start[key] as number);
  const fill = start.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  for (let entry = 0; entry < keys.length; entry += 1) {
    const key = keys[entry] as number;
    order[fill[key] as number] = entry;
    fill[key] = (fill[key] as number) + 1;
  }
  return { start, order };
}
