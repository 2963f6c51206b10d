import type { WageQuarter } from './outcome-person.ts';

/**
 * A bounded, deterministic sample of non-holders' wage histories for the matched comparison:
 * the `size` people whose key hashes lowest (bottom-k sampling). Rows of one person arrive
 * scattered through the wage extract; a person's hash never changes and the admission threshold
 * only falls, so every person kept has every one of their rows. Memory: about 2 x size people.
 */
export class ComparisonPool {
  private readonly members = new Map<string, { hash: number; wages: WageQuarter[] }>();
  private threshold = Infinity;

  constructor(private readonly size: number) {}

  add(key: string, wage: WageQuarter): void {
    let member = this.members.get(key);
    if (!member) {
      const hash = fnv1a(key);
      if (hash > this.threshold || this.size === 0) return;
      member = { hash, wages: [] };
      this.members.set(key, member);
      if (this.members.size > 2 * this.size) this.prune();
      if (!this.members.has(key)) return;
    }
    member.wages.push(wage);
  }

  private prune(): void {
    const hashes = [...this.members.values()].map((m) => m.hash).sort((a, b) => a - b);
    this.threshold = hashes[this.size - 1];
    for (const [key, m] of this.members) if (m.hash > this.threshold) this.members.delete(key);
  }

  /** The kept people's wage rows, in hash order (deterministic for the same inputs). */
  histories(): WageQuarter[][] {
    if (this.members.size > this.size) this.prune();
    return [...this.members.entries()]
      .sort(([ka, a], [kb, b]) => a.hash - b.hash || (ka < kb ? -1 : 1))
      .map(([, m]) => m.wages);
  }
}

/** FNV-1a, 32 bits: a fixed, cheap hash; the keys are already pseudonyms or cluster ids. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
