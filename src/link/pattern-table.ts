import type { ComparisonVectors } from './comparison-vectors.ts';
import { MISSING_LEVEL } from './comparison-levels.ts';

/**
 * Distinct comparison vectors with their (weighted) counts. EM then iterates over a few hundred
 * patterns instead of every pair; the result is the same.
 */
export interface PatternTable {
  width: number;
  size: number;
  /** size × width levels, MISSING_LEVEL where absent or excluded. */
  levels: Uint8Array;
  counts: Float64Array;
}

/** Rows of some comparison vectors (all when `rows` is absent), each counted `weight` times. */
export interface PatternSource {
  vectors: ComparisonVectors;
  rows?: Uint32Array;
  weight?: number;
}

export function patternTable(sources: readonly PatternSource[], levelCount: number, excluded: readonly boolean[] = []): PatternTable {
  const width = sources[0]?.vectors.fields.length ?? 0;
  const base = levelCount + 1;
  const byCode = new Map<number, number>();
  const patternLevels: number[] = [];
  const counts: number[] = [];
  for (const { vectors, rows, weight = 1 } of sources) {
    const total = rows ? rows.length : vectors.count;
    for (let i = 0; i < total; i++) {
      const row = rows ? rows[i] : i;
      let code = 0;
      for (let f = width - 1; f >= 0; f--) {
        const level = vectors.levels[row * width + f];
        code = code * base + (level === MISSING_LEVEL || excluded[f] ? 0 : level + 1);
      }
      let pattern = byCode.get(code);
      if (pattern === undefined) {
        pattern = counts.length;
        byCode.set(code, pattern);
        counts.push(0);
        for (let f = 0; f < width; f++) {
          const level = vectors.levels[row * width + f];
          patternLevels.push(level === MISSING_LEVEL || excluded[f] ? MISSING_LEVEL : level);
        }
      }
      counts[pattern] += weight;
    }
  }
  return { width, size: counts.length, levels: Uint8Array.from(patternLevels), counts: Float64Array.from(counts) };
}
