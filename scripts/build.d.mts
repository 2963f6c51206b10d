/** Types of scripts/build.mjs, for the bench's start-up rows. */
export function buildDist(options?: { outdir?: string; log?: (line: string) => void }): Promise<void>;
