import type { DiceKernel } from '../kernel/dice-kernel.ts';
import { createDiceKernel } from '../kernel/dice-kernel.ts';
import type { CliIo } from './cli-io.ts';

/**
 * The Dice kernel `link` scores with: WebAssembly unless CREDLINK_KERNEL=js, or when the runtime
 * cannot instantiate it; then the JavaScript loop of score-pairs.ts (identical scores, ~5x slower).
 */
export function linkKernel(io: CliIo): DiceKernel | undefined {
  const wanted = io.env.CREDLINK_KERNEL ?? 'wasm';
  if (wanted === 'js') return undefined;
  try {
    const kernel = createDiceKernel({ path: 'auto' });
    return kernel.path === 'wasm' ? kernel : undefined;
  } catch (error) {
    io.logger.warn({ error: (error as Error).message }, 'WebAssembly Dice kernel unavailable; scoring in JavaScript');
    return undefined;
  }
}
