import { describe, expect, it } from 'vitest';
import { linkageErrorOf } from '../../src/io/outcome-inputs.ts';

const pair = (sourceA: string, links: number, expectedFalseMatches: number, ok: boolean) => ({
  sourceA, sourceB: 'spine', links, expectedFalseMatches, calibration: { expectedMatches: links, linked: links, ratio: 1, ok },
});

describe('linkageErrorOf', () => {
  it('names the source pairs whose model failed its calibration check, so that their error is not published as checked', () => {
    const error = linkageErrorOf({ sourcePairs: [pair('roster', 1857, 48, false), pair('college', 900, 9, true)] })!;
    expect(error.expectedFalseMatchShare).toBeCloseTo(57 / 2757, 4);
    expect(error.uncheckedPairs).toEqual(['roster ~ spine']);
    expect(error.bySourcePair.map((p) => p.calibrated)).toEqual([false, true]);
  });

  it('treats a summary without calibration as checked, and a pair without links as nothing to check', () => {
    const error = linkageErrorOf({ sourcePairs: [{ sourceA: 'a', sourceB: 'b', links: 10, expectedFalseMatches: 1 }, pair('c', 0, 0, false)] })!;
    expect(error.uncheckedPairs).toEqual([]);
    expect(error.bySourcePair[0].calibrated).toBe(true);
  });
});
