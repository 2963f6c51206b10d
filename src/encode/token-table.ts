/** The one code a table cannot hold: it marks an empty slot. */
export const NO_CODE = 0xffffffff;

/** Small at first: a schema has fields a source never fills, and each field has two tables (~60 KB each at 2^11 slots). */
const FIRST_SLOTS = 1 << 6;

/**
 * The bit positions of a field's tokens, keyed by token code (two UTF-16 code units, or position and
 * code unit): an open-addressing table over typed arrays, with every token's positions side by side
 * in one pool. A `Map` from code to a small array per token cost a hash-table walk and a pointer
 * chase per token, and a bigram-heavy field (e-mail) looks up ~25 tokens per value.
 */
export class TokenPositionTable {
  /** Positions of each token, `stride` apart; `offsetOf` says where a token's begin. */
  pool: Uint16Array;
  private codes: Uint32Array;
  private offsets: Int32Array;
  private count = 0;

  /** `fill` writes the `stride` positions of a code at pool[offset...] on a miss. */
  constructor(
    private readonly stride: number,
    private readonly limit: number,
    private readonly fill: (code: number, pool: Uint16Array, offset: number) => void,
  ) {
    this.codes = new Uint32Array(FIRST_SLOTS).fill(NO_CODE);
    this.offsets = new Int32Array(FIRST_SLOTS);
    this.pool = new Uint16Array((FIRST_SLOTS / 2) * stride);
  }

  /** Where the positions of `code` (below NO_CODE) start in `pool`; computes them on the first call. */
  offsetOf(code: number): number {
    const codes = this.codes;
    const mask = codes.length - 1;
    let slot = Math.imul(code, 0x9e3779b1) >>> 0;
    for (slot &= mask; ; slot = (slot + 1) & mask) {
      const held = codes[slot];
      if (held === code) return this.offsets[slot];
      if (held === NO_CODE) return this.insert(code);
    }
  }

  private insert(code: number): number {
    if (this.count >= this.limit) this.clear();
    else if ((this.count + 1) * 2 > this.codes.length) this.grow();
    const offset = this.count * this.stride;
    this.fill(code, this.pool, offset);
    this.place(code, offset);
    this.count++;
    return offset;
  }

  private place(code: number, offset: number): void {
    const mask = this.codes.length - 1;
    let slot = (Math.imul(code, 0x9e3779b1) >>> 0) & mask;
    while (this.codes[slot] !== NO_CODE) slot = (slot + 1) & mask;
    this.codes[slot] = code;
    this.offsets[slot] = offset;
  }

  private grow(): void {
    const { codes, offsets } = this;
    this.codes = new Uint32Array(codes.length * 2).fill(NO_CODE);
    this.offsets = new Int32Array(codes.length * 2);
    const pool = new Uint16Array(codes.length * this.stride);
    pool.set(this.pool);
    this.pool = pool;
    for (let i = 0; i < codes.length; i++) if (codes[i] !== NO_CODE) this.place(codes[i], offsets[i]);
  }

  // Clearing rather than evicting one by one: a full table means the field has many distinct tokens anyway.
  private clear(): void {
    this.codes.fill(NO_CODE);
    this.count = 0;
  }
}
