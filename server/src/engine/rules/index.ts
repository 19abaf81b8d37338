// The rule catalogue, in the order of section 7. Each rule is one file named by its id.
import type { Rule } from './rule';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as schema } from './schema';
import { rule as classOwner } from './class-owner';
import { rule as classDeputy } from './class-deputy';
import { rule as deputyIsOwner } from './deputy-is-owner';
import { rule as classRevocation } from './class-revocation';
import { rule as classRollback } from './class-rollback';
import { rule as classEvidence } from './class-evidence';
import { rule as unresolvedReference } from './unresolved-reference';
import { rule as duplicateId } from './duplicate-id';
import { rule as stepCycle } from './step-cycle';
import { rule as revocationOverSeverity } from './revocation-over-severity';
import { rule as criticalPathOverTarget } from './critical-path-over-target';
import { rule as unvalidatedDependent } from './unvalidated-dependent';
import { rule as highImpactUnapproved } from './high-impact-unapproved';
import { rule as automationLongLived } from './automation-long-lived';
import { rule as contactUnreachable } from './contact-unreachable';
import { rule as vendorOwner } from './vendor-owner';
import { rule as kindCertificateTrust } from './kind-certificate-trust';
import { rule as kindOauthConsent } from './kind-oauth-consent';
import { rule as kindAiAgentEvidence } from './kind-ai-agent-evidence';
import { rule as staleReview } from './stale-review';
import { rule as rotationOverdue } from './rotation-overdue';
import { rule as inlineSecret } from './inline-secret';
import { rule as undrilledClass } from './undrilled-class';
import { rule as unknownFramework } from './unknown-framework';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  classOwner,
  classDeputy,
  deputyIsOwner,
  classRevocation,
  classRollback,
  classEvidence,
  unresolvedReference,
  duplicateId,
  stepCycle,
  revocationOverSeverity,
  criticalPathOverTarget,
  unvalidatedDependent,
  highImpactUnapproved,
  automationLongLived,
  contactUnreachable,
  vendorOwner,
  kindCertificateTrust,
  kindOauthConsent,
  kindAiAgentEvidence,
  staleReview,
  rotationOverdue,
  inlineSecret,
  undrilledClass,
  unknownFramework,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
