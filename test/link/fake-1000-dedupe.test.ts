import { describe, expect, it } from 'vitest';
import { dedupeFake1000 } from './fake-1000.ts';

describe('deduplicating fake_1000', () => {
  it('finds the duplicate pairs with pairwise F1 above 0.87 at the default threshold', () => {
    const quality = dedupeFake1000();
    expect(quality.truePairs).toBeGreaterThan(2000);
    expect(quality.f1).toBeGreaterThan(0.87);
  });
});
