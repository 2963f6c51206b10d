import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChromium, HeadlessPage } from '../../scripts/headless-chromium.ts';
import { LAYOUT_CHECKS, type LayoutReport } from '../../scripts/report-layout-checks.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { reportFixture } from './report-fixture.ts';

// Installs Debian's chromium where it can (scripts/install-chromium.sh); skips, saying why, where not.
const { browser, reason } = ensureChromium();
if (!browser) console.warn(`report-browser.test: skipped, no headless Chromium: ${reason}`);

describe.skipIf(!browser)('report.html in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credlink-report-browser-'));
  const file = join(dir, 'report.html');
  let page: HeadlessPage;
  let charts = 0;
  const layouts = new Map<number, LayoutReport>();

  beforeAll(async () => {
    const html = await buildReport(reportFixture());
    charts = html.match(/<figure data-chart=/g)?.length ?? 0;
    writeFileSync(file, html);
    page = await HeadlessPage.open(browser!);
    for (const width of [1400, 420]) {
      await page.load(file, width);
      layouts.set(width, await page.evaluate<LayoutReport>(LAYOUT_CHECKS));
    }
  });

  afterAll(async () => {
    await page?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each([1400, 420])('at %i px', (width) => {
    it('draws marks in every chart', () => {
      const layout = layouts.get(width)!;
      expect(layout.charts).toHaveLength(charts);
      for (const c of layout.charts) expect(c.marks, c.key).toBeGreaterThan(0);
    });

    it('keeps chart text at 11 px or more, inside its chart and uncut', () => {
      for (const c of layouts.get(width)!.charts) {
        expect(c.minFontPx, c.key).toBeGreaterThanOrEqual(11);
        expect(c.overflowingText, c.key).toEqual([]);
        expect(c.cutLabels, c.key).toEqual([]);
      }
    });

    it('lets nothing run off the page and no contents column overlap another', () => {
      const layout = layouts.get(width)!;
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.overflowingElements).toEqual([]);
      expect(layout.overlappingNavItems).toBe(0);
    });
  });
});
