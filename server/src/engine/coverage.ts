// Coverage (section 10): for each credential class, which of the seven controls a responder relies
// on are in place, whether a drill exercises it, and the verdict of its last drill; for the plan,
// how many classes have every control. The CLI's `irplan coverage`, the editor's lenses and the
// coverage view all read this one computation.
//
// The controls, in this order:
//   owner       an owner that names a defined contact
//   deputy      a deputy that names a defined contact other than the owner
//   revocation  a revocation with a target and at least one step
//   rollback    rollback criteria, at least one
//   evidence    at least one evidence item
//   validation  every service in used_by has a revocation.validate entry; a class with no used_by
//               passes (it declares no dependent that a rotation could break; an undeclared blast
//               radius is a review question, not something this check can see)
//   drilled     a drill in this document exercises the class
// The last drill's verdict is the simulator's (section 9) for the class's last drill in document
// order; it is reported beside the controls, not counted as one.
import type { PlanDocument } from './document';
import type { CredentialClass, Drill, Ref } from './model';
import type { Scope } from './scope';
import { quote } from './quote';
import { simulateDrill } from './simulate';

export const COVERAGE_CONTROLS = ['owner', 'deputy', 'revocation', 'rollback', 'evidence', 'validation', 'drilled'] as const;
export type CoverageControlName = (typeof COVERAGE_CONTROLS)[number];

export interface CoverageControl {
  name: CoverageControlName;
  ok: boolean;
  /** When not ok: what is missing and what to do, in one sentence. */
  missing?: string;
}

export interface ClassCoverage {
  classId: string;
  /** The class id's key (offsets), for editors. */
  range: { start: number; end: number };
  /** The seven controls, in COVERAGE_CONTROLS order. */
  controls: CoverageControl[];
  /** How many controls are ok. */
  covered: number;
  /** Always COVERAGE_CONTROLS.length (7). */
  total: number;
  drilled: boolean;
  /** Ids of the drills of this document that exercise the class, in document order. */
  drills: string[];
  /** The verdict of the last of those drills, by simulateDrill; undefined when there is none. */
  lastVerdict?: 'pass' | 'fail';
}

export interface PlanCoverage {
  classes: ClassCoverage[];
  /** Classes with every control ok. */
  fullyCovered: number;
  /** Number of classes. */
  total: number;
  /** fullyCovered / total, 0 when the document has no class. */
  share: number;
}

/**
 * Coverage of every credential class of `doc`, in document order. `scope` resolves owner and
 * deputy contacts; `incidentLead` (default: the plan's) is the simulator's last replacement.
 */
export function classCoverage(doc: PlanDocument, scope: Scope, incidentLead: string | undefined = doc.model.plan?.incidentLead?.value): ClassCoverage[] {
  const drillsByClass = new Map<string, Drill[]>();
  for (const drill of doc.model.drills.values()) {
    const id = drill.class?.value;
    if (id === undefined) continue;
    drillsByClass.set(id, [...(drillsByClass.get(id) ?? []), drill]);
  }
  return [...doc.model.classes.values()].map((cls) => coverageOf(cls, scope, drillsByClass.get(cls.id) ?? [], incidentLead));
}

export function planCoverage(doc: PlanDocument, scope: Scope): PlanCoverage {
  const classes = classCoverage(doc, scope);
  const fullyCovered = classes.filter((c) => c.covered === c.total).length;
  return { classes, fullyCovered, total: classes.length, share: classes.length === 0 ? 0 : fullyCovered / classes.length };
}

function coverageOf(cls: CredentialClass, scope: Scope, drills: Drill[], incidentLead: string | undefined): ClassCoverage {
  const controls: CoverageControl[] = [
    control('owner', ownerProblem(cls, scope)),
    control('deputy', deputyProblem(cls, scope)),
    control('revocation', revocationProblem(cls)),
    control('rollback', cls.rollback && cls.rollback.criteria.length > 0 ? undefined : 'no rollback criteria: add rollback.criteria with at least one condition under which revoking breaks more than it protects'),
    control('evidence', cls.evidence && cls.evidence.length > 0 ? undefined : "no evidence to preserve: add at least one evidence item (id, source, action, actor, retain), e.g. the issuer's audit log"),
    control('validation', validationProblem(cls)),
    control('drilled', drills.length > 0 ? undefined : `no drill exercises it: add a drill with class: ${cls.id} to measure its revocation before an attacker does`),
  ];
  const last = drills[drills.length - 1];
  return {
    classId: cls.id,
    range: { start: cls.key.start, end: cls.key.end },
    controls,
    covered: controls.filter((c) => c.ok).length,
    total: controls.length,
    drilled: drills.length > 0,
    drills: drills.map((d) => d.id),
    lastVerdict: last ? simulateDrill(last, cls, incidentLead).verdict : undefined,
  };
}

function control(name: CoverageControlName, missing: string | undefined): CoverageControl {
  return missing === undefined ? { name, ok: true } : { name, ok: false, missing };
}

function undefinedContact(ref: Ref, role: string, scope: Scope): string | undefined {
  if (scope.contacts.has(ref.value)) return undefined;
  return `the ${role} ${quote(ref.value)} is not a defined contact: define it under contacts (here or in an import) or name an existing contact`;
}

function ownerProblem(cls: CredentialClass, scope: Scope): string | undefined {
  if (!cls.owner) return 'no owner: add owner: <contact id>, the team accountable for revoking it';
  return undefinedContact(cls.owner, 'owner', scope);
}

function deputyProblem(cls: CredentialClass, scope: Scope): string | undefined {
  if (!cls.deputy) return 'no deputy: add deputy: <contact id>, someone other than the owner who can revoke when the owner is unreachable';
  if (cls.owner && cls.deputy.value === cls.owner.value) return `the deputy is the owner ${quote(cls.owner.value)}: name a different contact who can revoke when the owner is unreachable`;
  return undefinedContact(cls.deputy, 'deputy', scope);
}

function revocationProblem(cls: CredentialClass): string | undefined {
  const r = cls.revocation;
  if (!r?.node) return 'no revocation path: add revocation: with a target and at least one step (id, action, actor, duration)';
  if (!r.target && r.steps.length === 0) return 'the revocation has no target and no steps: add target: <duration> and at least one step';
  if (!r.target) return 'the revocation has no target: add target: <duration>, how fast it must be revoked';
  if (r.steps.length === 0) return 'the revocation has no steps: add at least one step (id, action, actor, duration)';
  return undefined;
}

function validationProblem(cls: CredentialClass): string | undefined {
  const validated = new Set((cls.revocation?.validate ?? []).flatMap((v) => (v.service ? [v.service.value] : [])));
  const unchecked = [...new Set(cls.usedBy.map((r) => r.value))].filter((s) => !validated.has(s));
  if (unchecked.length === 0) return undefined;
  const list = unchecked.map((s) => quote(s)).join(', ');
  return unchecked.length === 1
    ? `service ${list} in used_by has no revocation.validate check: add one that proves it works with the new credential`
    : `services ${list} in used_by have no revocation.validate check: add one per service that proves it works with the new credential`;
}
