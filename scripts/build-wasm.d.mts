/** Types of scripts/build-wasm.mjs, for the bench and the tests that compile WAT with it. */
export function compileDiceWat(text: string): Promise<Uint8Array<ArrayBuffer>>;
export function bytesModule(bytes: Uint8Array): string;
