// The starter plan that `irplan init` writes. It is a complete plan that validates clean, so a new
// author starts from something that passes and edits it into their own. The CLI replaces every
// `{{TODAY}}` with today's date (YYYY-MM-DD) before writing, so the review and rotation dates
// never start out stale. The text holds no backticks and no dollar-brace sequences.

/** The file name `irplan init` creates. */
export const INIT_PLAN_FILE = 'nhi.irplan.yaml';

/** The starter plan; `{{TODAY}}` stands for today's date. */
export const INIT_PLAN: string = `# Incident-response plan for non-human identities (keys, tokens, OAuth grants, certificates...).
# For each credential class: who owns it, where is it used, how fast can it be revoked.
# Check it with: irplan validate    Rehearse it with: irplan drill nhi.irplan.yaml
irplan: "1"

plan:
  id: example-nhi
  title: Example Co. non-human identity incident response plan
  owner: security-team            # the contact accountable for keeping this plan true
  incident_lead: secops-oncall    # one lead with authority across teams; last resort in drills
  last_reviewed: {{TODAY}}
  review_interval: 90d            # durations: 90s, 15m, 2h, 30d, 2w, 1y

# Who acts. Teams, people and vendors need a reach channel (page, email, chat or phone).
# Automation is an NHI the response itself uses: give it a short credential_ttl (24h at most).
contacts:
  secops-oncall:
    kind: team
    name: Security on-call
    page: pagerduty:PSECOPS
    chat: "#incident"
  security-team:
    kind: team
    name: Security engineering
    email: security@example.com
  platform-team:
    kind: team
    name: Platform engineering (cloud, CI, internal PKI)
    page: pagerduty:PPLATFORM
    chat: "#platform"
  head-of-security:
    kind: person
    name: Head of security
    phone: "+1 555 0100"
  cloud-support:
    kind: vendor
    name: Cloud provider support
    email: support-portal:example
  revoke-bot:
    kind: automation
    name: Revocation workflow (one short-lived role per run)
    credential_ttl: 1h

# The clock for each kind of exposure. The first severity declared is the most severe one:
# every class that uses it needs a drill. contain_within caps each class's revocation target.
severities:
  sev1:
    description: A production credential is exposed outside the company or used by someone unknown
    acknowledge_within: 15m
    contain_within: 1h
    notify: [head-of-security]
  sev2:
    description: A production credential is exposed internally with no sign of use
    acknowledge_within: 1h
    contain_within: 4h
    notify: [security-team]

# The blast radius: what breaks, or must be re-checked, when a credential changes.
services:
  ci-pipeline:
    owner: platform-team
    description: CI and deploy pipelines
  api:
    owner: platform-team
    description: Customer-facing API and the internal services it calls over mTLS

credential_classes:
  ci-cloud-keys:
    kind: cloud-access-key
    description: Long-lived cloud access keys that the deploy pipeline still uses
    owner: platform-team          # who decides and acts; not a vendor
    deputy: security-team         # who acts when the owner cannot be reached; not the owner
    severity: sev1
    used_by: [ci-pipeline]        # every service here needs a validate entry below
    lifecycle:
      rotation_interval: 90d
      last_rotated: {{TODAY}}     # rotation is overdue once last_rotated + rotation_interval passes
    revocation:
      target: 30m                 # must fit the severity's contain_within (1h)
      approval: none              # none | owner | deputy | incident-lead: who approves before the first step
      # Steps run in list order; "after: [x]" waits for x, "after: []" starts at once.
      # The longest chain of durations is the time to contain, and must fit the target.
      steps:
        - id: deactivate
          action: Deactivate the key (reversible, and its later use still shows in the audit log)
          actor: revoke-bot
          duration: 2m
          automated: true
        - id: review-usage
          action: Pull the key's audit log for the last 30 days and list every source IP and API call
          actor: secops-oncall
          duration: 15m
          after: []               # runs alongside the revocation
        - id: issue-replacement
          action: Issue a replacement and store it in the secret manager at vault:kv/ci/deploy
          actor: platform-team
          duration: 10m
          after: [deactivate]
        - id: delete-old
          action: Delete the old key once the pipeline has run green on the replacement
          actor: platform-team
          duration: 5m
          impact: high            # high impact needs an approval (here or on the revocation)
          approval: owner
      validate:                   # how each dependent service is checked after rotation
        - service: ci-pipeline
          check: A deploy dry run authenticates with the new key
    rollback:
      criteria:                   # when you undo or work around, decided before the incident
        - Production deploys fail for more than 15 minutes after the rotation
      steps:
        - action: Deploy by hand from the audited break-glass workstation until the new key works
          actor: platform-team
          duration: 15m
          approval: incident-lead
    evidence:                     # what to preserve before it rotates away, and for how long
      - id: audit-log
        source: Cloud provider audit log
        action: Export every event for the key id, 90 days back, with source IPs
        actor: secops-oncall
        retain: 1y
    frameworks: [OWASP-NHI2, OWASP-NHI7, CSF-RS.MI-01]

  internal-tls:
    kind: certificate
    description: Internal CA and service certificates for mTLS between services
    owner: platform-team
    deputy: security-team
    severity: sev2
    used_by: [api]
    lifecycle:
      rotation_interval: 180d
      last_rotated: {{TODAY}}
    revocation:
      target: 2h
      approval: owner
      steps:
        - id: new-ca
          action: Issue a new intermediate and publish a trust bundle holding old and new
          actor: platform-team
          duration: 45m
        - id: reissue
          action: Reissue service certificates from the new intermediate with a rolling restart
          actor: platform-team
          duration: 45m
        - id: drop-old
          action: Remove the old intermediate from the trust bundle
          actor: platform-team
          duration: 10m
      validate:                   # certificates: check trust propagation and that mTLS clients recover
        - service: api
          check: Every service presents the new chain and mTLS handshake errors are at baseline
    rollback:
      criteria:
        - mTLS handshake failures above baseline for 10 minutes after a trust bundle change
    evidence:
      - id: issuance-log
        source: CA issuance log
        action: Export every certificate issued since the suspected exposure
        actor: platform-team
        retain: 1y
    frameworks: [OWASP-NHI2, CSF-RS.MI-01]

# A drill replays a class's revocation on paper. An unavailable actor is replaced by the deputy,
# then the incident lead, and each replacement costs the handoff (here 47m instead of 17m).
drills:
  leaked-ci-key:
    title: Deploy key committed to a public repository while the platform team is unreachable
    class: ci-cloud-keys
    unavailable: [platform-team]
    handoff: 10m
    objectives:
      - contain_within: 1h
      - evidence: [audit-log]
    injects:
      - at: 0m
        message: Secret scanning reports the deploy key in a public repository
      - at: 5m
        message: The cloud provider attaches a quarantine policy to the key
        expect: [deactivate, review-usage]
        question: Who issues the replacement if the platform team does not answer?
`;
