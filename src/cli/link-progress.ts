import type { LinkProgress } from '../link/link-sources.ts';
import type { Progress } from '../io/progress.ts';

/** Shows the link step on a progress bar: source pairs scored of all, and the step under way in one. */
export function linkProgressOn(progress: Progress, label: string): LinkProgress {
  let shownTotal: number | undefined;
  return (done, total, step) => {
    if (total !== shownTotal) {
      shownTotal = total;
      progress.stage(`${label} (source pairs)`, total, step);
    } else progress.update(done, step);
  };
}
