import type { DiffusionColumns, DiffusionTable } from './hardening.ts';

/*
 * The diffused field filter of a value summed token by token. Diffusion is linear over XOR, so the
 * diffused filter is the XOR of the images of its set bits. Each token's image (the XOR of the
 * images of its positions) is computed once, when its positions are: a value then costs one word
 * XOR per image word and token, where diffusing the filter walked every set bit (~200 of an
 * e-mail's 512) through a table. XORing tokens counts a bit set by an even number of them zero
 * times where the filter's OR counts it once: those bits, few, have their image added back.
 */

/** XORs the image of input bit `bit` into out[at...]. */
function addColumn(table: DiffusionTable, bit: number, out: Int32Array, at: number): void {
  const { offsets, targetWord, targetMask } = table;
  for (let p = offsets[bit], end = offsets[bit + 1]; p < end; p++) out[at + targetWord[p]] ^= targetMask[p];
}

/** The images of a token table's tokens, by the token's index (its pool offset / stride). */
export class TokenImages {
  pool: Int32Array;

  constructor(private readonly columns: DiffusionColumns) {
    this.pool = new Int32Array(64 * columns.words);
  }

  /** Computes the image of the token at `index` from its `k` positions at positions[at...]. */
  fill(index: number, positions: Uint16Array, at: number, k: number): void {
    const words = this.columns.words;
    const start = index * words;
    if (start + words > this.pool.length) {
      const grown = new Int32Array(Math.max(2 * this.pool.length, start + words));
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool.fill(0, start, start + words);
    const table = this.columns.table();
    for (let i = 0; i < k; i++) addColumn(table, positions[at + i], this.pool, start);
  }
}

export class DiffusedSum {
  /** The filter's bits (OR of the tokens) and their parity (XOR), as words and as bytes. */
  private readonly bits: Int32Array;
  private readonly bitBytes: Uint8Array;
  private readonly parity: Int32Array;
  private readonly parityBytes: Uint8Array;
  private readonly image: Int32Array;
  /** The diffused filter, once finish() has run. */
  readonly bytes: Uint8Array;

  constructor(
    private readonly columns: DiffusionColumns,
    filterBits: number,
  ) {
    const words = columns.words;
    this.bits = new Int32Array(words);
    this.bitBytes = new Uint8Array(this.bits.buffer);
    this.parity = new Int32Array(words);
    this.parityBytes = new Uint8Array(this.parity.buffer);
    this.image = new Int32Array(words);
    this.bytes = new Uint8Array(this.image.buffer, 0, filterBits >>> 3);
  }

  /** Adds the token whose k positions are positions[at...] and whose image is images.pool at index. */
  addToken(positions: Uint16Array, at: number, k: number, images: TokenImages, index: number): void {
    for (let i = at, end = at + k; i < end; i++) this.setBit(positions[i]);
    const image = this.image;
    const pool = images.pool;
    for (let x = 0, from = index * image.length; x < image.length; x++) image[x] ^= pool[from + x];
  }

  /** Adds a token known only by its positions (one the token tables cannot hold). */
  addPositions(positions: Uint16Array): void {
    const table = this.columns.table();
    for (let i = 0; i < positions.length; i++) {
      this.setBit(positions[i]);
      addColumn(table, positions[i], this.image, 0);
    }
  }

  /** Marks position p set (OR) and flips its parity (XOR). */
  private setBit(p: number): void {
    const mask = 1 << (p & 7);
    this.bitBytes[p >>> 3] |= mask;
    this.parityBytes[p >>> 3] ^= mask;
  }

  /** Adds back the bits set an even number of times; `bytes` then holds the diffused filter. */
  finish(): void {
    const table = this.columns.table();
    for (let w = 0; w < this.bits.length; w++) {
      let even = this.bits[w] & ~this.parity[w];
      while (even !== 0) {
        const low = even & -even;
        even ^= low;
        addColumn(table, (w << 5) + (31 - Math.clz32(low)), this.image, 0);
      }
    }
  }

  /** Ready for the next value. */
  clear(): void {
    this.bits.fill(0);
    this.parity.fill(0);
    this.image.fill(0);
  }
}
