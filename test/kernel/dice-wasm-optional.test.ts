import { describe, expect, it, vi } from 'vitest';

// As in a clone installed without dev dependencies: dice-wasm-bytes.ts was never generated.
vi.mock('../../src/kernel/dice-wasm-bytes.ts', () => {
  throw Object.assign(new Error('Cannot find module dice-wasm-bytes.ts'), { code: 'ERR_MODULE_NOT_FOUND' });
});

const { createDiceKernel } = await import('../../src/kernel/dice-kernel.ts');
const { wasmDiceSupported } = await import('../../src/kernel/wasm-dice-kernel.ts');

describe('Dice kernel without the built WebAssembly bytes', () => {
  it('falls back to the JavaScript kernel, which still scores', () => {
    expect(wasmDiceSupported()).toBe(false);
    const kernel = createDiceKernel();
    expect(kernel.path).toBe('js');
    const filters = Uint8Array.from([0b1111, 0, 0, 0, 0, 0, 0, 0, 0b0011, 0, 0, 0, 0, 0, 0, 0]);
    const set = kernel.load(filters, 8);
    const out = new Float64Array(2);
    kernel.scan(filters.subarray(0, 8), set, out);
    expect(Array.from(out)).toEqual([1, (2 * 2) / (4 + 2)]);
  });

  it('says how to build the WebAssembly kernel when it is asked for by name', () => {
    expect(() => createDiceKernel({ path: 'wasm' })).toThrow(/not built \(run `npm run build:wasm`\)/);
  });
});
