// Screenshots a run's report.html with headless Chromium at a desktop and a phone width, and
// prints the layout checks the browser test applies (scripts/report-layout-checks.ts).
//
//   npx tsx scripts/screenshot-report.ts runs/base/report.html [OUT_DIR | OUT.png] [--tile PX]
//
// writes report-1400.png and report-420.png (the whole page), or with --tile, report-1400-01.png,
// ... pages of PX height that an image viewer shows without shrinking the text away.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ensureChromium, HeadlessPage } from './headless-chromium.ts';
import { LAYOUT_CHECKS, type LayoutReport } from './report-layout-checks.ts';

const WIDTHS = [1400, 420];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const tileAt = args.indexOf('--tile');
  const tile = tileAt >= 0 ? Number(args.splice(tileAt, 2)[1]) : undefined;
  const [report, outArg] = args;
  if (!report) {
    process.stderr.write('usage: scripts/screenshot-report.sh REPORT.html [OUT_DIR | OUT.png] [--tile PX]\n');
    return 2;
  }
  const { browser, reason } = ensureChromium();
  if (!browser) {
    process.stderr.write(`screenshot-report: ${reason}\n`);
    return 2;
  }
  // OUT may name a PNG (report.png -> report-1400.png, report-420.png) or a folder.
  const asFile = outArg?.endsWith('.png');
  const out = resolve(asFile ? dirname(outArg!) : (outArg ?? dirname(report)));
  const stem = asFile ? basename(outArg!, '.png') : basename(report, '.html');
  mkdirSync(out, { recursive: true });
  const page = await HeadlessPage.open(browser);
  let problems = 0;
  try {
    for (const width of WIDTHS) {
      await page.load(resolve(report), width);
      const shots = await page.screenshots(tile);
      const name = (i: number) => `${stem}-${width}${shots.length > 1 ? `-${String(i + 1).padStart(2, '0')}` : ''}.png`;
      shots.forEach((png, i) => writeFileSync(join(out, name(i)), png));
      const file = shots.length > 1 ? join(out, `${name(0)} .. ${name(shots.length - 1)}`) : join(out, name(0));
      const layout = await page.evaluate<LayoutReport>(LAYOUT_CHECKS);
      const bad = layout.charts.filter((c) => c.marks === 0 || c.minFontPx < 11 || c.overflowingText.length > 0 || c.cutLabels.length > 0);
      problems += bad.length + layout.overflowingElements.length + layout.overlappingNavItems + (layout.pageWidth > layout.viewport ? 1 : 0);
      process.stdout.write(`${width} px: wrote ${file}; ${layout.charts.length} charts, smallest chart text ${Math.min(...layout.charts.map((c) => c.minFontPx)).toFixed(1)} px, page ${layout.pageWidth} px wide\n`);
      for (const c of bad) process.stdout.write(`  chart ${c.key}: marks ${c.marks}, min font ${c.minFontPx.toFixed(1)} px, overflowing ${JSON.stringify(c.overflowingText.slice(0, 3))}, cut ${JSON.stringify(c.cutLabels.slice(0, 3))}\n`);
      for (const e of layout.overflowingElements) process.stdout.write(`  overflows the page: ${e}\n`);
      if (layout.overlappingNavItems > 0) process.stdout.write(`  contents: ${layout.overlappingNavItems} overlapping items\n`);
    }
  } finally {
    await page.close();
  }
  return problems > 0 ? 1 : 0;
}

process.exitCode = await main();
