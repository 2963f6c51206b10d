#!/usr/bin/env node
// How many spine persons of a `credlink synth` world share their identifying values with another
// spine person: the namesakes no linker can tell apart on those fields, however good its model.
// A roster that carries only names and ZIP (tradecert) meets a coin flip for each such person.
//
//   node scripts/namesake-share.mjs WORLD_DIR [WORLD_DIR...]
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const KEYS = {
  'first + last + ZIP': (r) => `${r.first_name}|${r.last_name}|${r.zip}`,
  'first + last + DOB': (r) => `${r.first_name}|${r.last_name}|${r.dob}`,
  'first + last + DOB + ZIP': (r) => `${r.first_name}|${r.last_name}|${r.dob}|${r.zip}`,
};

const clean = (s) => s.toLowerCase().replace(/[^a-z]/g, '');

async function spineRows(dir) {
  const lines = createInterface({ input: createReadStream(join(dir, 'spine.csv')), crlfDelay: Infinity });
  let header;
  const rows = [];
  for await (const line of lines) {
    // spine.csv holds no quoted commas (names, a date, an SSN, a ZIP).
    const cells = line.split(',');
    if (!header) {
      header = cells;
      continue;
    }
    const r = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    rows.push({ first_name: clean(r.first_name), last_name: clean(r.last_name), dob: r.dob, zip: r.zip.slice(0, 5) });
  }
  return rows;
}

for (const dir of process.argv.slice(2)) {
  const rows = await spineRows(dir);
  const out = [`${dir}: ${rows.length} spine records`];
  for (const [name, key] of Object.entries(KEYS)) {
    const counts = new Map();
    for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    const shared = rows.reduce((n, r) => n + (counts.get(key(r)) > 1 ? 1 : 0), 0);
    out.push(`  ${name}: ${shared} share it with another spine record (${((100 * shared) / rows.length).toFixed(2)}%)`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
