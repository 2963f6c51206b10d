import { MAPPING_TEMPLATES, type DataHolderRole } from './mapping-templates.ts';

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
| \`duplicateFree\` | \`true\` (the default when the key is left out) when one person appears under one person id only. Set \`false\` when the same person may appear under several ids; the linker then allows many-to-one links. See "Duplicate-free" above for the value this template sets. |
| \`fields\` | Identifier columns, by field name (\`first_name\`, \`middle_name\`, \`last_name\`, \`name_suffix\`, \`dob\`, \`ssn\`, \`email\`, \`phone\`, \`postcode\`, \`sex\`, \`city\`, \`street_address\`, \`state\`, \`identifier\`: any other id you and the other holders share, such as a student or member number). Leave out what you do not have. Date fields take \`formats\` (tokens \`YYYY\`, \`YY\`, \`MM\`, \`M\`, \`DD\`, \`D\`, \`MON\`), tried in order; a date split over three columns is \`{ "parts": { "year": "...", "month": "...", "day": "..." } }\`. |
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

/** Why the template sets duplicateFree as it does, and when to change it. */
const DUPLICATE_FREE_REASONS: Record<DataHolderRole, string> = {
  issuer: `many certification bodies give a candidate who registers again a new candidate id, so one
person can sit in the roster under two ids`,
  education: `an enrollment file keys each student on one id across terms`,
  wages: `a mistyped SSN in one quarter is a second id for the same worker`,
  spine: `a population register holds each person once`,
};

function duplicateFreeNote(role: DataHolderRole): string {
  const value = MAPPING_TEMPLATES[role].duplicateFree;
  const advice = value
    ? `Set it to \`false\` only if one person can appear under several ids in your file.`
    : `If your file gives each person one id, set it to \`true\`: one-to-one links are more
precise (on the FEBRL benchmark, many-to-one links cost two points of F1). \`credlink hash\`
warns when a roster marked \`false\` has no id on more than one row.`;
  return `## Duplicate-free

This template sets \`"duplicateFree": ${value}\`${value ? ', which is also the default when the key is left out' : ' although the default, when the key is left out, is `true`'}:
${DUPLICATE_FREE_REASONS[role]}. ${advice}`;
}

export function mappingNotes(role: DataHolderRole): string {
  return `# mapping.json explained

${ROLE_NOTES[role]}

Rename the \`column\` values to the headers of your CSV file and delete the fields you do not
hold. Check your edits with \`credlink validate mapping.json\`.

${duplicateFreeNote(role)}

${COMMON_KEYS}`;
}
