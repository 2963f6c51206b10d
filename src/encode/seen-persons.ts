/** The 32-bit number of 8 hex digits at `start` (no substring or parseInt: this runs once per row). */
function hexWord(hex: string, start: number): number {
  let word = 0;
  for (let i = start; i < start + 8; i++) {
    const c = hex.charCodeAt(i);
    // '0'-'9' are 48-57, 'a'-'f' 97-102 and 'A'-'F' 65-70.
    word = (word << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return word >>> 0;
}

/** The 32-bit word at byte `at` of a pseudonym (big-endian, as its hex reads): SeenPersons keeps words 0 and 4. */
export function prefixWord(pseudonym: Uint8Array, at: number): number {
  return ((pseudonym[at] << 24) | (pseudonym[at + 1] << 16) | (pseudonym[at + 2] << 8) | pseudonym[at + 3]) >>> 0;
}

/**
 * The persons already encoded in a run, by the first 64 bits of their pseudonym, in an open-addressing
 * table of 32-bit pairs: 16 bytes per person at most, where a Set of pseudonym strings takes ~80.
 * A wage file has a row per person and quarter, so it meets each person many times. Among ten million
 * persons two 64-bit prefixes coincide with probability ~3e-6.
 */
export class SeenPersons {
  private high = new Uint32Array(1 << 12);
  private low = new Uint32Array(1 << 12);
  private used = new Uint8Array(1 << 12);
  size = 0;

  /** Records the pseudonym (hex, at least 16 characters); true when it was not seen before. */
  add(pseudonym: string): boolean {
    return this.addPrefix(hexWord(pseudonym, 0), hexWord(pseudonym, 8));
  }

  /** The same for a pseudonym given by its first 64 bits, as two 32-bit words (prefixWord at 0 and 4). */
  addPrefix(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    return this.insert(hi >>> 0, lo >>> 0);
  }

  private insert(hi: number, lo: number): boolean {
    const mask = this.used.length - 1;
    // The pseudonym is a keyed hash already, so its bits are a good slot index as they are.
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      if (!this.used[slot]) {
        this.used[slot] = 1;
        this.high[slot] = hi;
        this.low[slot] = lo;
        this.size++;
        return true;
      }
      if (this.high[slot] === hi && this.low[slot] === lo) return false;
    }
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Uint32Array(used.length * 2);
    this.low = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.insert(high[i], low[i]);
  }
}
