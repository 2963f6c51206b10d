import type { PairQuality } from './linkage-quality.ts';
import type { LinkMethod } from './link-settings.ts';

export interface SweepRow {
  method: LinkMethod;
  threshold: number;
  quality: PairQuality[];
}

export interface Evaluation {
  /** Quality of the links in the folder as written (its own threshold and method). */
  asLinked: PairQuality[];
  /** The same, summed over source pairs of the same two roles (every roster against education...). */
  asLinkedByRole: PairQuality[];
  /** With a spine: the same by role, counting only pairs the spine can connect (see qualityThroughSpine). */
  throughSpineByRole: PairQuality[];
  sweep: SweepRow[];
  /** Best threshold per method and source pair, chosen with the labels. */
  best: Array<{ method: LinkMethod; sourceA: string; sourceB: string; threshold: number; f1: number }>;
  /** The same per pair of roles (source pairs of the same roles pooled). */
  bestByRole: Evaluation['best'];
  recallCeiling: Array<{ sourceA: string; sourceB: string; ceiling: number }>;
}

export function bestThresholds(sweep: readonly SweepRow[]): Evaluation['best'] {
  const best = new Map<string, Evaluation['best'][number]>();
  for (const row of sweep) {
    for (const q of row.quality) {
      const key = `${row.method}\u0000${q.sourceA}\u0000${q.sourceB}`;
      const current = best.get(key);
      if (!current || q.f1 > current.f1) best.set(key, { method: row.method, sourceA: q.sourceA, sourceB: q.sourceB, threshold: row.threshold, f1: q.f1 });
    }
  }
  return [...best.values()];
}

const f = (x: number) => x.toFixed(4);

function qualityTable(title: string, quality: readonly PairQuality[]): string[] {
  const lines = [title, `  ${'sources'.padEnd(28)}${'true'.padStart(8)}${'linked'.padStart(8)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(9)}`];
  for (const q of quality) {
    lines.push(`  ${`${q.sourceA} ~ ${q.sourceB}`.padEnd(28)}${String(q.truePairs).padStart(8)}${String(q.predictedPairs).padStart(8)}${f(q.precision).padStart(11)}${f(q.recall).padStart(9)}${f(q.f1).padStart(9)}`);
  }
  return lines;
}

export function formatEvaluation(evaluation: Evaluation): string {
  const lines: string[] = [...qualityTable('as linked, per pair of sources:', evaluation.asLinked), '', ...qualityTable('as linked, per pair of roles:', evaluation.asLinkedByRole)];
  if (evaluation.throughSpineByRole.length > 0) lines.push('', ...qualityTable('through the spine (persons the spine holds), per pair of roles:', evaluation.throughSpineByRole));
  for (const method of ['fs', 'threshold'] as const) {
    const rows = evaluation.sweep.filter((r) => r.method === method);
    if (rows.length === 0) continue;
    const pairs = rows[0].quality.map((q) => `${q.sourceA}~${q.sourceB}`);
    lines.push('');
    lines.push(`F1 by ${method === 'fs' ? 'match probability threshold (fs)' : 'CLK Dice threshold (baseline)'}:`);
    lines.push(`  ${'threshold'.padEnd(10)}${pairs.map((p) => p.padStart(Math.max(12, p.length + 2))).join('')}`);
    for (const row of rows) lines.push(`  ${String(row.threshold).padEnd(10)}${row.quality.map((q, i) => f(q.f1).padStart(Math.max(12, pairs[i].length + 2))).join('')}`);
  }
  lines.push('');
  lines.push('best thresholds (chosen with the labels):');
  for (const b of evaluation.best) lines.push(`  ${b.method.padEnd(10)}${`${b.sourceA} ~ ${b.sourceB}`.padEnd(28)} threshold ${String(b.threshold).padEnd(6)} F1 ${f(b.f1)}`);
  lines.push('');
  lines.push('best thresholds per pair of roles (chosen with the labels):');
  for (const b of evaluation.bestByRole) lines.push(`  ${b.method.padEnd(10)}${`${b.sourceA} ~ ${b.sourceB}`.padEnd(28)} threshold ${String(b.threshold).padEnd(6)} F1 ${f(b.f1)}`);
  if (evaluation.recallCeiling.length > 0) {
    lines.push('');
    lines.push('recall ceiling (true pairs among the kept candidates):');
    for (const c of evaluation.recallCeiling) lines.push(`  ${`${c.sourceA} ~ ${c.sourceB}`.padEnd(28)} ${f(c.ceiling)}`);
  }
  return `${lines.join('\n')}\n`;
}
