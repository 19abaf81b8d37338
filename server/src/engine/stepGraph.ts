// The order of a revocation's steps (section 9, "Order"): a step with `after` waits for those
// steps; a step without it waits for the previous step in the list; `after: []` starts at once.
// Shared by the simulator, the step-cycle rule and the editor's navigation.
import type { Ref, Step } from './model';

export interface Dependency {
  /** Index of the step waited on. */
  on: number;
  /** The `after` entry that says so; undefined for the implicit "previous step". */
  ref?: Ref;
}

export interface StepGraph {
  deps: Dependency[][];
  /** `after` entries naming no step of this list. */
  unresolved: { step: Step; ref: Ref }[];
}

export function buildStepGraph(steps: readonly Step[]): StepGraph {
  const indexById = new Map<string, number>();
  steps.forEach((s, i) => {
    if (s.id && !indexById.has(s.id.value)) indexById.set(s.id.value, i);
  });
  const unresolved: StepGraph['unresolved'] = [];
  const deps = steps.map((s, i): Dependency[] => {
    if (s.after === undefined) return i > 0 ? [{ on: i - 1 }] : [];
    const result: Dependency[] = [];
    for (const ref of s.after) {
      const on = indexById.get(ref.value);
      if (on === undefined) unresolved.push({ step: s, ref });
      else result.push({ on, ref });
    }
    return result;
  });
  return { deps, unresolved };
}

/**
 * Each elementary cycle found by a depth-first search, reported once: the `after` entry that
 * closes it (every cycle has one, since implicit edges only point backwards in the list).
 */
export function findCycles(graph: StepGraph): Ref[] {
  const state = new Uint8Array(graph.deps.length); // 0 new, 1 on the stack, 2 done
  const closing: Ref[] = [];
  const stack: number[] = [];
  const visit = (i: number): void => {
    state[i] = 1;
    stack.push(i);
    for (const dep of graph.deps[i]) {
      if (state[dep.on] === 1) {
        // The cycle is stack[from..]: point at an explicit `after` entry on it.
        const from = stack.indexOf(dep.on);
        const members = stack.slice(from);
        const ref = dep.ref ?? explicitEdgeIn(graph, members);
        if (ref) closing.push(ref);
      } else if (state[dep.on] === 0) {
        visit(dep.on);
      }
    }
    stack.pop();
    state[i] = 2;
  };
  for (let i = 0; i < graph.deps.length; i++) if (state[i] === 0) visit(i);
  return closing;
}

function explicitEdgeIn(graph: StepGraph, members: number[]): Ref | undefined {
  const inCycle = new Set(members);
  for (const m of members) {
    for (const dep of graph.deps[m]) if (dep.ref && inCycle.has(dep.on)) return dep.ref;
  }
  return undefined;
}

/** Steps in an order where each comes after everything it waits on; undefined when cyclic. */
export function topologicalOrder(graph: StepGraph): number[] | undefined {
  const n = graph.deps.length;
  const indegree = new Array<number>(n).fill(0);
  const dependents: number[][] = Array.from({ length: n }, () => []);
  graph.deps.forEach((ds, i) => {
    for (const d of ds) {
      indegree[i]++;
      dependents[d.on].push(i);
    }
  });
  const order: number[] = [];
  const ready = indegree.flatMap((deg, i) => (deg === 0 ? [i] : []));
  while (ready.length > 0) {
    const i = ready.shift()!;
    order.push(i);
    for (const j of dependents[i]) if (--indegree[j] === 0) ready.push(j);
  }
  return order.length === n ? order : undefined;
}
