import type { CatalogCredential, OutcomePerson } from './outcome-person.ts';

export interface CataloguedPersons {
  persons: OutcomePerson[];
  /** Exam records left out because their credential code is not in the catalog. */
  uncataloguedRecords: number;
  /** How many different such codes (counted, never listed: a code might be a name or an SSN). */
  uncataloguedCodes: number;
}

/**
 * Only credentials of the catalog become table rows: an unknown code is a typo, a stale extract
 * or free text in the code column, and publishing it as a row label would print it in every table.
 */
export function keepCataloguedCredentials(persons: readonly OutcomePerson[], catalog: readonly CatalogCredential[]): CataloguedPersons {
  const known = new Set(catalog.map((c) => c.code));
  const unknown = new Set<string>();
  let uncataloguedRecords = 0;
  const kept = persons.map((person) => {
    if (person.credentials.every((exam) => known.has(exam.credential))) return person;
    const credentials = person.credentials.filter((exam) => {
      if (known.has(exam.credential)) return true;
      uncataloguedRecords++;
      unknown.add(exam.credential);
      return false;
    });
    return { ...person, credentials };
  });
  return { persons: kept, uncataloguedRecords, uncataloguedCodes: unknown.size };
}
