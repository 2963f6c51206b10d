import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvaluate } from '../../src/cli/evaluate.ts';
import { runHash } from '../../src/cli/hash.ts';
import { runLink } from '../../src/cli/link.ts';
import type { Evaluation } from '../../src/link/evaluation-report.ts';
import { DEFAULT_SCHEMA_INPUT } from '../../src/schema/default-schema.ts';
import { FIELD_NAMES } from '../../src/schema/field-names.ts';
import { voterCsv, voterTruthCsv } from '../../src/synth/voter-csv.ts';
import { voterFiles } from '../../src/synth/voter-files.ts';
import { quietIo } from '../job/run-world.ts';

/*
 * A floor on the hard bench (scripts/linkage-bench.ts) at a size the suite can afford: two
 * voter-like files of 1,000 records sharing 35% of their persons, names + city + ZIP only, GeCo-style
 * errors, default schema and settings, a fixed key. The floors sit just under the figures measured
 * when they were set (docs/linkage-quality.md), so a change that costs F1 here fails the build.
 */
let dir: string;
let evaluation: Evaluation;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credlink-linkage-floor-'));
  const io = quietIo();
  const key = join(dir, 'project.key');
  writeFileSync(key, `${'6d'.repeat(32)}\n`, { mode: 0o600 });
  const schema = join(dir, 'schema.json');
  writeFileSync(schema, JSON.stringify(DEFAULT_SCHEMA_INPUT));
  const { files } = voterFiles({ records: 1000, overlap: 0.35, seed: 13 });
  const known = new Set<string>(FIELD_NAMES);
  const columns = { first_name: 'first_name', last_name: 'last_name', city: 'city', postcode: 'zip' };
  const fields = Object.fromEntries(Object.entries(columns).filter(([f]) => known.has(f)).map(([f, column]) => [f, { column }]));
  const sources = files.map((records, i) => ({ source: `voter${i}`, records }));
  writeFileSync(join(dir, 'truth.csv'), voterTruthCsv(sources));
  for (const { source, records } of sources) {
    writeFileSync(join(dir, `${source}.csv`), voterCsv(records));
    writeFileSync(join(dir, `${source}.json`), JSON.stringify({ credlinkMapping: 1, source, role: 'roster', personId: { column: 'voter_id' }, fields }));
    await runHash({ input: join(dir, `${source}.csv`), schema, mapping: join(dir, `${source}.json`), secretFile: key, onInvalid: 'reject', output: join(dir, `${source}.extract`), workers: 1 }, io);
  }
  const extracts = sources.map((s) => join(dir, `${s.source}.extract`));
  await runLink({ extracts, schema, output: join(dir, 'linkage'), threshold: '0.85', diceThreshold: '0.85', method: 'fs', training: 'blocks', lsh: true }, io);
  evaluation = await runEvaluate({ linkage: join(dir, 'linkage'), truth: join(dir, 'truth.csv'), secretFile: key, schema, thresholds: '0.001,0.01,0.1,0.5,0.85', diceThresholds: '0.7,0.8' }, io);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linkage quality on a small hard voter-like case', () => {
  it('links at the default threshold with precision >= 0.96 and F1 >= 0.925 (0.981 and 0.939 when set)', () => {
    const [quality] = evaluation.asLinked;
    expect(quality.truePairs).toBe(350);
    expect(quality.precision).toBeGreaterThanOrEqual(0.96);
    expect(quality.f1).toBeGreaterThanOrEqual(0.925);
  });

  it('keeps >= 0.935 of the true pairs among the candidates (0.946)', () => {
    expect(evaluation.recallCeiling[0].ceiling).toBeGreaterThanOrEqual(0.935);
  });

  it('reaches F1 >= 0.935 at the best threshold chosen with the labels (0.948)', () => {
    const best = evaluation.best.find((b) => b.method === 'fs')!;
    expect(best.f1).toBeGreaterThanOrEqual(0.935);
  });
});
