import { sourceMappings } from '../synth/layouts.ts';
import type { SourceMapping, SourceRole } from '../schema/source-mapping.ts';

/*
 * Example mappings for the layouts each kind of data holder usually has: the mappings of the
 * bundled synthetic world (src/synth/layouts.ts), renamed, so that a newcomer can try them on
 * fixtures/world unchanged and the two can never drift apart. They are starting points: a
 * holder renames the columns to match its own file.
 */

export type DataHolderRole = 'issuer' | 'education' | 'wages' | 'spine';

/** The mapping role each `credlink init` role writes. */
export const MAPPING_ROLE: Record<DataHolderRole, SourceRole> = {
  issuer: 'roster',
  education: 'education',
  wages: 'wages',
  spine: 'spine',
};

// Rosters: candidates who re-register get a new id; wage files: a mistyped SSN is a second id.
const worldMappings = sourceMappings({ techcert: false, nurseboard: true, tradecert: true, education: true, wages: false, spine: true });

export const MAPPING_TEMPLATES: Record<DataHolderRole, SourceMapping> = {
  issuer: { ...worldMappings.techcert, source: 'my-board' },
  education: { ...worldMappings.education, source: 'my-clearinghouse' },
  wages: { ...worldMappings.wages, source: 'my-wage-agency' },
  spine: { ...worldMappings.spine, source: 'my-spine' },
};
