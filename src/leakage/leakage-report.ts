import type { ExtractLeakage } from './extract-leakage.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The text `credlink inspect --leakage` prints: one line per filter, then the warnings. */
export function formatLeakage(leakage: ExtractLeakage): string {
  const lines = ['  leakage           filter       n  bits  bit-freq min..max (sd)  popcount mean sd [min..max]  repeated (top groups)  near-twins'];
  for (const [name, l] of Object.entries(leakage.filters)) {
    lines.push(`    ${name.padEnd(12)} ${String(l.filters).padStart(7)} ${String(l.bits).padStart(5)}  ${l.bitFrequency.min.toFixed(2)}..${l.bitFrequency.max.toFixed(2)} (${l.bitFrequency.sd.toFixed(3)})` +
      `     ${l.popcount.mean.toFixed(1)} ${l.popcount.sd.toFixed(1)} [${l.popcount.min}..${l.popcount.max}]` +
      `   ${pct(l.repeats.shareRepeated)} (${l.repeats.top.join(', ') || '-'})   ${pct(l.nearRepeatShare)}`);
  }
  for (const w of leakage.warnings) lines.push(`  ${w.code} ${w.filter}: ${w.detail}`);
  if (leakage.warnings.length === 0) lines.push('  no leakage warning');
  return lines.join('\n');
}
