import type { PublishedTable } from '../disclosure/cells.ts';
import type { LinkageSummary } from '../link/linkage-summary.ts';

/** model.json of a linkage folder (src/link/linkage-tables.ts modelJson): aggregate, no pseudonyms. */
export interface LinkageModelJson {
  credlinkModel: number;
  sourcePairs: Array<{
    sourceA: string;
    sourceB: string;
    levels: string[];
    prior: number;
    priorConverged?: boolean;
    uSampleSize?: number;
    fields: Array<{ field: string; mProbability: number[]; uProbability: number[]; matchWeight: number[] }>;
  }>;
}

export interface ReportExtract {
  source: string;
  role: string;
  persons: number;
  payloadRows: number;
  sha256: string;
}

/** Everything the report shows: aggregate data and parameters only, never a record-level file. */
export interface ReportInput {
  title: string;
  jobName: string;
  description?: string;
  toolVersion: string;
  jobSha256: string;
  extracts: ReportExtract[];
  tables: PublishedTable[];
  linkage: { summary: LinkageSummary; model?: LinkageModelJson };
  /** Parameters after defaults, as in the run manifest. */
  parameters: {
    linkage: Record<string, unknown>;
    outcomes: Record<string, unknown>;
    disclosure: Record<string, unknown>;
  };
  /** Holders counted in the tables and the share of all holders found in the population spine. */
  population?: {
    holders: number;
    shareFound: number;
    /** Holders by how they were found (rounded): through the spine, by a direct roster-wage link, not at all. */
    foundBy?: { spine: number; direct: number; notFound: number };
  };
  /** Credential code -> catalog name, when the catalog is known. */
  credentialNames?: Record<string, string>;
}

/** Real or nominal dollars, as the run's outcomes configuration set them (real unless it says nominal): chart axes say which. */
export function dollarsOfRun(input: Pick<ReportInput, 'parameters'>): 'real' | 'nominal' {
  return input.parameters.outcomes?.dollars === 'nominal' ? 'nominal' : 'real';
}
