#!/usr/bin/env node
// Runs the build in dist/ (what the npm package ships). In a clone without a build, or with
// CREDLINK_FROM_SOURCE=1 (the test suite sets it, so tests never run a stale build), runs the
// TypeScript sources through tsx instead: no build step stands between a clone and a run.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);

async function loadSources() {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write('credlink: no build in dist/ and no tsx to run the sources: run `npm ci` (dev dependencies) or `npm run build`\n');
    process.exit(1);
  }
  tsx.register();
  return import('../src/cli/main.ts');
}

const fromSource = process.env.CREDLINK_FROM_SOURCE === '1' || !existsSync(built);
const { main } = fromSource ? await loadSources() : await import(built.href);
process.exitCode = await main(process.argv);
