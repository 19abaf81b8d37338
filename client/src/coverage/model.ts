// What the coverage views show, from the server's irplan/coverage answer: the answer checked (it
// arrives over JSON-RPC), the nodes of the coverage tree (plan → class → control) and of the
// frameworks tree (group → risk or subcategory → class or drill), and what a click on a heat-map
// cell asks to reveal. Pure (no `vscode` import), so it is unit-tested; views.ts puts it on screen.
// Nothing here reads a plan: every fact comes from the server.
import type { CoverageClass, CoverageControlName, CoverageControlState, CoverageFramework, CoveragePlan, CoverageResult, ProtocolRange } from '../../../server/src/protocol';

export const CONTROL_NAMES: readonly CoverageControlName[] = ['owner', 'deputy', 'revocation', 'rollback', 'evidence', 'validation', 'drilled'];

/** How each control is named in the tree (spec section 10's words). */
export const CONTROL_LABELS: Readonly<Record<CoverageControlName, string>> = {
  owner: 'owner',
  deputy: 'deputy',
  revocation: 'revocation path',
  rollback: 'rollback criteria',
  evidence: 'evidence',
  validation: 'dependent validation',
  drilled: 'drilled',
};

/** Where a click takes the author: a document and the range to select (empty: put the cursor there). */
export interface RevealTarget {
  uri: string;
  range: ProtocolRange;
}

export interface TreeIcon {
  /** A codicon id. */
  id: string;
  /** A theme colour id. */
  color?: string;
}

export interface TreeNode {
  /** Stable across refreshes, so VS Code keeps what is expanded and selected. */
  id: string;
  label: string;
  description?: string;
  tooltip: string;
  icon: TreeIcon;
  /** Where a click goes; none for group nodes. */
  target?: RevealTarget;
  children: TreeNode[];
  /** Shown expanded the first time. */
  expanded: boolean;
}

const PASS: TreeIcon = { id: 'pass', color: 'testing.iconPassed' };
const FAIL: TreeIcon = { id: 'error', color: 'testing.iconFailed' };

// ---- Checking the answer

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = <T>(v: unknown, check: (x: unknown) => x is T): boolean => v === undefined || v === null || check(v);

function isPosition(v: unknown): v is ProtocolRange['start'] {
  return isObject(v) && isCount(v.line) && isCount(v.character);
}

export function isRange(v: unknown): v is ProtocolRange {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

function isControl(v: unknown): v is CoverageControlState {
  if (!isObject(v) || !(CONTROL_NAMES as readonly unknown[]).includes(v.name) || typeof v.ok !== 'boolean' || !optional(v.missing, isString)) return false;
  return v.target === undefined || v.target === null || (isObject(v.target) && isRange(v.target.range) && ['value', 'insert', 'class'].includes(v.target.kind as string));
}

function isClass(v: unknown): v is CoverageClass {
  return (
    isObject(v) &&
    isString(v.classId) &&
    isRange(v.range) &&
    isCount(v.covered) &&
    isCount(v.total) &&
    Array.isArray(v.drills) &&
    v.drills.every(isString) &&
    (v.lastVerdict === undefined || v.lastVerdict === null || v.lastVerdict === 'pass' || v.lastVerdict === 'fail') &&
    Array.isArray(v.controls) &&
    v.controls.length === CONTROL_NAMES.length &&
    v.controls.every(isControl)
  );
}

function isPlan(v: unknown): v is CoveragePlan {
  return isObject(v) && isString(v.uri) && isString(v.label) && optional(v.planId, isString) && optional(v.title, isString) && isCount(v.covered) && isCount(v.total) && Array.isArray(v.classes) && v.classes.every(isClass);
}

function isFramework(v: unknown): v is CoverageFramework {
  return (
    isObject(v) &&
    isString(v.tag) &&
    isString(v.id) &&
    isString(v.title) &&
    ['owasp-nhi', 'csf-respond', 'csf-recover', 'other'].includes(v.group as string) &&
    isString(v.groupTitle) &&
    Array.isArray(v.classes) &&
    v.classes.every((c) => isObject(c) && isString(c.uri) && isString(c.classId) && isRange(c.range)) &&
    Array.isArray(v.drills) &&
    v.drills.every((d) => isObject(d) && isString(d.uri) && isString(d.drillId) && optional(d.classId, isString) && isRange(d.range))
  );
}

/** The irplan/coverage answer, or undefined when it is not what the protocol declares. */
export function parseCoverageResult(value: unknown): CoverageResult | undefined {
  if (!isObject(value) || !Array.isArray(value.plans) || !Array.isArray(value.frameworks) || !isObject(value.coverage)) return undefined;
  if (!isCount(value.coverage.covered) || !isCount(value.coverage.total) || value.coverage.covered > value.coverage.total) return undefined;
  if (!value.plans.every(isPlan) || !value.frameworks.every(isFramework) || !optional(value.matrix, isString)) return undefined;
  return value as unknown as CoverageResult;
}

// ---- The coverage tree

/** `2 of 3 credential classes fully covered (66%)`, the percentage rounded down as in the status bar. */
export function coverageSummary(result: CoverageResult): string {
  const { covered, total } = result.coverage;
  if (result.plans.length === 0) return 'No plans in this workspace';
  const percent = total === 0 ? '' : ` (${Math.floor((covered * 100) / total)}%)`;
  return `${covered} of ${total} credential ${total === 1 ? 'class' : 'classes'} fully covered${percent}`;
}

export function coverageTree(result: CoverageResult): TreeNode[] {
  return result.plans.map((plan) => {
    const complete = plan.covered === plan.total;
    return {
      id: `plan:${plan.uri}`,
      label: plan.label,
      description: `${plan.covered}/${plan.total}`,
      tooltip: [plan.title ? `${plan.label}: ${plan.title}` : plan.label, `${plan.covered} of ${plan.total} credential classes fully covered`].join('\n'),
      icon: plan.total === 0 ? { id: 'circle-large-outline' } : complete ? PASS : FAIL,
      target: { uri: plan.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      children: plan.classes.map((c) => classNode(plan, c)),
      expanded: true,
    };
  });
}

function classNode(plan: CoveragePlan, c: CoverageClass): TreeNode {
  const id = `class:${plan.uri}#${c.classId}`;
  const missing = c.controls.filter((k) => !k.ok).map((k) => CONTROL_LABELS[k.name]);
  const drill = c.drills.length === 0 ? 'not drilled' : `drilled (${c.drills.join(', ')}), last drill ${c.lastVerdict ?? 'not run'}`;
  return {
    id,
    label: c.classId,
    description: `${c.covered}/${c.total}`,
    tooltip: [`${c.classId}: ${c.covered} of ${c.total} controls in place`, missing.length > 0 ? `Missing: ${missing.join(', ')}` : 'Every control is in place', drill].join('\n'),
    icon: c.covered === c.total ? PASS : FAIL,
    target: { uri: plan.uri, range: c.range },
    children: [...c.controls.map((k) => controlNode(plan, c, k)), verdictNode(plan, c)],
    // What a class lacks is what the view is for: such a class opens on what is missing.
    expanded: c.covered < c.total,
  };
}

function controlNode(plan: CoveragePlan, c: CoverageClass, k: CoverageControlState): TreeNode {
  const label = CONTROL_LABELS[k.name];
  if (k.ok) {
    return { id: `control:${plan.uri}#${c.classId}#${k.name}`, label, tooltip: `${c.classId} · ${label}: in place`, icon: PASS, target: { uri: plan.uri, range: c.range }, children: [], expanded: false };
  }
  const missing = k.missing ?? `${label} is missing`;
  const where = k.target?.kind === 'value' ? 'Click to go to the value to change.' : k.target?.kind === 'insert' ? 'Click to go to where it belongs.' : 'Click to go to the class.';
  return {
    id: `control:${plan.uri}#${c.classId}#${k.name}`,
    label,
    // The first clause says what is wrong ("no deputy"); the rest, what to do, is in the tooltip.
    description: missing.split(':')[0],
    tooltip: `${c.classId} · ${label}: ${missing}\n${where}`,
    icon: FAIL,
    target: { uri: plan.uri, range: k.target?.range ?? c.range },
    children: [],
    expanded: false,
  };
}

function verdictNode(plan: CoveragePlan, c: CoverageClass): TreeNode {
  const last = c.drills[c.drills.length - 1];
  const verdict = c.lastVerdict;
  return {
    id: `verdict:${plan.uri}#${c.classId}`,
    label: 'last drill',
    description: last === undefined ? 'none' : `${verdict ?? 'not run'} (${last})`,
    tooltip:
      last === undefined
        ? `${c.classId}: no drill exercises it`
        : `${c.classId}: the last drill, ${last}, ${verdict === 'pass' ? 'passes' : verdict === 'fail' ? 'fails' : 'was not simulated'} (by simulation, spec section 9)`,
    icon: verdict === 'pass' ? PASS : verdict === 'fail' ? FAIL : { id: 'circle-slash', color: 'disabledForeground' },
    target: { uri: plan.uri, range: c.range },
    children: [],
    expanded: false,
  };
}

// ---- The frameworks tree

/** `NHI2`, `RS.MA-01`, `ATLAS-AML.T0083`. */
export function frameworkShortId(f: Pick<CoverageFramework, 'group' | 'id' | 'tag'>): string {
  if (f.group === 'owasp-nhi') return f.id.replace(/:2025$/, '');
  if (f.group === 'csf-respond' || f.group === 'csf-recover') return f.id;
  return f.tag;
}

export function frameworkTree(result: CoverageResult): TreeNode[] {
  const labels = new Map(result.plans.map((p) => [p.uri, p.label]));
  const planLabel = (uri: string) => labels.get(uri) ?? uri;
  const groups: TreeNode[] = [];
  for (const f of result.frameworks) {
    let group = groups.find((g) => g.id === `group:${f.group}`);
    if (!group) {
      group = { id: `group:${f.group}`, label: f.groupTitle, tooltip: f.groupTitle, icon: { id: 'library' }, children: [], expanded: f.group !== 'other' };
      groups.push(group);
    }
    group.children.push(frameworkNode(f, planLabel));
  }
  for (const g of groups) {
    const tagged = g.children.filter((c) => c.children.length > 0).length;
    g.description = `${tagged}/${g.children.length} tagged`;
  }
  return groups;
}

function frameworkNode(f: CoverageFramework, planLabel: (uri: string) => string): TreeNode {
  const classes = f.classes.map(
    (c): TreeNode => ({
      id: `tagged:${f.tag}:${c.uri}#${c.classId}`,
      label: c.classId,
      description: planLabel(c.uri),
      tooltip: `Class ${c.classId} (${planLabel(c.uri)}) is tagged ${f.tag}`,
      icon: { id: 'symbol-class' },
      target: { uri: c.uri, range: c.range },
      children: [],
      expanded: false,
    }),
  );
  const drills = f.drills.map(
    (d): TreeNode => ({
      id: `drill:${f.tag}:${d.uri}#${d.drillId}`,
      label: d.drillId,
      description: `drill${d.classId ? ` of ${d.classId}` : ''} · ${planLabel(d.uri)}`,
      tooltip: `Drill ${d.drillId} (${planLabel(d.uri)}) is tagged ${f.tag}`,
      icon: { id: 'beaker' },
      target: { uri: d.uri, range: d.range },
      children: [],
      expanded: false,
    }),
  );
  const counts = [classes.length > 0 ? plural(classes.length, 'class', 'classes') : '', drills.length > 0 ? plural(drills.length, 'drill') : ''].filter(Boolean).join(', ');
  return {
    id: `framework:${f.tag}`,
    label: `${frameworkShortId(f)} ${f.title}`,
    description: counts === '' ? 'gap' : counts,
    tooltip: `${f.tag} (${f.id}): ${f.title}\n${counts === '' ? 'No class or drill is tagged with it.' : `Tagged: ${counts}`}`,
    icon: counts === '' ? { id: 'circle-large-outline', color: 'disabledForeground' } : PASS,
    children: [...classes, ...drills],
    expanded: false,
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- Messages from the coverage matrix

export interface RevealMessage {
  type: 'reveal';
  uri: string;
  classId: string;
  control?: CoverageControlName;
  tag?: string;
}

/** A message the matrix webview posted, checked: anything else is ignored. */
export function parseMatrixMessage(value: unknown): RevealMessage | undefined {
  if (!isObject(value) || value.type !== 'reveal' || !isString(value.uri) || !isString(value.classId)) return undefined;
  if (value.control !== undefined && !(CONTROL_NAMES as readonly unknown[]).includes(value.control)) return undefined;
  if (value.tag !== undefined && !isString(value.tag)) return undefined;
  return { type: 'reveal', uri: value.uri, classId: value.classId, control: value.control as CoverageControlName | undefined, tag: value.tag as string | undefined };
}

/**
 * Where a heat-map cell leads, looked up in the answer the page was drawn from: only a plan and a
 * class the server reported can be revealed (a message names them; it never names a file to open).
 * A missing control leads to where it belongs; anything else to the class.
 */
export function matrixTarget(result: CoverageResult, message: RevealMessage): RevealTarget | undefined {
  const plan = result.plans.find((p) => p.uri === message.uri);
  const cls = plan?.classes.find((c) => c.classId === message.classId);
  if (!plan || !cls) return undefined;
  const control = message.control && cls.controls.find((k) => k.name === message.control);
  return { uri: plan.uri, range: control && !control.ok && control.target ? control.target.range : cls.range };
}
