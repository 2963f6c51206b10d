import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bytesModule, compileDiceWat } from '../../scripts/build-wasm.mjs';

describe('dice-wasm-bytes.ts', () => {
  it('is the current build of dice.wat (run `npm run build:wasm` after editing it)', async () => {
    const wat = await readFile(new URL('../../src/kernel/dice.wat', import.meta.url), 'utf8');
    const built = await readFile(new URL('../../src/kernel/dice-wasm-bytes.ts', import.meta.url), 'utf8');
    expect(built).toBe(bytesModule(await compileDiceWat(wat)));
  });
});
