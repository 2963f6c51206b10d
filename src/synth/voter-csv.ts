import { csvLine } from './formatting.ts';
import type { VoterRecord } from './voter-files.ts';

export const VOTER_HEADER = ['voter_id', 'first_name', 'last_name', 'city', 'zip'] as const;

/** One benchmark file as CSV, in the column order of a voter-file extract. */
export function voterCsv(records: readonly VoterRecord[]): string {
  let text = csvLine(VOTER_HEADER);
  for (const r of records) text += csvLine([r.voterId, r.firstName, r.lastName, r.city, r.zip]);
  return text;
}

/** Ground truth in the form `credlink evaluate --truth` reads: source,local_id,person_id. */
export function voterTruthCsv(sources: ReadonlyArray<{ source: string; records: readonly VoterRecord[] }>): string {
  let text = 'source,local_id,person_id\n';
  for (const { source, records } of sources) for (const r of records) text += `${source},${r.voterId},p${r.person}\n`;
  return text;
}
