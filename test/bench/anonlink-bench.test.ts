import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { anonlinkBenches, buildAnonlinkHarness } from '../../bench/anonlink-bench.ts';
import type { BenchContext } from '../../bench/registry.ts';

// A stand-in for anonlink's dice.cpp with the three entry points the harness calls, so that the
// build, the rounds and the agreement checks run without anonlink's source on the machine.
const FAKE_DICE = `#include <stdint.h>
#include <cstddef>
template <int nwords> static inline double _dice_coeff(const uint64_t *u, uint32_t up, const uint64_t *v, uint32_t vp) {
  uint64_t c = 0;
  for (int i = 0; i < nwords; i++) c += __builtin_popcountll(u[i] & v[i]);
  return (2 * c) / (double)(up + vp);
}
extern "C" double popcount_arrays(uint32_t *counts, const char *arrays, int n, int bytes) {
  const uint64_t *w = (const uint64_t *)arrays;
  for (int i = 0; i < n; i++) { uint32_t c = 0; for (int j = 0; j < bytes / 8; j++) c += __builtin_popcountll(w[i * (bytes / 8) + j]); counts[i] = c; }
  return 0;
}
extern "C" int match_one_against_many_dice_k_top(const char *one, const char *many, const uint32_t *counts, int n, int keybytes, uint32_t k, double threshold, unsigned int *indices, double *scores) {
  uint32_t q; popcount_arrays(&q, one, 1, keybytes);
  double best = -1; int at = 0;
  for (int j = 0; j < n; j++) { double s = _dice_coeff<16>((const uint64_t *)one, q, (const uint64_t *)many + 16 * (size_t)j, counts[j]); if (s > best) { best = s; at = j; } }
  (void)k; (void)threshold; indices[0] = at; scores[0] = best;
  return 1;
}
`;

const root = mkdtempSync(join(tmpdir(), 'credlink-anonlink-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ctx = (anonlinkSrc?: string): BenchContext => ({ quick: true, seed: 7, runs: 3, runMs: 5, warmupMs: 5, anonlinkSrc });

describe('dice.anonlink bench', () => {
  it('says where it looked when the tree has no anonlink dice source', () => {
    const got = buildAnonlinkHarness(root, root);
    expect(got).toMatch(/no anonlink\/similarities\/dice\.cpp or _cffi_build\/dice_one_against_many\.cpp under/);
  });

  it('is skipped with a message without --anonlink-src', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const rows = await anonlinkBenches[0].run(ctx());
    expect(rows).toEqual([]);
    expect(log.mock.calls.flat().join('\n')).toMatch(/dice\.anonlink: skipped, no --anonlink-src DIR/);
    log.mockRestore();
  });

  it('builds the peer, checks it gives credlink\'s scores and reports a ratio per round', async () => {
    const tree = join(root, 'anonlink-src');
    mkdirSync(join(tree, 'anonlink/similarities'), { recursive: true });
    writeFileSync(join(tree, 'anonlink/similarities/dice.cpp'), FAKE_DICE);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const rows = await anonlinkBenches[0].run(ctx(tree));
    log.mockRestore();
    expect(rows.map((r) => r.name)).toEqual([
      'dice.anonlink.credlink-scan.50000', 'dice.anonlink.all.50000', 'dice.anonlink.credlink-best.50000', 'dice.anonlink.topk.50000',
      'dice.anonlink.credlink-scan.2000', 'dice.anonlink.all.2000', 'dice.anonlink.credlink-best.2000', 'dice.anonlink.topk.2000',
    ]);
    const all = rows[1];
    expect(String(all.params.ratios).split(' ')).toHaveLength(3);
    expect(all.note).toMatch(/credlink scan\/anonlink per CPU-s \d+\.\d\d \(\d+\.\d\d-\d+\.\d\d\)/);
    expect(all.params.anonlinkFlags).toBe('-O3 -std=c++11 -DNDEBUG');
    expect(String(rows[3].params.ratios).split(' ')).toHaveLength(3);
    for (const r of rows) expect(r.rate.cpu).toBeGreaterThan(0);
  }, 60_000);

  it('fails loudly when the peer scores differently', async () => {
    const tree = join(root, 'wrong-src');
    mkdirSync(join(tree, 'anonlink/similarities'), { recursive: true });
    writeFileSync(join(tree, 'anonlink/similarities/dice.cpp'), FAKE_DICE.replace('(2 * c)', '(2 * c + 1)'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await expect(anonlinkBenches[0].run(ctx(tree))).rejects.toThrow(/disagree on the 50000-filter scan/);
    log.mockRestore();
  }, 60_000);
});
