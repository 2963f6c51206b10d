import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors/errors.ts';
import type { PublishedTable } from '../disclosure/cells.ts';
import { auditPublishedTables, type MarginsFile } from '../disclosure/tables-audit.ts';
import { terminalSafe } from '../disclosure/safe-text.ts';
import { loadLpSolver } from '../io/lp-solver.ts';
import type { CliIo } from './cli-io.ts';

export interface AuditOptions {
  tables: string;
  json?: boolean;
}

export function defineAuditCommand(io: CliIo): Command {
  return new Command('audit')
    .description('Check published tables for hidden cells their margins pin below the minimum cell (an integer program per group of margins)')
    .argument('<tables>', 'a tables folder written by credlink outcomes (or RUN/tables), with margins.json')
    .option('--json', 'print the audit as JSON')
    .addHelpText(
      'after',
      `
Reads every TABLE.json named in margins.json and, for each suppressed cell of a margin, solves
for the fewest and most people the published (rounded) cells allow (HiGHS). A cell whose most
is under the minimum cell is pinned. Exit 0 when none is, 1 when some are.

Example:
  $ credlink audit runs/base/tables`,
    )
    .action(async (tables: string, flags: { json?: boolean }) => runAudit({ tables, json: flags.json }, io));
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): ${what}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DataError({ code: 'AUDIT_NOT_JSON', file: path, detail: 'not JSON' });
  }
}

function asMarginsFile(doc: unknown, path: string): MarginsFile {
  const m = doc as Partial<MarginsFile>;
  const p = m?.policy;
  if (m?.credlinkMargins !== 1 || !Array.isArray(m.margins) || !p || ![p.minCell, p.roundingBase, p.rateDecimals].every((v) => typeof v === 'number')) {
    throw new DataError({ code: 'AUDIT_MARGINS_INVALID', file: path, detail: 'expected { credlinkMargins: 1, policy, margins } as credlink outcomes writes it' });
  }
  return m as MarginsFile;
}

export async function runAudit(options: AuditOptions, io: CliIo): Promise<void> {
  const marginsPath = join(options.tables, 'margins.json');
  const file = asMarginsFile(await readJsonFile(marginsPath, 'is it a tables folder written by credlink outcomes?'), marginsPath);
  const names = [...new Set(file.margins.flatMap((m) => [m.total, ...m.parts]).map(([table]) => table))].sort();
  const tables: PublishedTable[] = [];
  for (const name of names) {
    if (!/^[a-z0-9_-]+$/.test(name)) throw new DataError({ code: 'AUDIT_MARGINS_INVALID', file: marginsPath, detail: 'a table name that is not a file name' });
    const doc = (await readJsonFile(join(options.tables, `${name}.json`), 'margins.json names it')) as { dims?: string[]; cells?: Array<Record<string, unknown>> };
    const dims = doc.dims ?? [];
    tables.push({
      name,
      title: name,
      definition: '',
      dims,
      cells: (doc.cells ?? []).map((c) => ({
        dims: Object.fromEntries(dims.map((d) => [d, c[d] as string | number])),
        measure: String(c.measure),
        value: typeof c.value === 'number' ? c.value : null,
        count: typeof c.count === 'number' ? c.count : null,
        status: c.status as 'ok' | 'suppressed' | 'noisy',
      })),
    });
  }
  const audit = auditPublishedTables(tables, file, await loadLpSolver());
  if (options.json) io.stdout.write(terminalSafe(`${JSON.stringify(audit, null, 2)}\n`));
  else {
    const lines = [`${audit.margins} margins, ${audit.hiddenCellsInMargins} hidden cells in them; ${audit.pinned.length} pinned below ${file.policy.minCell} people.`];
    for (const p of audit.pinned) lines.push(`  ${p.table} ${Object.entries(p.dims).map(([k, v]) => `${k}=${v}`).join(' ')} ${p.measure}: ${p.low}..${p.high} people`);
    io.stdout.write(terminalSafe(`${lines.join('\n')}\n`));
  }
  if (audit.pinned.length > 0) throw new DataError({ code: 'DISCLOSURE_PINNED_CELLS', file: options.tables, detail: `${audit.pinned.length} hidden cells are pinned below the minimum cell by the published margins` });
}
