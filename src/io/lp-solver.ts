import highs from 'highs';
import type { LpSolver } from '../disclosure/margin-audit.ts';

// The package's types describe a CommonJS module; under ESM its default export is the loader itself.
const loadHighs = highs as unknown as typeof highs.default;

let loading: Promise<LpSolver> | undefined;

/**
 * HiGHS (University of Edinburgh's LP/MIP solver, compiled to WebAssembly by the `highs` package),
 * loaded once per process: the disclosure audit solves many small integer programs.
 */
export function loadLpSolver(): Promise<LpSolver> {
  loading ??= loadHighs().then((solver) => (lp: string) => {
    const result = solver.solve(lp, { output_flag: false });
    const values: Record<string, number> = {};
    if (result.Status === 'Optimal') for (const [name, column] of Object.entries(result.Columns)) values[name] = column.Primal;
    return { status: result.Status, objective: result.ObjectiveValue, values };
  });
  return loading as Promise<LpSolver>;
}
