import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';

/** A certification body's roster: "LAST, FIRST MIDDLE" names with diacritics, US dates, SSNs with dashes, a repeat exam. */
export const ROSTER_CSV = `Candidate ID,Name,Birth Date,SSN,Email,ZIP,Credential,Exam Date,Result
TC-0001,"GARCÍA LÓPEZ, María José",04/17/1988,123-45-6780,Maria.Garcia@Mail.com,02134,CNA,03/14/2023,pass
TC-0002,"O'Brien, Seán",03/17/1991,234-56-7891,sobrien@gmail.com,60614,LPN,04/02/2023,fail
TC-0002,"O'Brien, Seán",03/17/1991,234-56-7891,sobrien@gmail.com,60614,LPN,06/02/2023,pass
TC-0003,"Nguyễn, Thị Hương",11/05/1979,345-67-8912,huong.nguyen@yahoo.com,95112,CNA,05/01/2023,pass
TC-0004,"Müller-Schmidt, Jürgen",07/22/1965,456-78-9123,jmuller@outlook.com,10027,HHA,02/10/2023,pass
TC-0005,"Åberg, Øystein",12/31/1999,567-89-1234,oystein.aberg@icloud.com,98101,CNA,07/15/2023,fail
TC-0006,"DE LA CRUZ, Zoë",09/09/1984,678-91-2345,zoe.delacruz@hotmail.com,78704,PHT,08/20/2023,pass
TC-0007,"Kowalczyk, Bartłomiej",02/28/1972,789-12-3456,bart.kowalczyk@aol.com,44102,CNA,01/30/2023,pass
`;

/** Every identifier of the roster in the forms it might leak in: raw, normalized, digits only, other date orders. */
export const ROSTER_IDENTIFIERS = [
  'garcía', 'garcia', 'lópez', 'lopez', 'maría', 'maria', 'josé', 'jose', "o'brien", 'obrien', 'seán', 'sean',
  'nguyễn', 'nguyen', 'hương', 'huong', 'müller', 'muller', 'mueller', 'schmidt', 'jürgen', 'jurgen',
  'åberg', 'aberg', 'øystein', 'oystein', 'cruz', 'zoë', 'kowalczyk', 'bartłomiej', 'bartlomiej',
  ...['123-45-6780', '234-56-7891', '345-67-8912', '456-78-9123', '567-89-1234', '678-91-2345', '789-12-3456'].flatMap((ssn) => [ssn, ssn.replace(/-/g, '')]),
  'maria.garcia@mail.com', 'sobrien@gmail.com', 'huong.nguyen@yahoo.com', 'jmuller@outlook.com', 'oystein.aberg@icloud.com', 'zoe.delacruz@hotmail.com', 'bart.kowalczyk@aol.com',
  ...[['1988', '04', '17'], ['1991', '03', '17'], ['1979', '11', '05'], ['1965', '07', '22'], ['1999', '12', '31'], ['1984', '09', '09'], ['1972', '02', '28']].flatMap(([y, m, d]) => [
    `${m}/${d}/${y}`, `${y}-${m}-${d}`, `${y}${m}${d}`, `${m}${d}${y}`, `${d}${m}${y}`,
  ]),
];

export const ROSTER_MAPPING = {
  credlinkMapping: 1,
  source: 'techcert',
  role: 'roster',
  personId: { column: 'Candidate ID' },
  duplicateFree: false,
  fullName: { column: 'Name', order: 'last_first' },
  fields: {
    dob: { column: 'Birth Date', formats: ['MM/DD/YYYY'] },
    ssn: { column: 'SSN' },
    email: { column: 'Email' },
    postcode: { column: 'ZIP' },
  },
  payload: {
    credential: { column: 'Credential', type: 'code', required: true },
    exam_date: { column: 'Exam Date', type: 'date', formats: ['MM/DD/YYYY'] },
    result: { column: 'Result', type: 'code' },
  },
};

/** A hex secret fixed for the tests (never a real project's). */
export const TEST_SECRET_HEX = '9f3c2a71d04be85566f1a0c3e7d2b9184c6a5f0e3d2c1b0a99887766554433aa';

export function writeProject(dir: string): void {
  writeFileSync(join(dir, 'roster.csv'), ROSTER_CSV);
  writeFileSync(join(dir, 'roster.mapping.json'), JSON.stringify(ROSTER_MAPPING, null, 2));
  writeFileSync(join(dir, 'schema.json'), JSON.stringify(DEFAULT_SCHEMA, null, 2));
  writeFileSync(join(dir, 'project.key'), `${TEST_SECRET_HEX}\n`, { mode: 0o600 });
}
