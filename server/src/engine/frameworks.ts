// The framework catalogue: the single source for hover, completion and `unknown-framework`.
//
// Ids and titles are copied exactly from ../shared/reference/frameworks.md, which checked them
// against the publishers' own material, pinned to: OWASP Top 10 Non-Human Identities Risks 2025,
// NIST Cybersecurity Framework 2.0 and MITRE ATLAS v5.6. A test parses that file and checks that
// every id and title in it is here unchanged.
//
// Plan tags (spec section 6): `OWASP-NHI<n>`, `CSF-<id>`, `ATLAS-<id>`.

export type FrameworkFamily = 'OWASP-NHI' | 'NIST-CSF' | 'MITRE-ATLAS';
export type FrameworkKind = 'risk' | 'category' | 'subcategory' | 'technique';

export interface FrameworkEntry {
  /** The tag a plan writes: `OWASP-NHI2`, `CSF-RS.MI-01`, `ATLAS-AML.T0083`. */
  tag: string;
  family: FrameworkFamily;
  /** The framework's own id: `NHI2:2025`, `RS.MI-01`, `AML.T0083`. */
  id: string;
  /** The framework's title; for a CSF subcategory, its text. */
  title: string;
  /** A longer description, where there is one: an OWASP risk, the full text of a CSF category. */
  text?: string;
  kind?: FrameworkKind;
  /** CSF only: true for the Respond (RS) and Recover (RC) functions. */
  respondRecover?: boolean;
}

function owasp(n: number, title: string, text: string): FrameworkEntry {
  return { tag: `OWASP-NHI${n}`, family: 'OWASP-NHI', id: `NHI${n}:2025`, title, text, kind: 'risk' };
}

/** A CSF category row: "Title: description". */
function csfCategory(id: string, row: string): FrameworkEntry {
  const colon = row.indexOf(': ');
  return {
    tag: `CSF-${id}`,
    family: 'NIST-CSF',
    id,
    title: row.slice(0, colon),
    text: row,
    kind: 'category',
    respondRecover: id.startsWith('RS.') || id.startsWith('RC.'),
  };
}

function csfSubcategory(id: string, text: string): FrameworkEntry {
  return {
    tag: `CSF-${id}`,
    family: 'NIST-CSF',
    id,
    title: text,
    kind: 'subcategory',
    respondRecover: id.startsWith('RS.') || id.startsWith('RC.'),
  };
}

function atlas(id: string, title: string): FrameworkEntry {
  return { tag: `ATLAS-${id}`, family: 'MITRE-ATLAS', id, title, kind: 'technique' };
}

export const FRAMEWORKS: readonly FrameworkEntry[] = Object.freeze([
  // OWASP Top 10 Non-Human Identities Risks — 2025. Titles are the list's own; texts are ours.
  owasp(1, 'Improper Offboarding',
    'Non-human identities that are no longer needed, after a service is retired or its owner leaves, are not deactivated, so their credentials keep working with nobody watching them.'),
  owasp(2, 'Secret Leakage',
    'Secrets such as API keys, tokens and private keys are exposed in source code, logs, configuration files, tickets, chat or developer tools, where attackers can find and use them.'),
  owasp(3, 'Vulnerable Third-Party NHI',
    'Third-party integrations, extensions and vendors hold credentials into your systems, so a compromise of the third party becomes a compromise of yours.'),
  owasp(4, 'Insecure Authentication',
    'Non-human identities authenticate with deprecated or weak mechanisms, such as static passwords, implicit OAuth flows or no mutual authentication, that are easy to steal or abuse.'),
  owasp(5, 'Overprivileged NHI',
    'Non-human identities hold more permissions than their task needs, so one stolen credential gives an attacker wide access.'),
  owasp(6, 'Insecure Cloud Deployment Configurations',
    'CI/CD and cloud deployment setups use static credentials or loosely scoped identity federation that let someone else deploy or assume the pipeline\'s identity.'),
  owasp(7, 'Long-Lived Secrets',
    'Credentials with no expiry or a distant one stay valid long after they are exposed, giving an attacker a long window of use.'),
  owasp(8, 'Environment Isolation',
    'The same non-human identities or credentials are used across development, test and production, so a breach of a weaker environment reaches production.'),
  owasp(9, 'NHI Reuse',
    'One non-human identity is shared by several applications or services, so compromising any of them exposes all of them and blurs who is accountable.'),
  owasp(10, 'Human Use of NHI',
    'People use non-human identity credentials for manual or interactive work, bypassing the controls on human identities and muddying the audit trail.'),

  // NIST CSF 2.0 — Respond (RS).
  csfCategory('RS.MA', 'Incident Management: responses to detected cybersecurity incidents are managed'),
  csfSubcategory('RS.MA-01', 'The incident response plan is executed in coordination with relevant third parties once an incident is declared'),
  csfSubcategory('RS.MA-02', 'Incident reports are triaged and validated'),
  csfSubcategory('RS.MA-03', 'Incidents are categorized and prioritized'),
  csfSubcategory('RS.MA-04', 'Incidents are escalated or elevated as needed'),
  csfSubcategory('RS.MA-05', 'The criteria for initiating incident recovery are applied'),
  csfCategory('RS.AN', 'Incident Analysis: investigations are conducted to ensure effective response and support forensics and recovery activities'),
  csfSubcategory('RS.AN-03', 'Analysis is performed to establish what has taken place during an incident and the root cause of the incident'),
  csfSubcategory('RS.AN-06', 'Actions performed during an investigation are recorded, and the records\' integrity and provenance are preserved'),
  csfSubcategory('RS.AN-07', 'Incident data and metadata are collected, and their integrity and provenance are preserved'),
  csfSubcategory('RS.AN-08', 'An incident\'s magnitude is estimated and validated'),
  csfCategory('RS.CO', 'Incident Response Reporting and Communication: response activities are coordinated with internal and external stakeholders as required by laws, regulations, or policies'),
  csfSubcategory('RS.CO-02', 'Internal and external stakeholders are notified of incidents'),
  csfSubcategory('RS.CO-03', 'Information is shared with designated internal and external stakeholders'),
  csfCategory('RS.MI', 'Incident Mitigation: activities are performed to prevent expansion of an event and mitigate its effects'),
  csfSubcategory('RS.MI-01', 'Incidents are contained'),
  csfSubcategory('RS.MI-02', 'Incidents are eradicated'),

  // NIST CSF 2.0 — Recover (RC).
  csfCategory('RC.RP', 'Incident Recovery Plan Execution: restoration activities are performed to ensure operational availability of systems and services affected by cybersecurity incidents'),
  csfSubcategory('RC.RP-01', 'The recovery portion of the incident response plan is executed once initiated from the incident response process'),
  csfSubcategory('RC.RP-02', 'Recovery actions are selected, scoped, prioritized, and performed'),
  csfSubcategory('RC.RP-03', 'The integrity of backups and other restoration assets is verified before using them for restoration'),
  csfSubcategory('RC.RP-04', 'Critical mission functions and cybersecurity risk management are considered to establish post-incident operational norms'),
  csfSubcategory('RC.RP-05', 'The integrity of restored assets is verified, systems and services are restored, and normal operating status is confirmed'),
  csfSubcategory('RC.RP-06', 'The end of incident recovery is declared based on criteria, and incident-related documentation is completed'),
  csfCategory('RC.CO', 'Incident Recovery Communication: restoration activities are coordinated with internal and external parties'),
  csfSubcategory('RC.CO-03', 'Recovery activities and progress in restoring operational capabilities are communicated to designated internal and external stakeholders'),
  csfSubcategory('RC.CO-04', 'Public updates on incident recovery are shared using approved methods and messaging'),

  // NIST CSF 2.0 — related subcategories plans use.
  csfSubcategory('DE.AE-08', 'Incidents are declared when adverse events meet the defined incident criteria'),
  csfSubcategory('ID.IM-01', 'Improvements are identified from evaluations'),
  csfSubcategory('ID.IM-02', 'Improvements are identified from security tests and exercises, including those done in coordination with suppliers and relevant third parties'),
  csfSubcategory('ID.IM-03', 'Improvements are identified from execution of operational processes, procedures, and activities'),
  csfSubcategory('ID.IM-04', 'Incident response plans and other cybersecurity plans that affect operations are established, communicated, maintained, and improved'),
  // Not in frameworks.md's tables, but the successor of the withdrawn RS.AN-05, so a plan
  // following that suggestion must be valid.
  csfSubcategory('ID.RA-08', 'Processes for receiving, analyzing, and responding to vulnerability disclosures are established'),
  csfSubcategory('PR.AA-01', 'Identities and credentials for authorized users, services, and hardware are managed by the organization'),
  csfSubcategory('PR.AA-05', 'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties'),

  // MITRE ATLAS v5.6 — techniques about credentials.
  atlas('AML.T0012', 'Valid Accounts'),
  atlas('AML.T0053', 'AI Agent Tool Invocation'),
  atlas('AML.T0055', 'Unsecured Credentials'),
  atlas('AML.T0082', 'RAG Credential Harvesting'),
  atlas('AML.T0083', 'Credentials from AI Agent Configuration'),
  atlas('AML.T0086', 'Exfiltration via AI Agent Tool Invocation'),
  atlas('AML.T0091', 'Use Alternate Authentication Material'),
  atlas('AML.T0091.000', 'Application Access Token'),
  atlas('AML.T0098', 'AI Agent Tool Credential Harvesting'),
].map((entry) => Object.freeze(entry)));

const BY_TAG: ReadonlyMap<string, FrameworkEntry> = new Map(FRAMEWORKS.map((entry) => [entry.tag, entry]));
const BY_UPPER_TAG: ReadonlyMap<string, FrameworkEntry> = new Map(
  FRAMEWORKS.map((entry) => [entry.tag.toUpperCase(), entry]),
);

/** The catalogue entry for a plan tag, exactly as written (tags are case-sensitive). */
export function lookupFramework(tag: string): FrameworkEntry | undefined {
  return BY_TAG.get(tag);
}

interface Replacement {
  successors: readonly string[];
  reason: string;
}

/**
 * CSF 1.1 ids (one-digit suffix) whose CSF 2.0 successor differs from the zero-padded id,
 * from frameworks.md. RS.IM-2 and RC.IM-2 are included with their -1 siblings: CSF 2.0 moved
 * the whole 1.1 improvement categories into ID.IM, and ID.IM-04 is the one about plans.
 */
const CSF_11: ReadonlyMap<string, Replacement> = new Map([
  ['RS.RP-1', { successors: ['CSF-RS.MA-01'], reason: 'RS.RP-1 is a CSF 1.1 id ("Response plan is executed during or after an incident")' }],
  ['RS.CO-2', { successors: ['CSF-RS.CO-02'], reason: 'RS.CO-2 is a CSF 1.1 id' }],
  ['RS.CO-3', { successors: ['CSF-RS.CO-02'], reason: 'RS.CO-3 is a CSF 1.1 id (CSF 2.0 merged it into RS.CO-02)' }],
  ['RS.IM-1', { successors: ['CSF-ID.IM-04'], reason: 'RS.IM-1 is a CSF 1.1 id (CSF 2.0 moved improvement to ID.IM)' }],
  ['RS.IM-2', { successors: ['CSF-ID.IM-04'], reason: 'RS.IM-2 is a CSF 1.1 id (CSF 2.0 moved improvement to ID.IM)' }],
  ['RC.IM-1', { successors: ['CSF-ID.IM-04'], reason: 'RC.IM-1 is a CSF 1.1 id (CSF 2.0 moved improvement to ID.IM)' }],
  ['RC.IM-2', { successors: ['CSF-ID.IM-04'], reason: 'RC.IM-2 is a CSF 1.1 id (CSF 2.0 moved improvement to ID.IM)' }],
]);

/** CSF 2.0 ids that NIST withdrew, with where their content went (frameworks.md). */
const CSF_WITHDRAWN: ReadonlyMap<string, Replacement> = new Map([
  ['RS.AN-01', { successors: ['CSF-RS.MA-02'], reason: 'RS.AN-01 was withdrawn in CSF 2.0' }],
  ['RS.AN-02', { successors: ['CSF-RS.MA-02', 'CSF-RS.MA-03', 'CSF-RS.MA-04'], reason: 'RS.AN-02 was withdrawn in CSF 2.0' }],
  ['RS.AN-04', { successors: ['CSF-RS.MA-03'], reason: 'RS.AN-04 was withdrawn in CSF 2.0' }],
  ['RS.AN-05', { successors: ['CSF-ID.RA-08'], reason: 'RS.AN-05 was withdrawn in CSF 2.0' }],
]);

// Loose spellings, matched against the trimmed, upper-cased tag. Each has bounded quantifiers
// over disjoint pieces, so no backtracking blow-up.
const OWASP_LOOSE = /^(?:OWASP[-_ ]?)?(?:TOP[-_ ]?10[-_ ]?)?NHI[-_ ]?0?([0-9]{1,2})(?::2025)?$/;
const CSF_LOOSE = /^(?:NIST[-_ ]?)?(?:CSF[-_ ]?)?(?:2\.0[-_ ]?)?([A-Z]{2})\.([A-Z]{2})(?:[-_ ]?([0-9]{1,2}))?$/;
const ATLAS_LOOSE = /^(?:MITRE[-_ ]?)?(?:ATLAS[-_ ]?)?(?:AML\.)?T([0-9]{4})(\.[0-9]{3})?$/;

function result(successors: readonly string[], reasons: string[]): { successors: string[]; reason: string } {
  return { successors: [...successors], reason: reasons.join('; ') };
}

/**
 * For a tag that is not in the catalogue but recognisably means something that is: the tags to
 * write instead, and why (a clause without the successors, for the caller's message, e.g.
 * `"RS.RP-1 is a CSF 1.1 id"`). Covers CSF 1.1 and withdrawn CSF 2.0 ids, one-digit CSF 2.0 ids,
 * OWASP's own ids and loose spellings (`NHI-02`, `NHI2:2025`, `OWASP-NHI02`), ATLAS ids without
 * the `AML.` or `ATLAS-` part, and tags in the wrong case. Undefined for a catalogue tag and for
 * anything unrecognisable (then use suggestFramework).
 */
export function frameworkSuccessor(tag: string): { successors: string[]; reason: string } | undefined {
  if (BY_TAG.has(tag)) return undefined;
  const upper = tag.trim().toUpperCase();

  const sameButCase = BY_UPPER_TAG.get(upper);
  if (sameButCase !== undefined) {
    return result([sameButCase.tag], ['framework tags are case-sensitive']);
  }

  const owaspMatch = OWASP_LOOSE.exec(upper);
  if (owaspMatch !== null) {
    const entry = BY_TAG.get(`OWASP-NHI${Number(owaspMatch[1])}`);
    if (entry === undefined) return undefined;
    return result([entry.tag], [`plan tags for OWASP NHI risks are written OWASP-NHI<n> (OWASP's own id is ${entry.id})`]);
  }

  const atlasMatch = ATLAS_LOOSE.exec(upper);
  if (atlasMatch !== null) {
    const entry = BY_TAG.get(`ATLAS-AML.T${atlasMatch[1]}${atlasMatch[2] ?? ''}`);
    if (entry === undefined) return undefined;
    return result([entry.tag], ['plan tags for MITRE ATLAS are written ATLAS-<technique id>, e.g. ATLAS-AML.T0083']);
  }

  const csfMatch = CSF_LOOSE.exec(upper);
  if (csfMatch !== null) {
    const category = `${csfMatch[1]}.${csfMatch[2]}`;
    const digits = csfMatch[3];
    const reasons: string[] = [];
    if (!upper.startsWith('CSF-')) reasons.push('plan tags for NIST CSF are written CSF-<id>');
    if (digits === undefined) {
      const entry = BY_TAG.get(`CSF-${category}`);
      return entry === undefined ? undefined : result([entry.tag], reasons);
    }
    const number = Number(digits);
    const oneDigit = `${category}-${number}`;
    const twoDigit = `${category}-${String(number).padStart(2, '0')}`;
    // A one-digit id is CSF 1.1 when 1.1 had it and its 2.0 successor is not the padded id.
    const legacy = digits.length === 1 || digits.startsWith('0') ? CSF_11.get(oneDigit) : undefined;
    if (legacy !== undefined) return result(legacy.successors, [legacy.reason]);
    if (digits.length === 1) reasons.push('CSF 2.0 ids have two-digit numbers');
    const withdrawn = CSF_WITHDRAWN.get(twoDigit);
    if (withdrawn !== undefined) return result(withdrawn.successors, [...reasons, withdrawn.reason]);
    const entry = BY_TAG.get(`CSF-${twoDigit}`);
    if (entry !== undefined && reasons.length > 0) return result([entry.tag], reasons);
    return undefined;
  }
  return undefined;
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

const MAX_SUGGESTIONS = 3;
const MAX_DISTANCE = 3;

/**
 * The catalogue tags closest to `tag` for a "did you mean" (at most 3, edit distance at most 3,
 * ignoring case; nearest first, catalogue order between equals). Never includes `tag` itself.
 */
export function suggestFramework(tag: string): string[] {
  const upper = tag.trim().toUpperCase();
  const scored: Array<{ tag: string; distance: number; order: number }> = [];
  FRAMEWORKS.forEach((entry, order) => {
    if (entry.tag === tag) return;
    const distance = editDistance(upper, entry.tag.toUpperCase(), MAX_DISTANCE);
    if (distance <= MAX_DISTANCE) scored.push({ tag: entry.tag, distance, order });
  });
  scored.sort((x, y) => x.distance - y.distance || x.order - y.order);
  return scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.tag);
}
