// Deterministic plan generator for benchmarks: `classes` credential classes, each about 64 lines,
// with contacts, services and severities sized to match. Same input, same text.
const KINDS = ['api-key', 'oauth-grant', 'service-account', 'certificate', 'workload-identity',
  'automation-token', 'ssh-key', 'cloud-access-key', 'database-credential', 'webhook-secret'];

export function generatePlan(classes, { teams = Math.max(4, Math.ceil(classes / 10)), prefix = 'gen' } = {}) {
  const out = [];
  const push = (s) => out.push(s);
  push('irplan: "1"');
  push('plan:');
  push(`  id: ${prefix}-plan`);
  push(`  title: Generated plan with ${classes} credential classes`);
  push('  owner: team-0');
  push('  incident_lead: team-1');
  push('  last_reviewed: 2026-10-01');
  push('  review_interval: 90d');
  push('contacts:');
  for (let t = 0; t < teams; t++) {
    push(`  team-${t}:`);
    push('    kind: team');
    push(`    name: Team number ${t}`);
    push(`    page: pagerduty:P${t}`);
    push(`    chat: "#team-${t}"`);
  }
  push('  revoker-bot:');
  push('    kind: automation');
  push('    name: Revocation bot');
  push('    credential_ttl: 1h');
  push('severities:');
  push('  sev1:');
  push('    description: Production write access exposed');
  push('    acknowledge_within: 15m');
  push('    contain_within: 1h');
  push('    notify: [team-0]');
  push('  sev2:');
  push('    description: Limited exposure');
  push('    acknowledge_within: 1h');
  push('    contain_within: 4h');
  push('    notify: [team-1]');
  push('services:');
  for (let c = 0; c < classes; c++) {
    push(`  svc-${c}-a:`);
    push(`    owner: team-${c % teams}`);
    push(`    description: Service A of class ${c}`);
    push(`  svc-${c}-b:`);
    push(`    owner: team-${(c + 1) % teams}`);
    push(`    description: Service B of class ${c}`);
  }
  push('credential_classes:');
  for (let c = 0; c < classes; c++) {
    const owner = `team-${c % teams}`;
    const deputy = `team-${(c + 1) % teams}`;
    push(`  class-${c}:`);
    push(`    kind: ${KINDS[c % KINDS.length] === 'certificate' || KINDS[c % KINDS.length] === 'oauth-grant' ? 'api-key' : KINDS[c % KINDS.length]}`);
    push(`    description: Generated credential class number ${c}`);
    push(`    owner: ${owner}`);
    push(`    deputy: ${deputy}`);
    push(`    severity: ${c % 3 === 0 ? 'sev1' : 'sev2'}`);
    push('    third_party: false');
    push(`    used_by: [svc-${c}-a, svc-${c}-b]`);
    push('    lifecycle:');
    push('      max_ttl: 90d');
    push('      rotation_interval: 30d');
    push('      last_rotated: 2026-11-01');
    push('    revocation:');
    push('      target: 30m');
    push('      approval: none');
    push('      steps:');
    push('        - id: revoke');
    push('          action: Revoke the credential at its issuer');
    push('          actor: revoker-bot');
    push('          duration: 2m');
    push('          impact: low');
    push('        - id: reissue');
    push('          action: Issue a replacement from the vault');
    push(`          actor: ${owner}`);
    push('          duration: 10m');
    push('          after: [revoke]');
    push('        - id: redeploy');
    push('          action: Roll the dependent services onto the replacement');
    push(`          actor: ${deputy}`);
    push('          duration: 10m');
    push('          after: [reissue]');
    push('          impact: high');
    push('          approval: owner');
    push('      validate:');
    push(`        - service: svc-${c}-a`);
    push('          check: Health check passes with the new credential');
    push(`        - service: svc-${c}-b`);
    push('          check: A smoke test authenticates with the new credential');
    push('    rollback:');
    push('      criteria:');
    push('        - Dependent services fail for more than 10 minutes after revocation');
    push('      steps:');
    push('        - action: Re-enable the previous credential for 30 minutes');
    push(`          actor: ${owner}`);
    push('          duration: 5m');
    push('          approval: incident-lead');
    push('    evidence:');
    push('      - id: audit-log');
    push('        source: Issuer audit log');
    push('        action: Export the credential audit events for the last 90 days');
    push(`        actor: ${deputy}`);
    push('        retain: 1y');
    push('    frameworks: [OWASP-NHI2, CSF-RS.MI-01]');
  }
  push('drills:');
  for (let c = 0; c < classes; c += 3) {
    push(`  drill-${c}:`);
    push(`    title: Leak of class ${c}`);
    push(`    class: class-${c}`);
    push(`    unavailable: [team-${c % teams}]`);
    push('    objectives:');
    push('      - contain_within: 1h');
    push('    injects:');
    push('      - at: 0m');
    push(`        message: Secret scanning alert for class ${c}`);
  }
  return out.join('\n') + '\n';
}
