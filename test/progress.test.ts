import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../src/io/progress.ts';

function sink(isTTY: boolean) {
  let text = '';
  return { io: { stderr: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, stderrIsTTY: isTTY }, text: () => text };
}

describe('progress', () => {
  it('draws a bar with the share done and the counts', () => {
    expect(progressLine('hash', 2_500, 10_000)).toBe('hash [######------------------] 25% 2,500/10,000');
    expect(progressLine('EM', 12, undefined, 'iterations')).toBe('EM 12 iterations');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const s = sink(false);
    const p = createProgress(s.io, 'hash', 100);
    p.update(50);
    p.finish();
    expect(s.text()).toBe('');
  });

  it('redraws at most every 100 ms and ends the line when finished', () => {
    const s = sink(true);
    let t = 1_000;
    const p = createProgress(s.io, 'link', 10, () => t);
    p.update(1);
    p.update(2);
    t += 150;
    p.update(3);
    p.finish();
    const draws = s.text().split('\r').filter(Boolean);
    expect(draws).toHaveLength(3);
    expect(draws[2]).toContain('100% 10/10');
    expect(s.text().endsWith('\n')).toBe(true);
  });

  it('draws a new stage or a new detail at once, even inside the 100 ms', () => {
    const s = sink(true);
    const t = 1_000;
    const p = createProgress(s.io, 'link', undefined, () => t);
    p.stage('link: reading spine.extract', 2_000);
    p.update(10, 'persons of spine');
    p.update(20, 'persons of spine');
    p.stage('link (source pairs)', 5, 'spine ~ wages: blocking and comparing');
    p.update(0, 'spine ~ wages: fitting m and u on 3,422 candidate pairs');
    const draws = s.text().split('\r').filter(Boolean).map((d) => d.replace('\x1b[K', ''));
    expect(draws).toEqual([
      'link: reading spine.extract [------------------------] 0% 0/2,000',
      'link: reading spine.extract [------------------------] 0% 10/2,000 persons of spine',
      'link (source pairs) [------------------------] 0% 0/5 spine ~ wages: blocking and comparing',
      'link (source pairs) [------------------------] 0% 0/5 spine ~ wages: fitting m and u on 3,422 candidate pairs',
    ]);
  });
});
