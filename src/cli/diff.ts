import { Command } from 'commander';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors/errors.ts';
import { parseJson } from '../io/config-file.ts';
import type { PublishedTable } from '../disclosure/cells.ts';
import { diffRuns, formatRunDiff, type RunDiff, type RunSide } from '../job/run-diff.ts';
import type { CliIo } from './cli-io.ts';
import { unreadableFile } from '../io/file-errors.ts';
import { terminalSafe } from '../disclosure/safe-text.ts';

export interface DiffOptions {
  runA: string;
  runB: string;
  json?: boolean;
  /** Exit 1 when the runs differ, as `git diff --exit-code`. */
  exitCode?: boolean;
}

export function defineDiffCommand(io: CliIo): Command {
  return new Command('diff')
    .description('Compare two run folders: changed parameters, inputs, counts and every changed table cell')
    .argument('<run-a>', 'run folder written by credlink run (the baseline)')
    .argument('<run-b>', 'run folder to compare with it')
    .option('--json', 'print the differences as JSON')
    .option('--exit-code', 'exit 1 when the runs differ (0 when they do not), for scripts')
    .addHelpText(
      'after',
      `
Cells are matched by table, dimension values and measure; a change shows both values, the
difference and the relative difference, or "suppressed" when disclosure control hid a cell.
Exit code 0 whether or not the runs differ, unless --exit-code: then 1 when they differ.

Example:
  $ credlink run job.json -o runs/base
  $ credlink run job.json -o runs/strict --set linkage.threshold=0.95
  $ credlink diff runs/base runs/strict
  $ credlink diff --exit-code --json runs/base runs/rerun > changes.json || echo "the rerun differs"`,
    )
    .action(async (runA: string, runB: string, flags: { json?: boolean; exitCode?: boolean }) => runDiff({ runA, runB, ...flags }, io));
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadableFile(path, error, '; is it a run folder written by credlink run?');
  }
  return parseJson(path, text, 'RUN_FILE_NOT_JSON');
}

/**
 * A table as `credlink outcomes` writes it (src/outcomes/render-outputs.ts tableJson):
 * `{ table, title, dims, cells: [{ ...dimension values, measure, value, count, status }] }`.
 */
function tableFromJson(doc: unknown): PublishedTable | undefined {
  const t = doc as { table?: unknown; title?: string; definition?: string; dims?: unknown; cells?: unknown };
  if (!t || typeof t.table !== 'string' || !Array.isArray(t.dims) || !Array.isArray(t.cells)) return undefined;
  const dims = t.dims as string[];
  return {
    name: t.table,
    title: t.title ?? t.table,
    definition: t.definition ?? '',
    dims,
    cells: (t.cells as Array<Record<string, unknown>>).map((c) => ({
      dims: Object.fromEntries(dims.map((d) => [d, c[d] as string | number])),
      measure: String(c.measure),
      value: (c.value as number | null) ?? null,
      count: (c.count as number | null) ?? null,
      status: c.status as PublishedTable['cells'][number]['status'],
      ...(typeof c.note === 'string' ? { note: c.note } : {}),
    })),
  };
}

/** Every published table in RUN/tables (the other JSON files there, such as manifest.json, are skipped). */
export async function readRunTables(runDir: string): Promise<PublishedTable[]> {
  const dir = join(runDir, 'tables');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new UsageError(`${runDir} has no tables/ folder; is it a run folder written by credlink run?`);
  }
  const tables: PublishedTable[] = [];
  for (const name of names) {
    const table = tableFromJson(await readJson(join(dir, name)));
    if (table) tables.push(table);
  }
  return tables;
}

export async function readRunSide(runDir: string): Promise<RunSide> {
  const manifest = (await readJson(join(runDir, 'run-manifest.json'))) as Record<string, unknown>;
  return { manifest, tables: await readRunTables(runDir) };
}

export async function runDiff(options: DiffOptions, io: CliIo): Promise<void> {
  const diff = diffRuns(await readRunSide(options.runA), await readRunSide(options.runB));
  const differ = runsDiffer(diff);
  // Run folders may come from elsewhere: their labels never reach the terminal as escape sequences.
  io.stdout.write(terminalSafe(options.json ? `${JSON.stringify({ differ, ...diff }, null, 2)}\n` : formatRunDiff(diff)));
  if (options.exitCode && differ) throw new DataError({ code: 'RUNS_DIFFER', detail: `${options.runA} and ${options.runB} differ (--exit-code)` });
}

export function runsDiffer(diff: RunDiff): boolean {
  return diff.parameters.length + diff.inputs.length + diff.counts.length > 0 || diff.tables.some((t) => t.changed.length > 0 || t.cellsA !== t.cellsB);
}
