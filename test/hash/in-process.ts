import { PassThrough, Readable } from 'node:stream';
import pino from 'pino';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import type { CliResult } from './run-cli.ts';

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs the CLI in this process with captured streams (paths must be absolute): faster than a spawn. */
export async function runInProcess(args: string[], input?: string | Uint8Array): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = {
    stdin: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
    stdout,
    stderr,
    logger: pino({ level: 'info', base: undefined }, stderr),
    stderrIsTTY: false,
    env: {},
  };
  const code = await main(['node', 'credlink', ...args], io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out(), stderr: err() };
}
