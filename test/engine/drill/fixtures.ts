// Plans of the drill-view tests (engine, webview in Chromium): a drill whose every author text is
// hostile markup or a link, with an owner-gated first step whose owner is away (so the timeline
// has an approval wait, a handoff wait and a replaced actor), and a secret in an inject.
import { simulatePlanDrill, type DrillSimulation } from '../../../server/src/engine/drillSimulation';
import { MemoryIndex } from '../editor/fixture';

// Assembled from pieces so this file does not look like a leak to secret scanners.
export const FAKE_TOKEN = 'gh' + 'p_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5';

/** Strings that would run script, load an image or navigate if a view or report used them as markup. */
export const HOSTILE = {
  planTitle: `<script>window.__pwned = 'plan title'</script>`,
  contactName: `"><img src=x onerror="window.__pwned='contact'">`,
  action: `[click](javascript:window.__pwned='action') <script>window.__pwned='action'</script>`,
  drillTitle: `<img src=x onerror="window.__pwned='title'"> leaked token`,
  message: `javascript:window.__pwned='message' and the token ${FAKE_TOKEN}`,
  question: `<script>window.__pwned='question'</script> who approves?`,
};

export const PLAN_URI = '/ws/hostile.irplan.yaml';

export const HOSTILE_PLAN = `irplan: "1"
plan:
  id: hostile
  title: ${JSON.stringify(HOSTILE.planTitle)}
  owner: secops
  incident_lead: secops
  last_reviewed: 2026-10-01
  review_interval: 90d
contacts:
  secops:
    kind: team
    name: Security on-call
    page: pagerduty:P1
  iam-team:
    kind: team
    name: ${JSON.stringify(HOSTILE.contactName)}
    email: iam@acme.example
  platform:
    kind: team
    name: Platform engineering
    chat: "#platform"
  revoker-bot:
    kind: automation
    name: Revocation bot
    credential_ttl: 1h
severities:
  sev1:
    contain_within: 1h
credential_classes:
  github-pat:
    kind: api-key
    owner: iam-team
    deputy: platform
    severity: sev1
    revocation:
      target: 45m
      approval: owner
      steps:
        - id: revoke
          action: ${JSON.stringify(HOSTILE.action)}
          actor: revoker-bot
          duration: 2m
        - id: reissue
          action: Issue a replacement token
          actor: iam-team
          duration: 10m
          after: [revoke]
        - id: audit
          action: Search the audit log
          actor: secops
          duration: 15m
          after: []
    rollback:
      criteria:
        - Deploys fail
    evidence:
      - id: audit-log
        source: GitHub audit log
        action: Export the token's events
        actor: secops
        retain: 1y
drills:
  leaked:
    title: ${JSON.stringify(HOSTILE.drillTitle)}
    class: github-pat
    unavailable: [iam-team]
    handoff: 10m
    objectives:
      - contain_within: 1h
      - contain_within: 45m
      - evidence: [audit-log]
    injects:
      - at: 0m
        message: ${JSON.stringify(HOSTILE.message)}
      - at: 5m
        message: The audit log shows the token used from an unknown network
        expect: [revoke]
        question: ${JSON.stringify(HOSTILE.question)}
`;

/** The hostile drill simulated, as the server builds it for irplan/runDrill. */
export function hostileSimulation(): DrillSimulation {
  return simulationOf(PLAN_URI, HOSTILE_PLAN, 'leaked');
}

/** Any drill of a plan text, simulated as the server does it (contacts from the plan and its imports). */
export function simulationOf(uri: string, text: string, drillId: string, others: Record<string, string> = {}): DrillSimulation {
  const index = new MemoryIndex({ [uri]: text, ...others });
  const doc = index.get(uri)!;
  const run = simulatePlanDrill(doc, drillId, () => [...index.scopeOf(doc).contacts.values()].map((v) => v.def));
  if ('error' in run) throw new Error(run.error);
  return run.simulation;
}
