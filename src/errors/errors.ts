import { formatFinding, type Finding } from './finding.ts';

/** Wrong flags, missing files, unknown keys in a job: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The data (or a config file) is wrong in a way the user can fix: exit code 1. */
export class DataError extends Error {
  override name = 'DataError';
  readonly findings: Finding[];
  constructor(findings: Finding | Finding[], message?: string) {
    const list = Array.isArray(findings) ? findings : [findings];
    super(message ?? list.map(formatFinding).join('\n'));
    this.findings = list;
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  return 1;
}
