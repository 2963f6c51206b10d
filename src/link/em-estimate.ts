import { MISSING_LEVEL } from './comparison-levels.ts';
import type { PatternTable } from './pattern-table.ts';

export interface EmOptions {
  maxIterations: number;
  tolerance: number;
  /** Largest match share the sides allow (1 / the duplicate-free side's size); EM may not exceed it. */
  maxLambda?: number;
}

/**
 * EM runs over a few hundred patterns, so iterations are cheap. Within a blocking pass matches
 * dominate and, when one free field carries most of the evidence, EM crawls: such sessions took
 * 300 to 3,500 iterations on the synthetic world, so the former cap of 200 stopped them early.
 */
export const DEFAULT_EM: EmOptions = { maxIterations: 5000, tolerance: 1e-6 };

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
  /** Expected matches among the pairs where each field is present: how much evidence backs its m. */
  matchMass: number[];
}

/**
 * Half a pseudo-match per level (a Dirichlet prior): a level no training match happened to show
 * keeps a small m instead of 0, so one disagreeing field (a middle initial against a full middle
 * name, a moved ZIP) can lower a match weight but never veto the pair.
 */
const M_PSEUDO_COUNT = 0.5;

/**
 * Fellegi-Sunter EM with u held fixed: only m of the fields in `estimate` (and lambda when asked)
 * move. After each step m is made monotone: a higher level never has a lower m/u than a lower one.
 */
export function emEstimate(
  patterns: PatternTable,
  u: readonly number[][],
  mStart: readonly number[][],
  estimate: readonly boolean[],
  lambdaStart: number,
  estimateLambda: boolean,
  options: EmOptions = DEFAULT_EM,
): EmResult {
  const width = patterns.width;
  let m = mStart.map((row) => [...row]);
  let lambda = lambdaStart;
  let iterations = 0;
  let converged = false;
  const matchMass = new Array<number>(width).fill(0);
  while (iterations < options.maxIterations) {
    iterations += 1;
    const mNum = m.map((row) => new Array<number>(row.length).fill(0));
    matchMass.fill(0);
    let matchTotal = 0;
    let total = 0;
    for (let p = 0; p < patterns.size; p++) {
      let logRatio = Math.log(lambda) - Math.log(1 - lambda);
      for (let f = 0; f < width; f++) {
        const level = patterns.levels[p * width + f];
        if (level !== MISSING_LEVEL) logRatio += Math.log(m[f][level]) - Math.log(u[f][level]);
      }
      const gamma = 1 / (1 + Math.exp(-logRatio));
      const weight = patterns.counts[p] * gamma;
      matchTotal += weight;
      total += patterns.counts[p];
      for (let f = 0; f < width; f++) {
        const level = patterns.levels[p * width + f];
        if (level === MISSING_LEVEL) continue;
        mNum[f][level] += weight;
        matchMass[f] += weight;
      }
    }
    const next = m.map((row, f) => (estimate[f] && matchMass[f] > 0 ? monotoneRatio(normalize(mNum[f]), u[f]) : row));
    const nextLambda = estimateLambda ? clamp(matchTotal / total, 1e-9, Math.min(1 - 1e-9, options.maxLambda ?? 1)) : lambda;
    let change = Math.abs(nextLambda - lambda);
    next.forEach((row, f) => row.forEach((value, k) => (change = Math.max(change, Math.abs(value - m[f][k])))));
    m = next;
    lambda = nextLambda;
    if (change < options.tolerance) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged, matchMass };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function normalize(row: number[]): number[] {
  const lifted = row.map((x) => Math.max(x, 0) + M_PSEUDO_COUNT);
  const total = lifted.reduce((s, x) => s + x, 0);
  return lifted.map((x) => x / total);
}

/**
 * Pool-adjacent-violators on the likelihood ratio m/u (weighted by u): the closest m whose ratio
 * does not fall as agreement rises. Pooling keeps each block's total m, so m still sums to 1.
 */
export function monotoneRatio(m: readonly number[], u: readonly number[]): number[] {
  const blocks: Array<{ m: number; u: number; length: number }> = [];
  for (let k = 0; k < m.length; k++) {
    blocks.push({ m: m[k], u: u[k], length: 1 });
    while (blocks.length >= 2) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.m / prev.u <= last.m / last.u) break;
      blocks.splice(blocks.length - 2, 2, { m: prev.m + last.m, u: prev.u + last.u, length: prev.length + last.length });
    }
  }
  const out: number[] = [];
  let k = 0;
  for (const block of blocks) for (let j = 0; j < block.length; j++, k++) out.push((u[k] * block.m) / block.u);
  return out;
}
