/*
 * A progress bar on stderr, drawn only when stderr is a terminal: piped or logged runs get no
 * control characters, and stdout (data) is never touched. Redraws at most every 100 ms, so a
 * hot loop may call update() on every row; a new detail or stage is drawn at once, because the
 * step it names may hold the terminal for a long time (the link step is synchronous).
 */

export interface Progress {
  update(done: number, detail?: string): void;
  /** Starts a new stage with its own label and total (the bar restarts at 0). */
  stage(label: string, total?: number, detail?: string): void;
  finish(detail?: string): void;
}

interface ProgressSink {
  stderr: NodeJS.WritableStream;
  stderrIsTTY: boolean;
}

const NO_PROGRESS: Progress = { update() {}, stage() {}, finish() {} };
const BAR_WIDTH = 24;
const REDRAW_MS = 100;

export function progressLine(label: string, done: number, total: number | undefined, detail = ''): string {
  const count = done.toLocaleString('en-US');
  if (!total) return `${label} ${count}${detail ? ` ${detail}` : ''}`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  return `${label} ${bar} ${Math.floor(share * 100)}% ${count}/${total.toLocaleString('en-US')}${detail ? ` ${detail}` : ''}`;
}

export function createProgress(io: ProgressSink, label: string, total?: number, now: () => number = Date.now): Progress {
  if (!io.stderrIsTTY) return NO_PROGRESS;
  let lastDraw = 0;
  let last = 0;
  let lastDetail: string | undefined;
  let current = { label, total };
  const draw = (done: number, detail?: string) => {
    lastDraw = now();
    lastDetail = detail;
    io.stderr.write(`\r\x1b[K${progressLine(current.label, done, current.total, detail)}`);
  };
  return {
    update(done, detail) {
      last = done;
      if (detail === lastDetail && now() - lastDraw < REDRAW_MS) return;
      draw(done, detail);
    },
    stage(stageLabel, stageTotal, detail) {
      current = { label: stageLabel, total: stageTotal };
      last = 0;
      draw(0, detail);
    },
    finish(detail) {
      draw(current.total ?? last, detail);
      io.stderr.write('\n');
    },
  };
}
