import type { ChartSpec } from './render-chart.ts';

/*
 * Pieces shared by the report's charts. Every chart fits 360 px of width at its natural size
 * (a phone's 420 px less the page margins), so its text never shrinks below the 11 px set in
 * render-chart.ts; on a wide screen the charts sit side by side instead of growing.
 */

export interface ChartPlan {
  key: string;
  title: string;
  caption: string;
  spec: ChartSpec;
}

export const SUPPRESSED_COLOR = '#9a6a00';
export const SUPPRESSED_TEXT = 'suppressed';
// Above the plot, so that it never sits beside the series legend and widens the chart.
export const SUPPRESSED_LEGEND = { title: null, orient: 'top', symbolFillColor: SUPPRESSED_COLOR, symbolStrokeColor: SUPPRESSED_COLOR } as const;

/** Breaks a label into lines of about `width` characters, joined by "|" for the axis labelExpr. */
export function wrapLabel(text: string, width = 20): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('|');
}

/** Axis labels may carry line breaks as "|" (see wrapLabel); nothing is cut with an ellipsis. */
export const WRAPPED_AXIS = { labelExpr: "split(datum.label, '|')", labelLimit: 0, labelPadding: 4 } as const;

export interface BarRow {
  /** Axis label; wrapped with wrapLabel when long. */
  label: string;
  /** null: the cell was suppressed, drawn as a "suppressed" mark instead of a bar. */
  value: number | null;
  /** The figure printed at the end of the bar. */
  text: string;
  group?: string;
}

export interface BarOptions {
  axisTitle: string;
  format: string;
  domain?: [number, number];
  /** Colour the bars by group, with a legend. */
  grouped?: boolean;
  width?: number;
}

/**
 * Past a few suppressed rows, one row stands for all of them ("17 sectors: suppressed") and the
 * caption names them: every suppressed value stays marked without a chart of empty rows.
 */
export function foldSuppressed(rows: readonly BarRow[], noun: string, keep = 3): { rows: BarRow[]; folded: string[] } {
  const hidden = rows.filter((r) => r.value === null);
  if (hidden.length <= keep) return { rows: [...rows], folded: [] };
  const folded = hidden.map((r) => r.label.replace(/\|/g, ' '));
  return { rows: [...rows.filter((r) => r.value !== null), { label: wrapLabel(`${hidden.length} ${noun}`), value: null, text: '', group: hidden[0].group }], folded };
}

/** Horizontal bars with their values printed and a visible mark for every suppressed row. */
export function barChart(rows: readonly BarRow[], options: BarOptions): ChartSpec {
  const lines = Math.max(1, ...rows.map((r) => r.label.split('|').length));
  const x = { field: 'value', type: 'quantitative', title: options.axisTitle, axis: { format: options.format, tickCount: 4 }, ...(options.domain ? { scale: { domain: options.domain } } : {}) };
  const published = { filter: 'isValid(datum.value)' };
  const color = options.grouped ? { color: { field: 'group', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } } } : { color: { value: '#4c78a8' } };
  return {
    width: options.width ?? 120,
    height: { step: lines > 1 ? 14 * lines + 6 : 20 },
    data: { values: rows.map((r) => ({ ...r, textAt: r.value === null ? null : Math.max(0, r.value) })) },
    encoding: { y: { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label), axis: WRAPPED_AXIS } },
    layer: [
      { transform: [published], mark: { type: 'bar' }, encoding: { x, ...color } },
      // Values print right of a positive bar's end, and right of zero for a negative bar (left of
      // it they would run into the axis labels).
      { transform: [published], mark: { type: 'text', align: 'left', dx: 3, fontSize: 11 }, encoding: { x: { field: 'textAt', type: 'quantitative' }, text: { field: 'text' } } },
      {
        transform: [{ filter: '!isValid(datum.value)' }],
        mark: { type: 'text', align: 'left', dx: 2, fontSize: 11, fontStyle: 'italic', color: SUPPRESSED_COLOR },
        encoding: { x: { datum: 0, type: 'quantitative' }, text: { value: SUPPRESSED_TEXT } },
      },
    ],
  } as ChartSpec;
}

/**
 * Crosses on the x axis where a series' value was suppressed, in the series' colour, with a
 * "suppressed" legend entry: a gap in a line is never left unexplained.
 */
export function suppressedCrosses(values: object[], x: object, plotHeight: number, bySeries = true): object {
  return {
    data: { values },
    mark: { type: 'point', shape: 'cross', filled: true, size: 60, opacity: 1 },
    encoding: {
      x,
      y: { value: plotHeight - 5 },
      color: bySeries ? { field: 'series', type: 'nominal' } : { value: SUPPRESSED_COLOR },
      shape: { datum: SUPPRESSED_TEXT, type: 'nominal', scale: { range: ['cross'] }, legend: SUPPRESSED_LEGEND },
    },
  };
}
