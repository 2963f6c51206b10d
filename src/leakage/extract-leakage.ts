import type { EncodedPerson } from '../extract/extract-types.ts';
import { filterLeakage, type FilterLeakage } from './filter-leakage.ts';

export interface ExtractLeakage {
  /** Per field filter, and `clk` for the record-level filter. */
  filters: Record<string, FilterLeakage>;
  /** Plain-language warnings a data holder should read before sharing. */
  warnings: Array<{ code: 'FREQUENCY_LEAK' | 'NEAR_FREQUENCY_LEAK' | 'LENGTH_LEAK'; filter: string; detail: string }>;
}

/** Above this share of repeated filters a frequency attack has groups to align. */
const REPEAT_WARNING = 0.05;

/** Leakage of every filter in an extract's person lines; `persons` is what readExtract yields. */
export function extractLeakage(persons: readonly EncodedPerson[]): ExtractLeakage {
  const byFilter = new Map<string, Uint8Array[]>();
  for (const p of persons) {
    for (const [field, f] of Object.entries(p.fields)) if (f) (byFilter.get(field) ?? byFilter.set(field, []).get(field)!).push(f);
    if (p.clk.length > 0) (byFilter.get('clk') ?? byFilter.set('clk', []).get('clk')!).push(p.clk);
  }
  const filters: Record<string, FilterLeakage> = {};
  const warnings: ExtractLeakage['warnings'] = [];
  for (const name of [...byFilter.keys()].sort()) {
    const l = filterLeakage(byFilter.get(name)!);
    filters[name] = l;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    if (l.repeats.shareRepeated > REPEAT_WARNING) {
      warnings.push({ code: 'FREQUENCY_LEAK', filter: name, detail: `${pct(l.repeats.shareRepeated)} of filters repeat (largest groups ${l.repeats.top.join(', ')}): a keyless reader can align them with public name frequencies` });
    } else if (l.nearRepeatShare > REPEAT_WARNING) {
      warnings.push({ code: 'NEAR_FREQUENCY_LEAK', filter: name, detail: `${pct(l.nearRepeatShare)} of sampled filters have a near-identical twin (Dice >= 0.9): noise hides exact repeats but not groups` });
    }
    if (l.popcount.sd >= 2 && name !== 'clk') {
      warnings.push({ code: 'LENGTH_LEAK', filter: name, detail: `popcount varies (sd ${l.popcount.sd.toFixed(1)} bits, ${l.popcount.distinct} distinct): fill tracks value length; balancing removes this` });
    }
  }
  return { filters, warnings };
}
