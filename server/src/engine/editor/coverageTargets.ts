// Where each control that coverage finds missing belongs (section 10), so an editor can take the
// author there: for a reference that is wrong (an owner or deputy that is not a contact, a deputy
// who is the owner) that value; for something missing, the place its quick fix would write it
// (fixes.ts decides that place, in the spec's key order); failing both, the class's key.
import type { OffsetRange } from '../findings';
import type { PlanDocument } from '../document';
import type { CredentialClass } from '../model';
import type { Scope } from '../scope';
import type { ClassCoverage, CoverageControlName } from '../coverage';
import { controlFixer } from './fixes';

export interface ControlTarget {
  /** Empty (start = end) where something is to be written; the value itself when it is wrong. */
  range: OffsetRange;
  /** `value`: the wrong value; `insert`: where the missing key goes; `class`: the class key (no better place). */
  kind: 'value' | 'insert' | 'class';
}

/** For each class of `coverage` (by id), a target for each control that is not in place. */
export function coverageTargets(doc: PlanDocument, scope: Scope, coverage: readonly ClassCoverage[]): Map<string, Map<CoverageControlName, ControlTarget>> {
  const fix = controlFixer(doc, scope);
  const result = new Map<string, Map<CoverageControlName, ControlTarget>>();
  for (const c of coverage) {
    const cls = doc.model.classes.get(c.classId);
    if (!cls) continue;
    const targets = new Map<CoverageControlName, ControlTarget>();
    for (const control of c.controls) {
      if (!control.ok) targets.set(control.name, targetOf(cls, control.name, fix));
    }
    result.set(c.classId, targets);
  }
  return result;
}

function targetOf(cls: CredentialClass, control: CoverageControlName, fix: ReturnType<typeof controlFixer>): ControlTarget {
  // A reference that is there but wrong: the value to change.
  const ref = control === 'owner' ? cls.owner : control === 'deputy' ? cls.deputy : undefined;
  if (ref) return { range: { start: ref.node.start, end: ref.node.end }, kind: 'value' };
  const edits = fix(cls, control)?.edits;
  if (edits && edits.length > 0) {
    // Edits are sorted by offset: the first is where the author starts writing.
    const at = edits[0].range.start;
    return { range: { start: at, end: at }, kind: 'insert' };
  }
  return { range: { start: cls.key.start, end: cls.key.end }, kind: 'class' };
}
