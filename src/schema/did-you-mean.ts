import levenshtein from 'fast-levenshtein';
import type { z } from 'zod';

/*
 * "Did you mean" for unknown keys of strict configs: a catalog with `aligned_naics` or
 * `typical_cost` must fail loudly and point at `alignedNaics` and `cost`, not load with defaults.
 */

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a value at `path` may be checked against (unions give several). */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): Array<Record<string, z.ZodType>> {
  const def = defOf(schema);
  if (def.innerType) return objectsAt(def.innerType, path);
  if (def.type === 'pipe') return objectsAt(def.in!, path);
  if (def.type === 'union') return def.options!.flatMap((o) => objectsAt(o, path));
  if (path.length === 0) return def.type === 'object' ? [def.shape!] : [];
  const [head, ...rest] = path;
  if (def.type === 'object') return def.shape![String(head)] ? objectsAt(def.shape![String(head)], rest) : [];
  if (def.type === 'array' && typeof head === 'number') return objectsAt(def.element!, rest);
  if (def.type === 'record') return objectsAt(def.valueType!, rest);
  return [];
}

/** Every key the schema accepts at `path` (an object's own keys). */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((shape) => Object.keys(shape)))];
}

const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The known key closest to an unknown one: same letters up to case and separators, one or two edits, or one inside the other. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  const u = squash(unknown);
  if (!u) return undefined;
  const same = known.find((k) => squash(k) === u);
  if (same) return same;
  let best: { key: string; distance: number } | undefined;
  for (const k of known) {
    const distance = levenshtein.get(u, squash(k));
    if (distance <= Math.max(1, Math.floor(u.length / 4)) && (!best || distance < best.distance)) best = { key: k, distance };
  }
  if (best) return best.key;
  // typical_cost -> cost, naics -> alignedNaics: a known key that one word of the other is.
  return known.find((k) => squash(k).length >= 4 && (u.endsWith(squash(k)) || squash(k).endsWith(u)));
}
