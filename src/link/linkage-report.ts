import type { LinkageResult } from './link-sources.ts';
import type { LinkageSummary } from './linkage-summary.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The few lines `credlink link` prints: what was compared, what was linked, and whether the model's expectations hold. */
export function formatSummary(summary: LinkageSummary): string {
  const lines: string[] = [];
  const rule = summary.method === 'fs' ? `match probability >= ${summary.threshold}` : `CLK Dice >= ${summary.diceThreshold}`;
  lines.push(`linked with ${summary.method === 'fs' ? 'Fellegi-Sunter' : 'the Dice-threshold baseline'} (${rule})${summary.spine ? `, spine ${summary.spine}` : ''}`);
  for (const p of summary.sourcePairs) {
    lines.push(
      `  ${p.sourceA} ~ ${p.sourceB}: ${p.candidatePairs} candidate pairs (reduction ratio ${p.reductionRatio.toFixed(6)}), ` +
        `${p.links} links, expected false matches ${p.expectedFalseMatches.toFixed(1)}; fields ${p.fields.join(', ')}`,
    );
    if (!p.calibration.ok) {
      lines.push(
        `    calibration: the model expects ${p.calibration.expectedMatches.toFixed(0)} matches among the candidates but ${p.links} were linked; ` +
          'the match probabilities are off (try --explain, a different --threshold, or --training all-pairs)',
      );
    }
    if (p.notConverged?.length) {
      lines.push(`    EM did not converge within its iteration cap (${p.notConverged.join(', ')}): m may be off; see model.json or --explain`);
    }
  }
  for (const s of summary.sources) lines.push(`  ${s.name} (${s.role}): ${s.records} records, ${s.linked} linked (${pct(s.shareLinked)})`);
  lines.push(`  ${summary.clusters} clusters`);
  return `${lines.join('\n')}\n`;
}

const num = (x: number, width: number) => (Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(2) : x.toFixed(4)).padStart(width);

/** The fitted model as a table: per field and comparison level, m, u and the match weight log2(m/u). */
export function explainModel(result: LinkageResult): string {
  const lines: string[] = [];
  for (const pair of result.pairs) {
    const { model } = pair.scored;
    const priorWeight = Math.log2(model.prior / (1 - model.prior));
    lines.push('');
    lines.push(`model ${result.sources[pair.a].name} ~ ${result.sources[pair.b].name}: prior ${model.prior.toExponential(3)} (weight ${priorWeight.toFixed(2)}), m trained on ${model.training}, u from ${model.uSampleSize} random pairs`);
    lines.push(`  ${'field'.padEnd(12)}${'level'.padEnd(8)}${'m'.padStart(11)}${'u'.padStart(11)}${'weight'.padStart(9)}`);
    for (const f of model.fields) {
      model.levelLabels.forEach((label, k) => {
        lines.push(`  ${(k === 0 ? f.field : '').padEnd(12)}${label.padEnd(8)}${num(f.mProbability[k], 11)}${num(f.uProbability[k], 11)}${f.matchWeight[k].toFixed(2).padStart(9)}`);
      });
    }
    for (const n of model.nestings ?? []) {
      lines.push(`  ${n.field} compared only where ${n.within} differs: random pairs agreeing on ${n.within} agree on ${n.field} ${pct(n.conditionalAgreement)} of the time (${pct(n.agreement)} overall)`);
    }
    for (const n of model.nameDerived ?? []) {
      lines.push(`  ${n.field} partial agreement counted only where ${n.given} differs: random pairs agreeing on ${n.given} partly agree on ${n.field} ${pct(n.conditionalPartial)} of the time (${pct(n.partial)} overall)`);
    }
    for (const s of model.sessions) {
      lines.push(`  training on ${s.pass}: ${s.pairs} pairs, estimated ${s.estimatedFields.join(', ') || '-'}, ${s.iterations} iterations${s.converged ? '' : ' (not converged)'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
