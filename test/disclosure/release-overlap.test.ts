import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { overlappingReleases, type ReleaseInputs } from '../../src/disclosure/release-overlap.ts';
import { warnOverlappingReleases } from '../../src/cli/release-history.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import type { RunExtract } from '../../src/cli/run-steps.ts';

const roster = (source: string, sha256: string) => ({ source, keyCheckValue: 'e28e02312021', sha256 });
const release = (folder: string, dp: boolean, ...rosters: ReleaseInputs['rosters']): ReleaseInputs => ({ folder, dp, rosters });

describe('releases that overlap without differential privacy', () => {
  const current = release('runs/june', false, roster('techcert', 'b'), roster('nurseboard', 'n'));

  it('flags an earlier release over another version of the same roster', () => {
    expect(overlappingReleases(current, [release('runs/may', false, roster('techcert', 'a'), roster('nurseboard', 'n'))])).toEqual([{ folder: 'runs/may', sources: ['techcert'] }]);
  });

  it('does not flag a rerun on identical rosters, other rosters, another key, or any release with DP', () => {
    expect(overlappingReleases(current, [release('runs/again', false, roster('techcert', 'b'))])).toEqual([]);
    expect(overlappingReleases(current, [release('runs/trade', false, roster('tradecert', 'x'))])).toEqual([]);
    expect(overlappingReleases(current, [release('runs/other', false, { source: 'techcert', keyCheckValue: 'ffffffffffff', sha256: 'a' })])).toEqual([]);
    expect(overlappingReleases(current, [release('runs/dp', true, roster('techcert', 'a'))])).toEqual([]);
    expect(overlappingReleases({ ...current, dp: true }, [release('runs/may', false, roster('techcert', 'a'))])).toEqual([]);
  });
});

describe('credlink run reads the run history beside its run folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credlink-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const earlier = (name: string, sha256: string, dp: boolean) => {
    mkdirSync(join(dir, 'runs', name), { recursive: true });
    const outputs = [{ path: 'tables/employment.json' }, ...(dp ? [{ path: 'tables/dp-budget.json' }] : [])];
    writeFileSync(join(dir, 'runs', name, 'run-manifest.json'), JSON.stringify({ credlinkRun: 1, inputs: [{ source: 'techcert', role: 'roster', keyCheckValue: 'e28e02312021', sha256 }, { source: 'wages', role: 'wages', keyCheckValue: 'e28e02312021', sha256: 'w' }], outputs }));
  };
  earlier('2024-05', 'a', false);
  earlier('2024-04-dp', 'c', true);
  mkdirSync(join(dir, 'runs', 'notes'));
  const extract = { jobPath: 'ex/techcert.extract', path: '/x', sha256: 'b', manifest: { source: 'techcert', role: 'roster', keyCheckValue: 'e28e02312021' } } as unknown as RunExtract;

  function io(): { io: CliIo; text: () => string } {
    const stderr = new PassThrough();
    const chunks: Buffer[] = [];
    stderr.on('data', (c: Buffer) => chunks.push(c));
    return { io: { stdin: new PassThrough(), stdout: new PassThrough(), stderr, logger: pino({ level: 'info', base: undefined }, stderr), stderrIsTTY: false, env: {} }, text: () => Buffer.concat(chunks).toString('utf8') };
  }

  it('warns on stderr about the earlier run without DP, and names how to avoid it', async () => {
    const out = io();
    const overlaps = await warnOverlappingReleases(join(dir, 'runs', '2024-06'), [extract], undefined, out.io);
    await new Promise((r) => setImmediate(r));
    expect(overlaps).toEqual([{ folder: join(dir, 'runs', '2024-05'), sources: ['techcert'] }]);
    expect(out.text()).toContain('without differential privacy: differencing the two can reveal the people who were added or removed');
    expect(out.text()).toContain('disclosure.epsilon');
  });

  it('stays quiet when the new run uses DP', async () => {
    const out = io();
    expect(await warnOverlappingReleases(join(dir, 'runs', '2024-06'), [extract], 5, out.io)).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe('');
  });
});
