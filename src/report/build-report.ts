import { credentialSection } from './credential-section.ts';
import { diagnosticsSection } from './diagnostics-section.ts';
import { REPORT_CSS, anchor, esc } from './html.ts';
import { methodsSection } from './methods-section.ts';
import { summarySection } from './overview-section.ts';
import { credentialsOf } from './published-lookup.ts';
import type { ReportInput } from './report-input.ts';
import { renderPublishedTable } from './table-view.ts';

/*
 * The run's report: one self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched; the Content-Security-Policy makes a browser refuse any load). Built from published
 * tables and linkage aggregates only, in a fixed order, so the same run gives the same bytes.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export async function buildReport(input: ReportInput): Promise<string> {
  const credentials = credentialsOf(input.tables);
  const credentialParts: string[] = [];
  for (const c of credentials) credentialParts.push(await credentialSection(input, c));
  const nav = [
    ['summary', 'Summary'],
    ['overview', 'All credentials'],
    ...credentials.map((c) => [`credential-${anchor(c)}`, input.credentialNames?.[c] ?? c]),
    ['linkage', 'Linkage diagnostics'],
    ['tables', 'Tables'],
    ['methods', 'Methods'],
  ]
    .map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(input.title)}</h1>
<p class="subtitle">${esc(input.jobName)}${input.description ? ` - ${esc(input.description)}` : ''}</p>
</header>
<nav><ol>${nav}</ol></nav>
${await summarySection(input, credentials)}
${credentialParts.join('\n')}
${await diagnosticsSection(input)}
<section id="tables">
<h2>Tables</h2>
<p class="note">Cells marked <span class="suppressed">suppressed</span> were withheld by disclosure control; they are not zero. Verdicts marked <span class="withheld">no verdict</span> were withheld because of the method, with every input published.</p>
${input.tables.map((t) => renderPublishedTable(t, input.tables, input.credentialNames)).join('\n')}
</section>
${methodsSection(input)}
</body>
</html>
`;
}
