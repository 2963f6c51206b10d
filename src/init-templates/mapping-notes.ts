import type { DataHolderRole } from './mapping-templates.ts';

/*
 * mapping.json cannot hold comments (its schema is strict), so `credlink init` writes this
 * explanation beside it as mapping.md.
 */

const COMMON_KEYS = `| key | meaning |
|---|---|
| \`credlinkMapping\` | Format version of this file; always \`1\`. |
| \`source\` | Short label of your source (lower case, digits, \`-\`, \`_\`). It keys your pseudonyms, so keep it stable between deliveries. |
| \`role\` | What the file holds: \`roster\`, \`education\`, \`wages\` or \`spine\`. The linker and the outcome measures rely on it. |
| \`delimiter\` | The CSV field separator, one character (\`,\`, \`;\`, \`\\t\` or \`|\`). |
| \`personId\` | Which column identifies a person locally: \`{ "column": "..." }\`, or \`{ "field": "ssn" }\` to key persons on a normalized identifier (wage files). It never leaves your machine in readable form. |
| \`duplicateFree\` | \`true\` when one person appears under one person id only. Set \`false\` when the same person may appear under several ids; the linker then allows many-to-one links. |
| \`fields\` | Identifier columns, by field name (\`first_name\`, \`middle_name\`, \`last_name\`, \`name_suffix\`, \`dob\`, \`ssn\`, \`email\`, \`phone\`, \`postcode\`, \`sex\`). Leave out what you do not have. Date fields take \`formats\` (tokens \`YYYY\`, \`YY\`, \`MM\`, \`M\`, \`DD\`, \`D\`, \`MON\`), tried in order; a date split over three columns is \`{ "parts": { "year": "...", "month": "...", "day": "..." } }\`. |
| \`fullName\` | Instead of separate name columns: \`{ "column": "name", "order": "last_first" }\` for "LAST, FIRST MIDDLE" or \`first_last\`. |
| \`payload\` | The non-identifying values that travel with the encoding, by payload name: \`{ "column", "type", "formats"?, "required"? }\`. Types: \`string\`, \`code\`, \`integer\`, \`number\`, \`date\`, \`year_quarter\`, \`boolean\`. A row lacking a \`required\` value is rejected. |
`;

const ROLE_NOTES: Record<DataHolderRole, string> = {
  issuer: `This template is for a certification body's exam roster: one row per exam attempt.
The payload names are fixed by the outcome measures: \`credential\` (your credential code, as in
the linker's credential catalog), \`exam_date\`, \`result\` (\`pass\` or \`fail\`), \`award_date\`
(empty unless passed) and \`expiry_date\`.`,
  education: `This template is for enrollment and degree records: one row per enrollment spell.
Payload names used by the outcome measures: \`college_code\`, \`enrollment_begin\`,
\`enrollment_end\`, \`enrollment_status\` (F/H/L/W/G), \`degree_title\`, \`degree_level\`
(certificate/associate/bachelor/master/doctoral), \`graduation_date\` and \`cip\`.`,
  wages: `This template is for unemployment-insurance wage records: one row per person, employer
and quarter. Persons are keyed on the SSN (\`"personId": { "field": "ssn" }\`), so a row without
a valid SSN cannot be used. Payload names used by the outcome measures: \`year\`, \`quarter\`
(1-4), \`employer_id\` (as in the employer file the linker holds) and \`wages\` (dollars paid
that quarter).`,
  spine: `This template is for a population spine: a register that holds every person once, with
the best identifiers. It carries no payload; the linker clusters every other source through it.`,
};

export function mappingNotes(role: DataHolderRole): string {
  return `# mapping.json explained

${ROLE_NOTES[role]}

Rename the \`column\` values to the headers of your CSV file and delete the fields you do not
hold. Check your edits with \`credlink validate mapping.json\`.

${COMMON_KEYS}`;
}
