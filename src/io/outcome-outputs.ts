import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import type { OutcomeTables } from '../outcomes/compute-outcome-tables.ts';
import { marginsJson, tableCsv, tableJson, type LinkageError } from '../outcomes/render-outputs.ts';

/** Writes every table as CSV and JSON, the DP budget (if any), the summary and the run manifest, each atomically. */
export async function writeOutcomeOutputs(outDir: string, result: OutcomeTables, linkage: LinkageError | undefined, summary: string, manifest: object): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const put = async (name: string, text: string) => {
    await writeFileAtomic(join(outDir, name), text);
    written.push(name);
  };
  for (const table of result.tables) {
    await put(`${table.name}.csv`, tableCsv(table));
    await put(`${table.name}.json`, tableJson(table, linkage, result.dollars));
  }
  if (result.budget) await put('dp-budget.json', `${JSON.stringify(result.budget, null, 2)}\n`);
  await put('margins.json', marginsJson(result.margins, manifest));
  await put('summary.md', summary);
  await put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}
