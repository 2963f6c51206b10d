import { UsageError } from '../errors/errors.ts';

/** One `--set key=value` of `credlink run`: a dotted path into the job and a JSON value. */
export interface JobOverride {
  path: string[];
  value: unknown;
  /** As typed, for the manifest. */
  text: string;
}

// Keys that would reach Object.prototype through a crafted --set path.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Parses `linkage.threshold=0.9`. The value is read as JSON when it parses (0.9, true, [1,2],
 * {"a":1}) and as a plain string otherwise, so `output.title=Nursing 2019` needs no quotes.
 */
export function parseOverride(text: string): JobOverride {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set ${text}: expected key=value, e.g. --set linkage.threshold=0.9`);
  const path = text.slice(0, eq).trim().split('.');
  if (path.some((key) => key === '' || FORBIDDEN_KEYS.has(key))) throw new UsageError(`--set ${text}: "${text.slice(0, eq)}" is not a valid dotted path`);
  const raw = text.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { path, value, text };
}

/** Returns a copy of the raw job with the overrides applied in order; validation happens after. */
export function applyOverrides(job: unknown, overrides: readonly JobOverride[]): unknown {
  const copy: unknown = structuredClone(job);
  for (const { path, value, text } of overrides) {
    let node = copy as Record<string, unknown> | unknown[];
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i];
      let next = Array.isArray(node) ? node[Number(key)] : node[key];
      if (next === undefined) {
        next = /^\d+$/.test(path[i + 1]) ? [] : {};
        setKey(node, key, next, text);
      }
      if (next === null || typeof next !== 'object') throw new UsageError(`--set ${text}: "${path.slice(0, i + 1).join('.')}" is not an object`);
      node = next as Record<string, unknown> | unknown[];
    }
    setKey(node, path[path.length - 1], value, text);
  }
  return copy;
}

function setKey(node: Record<string, unknown> | unknown[], key: string, value: unknown, text: string): void {
  if (Array.isArray(node)) {
    if (!/^\d+$/.test(key) || Number(key) > node.length) throw new UsageError(`--set ${text}: "${key}" is not an index of the list (0..${node.length})`);
    node[Number(key)] = value;
  } else {
    node[key] = value;
  }
}
