#!/usr/bin/env node
// `npm run build` (also `prepack`): the WebAssembly kernel, then one esbuild pass that bundles
// our TypeScript into dist/ as ES modules (dependencies stay imports of node_modules; the module
// entry's declarations are hand-written in types/). esbuild because it is already here (tsx runs on it),
// builds in well under a second, and splits at dynamic imports, so each subcommand stays its own
// chunk and `credlink --version` loads none of them. Atomic: dist/ appears whole or not at all.
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDiceWasm } from './build-wasm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

// Names are fixed: the pools start workers at new URL('./<name>.js', import.meta.url) from
// whichever chunk holds them, so workers and chunks share one flat folder.
const entryPoints = {
  cli: 'src/cli/main.ts',
  index: 'src/index.ts',
  'hash-worker-entry': 'src/encode/hash-worker.ts',
  'dice-worker': 'src/kernel/dice-worker.js',
};

async function bundle(outdir) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
}

/** Builds into `outdir` (default dist/); the bench builds into a temporary package folder. */
export async function buildDist({ outdir = dist, log = console.log } = {}) {
  if (!(await buildDiceWasm(log))) {
    throw new Error('the package must ship the WebAssembly Dice kernel: install dev dependencies (npm ci) and build again');
  }
  const staging = await mkdtemp(join(dirname(outdir), '.dist-'));
  try {
    await bundle(staging);
    await rm(outdir, { recursive: true, force: true });
    await rename(staging, outdir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  log(`build: ${outdir === dist ? 'dist/' : outdir} (cli.js, index.js, workers, chunks)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--clean')) await rm(dist, { recursive: true, force: true });
  else if (!existsSync(join(root, 'node_modules', 'esbuild'))) {
    console.error('build: esbuild is not installed (dev dependency); run `npm ci` first');
    process.exitCode = 1;
  } else await buildDist();
}
