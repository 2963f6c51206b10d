import { hungarianMaximize } from './hungarian.ts';

/** A scored candidate link between record `left` of side a and record `right` of side b. */
export interface Edge {
  left: number;
  right: number;
  weight: number;
  probability: number;
}

export interface AssignmentOptions {
  /** Components with more records than this on a side are paired greedily instead of optimally. */
  maxOptimalSide: number;
}

export const DEFAULT_ASSIGNMENT: AssignmentOptions = { maxOptimalSide: 300 };

/** Strongest first; ties broken by record index so that the result never depends on input order. */
export function compareEdges(x: Edge, y: Edge): number {
  return y.weight - x.weight || x.left - y.left || x.right - y.right;
}

/**
 * One-to-one links between two duplicate-free sides: per connected component of the edge graph,
 * the set of links with the largest total match weight (Hungarian); greedy strongest-first for
 * very large components, where the cubic cost would dominate.
 */
export function assignOneToOne(edges: readonly Edge[], options: AssignmentOptions = DEFAULT_ASSIGNMENT): Edge[] {
  const chosen: Edge[] = [];
  for (const component of components(edges)) {
    const lefts = [...new Set(component.map((e) => e.left))].sort((a, b) => a - b);
    const rights = [...new Set(component.map((e) => e.right))].sort((a, b) => a - b);
    if (component.length === 1) chosen.push(component[0]);
    else if (Math.min(lefts.length, rights.length) > options.maxOptimalSide) chosen.push(...greedyOneToOne(component));
    else chosen.push(...optimal(component, lefts, rights));
  }
  return chosen.sort(compareEdges);
}

function optimal(component: Edge[], lefts: number[], rights: number[]): Edge[] {
  const swap = lefts.length > rights.length;
  const rowIds = swap ? rights : lefts;
  const colIds = swap ? lefts : rights;
  const rowOf = new Map(rowIds.map((id, i) => [id, i]));
  const colOf = new Map(colIds.map((id, j) => [id, j]));
  const weights = new Float64Array(rowIds.length * colIds.length);
  const edgeAt = new Map<number, Edge>();
  // Weights are lifted above 0 (when a low threshold admits negative ones) so that "no link" (0) stays the worse choice.
  const shift = Math.max(0, -component.reduce((min, e) => Math.min(min, e.weight), Infinity)) + 1e-6;
  for (const edge of component) {
    const cell = rowOf.get(swap ? edge.right : edge.left)! * colIds.length + colOf.get(swap ? edge.left : edge.right)!;
    weights[cell] = edge.weight + shift;
    edgeAt.set(cell, edge);
  }
  const assignment = hungarianMaximize(weights, rowIds.length, colIds.length);
  const out: Edge[] = [];
  assignment.forEach((col, row) => {
    const edge = edgeAt.get(row * colIds.length + col);
    if (edge) out.push(edge);
  });
  return out;
}

export function greedyOneToOne(edges: readonly Edge[]): Edge[] {
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const out: Edge[] = [];
  for (const edge of [...edges].sort(compareEdges)) {
    if (usedLeft.has(edge.left) || usedRight.has(edge.right)) continue;
    usedLeft.add(edge.left);
    usedRight.add(edge.right);
    out.push(edge);
  }
  return out;
}

/** Each right record keeps only its strongest link: side a is duplicate-free, side b may repeat a person. */
export function assignManyToOne(edges: readonly Edge[]): Edge[] {
  const best = new Map<number, Edge>();
  for (const edge of [...edges].sort(compareEdges)) if (!best.has(edge.right)) best.set(edge.right, edge);
  return [...best.values()].sort(compareEdges);
}

/** Connected components of the edge graph, by union-find over typed arrays (records of a, then of b). */
function components(edges: readonly Edge[]): Edge[][] {
  let lefts = 0;
  let rights = 0;
  for (const e of edges) {
    if (e.left >= lefts) lefts = e.left + 1;
    if (e.right >= rights) rights = e.right + 1;
  }
  const parent = new Int32Array(lefts + rights);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const e of edges) {
    const ra = find(e.left);
    const rb = find(lefts + e.right);
    if (ra !== rb) parent[ra] = rb;
  }
  const groupOf = new Int32Array(parent.length).fill(-1);
  const groups: Edge[][] = [];
  for (const e of edges) {
    const root = find(e.left);
    if (groupOf[root] < 0) {
      groupOf[root] = groups.length;
      groups.push([]);
    }
    groups[groupOf[root]].push(e);
  }
  return groups;
}
