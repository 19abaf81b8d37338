// Every id a plan writes must name something: contacts, services and severities in this document
// or its imports; classes and drills' step and evidence ids in this document.
import type { Ref } from '../model';
import { quote } from '../quote';
import { buildStepGraph } from '../stepGraph';
import type { Rule, RuleContext } from './rule';
import { didYouMean, isId } from './helpers';

type Kind = 'contact' | 'service' | 'severity';

const WHERE: Record<Kind, string> = {
  contact: 'contacts',
  service: 'services',
  severity: 'severities',
};

export const rule: Rule = {
  id: 'unresolved-reference',
  defaultSeverity: 'error',
  description: 'Every contact, service, severity, class, step and evidence id resolves, and every import can be read.',
  checkClass(ctx, cls) {
    const contact = (ref: Ref | undefined, role: string) => expect(ctx, 'contact', ref, role);
    const name = quote(cls.id);
    contact(cls.owner, `owner of class ${name}`);
    contact(cls.deputy, `deputy of class ${name}`);
    expect(ctx, 'severity', cls.severity, `severity of class ${name}`);
    cls.usedBy.forEach((r) => expect(ctx, 'service', r, `used by class ${name}`));
    for (const v of cls.revocation?.validate ?? []) expect(ctx, 'service', v.service, `validated after revoking ${name}`);
    for (const e of cls.evidence ?? []) contact(e.actor, `collecting evidence for ${name}`);
    for (const list of [cls.revocation?.steps ?? [], cls.rollback?.steps ?? []]) {
      for (const step of list) contact(step.actor, `acting in a step of ${name}`);
      const ids = list.flatMap((s) => (s.id ? [s.id.value] : []));
      for (const { ref } of buildStepGraph(list).unresolved) {
        ctx.report(ref.node, `no step ${quote(ref.value)} in this list of ${name}: "after" names step ids of the same list${didYouMean(ref.value, ids)}`);
      }
    }
  },
  check(ctx) {
    const m = ctx.doc.model;
    for (const problem of ctx.scope.importProblems) ctx.report(problem.entry.node, problem.message);

    const contact = (ref: Ref | undefined, role: string) => expect(ctx, 'contact', ref, role);
    contact(m.plan?.owner, 'the plan owner');
    contact(m.plan?.incidentLead, 'the incident lead');
    for (const sev of m.severities.values()) sev.notify.forEach((r) => contact(r, `notified for ${quote(sev.id)}`));
    for (const svc of m.services.values()) contact(svc.owner, `owner of service ${quote(svc.id)}`);

    for (const drill of m.drills.values()) {
      const name = quote(drill.id);
      drill.unavailable.forEach((r) => contact(r, `unavailable in drill ${name}`));
      expect(ctx, 'severity', drill.severity, `severity of drill ${name}`);
      if (!drill.class) continue;
      const cls = m.classes.get(drill.class.value);
      if (!cls) {
        ctx.report(drill.class.node, `drill ${name} exercises class ${quote(drill.class.value)}, which this document does not define: name one of its credential_classes${didYouMean(drill.class.value, m.classes.keys())}`);
        continue;
      }
      const stepIds = (cls.revocation?.steps ?? []).flatMap((s) => (s.id ? [s.id.value] : []));
      const evidenceIds = (cls.evidence ?? []).flatMap((e) => (e.id ? [e.id.value] : []));
      for (const inject of drill.injects) {
        for (const ref of inject.expect ?? []) {
          if (!stepIds.includes(ref.value)) ctx.report(ref.node, `class ${quote(cls.id)} has no revocation step ${quote(ref.value)}: "expect" names its step ids${didYouMean(ref.value, stepIds)}`);
        }
      }
      for (const objective of drill.objectives) {
        for (const ref of objective.evidence ?? []) {
          if (!evidenceIds.includes(ref.value)) ctx.report(ref.node, `class ${quote(cls.id)} has no evidence item ${quote(ref.value)}: name one of its evidence ids${didYouMean(ref.value, evidenceIds)}`);
        }
      }
    }
  },
};

function expect(ctx: RuleContext, kind: Kind, ref: Ref | undefined, role: string): void {
  if (!ref || !isId(ref.value)) return; // not an id at all: the schema rule says so
  const visible = kind === 'contact' ? ctx.scope.contacts : kind === 'service' ? ctx.scope.services : ctx.scope.severities;
  if (visible.has(ref.value)) return;
  ctx.report(
    ref.node,
    `no ${kind} ${quote(ref.value)} is defined (${role}): add it under ${WHERE[kind]} here or in an imported file, or fix the id${didYouMean(ref.value, visible.keys())}`,
  );
}
