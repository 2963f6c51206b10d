import type { PublishedCell, PublishedTable } from '../disclosure/cells.ts';
import { canonicalJson } from '../schema/canonical-json.ts';

/*
 * What changed between two runs: the parameters and counts of their manifests, and every
 * published cell, matched by table, dimension values and measure. Output checksums are left
 * out of the parameter comparison because they differ whenever any cell does.
 */

export interface ValueChange {
  path: string;
  a: unknown;
  b: unknown;
}

export interface CellChange {
  /** Dimension values, e.g. `credential=RN cohort=2019`. */
  key: string;
  measure: string;
  a: number | null;
  b: number | null;
  statusA: PublishedCell['status'] | 'absent';
  statusB: PublishedCell['status'] | 'absent';
  /** b - a, when both are published numbers. */
  delta?: number;
  /** (b - a) / |a|, when both are published and a is not 0. */
  relative?: number;
}

export interface TableDiff {
  table: string;
  cellsA: number;
  cellsB: number;
  changed: CellChange[];
}

export interface RunDiff {
  parameters: ValueChange[];
  counts: ValueChange[];
  inputs: ValueChange[];
  tables: TableDiff[];
}

const IGNORED_MANIFEST_KEYS = new Set(['outputs']);

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

/** Leaves of a JSON value by dotted path; arrays of objects by index, arrays of plain values whole. */
export function flattenJson(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  // A list such as the --set overrides reads best as one change, not one per index.
  if (Array.isArray(value) && value.every(isPrimitive)) {
    out.set(prefix, value);
  } else if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, value);
    for (const [k, v] of entries) flattenJson(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

export function diffValues(a: unknown, b: unknown, prefix: string): ValueChange[] {
  const fa = flattenJson(a, prefix);
  const fb = flattenJson(b, prefix);
  const paths = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return paths
    .filter((p) => canonicalJson(fa.get(p)) !== canonicalJson(fb.get(p)))
    .map((p) => ({ path: p, a: fa.get(p), b: fb.get(p) }));
}

export function cellKey(cell: Pick<PublishedCell, 'dims'>, dims: readonly string[]): string {
  const names = dims.length > 0 ? dims : Object.keys(cell.dims).sort();
  return names.map((d) => `${d}=${cell.dims[d] ?? ''}`).join(' ');
}

function indexCells(table: PublishedTable | undefined): Map<string, PublishedCell> {
  const index = new Map<string, PublishedCell>();
  for (const cell of table?.cells ?? []) index.set(`${cellKey(cell, table!.dims)}\u0000${cell.measure}`, cell);
  return index;
}

export function diffTable(name: string, a: PublishedTable | undefined, b: PublishedTable | undefined): TableDiff {
  const ia = indexCells(a);
  const ib = indexCells(b);
  // In the order of the tables themselves (quarters -8..12 stay in order), then cells only in B.
  const keys = [...new Set([...ia.keys(), ...ib.keys()])];
  const changed: CellChange[] = [];
  for (const k of keys) {
    const ca = ia.get(k);
    const cb = ib.get(k);
    const va = ca?.value ?? null;
    const vb = cb?.value ?? null;
    if (ca && cb && va === vb && ca.status === cb.status) continue;
    const [key, measure] = k.split('\u0000');
    const change: CellChange = { key, measure, a: va, b: vb, statusA: ca?.status ?? 'absent', statusB: cb?.status ?? 'absent' };
    if (va !== null && vb !== null) {
      change.delta = roundDelta(vb - va);
      if (va !== 0) change.relative = roundDelta((vb - va) / Math.abs(va));
    }
    changed.push(change);
  }
  return { table: name, cellsA: a?.cells.length ?? 0, cellsB: b?.cells.length ?? 0, changed };
}

// Keeps float noise (0.1 + 0.2) out of the report of a difference.
const roundDelta = (x: number) => Math.round(x * 1e9) / 1e9;

export interface RunSide {
  manifest: Record<string, unknown>;
  tables: PublishedTable[];
}

export function diffRuns(a: RunSide, b: RunSide): RunDiff {
  const section = (key: string) => diffValues(a.manifest[key], b.manifest[key], key);
  const others = [...new Set([...Object.keys(a.manifest), ...Object.keys(b.manifest)])]
    .filter((k) => !['counts', 'inputs', 'parameters'].includes(k) && !IGNORED_MANIFEST_KEYS.has(k))
    .sort()
    .flatMap(section);
  const byName = (tables: PublishedTable[]) => new Map(tables.map((t) => [t.name, t]));
  const ta = byName(a.tables);
  const tb = byName(b.tables);
  const names = [...new Set([...ta.keys(), ...tb.keys()])].sort();
  return {
    parameters: [...section('parameters'), ...others],
    counts: section('counts'),
    inputs: section('inputs'),
    tables: names.map((n) => diffTable(n, ta.get(n), tb.get(n))),
  };
}

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

function showCell(value: number | null, status: CellChange['statusA']): string {
  if (status === 'absent') return '(absent)';
  if (status === 'suppressed') return 'suppressed';
  return `${value}${status === 'noisy' ? ' (noisy)' : ''}`;
}

export function formatRunDiff(diff: RunDiff): string {
  const lines: string[] = [];
  const values = (title: string, changes: ValueChange[]) => {
    lines.push(`${title}: ${changes.length === 0 ? 'no differences' : ''}`.trimEnd());
    for (const c of changes) lines.push(`  ${c.path}: ${show(c.a)} -> ${show(c.b)}`);
  };
  values('parameters', diff.parameters);
  values('inputs', diff.inputs);
  values('counts', diff.counts);
  for (const t of diff.tables) {
    const cells = Math.max(t.cellsA, t.cellsB);
    lines.push(`table ${t.table}: ${t.changed.length} of ${cells} cells changed`);
    for (const c of t.changed) {
      let by = '';
      if (c.delta !== undefined) by = ` (${c.delta >= 0 ? '+' : ''}${c.delta}${c.relative !== undefined ? `, ${c.relative >= 0 ? '+' : ''}${(c.relative * 100).toFixed(1)}%` : ''})`;
      lines.push(`  ${c.key} ${c.measure}: ${showCell(c.a, c.statusA)} -> ${showCell(c.b, c.statusB)}${by}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
