// Order and clocks: step-cycle (one finding per cycle, on an `after` entry of the cycle),
// revocation-over-severity and critical-path-over-target (on the target value),
// high-impact-unapproved (on the step's impact value), automation-long-lived (on the contact's
// credential_ttl value, once per contact), stale-review (on last_reviewed), rotation-overdue (on
// last_rotated; "before today" is strict) and undrilled-class (on the class key).
import {
  BASE,
  CLASS_KEY,
  SECOND_CLASS,
  addClass,
  addContacts,
  baseSection,
  edit,
  library,
  replaceRevocationSteps,
  ruleTable,
  withImports,
  withoutDrills,
  withoutSections,
} from './harness';

/** A revocation steps block; each step is [id, extra lines (after:, duration: …)]. */
function steps(...list: [id: string, extra?: string][]): string {
  return (
    '      steps:\n' +
    list
      .map(([id, extra]) => {
        const lines = (extra ?? '').split('\n').filter((l) => l.length > 0);
        const hasDuration = lines.some((l) => l.startsWith('duration:'));
        return [
          `        - id: ${id}`,
          `          action: Step ${id} of the revocation`,
          '          actor: iam-team',
          ...(hasDuration ? [] : ['          duration: 1m']),
          ...lines.map((l) => `          ${l}`),
        ].join('\n');
      })
      .join('\n') +
    '\n'
  );
}

const withSteps = (...list: [string, string?][]) => replaceRevocationSteps(BASE, steps(...list));

ruleTable('step-cycle', [
  {
    name: 'a 2-cycle: one finding, on one of its after entries',
    yaml: withSteps(['a', 'after: [⟦{#c}b⟧]'], ['b', 'after: [⟦{#c}a⟧]']),
    messageIncludes: 'after',
  },
  {
    name: 'a 3-cycle: one finding, on one of its after entries',
    yaml: withSteps(['a', 'after: [⟦{#c}c⟧]'], ['b', 'after: [⟦{#c}a⟧]'], ['c', 'after: [⟦{#c}b⟧]']),
  },
  {
    name: 'a self-cycle on the first step: after: [x] on step x',
    yaml: withSteps(['x', 'after: [⟦x⟧]'], ['y']),
  },
  {
    name: 'a self-cycle on a later step: after: [x] on step x',
    yaml: withSteps(['w'], ['x', 'after: [w, ⟦x⟧]'], ['y']),
  },
  {
    name: 'a cycle through the implicit previous-step order: on the only after entry',
    yaml: withSteps(['a', 'after: [⟦b⟧]'], ['b']),
  },
  {
    name: 'a longer cycle through implicit order: a after c, b and c follow the previous step',
    yaml: withSteps(['a', 'after: [⟦c⟧]'], ['b'], ['c']),
  },
  {
    name: 'a cycle with an explicit and an implicit edge in the middle of the list',
    yaml: withSteps(['s'], ['a', 'after: [s, ⟦{#c}c⟧]'], ['b'], ['c', 'after: [⟦{#c}b⟧]']),
  },
  {
    name: 'two separate cycles give two findings',
    yaml: withSteps(['a', 'after: [⟦{#one}b⟧]'], ['b', 'after: [⟦{#one}a⟧]'], ['c', 'after: [⟦{#two}d⟧]'], ['d', 'after: [⟦{#two}c⟧]']),
  },
  {
    name: 'a step waiting on a cycle does not add a finding',
    yaml: withSteps(['a', 'after: [⟦{#c}b⟧]'], ['b', 'after: [⟦{#c}a⟧]'], ['c', 'after: [a, b]']),
  },
  {
    name: 'configured to warning, it reports at warning',
    yaml: withSteps(['x', 'after: [⟦x⟧]']),
    level: 'warning',
  },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet: steps that start at once (after: [])', yaml: withSteps(['a', 'after: []'], ['b', 'after: []'], ['c', 'after: [a, b]']) },
  { name: 'quiet: a diamond', yaml: withSteps(['a'], ['b', 'after: [a]'], ['c', 'after: [a]'], ['d', 'after: [b, c]']) },
  { name: 'quiet: a step waiting on a later step that starts at once', yaml: withSteps(['a', 'after: [b]'], ['b', 'after: []']) },
  { name: 'quiet: an after entry that names no step (that is unresolved-reference)', yaml: withSteps(['a', 'after: [nope]'], ['b']) },
]);

// ---------------------------------------------------------------------------------------------
const TARGET = (v: string) => ['      target: 15m\n', `      target: ${v}\n`] as [string, string];
const CLASS_SEV2 = ['    severity: sev1\n    third_party', '    severity: sev2\n    third_party'] as [string, string];

ruleTable('revocation-over-severity', [
  {
    name: 'fires on the target value when it is longer than contain_within',
    yaml: edit(BASE, TARGET('⟦2h⟧')),
    messageIncludes: ['sev1', '1h'],
  },
  { name: 'fires one minute over (61m > 1h)', yaml: edit(BASE, TARGET('⟦61m⟧')) },
  { name: 'fires for 25h against contain_within 1d (a d is 24 hours)', yaml: edit(BASE, TARGET('⟦25h⟧'), CLASS_SEV2) },
  {
    name: 'fires against an imported severity',
    yaml: edit(withImports(withoutSections(BASE, 'severities'), 'lib/sev.irplan.yaml'), TARGET('⟦45m⟧')),
    files: { 'lib/sev.irplan.yaml': library('sev', 'severities:\n  sev1:\n    contain_within: 30m\n  sev2:\n    contain_within: 1d\n') },
  },
  { name: 'configured to warning, it reports at warning', yaml: edit(BASE, TARGET('⟦2h⟧')), level: 'warning' },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet when equal (1h = 1h)', yaml: edit(BASE, TARGET('1h')) },
  { name: 'quiet when equal in other units (3600s = 1h)', yaml: edit(BASE, TARGET('3600s')) },
  { name: 'quiet for 24h and 1d against 1d', yaml: addClass(edit(BASE, TARGET('24h'), CLASS_SEV2), SECOND_CLASS.replace('target: 30m', 'target: 1d')) },
  { name: 'quiet when the severity has no contain_within', yaml: edit(BASE, ['    contain_within: 1h\n', ''], TARGET('2h')) },
  { name: 'quiet when the severity does not resolve', yaml: edit(BASE, TARGET('2h'), ['    severity: sev1\n    third_party', '    severity: sev7\n    third_party']) },
]);

// ---------------------------------------------------------------------------------------------
ruleTable('critical-path-over-target', [
  {
    name: 'fires on the target value when the steps take longer (2m + 10m > 10m)',
    yaml: edit(BASE, TARGET('⟦10m⟧')),
    messageIncludes: ['12m', '10m'],
  },
  {
    name: 'fires on a diamond whose longest path is over the target (2 + 10 + 1 = 13m)',
    yaml: replaceRevocationSteps(
      edit(BASE, TARGET('⟦12m⟧')),
      steps(['a', 'duration: 2m'], ['b', 'duration: 5m\nafter: [a]'], ['c', 'duration: 10m\nafter: [a]'], ['d', 'duration: 1m\nafter: [b, c]']),
    ),
    messageIncludes: '13m',
  },
  {
    name: 'fires with seconds (90s + 90s = 3m > 2m)',
    yaml: replaceRevocationSteps(edit(BASE, TARGET('⟦2m⟧')), steps(['a', 'duration: 90s'], ['b', 'duration: 90s'])),
  },
  { name: 'configured to info, it reports at info', yaml: edit(BASE, TARGET('⟦10m⟧')), level: 'info' },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet when the path equals the target (12m)', yaml: edit(BASE, TARGET('12m')) },
  { name: 'quiet when steps run in parallel (after: [] makes it 10m)', yaml: edit(BASE, TARGET('10m'), ['after: [revoke]', 'after: []']) },
  { name: 'quiet with seconds (90s + 90s = 3m)', yaml: replaceRevocationSteps(edit(BASE, TARGET('3m')), steps(['a', 'duration: 90s'], ['b', 'duration: 90s'])) },
  {
    name: 'quiet: with everyone available, approval gates cost nothing',
    yaml: edit(BASE, TARGET('12m'), ['      approval: none\n', '      approval: owner\n'], ['          after: [revoke]\n', '          after: [revoke]\n          approval: deputy\n']),
  },
  {
    name: 'quiet: rollback steps do not count towards the time to contain',
    yaml: edit(BASE, TARGET('12m'), ['          duration: 5m\n          impact: high', '          duration: 5h\n          impact: high']),
  },
]);

// ---------------------------------------------------------------------------------------------
const REVOKE_IMPACT = '          impact: low\n';

ruleTable('high-impact-unapproved', [
  {
    name: 'fires on the impact value of a high-impact step without approval',
    yaml: edit(BASE, [REVOKE_IMPACT, '          impact: ⟦high⟧\n']),
    messageIncludes: ['revoke', 'approval'],
  },
  {
    name: 'fires when the step says approval: none',
    yaml: edit(BASE, [REVOKE_IMPACT, '          impact: ⟦high⟧\n          approval: none\n']),
  },
  {
    name: 'fires when the revocation has no approval key (default none)',
    yaml: edit(BASE, [REVOKE_IMPACT, '          impact: ⟦high⟧\n'], ['      approval: none\n', '']),
  },
  {
    name: 'fires on a rollback step with high impact and no approval',
    yaml: edit(BASE, ['          impact: high\n          approval: incident-lead\n', '          impact: ⟦high⟧\n']),
  },
  {
    name: 'fires once per unapproved step',
    yaml: edit(BASE, [REVOKE_IMPACT, '          impact: ⟦high⟧\n'], ['          after: [revoke]\n', '          after: [revoke]\n          impact: ⟦high⟧\n']),
  },
  { name: 'configured to error, it reports at error', yaml: edit(BASE, [REVOKE_IMPACT, '          impact: ⟦high⟧\n']), level: 'error' },
  { name: 'quiet on the base plan (the high-impact rollback step has approval: incident-lead)', yaml: BASE },
  { name: 'quiet when the step has an approval', yaml: edit(BASE, [REVOKE_IMPACT, '          impact: high\n          approval: owner\n']) },
  {
    name: 'quiet when the revocation has an approval',
    yaml: edit(BASE, [REVOKE_IMPACT, '          impact: high\n'], ['      approval: none\n', '      approval: deputy\n']),
  },
  {
    name: 'quiet when the revocation has an approval, for a rollback step too',
    yaml: edit(BASE, ['          impact: high\n          approval: incident-lead\n', '          impact: high\n'], ['      approval: none\n', '      approval: incident-lead\n']),
  },
  { name: 'quiet for impact: low and for no impact', yaml: edit(BASE, [REVOKE_IMPACT, '']) },
]);

// ---------------------------------------------------------------------------------------------
const TTL = (v: string) => ['    credential_ttl: 1h\n', `    credential_ttl: ${v}\n`] as [string, string];

ruleTable('automation-long-lived', [
  {
    name: 'fires on the credential_ttl value of an acting automation contact (2d)',
    yaml: edit(BASE, TTL('⟦2d⟧')),
    messageIncludes: 'revoker-bot',
  },
  {
    name: 'once per contact, though it acts in several steps and classes',
    yaml: addClass(
      edit(BASE, TTL('⟦30d⟧'), ['          actor: iam-team\n          duration: 10m', '          actor: revoker-bot\n          duration: 10m'], ['          actor: iam-team\n          duration: 5m', '          actor: revoker-bot\n          duration: 5m']),
      SECOND_CLASS.replace('          actor: secops\n          duration: 5m', '          actor: revoker-bot\n          duration: 5m'),
    ),
  },
  { name: 'fires for 25h (over 24h)', yaml: edit(BASE, TTL('⟦25h⟧')) },
  { name: 'fires for 1441m', yaml: edit(BASE, TTL('⟦1441m⟧')) },
  {
    name: 'fires for a contact acting only in a rollback step',
    yaml: addContacts(
      edit(BASE, ['          actor: iam-team\n          duration: 5m', '          actor: rollback-bot\n          duration: 5m']),
      '  rollback-bot:\n    kind: automation\n    credential_ttl: ⟦1w⟧\n',
    ),
  },
  {
    name: 'two long-lived acting bots: one finding each',
    yaml: addContacts(
      edit(BASE, TTL('⟦90d⟧'), ['          actor: iam-team\n          duration: 10m', '          actor: issuer-bot\n          duration: 10m']),
      '  issuer-bot:\n    kind: automation\n    credential_ttl: ⟦1y⟧\n',
    ),
  },
  {
    name: 'an imported contact: on its first use as an actor in this document',
    yaml: edit(
      withImports(edit(BASE, ['  revoker-bot:\n    kind: automation\n    name: Token revocation bot\n    credential_ttl: 1h\n', '']), 'lib/bots.irplan.yaml'),
      ['          actor: revoker-bot\n', '          actor: ⟦revoker-bot⟧\n'],
    ),
    files: { 'lib/bots.irplan.yaml': library('bots', 'contacts:\n  revoker-bot:\n    kind: automation\n    credential_ttl: 30d\n') },
  },
  { name: 'configured to error, it reports at error', yaml: edit(BASE, TTL('⟦2d⟧')), level: 'error' },
  { name: 'quiet on the base plan (1h)', yaml: BASE },
  { name: 'quiet at exactly 24h', yaml: edit(BASE, TTL('24h')) },
  { name: 'quiet at 1d', yaml: edit(BASE, TTL('1d')) },
  { name: 'quiet at 1440m', yaml: edit(BASE, TTL('1440m')) },
  {
    name: 'quiet for a long-lived automation contact that acts in no step',
    yaml: addContacts(BASE, '  scanner-bot:\n    kind: automation\n    credential_ttl: 30d\n'),
  },
  {
    name: 'quiet for a long-lived automation contact that only collects evidence',
    yaml: addContacts(edit(BASE, ['        actor: secops\n        retain: 1y', '        actor: scanner-bot\n        retain: 1y']), '  scanner-bot:\n    kind: automation\n    credential_ttl: 30d\n'),
  },
]);

// ---------------------------------------------------------------------------------------------
const REVIEWED = (date: string, interval = '90d') => ['  last_reviewed: 2026-10-01\n  review_interval: 90d\n', `  last_reviewed: ${date}\n  review_interval: ${interval}\n`] as [string, string];

ruleTable('stale-review', [
  {
    name: 'fires on the last_reviewed value when the review is overdue',
    yaml: edit(BASE, REVIEWED('⟦2026-08-01⟧')),
    messageIncludes: '2026-10-30',
  },
  { name: 'fires when it was due yesterday (2026-08-26 + 90d = 2026-11-24)', yaml: edit(BASE, REVIEWED('⟦2026-08-26⟧')) },
  { name: 'fires with weeks (2026-09-01 + 12w = 2026-11-24)', yaml: edit(BASE, REVIEWED('⟦2026-09-01⟧', '12w')) },
  { name: 'fires with years (2025-11-24 + 1y = 2026-11-24)', yaml: edit(BASE, REVIEWED('⟦2025-11-24⟧', '1y')) },
  { name: 'fires with a quoted date', yaml: edit(BASE, REVIEWED('⟦"2026-08-01"⟧')) },
  { name: 'fires for the base plan when today is 2026-12-31', yaml: edit(BASE, REVIEWED('⟦2026-10-01⟧')), today: '2026-12-31' },
  { name: 'configured to error, it reports at error', yaml: edit(BASE, REVIEWED('⟦2026-08-01⟧')), level: 'error' },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet when due exactly today (2026-08-27 + 90d = 2026-11-25)', yaml: edit(BASE, REVIEWED('2026-08-27')) },
  { name: 'quiet when due exactly today with weeks (2026-09-02 + 12w)', yaml: edit(BASE, REVIEWED('2026-09-02', '12w')) },
  { name: 'quiet when due exactly today with years (2025-11-25 + 1y)', yaml: edit(BASE, REVIEWED('2025-11-25', '1y')) },
  { name: 'quiet for the base plan on its due day 2026-12-30', yaml: BASE, today: '2026-12-30' },
  { name: 'quiet for an impossible date (that is schema)', yaml: edit(BASE, REVIEWED('2026-02-30')) },
  { name: 'quiet for a library without review dates', yaml: library('shared', 'contacts:\n  secops:\n    kind: team\n    page: pagerduty:P1\n') },
]);

// ---------------------------------------------------------------------------------------------
const ROTATED = (date: string, interval = '30d') => ['      rotation_interval: 30d\n      last_rotated: 2026-11-01\n', `      rotation_interval: ${interval}\n      last_rotated: ${date}\n`] as [string, string];

ruleTable('rotation-overdue', [
  {
    name: 'fires on the last_rotated value when rotation is overdue',
    yaml: edit(BASE, ROTATED('⟦2026-09-01⟧')),
    messageIncludes: ['github-pat', '2026-10-01'],
  },
  { name: 'fires when it was due yesterday (2026-10-25 + 30d = 2026-11-24)', yaml: edit(BASE, ROTATED('⟦2026-10-25⟧')) },
  { name: 'fires with hours (2026-11-23 + 24h = 2026-11-24)', yaml: edit(BASE, ROTATED('⟦2026-11-23⟧', '24h')) },
  {
    name: 'fires for the overdue class only',
    yaml: addClass(BASE, SECOND_CLASS.replace('    used_by:', '    lifecycle:\n      rotation_interval: 1w\n      last_rotated: ⟦2026-11-17⟧\n    used_by:')),
  },
  { name: 'configured to info, it reports at info', yaml: edit(BASE, ROTATED('⟦2026-09-01⟧')), level: 'info' },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet when due exactly today (2026-10-26 + 30d = 2026-11-25)', yaml: edit(BASE, ROTATED('2026-10-26')) },
  { name: 'quiet when due exactly today with hours (2026-11-24 + 24h)', yaml: edit(BASE, ROTATED('2026-11-24', '24h')) },
  { name: 'quiet with a 1w interval due today (2026-11-18 + 1w)', yaml: edit(BASE, ROTATED('2026-11-18', '1w')) },
  { name: 'quiet without rotation_interval', yaml: edit(BASE, ['      rotation_interval: 30d\n      last_rotated: 2026-11-01\n', '      last_rotated: 2020-01-01\n']) },
]);

// ---------------------------------------------------------------------------------------------
ruleTable('undrilled-class', [
  {
    name: 'fires on the class key when a first-severity class has no drill',
    yaml: withoutDrills(edit(BASE, CLASS_KEY)),
    messageIncludes: ['github-pat', 'sev1'],
  },
  {
    name: 'fires for the undrilled first-severity class only',
    yaml: addClass(BASE, SECOND_CLASS.replace('  deploy-key:', '  ⟦deploy-key⟧:').replace('    severity: sev2', '    severity: sev1')),
  },
  {
    name: 'the first severity comes from the imports when the document declares none',
    yaml: withImports(withoutDrills(edit(withoutSections(BASE, 'severities'), CLASS_KEY)), 'lib/sev.irplan.yaml'),
    files: { 'lib/sev.irplan.yaml': library('sev', baseSection('severities')) },
  },
  {
    name: 'the first severity is the first declared, whatever its name',
    yaml: addClass(
      edit(BASE, [baseSection('severities'), 'severities:\n  sev2:\n    contain_within: 1d\n  sev1:\n    contain_within: 1h\n']),
      SECOND_CLASS.replace('  deploy-key:', '  ⟦deploy-key⟧:'),
    ),
  },
  { name: 'configured to warning, it reports at warning', yaml: withoutDrills(edit(BASE, CLASS_KEY)), level: 'warning' },
  { name: 'quiet on the base plan', yaml: BASE },
  { name: 'quiet for a class of another severity', yaml: withoutDrills(edit(BASE, CLASS_SEV2)) },
  { name: 'quiet with a second severity-2 class and no drill for it', yaml: addClass(BASE, SECOND_CLASS) },
]);

