/**
 * Summarizes a V8 CPU profile of `credlink hash` (docs/performance.md, "hash: a CPU profile"):
 *
 *   node --cpu-prof --cpu-prof-dir=prof bin/credlink.js hash --schema S --mapping M --secret-file K roster.csv -o out
 *   npx tsx bench/hash-profile.ts prof [rows]
 *
 * Prints, for the main thread's profile, the share of samples by phase of a row (self time of the
 * functions that belong to it) and the top functions by inclusive time. Run it on a build (dist/)
 * to get real line numbers; through tsx the sources are transformed and start-up counts more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Phases by source file (self time); the first match wins. */
const PHASES: Array<[string, RegExp]> = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['idle (waiting on I/O)', /^\(idle\)$/],
  ['CSV parsing (csv-records, csv-parse)', /csv-parse|ResizeableBuffer|src\/io\/(csv-records|csv-rows|counting-parser)/],
  ['normalizing', /src\/normalize\//],
  ['hardening (diffusion, folding)', /src\/encode\/(hardening|diffused-sum)/],
  ['field filters (tokens, bits, value cache)', /src\/encode\/(field-encoder|bloom-filter|token-table|token-positions|tokenize)/],
  ['BLAKE3 (tokens, pseudonyms, keys)', /src\/encode\/keyed-blake3/],
  ['blocking keys', /src\/encode\/(blocking-keys|soundex)/],
  ['encoder loop, pseudonym', /src\/encode\/(encoder|pseudonym|seen-persons)/],
  ['per-row glue (hash-batch, hash)', /src\/(encode\/hash-|cli\/hash)/],
  ['extract lines (JSON, base64)', /src\/io\/extract-lines/],
  ['writing, SHA-256', /src\/io\/(extract-file|atomic)|node:internal\/(crypto|fs)|node:fs|writeBuffer|streams/],
  ['module loading, tsx', /node:internal\/modules|tsx|esbuild|cjs-module-lexer|compile/],
];

/** Per bundled chunk, the `// src/...` markers esbuild writes before each module, by line. */
const markers = new Map<string, Array<[number, string]>>();

/** The source file of a frame: its URL, or in a dist/ chunk the module that holds the line. */
function sourceOf(url: string, line: number): string {
  if (!/\/dist\/chunk-[^/]+\.js$/.test(url) && !/\/dist\/cli\.js$/.test(url)) return url;
  let list = markers.get(url);
  if (!list) {
    list = [];
    readFileSync(new URL(url), 'utf8').split('\n').forEach((text, i) => {
      const m = /^\/\/ (src\/\S+)$/.exec(text);
      if (m) list!.push([i, m[1]]);
    });
    markers.set(url, list);
  }
  let source = url;
  for (const [at, name] of list) if (at <= line) source = name;
  return source;
}

function phaseOf(node: ProfileNode): string {
  const name = node.callFrame.functionName;
  const source = sourceOf(node.callFrame.url, node.callFrame.lineNumber);
  for (const [phase, pattern] of PHASES) if (pattern.test(source || name) || pattern.test(`${source} ${name}`)) return phase;
  return 'other';
}

function summarize(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const phases = new Map<string, number>();
  for (const [id, t] of self) {
    const phase = phaseOf(byId.get(id) as ProfileNode);
    phases.set(phase, (phases.get(phase) ?? 0) + t);
  }
  const inclusive = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id) as ProfileNode;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
    let t = self.get(id) ?? 0;
    const outermost = !open.has(key);
    open.add(key);
    for (const child of node.children ?? []) t += walk(child, open);
    if (outermost) {
      open.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    }
    return t;
  };
  walk(profile.nodes[0].id, new Set());
  const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
  return [
    `${(total / 1e6).toFixed(2)} s sampled`,
    'by phase (self time):',
    ...[...phases].sort((a, b) => b[1] - a[1]).map(([phase, t]) => `  ${pct(t)}  ${phase}`),
    `top ${top} by inclusive time:`,
    ...[...inclusive].sort((a, b) => b[1] - a[1]).slice(1, top + 1).map(([key, t]) => `  ${pct(t)}  ${key}`),
  ];
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx bench/hash-profile.ts PROFILE_DIR [TOP]');
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
// The main thread's profile is the first; tsx's loader thread and workers write their own.
for (const file of files.slice(0, 1)) {
  console.log(`== ${file}`);
  console.log(summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, Number(process.argv[3] ?? 25)).join('\n'));
}
