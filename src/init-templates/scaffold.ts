import { DEFAULT_SCHEMA } from '../schema/default-schema.ts';
import { MAPPING_TEMPLATES, type DataHolderRole } from './mapping-templates.ts';
import { mappingNotes } from './mapping-notes.ts';
import { holderReadme, linkerReadme } from './readme-templates.ts';
import { jobTemplate, outcomesTemplate } from './job-template.ts';

export const INIT_ROLES = ['issuer', 'education', 'wages', 'spine', 'linker'] as const;
export type InitRole = (typeof INIT_ROLES)[number];

export interface ScaffoldFile {
  /** Relative to the new folder; `/` separated. */
  path: string;
  content: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The files `credlink init ROLE DIR` writes, in the order it lists them. */
export function scaffoldFiles(role: InitRole): ScaffoldFile[] {
  if (role === 'linker') {
    return [
      { path: 'README.md', content: linkerReadme() },
      { path: 'job.json', content: json(jobTemplate()) },
      { path: 'outcomes.json', content: json(outcomesTemplate()) },
      { path: 'extracts/.keep', content: '' },
    ];
  }
  const holder: DataHolderRole = role;
  return [
    { path: 'README.md', content: holderReadme(holder) },
    { path: 'schema.json', content: json(DEFAULT_SCHEMA) },
    { path: 'mapping.json', content: json(MAPPING_TEMPLATES[holder]) },
    { path: 'mapping.md', content: mappingNotes(holder) },
  ];
}
