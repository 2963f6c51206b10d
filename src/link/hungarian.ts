/**
 * Maximum-weight assignment on a dense rows × cols weight matrix (rows <= cols), by the
 * Hungarian method with potentials, O(rows² · cols). Returns the column of each row.
 * Weights of pairs that must not be chosen should be 0 (the caller drops those assignments).
 */
export function hungarianMaximize(weights: Float64Array, rows: number, cols: number): Int32Array {
  if (rows > cols) throw new RangeError('hungarianMaximize needs rows <= cols');
  const INF = Number.POSITIVE_INFINITY;
  // 1-based arrays as in the classic formulation; cost = -weight turns maximising into minimising.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = -weights[(i0 - 1) * cols + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j] !== 0) assignment[p[j] - 1] = j - 1;
  return assignment;
}
