/**
 * Which credlink configuration a parsed JSON document is, from its format key. Every config
 * file names its own kind, so `credlink validate` needs no flag to tell them apart.
 */
export type ConfigKind = 'schema' | 'mapping' | 'job' | 'outcomes';

export const CONFIG_KEYS: Record<ConfigKind, string> = {
  schema: 'credlinkSchema',
  mapping: 'credlinkMapping',
  job: 'credlinkJob',
  outcomes: 'credlinkOutcomes',
};

export function detectConfigKind(raw: unknown): ConfigKind | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  for (const [kind, key] of Object.entries(CONFIG_KEYS) as Array<[ConfigKind, string]>) {
    if (key in raw) return kind;
  }
  return undefined;
}
