import { describe, expect, it } from 'vitest';
import { decodePart, encodePart } from '../../src/io/part-file.ts';
import type { ShardPart } from '../../src/link/link-shard.ts';

const part = (index: number, pseudonyms: string[]): ShardPart => ({
  shard: { index, count: 2 },
  settings: { seed: 's', method: 'fs', threshold: 'auto', diceThreshold: 0.5, training: 'blocks', lsh: true, keyFields: null },
  sources: [{ name: 'wages', role: 'wages', duplicateFree: true, count: pseudonyms.length, pseudonyms }],
  sourcePairs: [],
});

describe('part files', () => {
  it("keep shard 0's pseudonyms out of part.json and give them back in order", () => {
    const pseudonyms = ['3f2a', 'Ab_-9', '', '00ff'.repeat(8)];
    const { json, bin } = encodePart(part(0, pseudonyms));
    expect(json).not.toContain('Ab_-9');
    expect(decodePart(json, bin, 'part.json').sources[0].pseudonyms).toEqual(pseudonyms);
  });

  it('store no pseudonyms for the other shards (their digest only)', () => {
    const { json, bin } = encodePart(part(1, ['x1', 'x2']));
    expect(bin.length).toBe(0);
    expect(decodePart(json, bin, 'part.json').sources[0].pseudonyms).toBeNull();
  });
});
