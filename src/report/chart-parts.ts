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

/** Breaks a label into lines of about `width` characters, joined by "|" for the axis labelExpr. */
export function wrapLabel(text: string, width = 24): string {
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

/** Horizontal bars with their values printed and a visible mark for every suppressed row. */
export function barChart(rows: readonly BarRow[], options: BarOptions): ChartSpec {
  const lines = Math.max(1, ...rows.map((r) => r.label.split('|').length));
  const x = { field: 'value', type: 'quantitative', title: options.axisTitle, axis: { format: options.format, tickCount: 4 }, ...(options.domain ? { scale: { domain: options.domain } } : {}) };
  const published = { filter: 'isValid(datum.value)' };
  const color = options.grouped ? { color: { field: 'group', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } } } : { color: { value: '#4c78a8' } };
  return {
    width: options.width ?? 150,
    height: { step: lines > 1 ? 14 * lines + 6 : 20 },
    data: { values: rows.map((r) => ({ ...r, value: r.value })) },
    encoding: { y: { field: 'label', type: 'nominal', title: null, sort: null, axis: WRAPPED_AXIS } },
    layer: [
      { transform: [published], mark: { type: 'bar' }, encoding: { x, ...color } },
      // Values print beyond the bar's end: right of a positive bar, left of a negative one.
      { transform: [{ filter: 'isValid(datum.value) && datum.value >= 0' }], mark: { type: 'text', align: 'left', dx: 3, fontSize: 11 }, encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } } },
      { transform: [{ filter: 'isValid(datum.value) && datum.value < 0' }], mark: { type: 'text', align: 'right', dx: -3, fontSize: 11 }, encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } } },
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
      shape: { datum: SUPPRESSED_TEXT, type: 'nominal', scale: { range: ['cross'] }, legend: { title: null, orient: 'bottom', symbolFillColor: SUPPRESSED_COLOR, symbolStrokeColor: SUPPRESSED_COLOR } },
    },
  };
}
