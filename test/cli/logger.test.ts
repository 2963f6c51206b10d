import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createLogger, prettyLogLine } from '../../src/io/logger.ts';

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('logger', () => {
  it('formats a record as one readable line with its context', () => {
    expect(prettyLogLine({ level: 40, time: '2026-01-01T00:00:00Z', msg: 'the secret file is readable', file: 'k.key', mode: '644' })).toBe(
      'credlink: warning: the secret file is readable (file=k.key, mode=644)\n',
    );
    expect(prettyLogLine({ level: 30, msg: 'done', counts: { rows: 3 } })).toBe('credlink: done (counts={"rows":3})\n');
    expect(prettyLogLine({ level: 20, msg: 'detail' })).toBe('credlink: debug: detail\n');
  });

  it('writes pretty lines by default and pino JSON lines when asked', async () => {
    const pretty = captured();
    createLogger('info', { stream: pretty.stream }).warn({ records: 2 }, 'linked records without a truth row');
    const json = captured();
    createLogger('info', { format: 'json', stream: json.stream }).warn({ records: 2 }, 'linked records without a truth row');
    await new Promise((resolve) => setImmediate(resolve));
    expect(pretty.text()).toBe('credlink: warning: linked records without a truth row (records=2)\n');
    expect(JSON.parse(json.text())).toMatchObject({ level: 40, records: 2, msg: 'linked records without a truth row' });
  });

  it('drops messages below the level', async () => {
    const out = captured();
    const logger = createLogger('error', { stream: out.stream });
    logger.warn('hidden');
    logger.debug('hidden too');
    logger.error('shown');
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe('credlink: error: shown\n');
  });
});
