/** Types of scripts/build-wasm.mjs, for the bench, the build and the tests that compile WAT with it. */
type WabtFactory = () => Promise<unknown>;
export const diceWasmBytesPath: string;
export function loadWabt(): Promise<WabtFactory | undefined>;
export function compileDiceWat(text: string, createWabt?: WabtFactory): Promise<Uint8Array<ArrayBuffer>>;
export function bytesModule(bytes: Uint8Array): string;
export function buildDiceWasm(log?: (line: string) => void): Promise<boolean>;
