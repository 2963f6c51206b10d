import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { resolveCorruption, resolveWorld } from '../../src/synth/synth-config.ts';
import { SyntheticWorld } from '../../src/synth/world.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('streaming generation', () => {
  it('keeps the heap flat while a 20k-person world streams past', () => {
    const world = new SyntheticWorld({ persons: 20_000, seed: 3, startYear: 2018, years: 6, world: resolveWorld(), corruption: resolveCorruption('default') });
    const heap: number[] = [];
    let persons = 0;
    let bytes = 0;
    for (const batch of world.lines()) {
      for (const { line } of batch) bytes += line.length;
      persons += 1;
      if (persons === 5_000 || persons === 20_000) {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    // About 25 MB of rows went by; holding them would grow the heap by far more than that.
    expect(bytes).toBeGreaterThan(20e6);
    expect(heap[1] - heap[0]).toBeLessThan(8e6);
  });
});
